import { InvariantError } from '@alphintra/core';

/**
 * A small dense square matrix, row-major: `rows[i][j]`. Portfolios have a handful of sleeves,
 * so allocation works on plain arrays; clarity wins over speed here.
 */
export type Matrix = readonly (readonly number[])[];

/** Returns `m · v`. */
export function multiply(m: Matrix, v: readonly number[]): number[] {
  return m.map((row) => {
    let sum = 0;
    for (let j = 0; j < row.length; j++) sum += (row[j] as number) * (v[j] as number);
    return sum;
  });
}

/** Returns `vᵀ · m · v`. */
export function quadraticForm(m: Matrix, v: readonly number[]): number {
  const mv = multiply(m, v);
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += (v[i] as number) * (mv[i] as number);
  return sum;
}

/**
 * Solves `a · x = b` by Gaussian elimination with partial pivoting. Throws an invariant error
 * when `a` is singular (a pivot below `1e-300` after scaling), which allocation never builds:
 * its matrices are covariance blocks made positive definite first.
 */
export function solveLinear(a: Matrix, b: readonly number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(m[r]?.[col] as number) > Math.abs(m[pivot]?.[col] as number)) pivot = r;
    }
    const pivotRow = m[pivot] as number[];
    if (!(Math.abs(pivotRow[col] as number) > 1e-300)) {
      throw new InvariantError(`expected a non-singular system of ${n} equations`);
    }
    m[pivot] = m[col] as number[];
    m[col] = pivotRow;
    for (let r = col + 1; r < n; r++) {
      const row = m[r] as number[];
      const factor = (row[col] as number) / (pivotRow[col] as number);
      if (factor === 0) continue;
      for (let c = col; c <= n; c++) row[c] = (row[c] as number) - factor * (pivotRow[c] as number);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const row = m[r] as number[];
    let sum = row[n] as number;
    for (let c = r + 1; c < n; c++) sum -= (row[c] as number) * (x[c] as number);
    x[r] = sum / (row[r] as number);
  }
  return x;
}

/** Returns the weights scaled to sum to 1 (throws when they sum to a non-positive number). */
export function normalise(weights: readonly number[]): number[] {
  let total = 0;
  for (const w of weights) total += w;
  if (!(total > 0)) throw new InvariantError(`expected weights with a positive sum, got ${total}`);
  return weights.map((w) => w / total);
}
