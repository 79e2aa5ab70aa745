import type { BarSeries } from '@alphintra/core';
import type { IssueCollector } from './issue-collector.js';
import { formatValue } from './issue-collector.js';

/** Default shortest run of repeated, rangeless bars reported as `stale_price`. */
export const DEFAULT_STALE_RUN = 5;

/**
 * Finds stale runs along `rows` (sorted, unique times) and records them in `collector`.
 *
 * A stale run is a run of at least `staleRun` consecutive bars, each with high equal to low
 * (no trading range) and no positive volume, that all share one close: a feed repeating its
 * last price. A bar with
 * a range, a different close or a missing close ends the run. The count is the bars of each
 * run beyond its first, one example per run on its first repeated bar. Returns those rows,
 * which cleaning drops for `stale_price=drop`.
 */
export function findStaleRuns(
  series: BarSeries,
  rows: Uint32Array,
  staleRun: number,
  collector: IssueCollector,
): number[] {
  const { time, high, low, close, volume } = series;
  const staleRows: number[] = [];
  let start = 0;
  const endRun = (end: number): void => {
    const length = end - start;
    if (length < staleRun) return;
    for (let k = start + 1; k < end; k++) staleRows.push(rows[k] as number);
    const row = rows[start + 1] as number;
    collector.add('stale_price', length - 1, row, time[row] as number, () => {
      const c = close[rows[start] as number] as number;
      return `close ${formatValue(c)} unchanged for ${length} bars with no range`;
    });
  };
  for (let k = 0; k <= rows.length; k++) {
    if (k < rows.length) {
      const row = rows[k] as number;
      const h = high[row] as number;
      // A bar that traded (positive volume) at a single price is a quiet market, not a stale
      // feed: only bars with no range and no reported volume can repeat a price.
      const v = volume[row] as number;
      const flat = h === (low[row] as number) && !(v > 0);
      // NaN never equals itself, so a missing close breaks a run instead of joining one.
      if (flat && k > start && close[row] === close[rows[start] as number]) continue;
      endRun(k);
      start = flat && !Number.isNaN(close[row] as number) ? k : k + 1;
    } else {
      endRun(k);
    }
  }
  return staleRows;
}
