import { microsToCivil } from '@alphintra/core';
import type { EquitySeries } from '../inputs.js';

/** The return of one calendar month (UTC). */
export interface MonthlyReturn {
  readonly year: number;
  /** 1 = January … 12 = December. */
  readonly month: number;
  readonly return: number;
}

/** The return of one calendar year (UTC). */
export interface YearlyReturn {
  readonly year: number;
  readonly return: number;
}

/**
 * Returns the equity curve's return in each calendar bucket that holds at least one bar, in
 * time order. A bucket's return runs from the last equity before it (or the first equity of the
 * curve, for the first bucket) to the last equity inside it, so the buckets compound to the
 * total return exactly. `key` maps a timestamp to its bucket.
 */
function bucketReturns(series: EquitySeries, key: (micros: number) => number): { key: number; return: number }[] {
  const { time, equity } = series;
  const out: { key: number; return: number }[] = [];
  if (equity.length === 0) return out;
  let base = equity[0] as number;
  let current = key(time[0] as number);
  for (let i = 1; i <= equity.length; i++) {
    const k = i < equity.length ? key(time[i] as number) : Number.NaN;
    if (k !== current) {
      const end = equity[i - 1] as number;
      out.push({ key: current, return: end / base - 1 });
      base = end;
      current = k;
    }
  }
  return out;
}

/**
 * Returns the monthly return table of an equity curve (UTC months).
 *
 * @example
 * monthlyReturns({ time, equity }); // [{ year: 2024, month: 1, return: 0.012 }, …]
 */
export function monthlyReturns(series: EquitySeries): MonthlyReturn[] {
  return bucketReturns(series, (t) => {
    const c = microsToCivil(t);
    return c.year * 12 + (c.month - 1);
  }).map(({ key, return: r }) => ({ year: Math.floor(key / 12), month: (key % 12) + 1, return: r }));
}

/** Returns the yearly return table of an equity curve (UTC years). */
export function yearlyReturns(series: EquitySeries): YearlyReturn[] {
  return bucketReturns(series, (t) => microsToCivil(t).year).map(({ key, return: r }) => ({ year: key, return: r }));
}
