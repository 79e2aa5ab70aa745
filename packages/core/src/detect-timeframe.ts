import { MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MINUTE, MICROS_PER_SECOND } from './time.js';
import type { Timeframe } from './timeframe.js';

const SAMPLE_LIMIT = 100_000;

/**
 * Infers the timeframe of bars from the most common positive step between consecutive
 * timestamps (looking at up to the first 100,000 steps).
 *
 * Daily bars with weekends and holidays still read as `1d` because one-day steps dominate;
 * 7-day steps read as `1w`, 28–31-day steps as `1M` (and 89–92 as `3M`). Steps that are not a
 * whole number of seconds, or series where no step reaches a fifth of the samples, read
 * as `tick`. Returns `undefined` for fewer than two distinct timestamps.
 *
 * @example
 * detectTimeframe(series.time) // { unit: 'minute', count: 5 }
 */
export function detectTimeframe(time: Float64Array): Timeframe | undefined {
  const counts = new Map<number, number>();
  let samples = 0;
  const n = Math.min(time.length, SAMPLE_LIMIT + 1);
  for (let i = 1; i < n; i++) {
    const step = (time[i] as number) - (time[i - 1] as number);
    if (step <= 0) continue;
    counts.set(step, (counts.get(step) ?? 0) + 1);
    samples++;
  }
  if (samples === 0) return undefined;
  let best = 0;
  let bestCount = 0;
  for (const [step, count] of counts) {
    if (count > bestCount || (count === bestCount && step < best)) {
      best = step;
      bestCount = count;
    }
  }
  const days = best / MICROS_PER_DAY;
  if (Number.isInteger(days)) {
    if (days === 7) return { unit: 'week', count: 1 };
    if (days >= 28 && days <= 31) return { unit: 'month', count: 1 };
  }
  if (days >= 28) {
    // Monthly-or-longer bars: classify by the spread of month lengths.
    let monthly = 0;
    let quarterly = 0;
    for (const [step, count] of counts) {
      const d = step / MICROS_PER_DAY;
      if (d >= 28 && d <= 31) monthly += count;
      else if (d >= 89 && d <= 92) quarterly += count;
    }
    if (monthly >= quarterly && monthly > 0) return { unit: 'month', count: 1 };
    if (quarterly > 0) return { unit: 'month', count: 3 };
  }
  if (bestCount * 5 < samples || best % MICROS_PER_SECOND !== 0) return { unit: 'tick', count: 1 };
  if (best % MICROS_PER_DAY === 0) return { unit: 'day', count: best / MICROS_PER_DAY };
  if (best % MICROS_PER_HOUR === 0) return { unit: 'hour', count: best / MICROS_PER_HOUR };
  if (best % MICROS_PER_MINUTE === 0) return { unit: 'minute', count: best / MICROS_PER_MINUTE };
  return { unit: 'second', count: best / MICROS_PER_SECOND };
}
