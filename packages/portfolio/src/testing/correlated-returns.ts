import { SeededRng } from '@alphintra/core';

/**
 * Test helper: `series` return series of length `n` from a seed, correlated through a shared
 * factor (loading `loading`, one for all or one per series), with volatilities growing by series
 * (0.01, 0.015, 0.02 …).
 */
export function correlatedReturns(
  seed: number,
  series: number,
  n: number,
  loading: number | readonly number[] = 0.5,
): Float64Array[] {
  const rng = new SeededRng(seed);
  const out = Array.from({ length: series }, () => new Float64Array(n));
  for (let t = 0; t < n; t++) {
    const factor = rng.nextNormal();
    for (let s = 0; s < series; s++) {
      const volatility = 0.01 + 0.005 * s;
      const l = typeof loading === 'number' ? loading : (loading[s] as number);
      (out[s] as Float64Array)[t] = 0.0003 * (s + 1) + volatility * (l * factor + (1 - l) * rng.nextNormal());
    }
  }
  return out;
}
