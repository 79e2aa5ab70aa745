import { SeededRng } from '@alphintra/core';

/** Test helper: n fat-tailed, skewed period returns from a seed (a normal mixed with rare jumps). */
export function seededReturns(seed: number, n: number, drift = 0.0004, volatility = 0.01): Float64Array {
  const rng = new SeededRng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const jump = rng.nextFloat() < 0.03 ? -3 * volatility * rng.nextFloat() : 0;
    out[i] = drift + volatility * rng.nextNormal() + jump;
  }
  return out;
}

/** Test helper: the daily timestamps (epoch µs, from 2020-01-01, weekends included) of n bars. */
export function dailyTimes(n: number, start = 1_577_836_800_000_000): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = start + i * 86_400_000_000;
  return out;
}
