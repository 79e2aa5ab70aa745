import { assertNever, InvariantError } from '@alphintra/core';
import type { ResolvedAllocation } from '../spec/check-spec.js';
import { covarianceMatrix, shrunkCovariance } from './covariance.js';
import {
  inverseVolatilityWeights,
  maximumSharpeWeights,
  meanVarianceUtilityWeights,
  minimumVarianceWeights,
} from './mean-variance.js';
import { riskParityWeights } from './risk-parity.js';

/** Target weights and how they were reached. */
export interface Allocation {
  readonly weights: readonly number[];
  /** Why the method's own answer was not used, when it was not ('' otherwise). */
  readonly fallback: '' | 'too-little-history' | 'all-sleeves-idle' | 'no-excess-return';
}

/** Returns 1/n for n sleeves. */
export function equalWeights(n: number): number[] {
  return new Array<number>(n).fill(1 / n);
}

/**
 * Returns weights no larger than `cap` that sum to 1: weights above the cap are cut to it and
 * the excess is shared among the others in proportion to their weights (equally when those are
 * all 0), repeated until none is above. Needs cap · n ≥ 1.
 *
 * @example
 * capWeights([0.7, 0.2, 0.1], 0.5); // [0.5, 0.3333…, 0.1666…]
 */
export function capWeights(weights: readonly number[], cap: number): number[] {
  const n = weights.length;
  if (!(cap * n >= 1 - 1e-12)) throw new InvariantError(`expected a cap of at least 1/${n}, got ${cap}`);
  const out = [...weights];
  const capped = new Array<boolean>(n).fill(false);
  for (let round = 0; round < n; round++) {
    let excess = 0;
    for (let i = 0; i < n; i++) {
      if (!capped[i] && (out[i] as number) > cap) {
        excess += (out[i] as number) - cap;
        out[i] = cap;
        capped[i] = true;
      }
    }
    if (excess === 0) break;
    const open = out.map((_, i) => i).filter((i) => !capped[i]);
    const base = open.reduce((s, i) => s + (out[i] as number), 0);
    for (const i of open)
      out[i] = (out[i] as number) + (base > 0 ? (excess * (out[i] as number)) / base : excess / open.length);
  }
  return out;
}

function variance(series: Float64Array): number {
  const n = series.length;
  let mean = 0;
  for (let k = 0; k < n; k++) mean += series[k] as number;
  mean /= n;
  let sum = 0;
  for (let k = 0; k < n; k++) sum += ((series[k] as number) - mean) ** 2;
  return sum / (n - 1);
}

/**
 * The covariance of the window, shrunk as asked, with idle sleeves (no variation over the window:
 * a strategy out of the market) given no covariance and a variance floored at the smallest
 * variance of the active ones, so that risk-based methods treat an idle sleeve as the least
 * risky seen rather than as riskless (which would give it infinite weight).
 */
function windowCovariance(window: readonly Float64Array[], shrinkage: 'ledoit-wolf' | number): number[][] {
  const n = window.length;
  const active = window.map((_, i) => i).filter((i) => variance(window[i] as Float64Array) > 0);
  const activeSeries = active.map((i) => window[i] as Float64Array);
  const block =
    active.length >= 2 && shrinkage !== 0
      ? shrunkCovariance(activeSeries, shrinkage).matrix
      : covarianceMatrix(activeSeries);
  const floor = Math.min(...block.map((row, i) => row[i] as number));
  const out = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? floor : 0)));
  for (const [a, i] of active.entries()) {
    for (const [b, j] of active.entries()) (out[i] as number[])[j] = block[a]?.[b] as number;
  }
  return out;
}

function means(window: readonly Float64Array[]): number[] {
  return window.map((w) => w.reduce((s, x) => s + x, 0) / w.length);
}

/**
 * Returns target weights for sleeves from their trailing period returns (`history[s]` holds
 * sleeve s's returns up to now, oldest first: the allocation never sees later ones). Fixed and
 * equal weights need no history; the other methods use the last `lookback` returns and give
 * equal weights until that many exist, or when every sleeve was idle over the window.
 * `riskFreePerPeriod` is the per-period rate `max-sharpe` measures excess returns over. Weights
 * are then capped at `maxWeight`.
 */
export function allocate(
  method: ResolvedAllocation,
  history: readonly Float64Array[],
  maxWeight: number,
  riskFreePerPeriod = 0,
): Allocation {
  const n = history.length;
  const cap = (weights: readonly number[], fallback: Allocation['fallback'] = ''): Allocation => ({
    weights: Number.isFinite(maxWeight) ? capWeights(weights, maxWeight) : [...weights],
    fallback,
  });
  switch (method.kind) {
    case 'fixed':
      return cap(method.weights);
    case 'equal':
      return cap(equalWeights(n));
    case 'inverse-volatility':
    case 'risk-parity':
    case 'min-variance':
    case 'max-sharpe':
    case 'utility':
      break;
    default:
      assertNever(method);
  }
  const available = Math.min(...history.map((h) => h.length));
  if (available < method.lookback) return cap(equalWeights(n), 'too-little-history');
  const window = history.map((h) => h.subarray(h.length - method.lookback));
  if (window.every((w) => !(variance(w) > 0))) return cap(equalWeights(n), 'all-sleeves-idle');
  switch (method.kind) {
    case 'inverse-volatility':
      return cap(inverseVolatilityWeights(windowCovariance(window, 0)));
    case 'risk-parity':
      return cap(riskParityWeights(windowCovariance(window, method.shrinkage), method.budgets));
    case 'min-variance':
      return cap(minimumVarianceWeights(windowCovariance(window, method.shrinkage)));
    case 'max-sharpe': {
      const result = maximumSharpeWeights(windowCovariance(window, method.shrinkage), means(window), riskFreePerPeriod);
      return cap(result.weights, result.fallback ? 'no-excess-return' : '');
    }
    case 'utility':
      return cap(
        meanVarianceUtilityWeights(windowCovariance(window, method.shrinkage), means(window), method.riskAversion),
      );
    default:
      return assertNever(method);
  }
}
