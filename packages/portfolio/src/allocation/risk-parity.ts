import { AlphintraError, InvariantError } from '@alphintra/core';
import { type Matrix, multiply, normalise, quadraticForm } from './matrix.js';

/**
 * Returns each asset's share of the portfolio variance: wᵢ·(Σw)ᵢ / wᵀΣw (they sum to 1).
 *
 * @example
 * riskContributions([[0.04, 0], [0, 0.01]], [1 / 3, 2 / 3]); // [0.5, 0.5]
 */
export function riskContributions(covariance: Matrix, weights: readonly number[]): number[] {
  const variance = quadraticForm(covariance, weights);
  const marginal = multiply(covariance, weights);
  return weights.map((w, i) => (w * (marginal[i] as number)) / variance);
}

const MAX_SWEEPS = 100_000;
const TOLERANCE = 1e-13;

/**
 * Returns the long-only weights (summing to 1) whose risk contributions equal the budgets
 * (equal by default: the equal-risk-contribution portfolio). Solved by cyclical coordinate
 * descent on f(y) = ½·yᵀΣy − Σ bᵢ·ln yᵢ, whose minimiser, scaled to sum to 1, has contributions
 * exactly b (Griveau-Billion, Richard and Roncalli, 2013): each step sets one yᵢ to the positive
 * root of Σᵢᵢ·yᵢ² + cᵢ·yᵢ − bᵢ = 0, with cᵢ = Σⱼ≠ᵢ Σᵢⱼ·yⱼ. The covariance must be positive
 * definite. Sweeps stop when every contribution is within 1e-13 of its budget.
 *
 * @example
 * riskParityWeights([[0.04, 0.006], [0.006, 0.01]]); // ≈ [1/3, 2/3]: for two assets, inverse volatility
 */
export function riskParityWeights(covariance: Matrix, budgets?: readonly number[]): number[] {
  const n = covariance.length;
  const b = budgets === undefined ? new Array<number>(n).fill(1 / n) : normalise(budgets);
  if (b.length !== n) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected ${n} risk budgets, got ${b.length}`);
  }
  for (const [i, budget] of b.entries()) {
    if (!(budget > 0))
      throw new AlphintraError('INVALID_ARGUMENT', `expected positive risk budgets, got ${budget} at ${i}`);
  }
  for (let i = 0; i < n; i++) {
    if (!((covariance[i]?.[i] as number) > 0)) {
      throw new AlphintraError('INVALID_ARGUMENT', `expected a positive variance for asset ${i}`);
    }
  }
  // Start from inverse volatility, which is already the answer when assets are uncorrelated.
  const y = covariance.map((row, i) => 1 / Math.sqrt(row[i] as number));
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    for (let i = 0; i < n; i++) {
      const row = covariance[i] as readonly number[];
      let c = 0;
      for (let j = 0; j < n; j++) if (j !== i) c += (row[j] as number) * (y[j] as number);
      const a = row[i] as number;
      y[i] = (-c + Math.sqrt(c * c + 4 * a * (b[i] as number))) / (2 * a);
    }
    const weights = normalise(y);
    const contributions = riskContributions(covariance, weights);
    let worst = 0;
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs((contributions[i] as number) - (b[i] as number)));
    if (worst < TOLERANCE) return weights;
  }
  throw new InvariantError(
    `risk parity did not converge in ${MAX_SWEEPS} sweeps (is the covariance positive definite?)`,
  );
}
