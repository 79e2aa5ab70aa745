import { AlphintraError, type BarSeries } from '@alphintra/core';
import type { BacktestData } from '@alphintra/engine';

/** One instrument's data as the optimiser runs it: bars, and no ticks. */
export type BarData = BacktestData & { readonly series: BarSeries };

/**
 * Returns the data if every instrument has bars and no ticks; the optimiser windows, slices and
 * shares bars, so trade or quote ticks are refused rather than silently left out.
 */
export function requireBars<T extends BacktestData>(data: readonly T[]): (T & BarData)[] {
  return data.map((d) => {
    if (d.series === undefined || d.trades !== undefined || d.quotes !== undefined) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `expected bars for ${d.instrument.id}: optimisation runs strategies on bars, not on trade or quote ticks`,
      );
    }
    return d as T & BarData;
  });
}
