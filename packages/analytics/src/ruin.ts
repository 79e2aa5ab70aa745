import type { EquitySeries, TradeInput } from './inputs.js';
import { ruinIndex } from './inputs.js';

/** The part of a curve metrics measure: all of it, or up to its ruin. */
export interface MeasuredCurve extends EquitySeries {
  /** Index of the first bar with equity ≤ 0 in the input, −1 when equity stays positive. */
  readonly ruin: number;
  /** Bars of the input (the measured part may be shorter). */
  readonly inputBars: number;
}

/**
 * Returns the part of a curve that metrics measure. A curve that stays positive is measured
 * whole. A curve that reaches zero or below is measured up to its ruin: its bars up to the first
 * with equity ≤ 0, that bar counted as 0 (the account is worth nothing; a negative balance is a
 * debt the returns cannot describe), so the last return is −1 and the drawdown 100 %.
 */
export function measuredCurve(series: EquitySeries): MeasuredCurve {
  const ruin = ruinIndex(series.equity);
  const inputBars = series.equity.length;
  if (ruin < 0) return { time: series.time, equity: series.equity, ruin, inputBars };
  const equity = series.equity.slice(0, ruin + 1);
  equity[ruin] = 0;
  return { time: series.time.subarray(0, ruin + 1), equity, ruin, inputBars };
}

/** The trades closed by the end of the measured curve (all of them when it is not ruined). */
export function measuredTrades(curve: MeasuredCurve, trades: readonly TradeInput[]): readonly TradeInput[] {
  if (curve.ruin < 0) return trades;
  const end = curve.time[curve.ruin] as number;
  return trades.filter((t) => t.exitTime <= end);
}

/** A per-bar series of the measured curve, continued to every input bar with `after`. */
export function toInputLength<T>(values: readonly T[], curve: MeasuredCurve, after: T): T[] {
  const out = [...values];
  while (out.length < curve.inputBars) out.push(after);
  return out;
}
