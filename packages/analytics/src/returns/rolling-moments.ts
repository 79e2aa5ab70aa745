import { AlphintraError } from '@alphintra/core';

/** Mean and sample variance of each trailing window (see {@link rollingMeanVariance}). */
export interface RollingMoments {
  readonly mean: Float64Array;
  readonly variance: Float64Array;
}

/** Sets out[i] to the two-pass mean and sample variance of values[i − w + 1 … i], as `sampleVariance` does. */
function exactWindow(values: Float64Array, i: number, w: number, out: { m: number; m2: number }): void {
  let sum = 0;
  for (let j = i - w + 1; j <= i; j++) sum += values[j] as number;
  const m = sum / w;
  let ss = 0;
  for (let j = i - w + 1; j <= i; j++) {
    const d = (values[j] as number) - m;
    ss += d * d;
  }
  out.m = m;
  out.m2 = ss;
}

/**
 * Returns the mean and sample variance (divisor w − 1) of each trailing window of `window`
 * values, aligned with the input, NaN for the first window − 1 elements (and every variance
 * when the window is 1). O(n) whatever the window: the window slides by Welford's update
 * (adding the new value and removing the old one), which keeps the error of the running sum of
 * squares near that of the data, and is recomputed in two passes every `window` values, so
 * rounding cannot accumulate. A window whose values are all equal gets exactly that mean and
 * a variance of exactly 0, as long stretches of zero returns (flat positions) must.
 */
export function rollingMeanVariance(values: Float64Array, window: number): RollingMoments {
  if (!(Number.isInteger(window) && window >= 1)) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected a positive integer window, got ${window}`);
  }
  const n = values.length;
  const mean = new Float64Array(n).fill(Number.NaN);
  const variance = new Float64Array(n).fill(Number.NaN);
  const state = { m: 0, m2: 0 };
  let run = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    run = i > 0 && x === values[i - 1] ? run + 1 : 1;
    if (i < window) {
      const d = x - state.m;
      state.m += d / (i + 1);
      state.m2 += d * (x - state.m);
    } else {
      const old = values[i - window] as number;
      const next = state.m + (x - old) / window;
      state.m2 += (x - old) * (x - next + old - state.m);
      state.m = next;
    }
    if (i < window - 1) continue;
    if ((i + 1) % window === 0) exactWindow(values, i, window, state);
    if (run >= window) {
      mean[i] = x;
      variance[i] = window > 1 ? 0 : Number.NaN;
    } else {
      mean[i] = state.m;
      variance[i] = window > 1 ? Math.max(0, state.m2) / (window - 1) : Number.NaN;
    }
  }
  return { mean, variance };
}
