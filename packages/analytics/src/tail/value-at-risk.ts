import { AlphintraError } from '@alphintra/core';
import { centralMoments, mean, quantileSorted, sampleStd, sortedCopy } from '../support/moments.js';
import { normalPdf, normalQuantile } from '../support/normal.js';

/**
 * Value at risk and conditional value at risk of one period at one confidence level, all as
 * positive losses (0.02 = a 2 % loss); NaN where undefined.
 */
export interface TailRisk {
  /** The confidence level c, e.g. 0.95; the tail is the worst 1 − c of periods. */
  readonly confidence: number;
  /** −q₁₋c of the returns (type-7 quantile). */
  readonly historicalVar: number;
  /** −mean of the returns at or below q₁₋c. */
  readonly historicalCvar: number;
  /** −(μ + σ·z₁₋c) with the sample mean and std. */
  readonly parametricVar: number;
  /** −(μ − σ·φ(z₁₋c) / (1 − c)), the normal expected shortfall. */
  readonly parametricCvar: number;
  /** −(μ + σ·z_cf), z₁₋c adjusted for skew and excess kurtosis (Cornish–Fisher). */
  readonly cornishFisherVar: number;
  /** −mean of the Cornish–Fisher quantile over the tail, integrated numerically. */
  readonly cornishFisherCvar: number;
}

/**
 * Returns the Cornish–Fisher expansion of the standard normal quantile z for skew S and excess
 * kurtosis K: z + (z² − 1)S/6 + (z³ − 3z)K/24 − (2z³ − 5z)S²/36.
 */
export function cornishFisherQuantile(z: number, skew: number, excessKurtosis: number): number {
  const z2 = z * z;
  const z3 = z2 * z;
  return z + ((z2 - 1) * skew) / 6 + ((z3 - 3 * z) * excessKurtosis) / 24 - ((2 * z3 - 5 * z) * skew * skew) / 36;
}

/** Midpoints used to average the Cornish–Fisher quantile over the tail. */
const TAIL_STEPS = 2000;

/**
 * Returns the mean of the Cornish–Fisher quantile over the lower tail of probability `alpha`:
 * (1/α)·∫₀^α cf(Φ⁻¹(u)) du by the midpoint rule on 2000 cells. With no skew or excess kurtosis
 * it is the normal tail mean −φ(Φ⁻¹(α))/α.
 */
export function cornishFisherTailMean(alpha: number, skew: number, excessKurtosis: number): number {
  let sum = 0;
  for (let k = 0; k < TAIL_STEPS; k++) {
    sum += cornishFisherQuantile(normalQuantile((alpha * (k + 0.5)) / TAIL_STEPS), skew, excessKurtosis);
  }
  return sum / TAIL_STEPS;
}

/**
 * Returns the one-period VaR and CVaR of period returns at a confidence level in (0, 1).
 *
 * @example
 * tailRisk(returns, 0.95).historicalVar; // e.g. 0.021: a 2.1 % loss is exceeded on 5 % of periods
 */
export function tailRisk(returns: ArrayLike<number>, confidence: number): TailRisk {
  if (!(confidence > 0 && confidence < 1)) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected a confidence level in (0, 1), got ${confidence}`);
  }
  const alpha = 1 - confidence;
  const sorted = sortedCopy(returns);
  const n = sorted.length;
  const q = quantileSorted(sorted, alpha);
  let tailSum = 0;
  let tailCount = 0;
  for (let i = 0; i < n && (sorted[i] as number) <= q; i++) {
    tailSum += sorted[i] as number;
    tailCount++;
  }
  const mu = mean(returns);
  const sigma = sampleStd(returns);
  const z = normalQuantile(alpha);
  let skew = Number.NaN;
  let kurt = Number.NaN;
  if (n >= 4) {
    const { m2, m3, m4 } = centralMoments(returns);
    // A series without spread has no shape: treat it as normal, where the terms vanish anyway.
    skew = m2 > 0 ? m3 / m2 ** 1.5 : 0;
    kurt = m2 > 0 ? m4 / (m2 * m2) - 3 : 0;
  }
  return {
    confidence,
    historicalVar: -q,
    historicalCvar: tailCount > 0 ? -tailSum / tailCount : Number.NaN,
    parametricVar: -(mu + sigma * z),
    parametricCvar: -(mu - (sigma * normalPdf(z)) / alpha),
    cornishFisherVar: -(mu + sigma * cornishFisherQuantile(z, skew, kurt)),
    cornishFisherCvar: -(mu + sigma * cornishFisherTailMean(alpha, skew, kurt)),
  };
}
