import { AlphintraError, InvariantError } from '@alphintra/core';
import { type Matrix, multiply, solveLinear } from './matrix.js';

/** A convex quadratic programme over non-negative x with one linear equality. */
export interface SimplexProblem {
  /** Positive definite n × n matrix of the quadratic term. */
  readonly q: Matrix;
  /** Linear term (zeros when absent). */
  readonly c?: readonly number[];
  /** Coefficients of the equality aᵀx = 1 (at least one positive). */
  readonly a: readonly number[];
}

/**
 * Minimises ½·xᵀQx + cᵀx subject to aᵀx = 1 and x ≥ 0 by a primal active-set method (Nocedal
 * and Wright, Numerical Optimization, algorithm 16.3): start at a vertex, solve the equality-
 * constrained problem on the free variables (its KKT system), step as far as feasibility allows,
 * fix a variable at 0 when it blocks, free the one with the most negative multiplier when the
 * step is zero, and stop when every fixed variable's multiplier is non-negative — which, Q
 * being positive definite, is the unique optimum. Exact up to rounding, so allocation can be
 * checked against closed forms to 1e-12.
 *
 * @example
 * solveSimplexQp({ q: covariance, a: [1, 1, 1] }); // long-only minimum-variance weights
 */
export function solveSimplexQp(problem: SimplexProblem): number[] {
  const { q, a } = problem;
  const n = a.length;
  const c = problem.c ?? new Array<number>(n).fill(0);
  if (q.length !== n || c.length !== n) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `expected a ${n} × ${n} problem, got ${q.length} rows and ${c.length} terms`,
    );
  }
  let start = -1;
  for (let i = 0; i < n; i++)
    if ((a[i] as number) > 0 && (start < 0 || (a[i] as number) > (a[start] as number))) start = i;
  if (start < 0) throw new AlphintraError('INVALID_ARGUMENT', 'expected a positive coefficient in the equality');
  const x = new Array<number>(n).fill(0);
  x[start] = 1 / (a[start] as number);
  const fixed = new Array<boolean>(n).fill(true);
  fixed[start] = false;
  const scale = Math.max(1e-300, ...q.map((row, i) => Math.abs(row[i] as number)), ...c.map(Math.abs));

  for (let iteration = 0; iteration < 100 * (n + 1) * (n + 1); iteration++) {
    const gradient = multiply(q, x).map((v, i) => v + (c[i] as number));
    const free = x.map((_, i) => i).filter((i) => !fixed[i]);
    const { step, multiplier } = equalityStep(q, a, gradient, free);
    const size = Math.max(...step.map(Math.abs));
    if (size <= 1e-14 * Math.max(1, ...x.map(Math.abs))) {
      let release = -1;
      let worst = -1e-12 * scale;
      for (let i = 0; i < n; i++) {
        if (!fixed[i]) continue;
        const lambda = (gradient[i] as number) + multiplier * (a[i] as number);
        if (lambda < worst) {
          worst = lambda;
          release = i;
        }
      }
      if (release < 0) return x.map((v) => Math.max(v, 0));
      fixed[release] = false;
      continue;
    }
    let alpha = 1;
    let blocking = -1;
    for (let i = 0; i < n; i++) {
      const p = step[i] as number;
      if (fixed[i] || p >= 0) continue;
      const ratio = -(x[i] as number) / p;
      if (ratio < alpha) {
        alpha = ratio;
        blocking = i;
      }
    }
    for (let i = 0; i < n; i++) x[i] = (x[i] as number) + alpha * (step[i] as number);
    if (blocking >= 0) {
      x[blocking] = 0;
      fixed[blocking] = true;
    }
  }
  throw new InvariantError(`the active-set solver did not converge on a ${n}-asset problem`);
}

/**
 * The step p minimising ½pᵀQp + gᵀp with aᵀp = 0 and p = 0 off `free`, and the equality's
 * multiplier ν (Qp + νa = −g on the free variables).
 */
function equalityStep(
  q: Matrix,
  a: readonly number[],
  gradient: readonly number[],
  free: readonly number[],
): { step: number[]; multiplier: number } {
  const m = free.length;
  const kkt: number[][] = [];
  const rhs: number[] = [];
  for (const i of free) {
    kkt.push([...free.map((j) => q[i]?.[j] as number), a[i] as number]);
    rhs.push(-(gradient[i] as number));
  }
  kkt.push([...free.map((j) => a[j] as number), 0]);
  rhs.push(0);
  const solution = solveLinear(kkt, rhs);
  const step = new Array<number>(a.length).fill(0);
  for (let k = 0; k < m; k++) step[free[k] as number] = solution[k] as number;
  return { step, multiplier: solution[m] as number };
}
