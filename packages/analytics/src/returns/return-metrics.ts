import { MICROS_PER_YEAR } from '../annualisation.js';
import type { EquitySeries } from '../inputs.js';
import { mean, sampleStd } from '../support/moments.js';

/** Headline return figures of an equity curve; NaN where undefined. */
export interface ReturnFigures {
  /** E_last / E_first − 1. */
  readonly totalReturn: number;
  /** Compound annual growth over calendar time: (E_last / E_first)^(1 / years) − 1. */
  readonly cagr: number;
  /** Geometric return per period, annualised: (1 + total)^(P / n) − 1 over n periods. */
  readonly annualisedReturn: number;
  /** Arithmetic mean period return. */
  readonly meanReturn: number;
  /** Sample standard deviation of period returns × √P. */
  readonly annualisedVolatility: number;
  readonly bestPeriod: number;
  readonly bestPeriodTime: number;
  readonly worstPeriod: number;
  readonly worstPeriodTime: number;
  readonly positivePeriods: number;
  readonly negativePeriods: number;
}

/**
 * Returns the headline return figures of an equity curve whose period returns are `returns`
 * (from `periodReturns`), annualised with `periodsPerYear`. Years for the CAGR are the span
 * between the first and last timestamps over 365.25 days. The time of a period is the
 * timestamp of the bar that ends it.
 */
export function returnFigures(series: EquitySeries, returns: Float64Array, periodsPerYear: number): ReturnFigures {
  const { time, equity } = series;
  const n = returns.length;
  const first = equity[0] ?? Number.NaN;
  const last = equity[equity.length - 1] ?? Number.NaN;
  const totalReturn = equity.length > 0 ? last / first - 1 : Number.NaN;
  const years = n > 0 ? ((time[n] as number) - (time[0] as number)) / MICROS_PER_YEAR : Number.NaN;
  const cagr = years > 0 ? (last / first) ** (1 / years) - 1 : Number.NaN;
  const annualisedReturn = n > 0 ? (1 + totalReturn) ** (periodsPerYear / n) - 1 : Number.NaN;
  let best = Number.NaN;
  let worst = Number.NaN;
  let bestTime = Number.NaN;
  let worstTime = Number.NaN;
  let positive = 0;
  let negative = 0;
  for (let i = 0; i < n; i++) {
    const r = returns[i] as number;
    if (r > 0) positive++;
    else if (r < 0) negative++;
    if (!(r <= best)) {
      best = r;
      bestTime = time[i + 1] as number;
    }
    if (!(r >= worst)) {
      worst = r;
      worstTime = time[i + 1] as number;
    }
  }
  return {
    totalReturn,
    cagr,
    annualisedReturn,
    meanReturn: mean(returns),
    annualisedVolatility: sampleStd(returns) * Math.sqrt(periodsPerYear),
    bestPeriod: best,
    bestPeriodTime: bestTime,
    worstPeriod: worst,
    worstPeriodTime: worstTime,
    positivePeriods: positive,
    negativePeriods: negative,
  };
}
