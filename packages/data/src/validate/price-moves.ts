import type { BarSeries } from '@alphintra/core';
import type { IssueCollector } from './issue-collector.js';
import { formatValue } from './issue-collector.js';
import { robustSpreadInPlace } from './robust-statistics.js';

/** Split ratios checked, as old shares : new shares; price divides by `factor`. */
const SPLIT_RATIOS: readonly (readonly [number, string])[] = [
  [2, '2:1'],
  [3, '3:1'],
  [1.5, '3:2'],
  [4, '4:1'],
  [5, '5:1'],
  [10, '10:1'],
  [1 / 2, '1:2'],
  [1 / 3, '1:3'],
  [1 / 4, '1:4'],
  [1 / 5, '1:5'],
  [1 / 10, '1:10'],
];
const LOG_SPLIT_RATIOS = SPLIT_RATIOS.map(([factor]) => Math.log(factor));
// No split ratio is closer to 1 than 3:2; smaller moves are never splits.
const MIN_LOG_SPLIT_MOVE = Math.log(1.4);

/** Default number of robust standard deviations beyond which a return is an outlier. */
export const DEFAULT_OUTLIER_THRESHOLD = 10;
/** Default largest |ln(observed / split ratio)| for a probable split. */
export const DEFAULT_SPLIT_TOLERANCE = 0.03;

/** Rows flagged by {@link findPriceMoves}. */
export interface PriceMoves {
  readonly splitRows: number[];
  readonly outlierRows: number[];
}

const isPrice = (value: number): boolean => value > 0 && value < Number.POSITIVE_INFINITY;

/** Returns the index in SPLIT_RATIOS of the ratio that a move of `logMove` matches, or -1. */
function matchSplit(logMove: number, tolerance: number): number {
  if (Math.abs(logMove) < MIN_LOG_SPLIT_MOVE) return -1;
  for (let k = 0; k < LOG_SPLIT_RATIOS.length; k++) {
    if (Math.abs(logMove - (LOG_SPLIT_RATIOS[k] as number)) <= tolerance) return k;
  }
  return -1;
}

/**
 * Finds probable unadjusted splits and return outliers along `rows` (sorted, unique times),
 * recording them in `collector`.
 *
 * A probable split: previous close / open is within `splitTolerance` (log distance) of a
 * split ratio, and the bar's own range stays more than halfway (in log terms) from the
 * previous close, so the bar did not trade its way there, and the previous bar's open is
 * on the same side (a lone bad close is not a split). An outlier: a close-to-close log
 * return more than `threshold` robust standard deviations from the median return, unless
 * it is next to a probable split or merely reverses the outlier just before it (the way
 * back from a one-bar spike). Rows without a positive close are skipped, and so are
 * returns across an intraday session break (`isSessionBreak`).
 */
export function findPriceMoves(
  series: BarSeries,
  rows: Uint32Array,
  threshold: number,
  splitTolerance: number,
  collector: IssueCollector,
  isSessionBreak: (t0: number, t1: number) => boolean = () => false,
): PriceMoves {
  const { time, open, high, low, close } = series;
  const returns = new Float64Array(rows.length);
  const returnRows = new Uint32Array(rows.length);
  const previousRows = new Uint32Array(rows.length);
  const splitPositions: number[] = [];
  const splitRows: number[] = [];
  let m = 0;
  let previous = -1;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] as number;
    const c = close[row] as number;
    if (!isPrice(c)) continue;
    if (previous >= 0) {
      const prevClose = close[previous] as number;
      if (isSessionBreak(time[previous] as number, time[row] as number)) {
        // Overnight moves are not intraday returns: they take part in neither the spread nor the test.
        returns[m] = Number.NaN;
      } else {
        returns[m] = Math.log(c / prevClose);
      }
      returnRows[m] = row;
      previousRows[m] = previous;
      const o = open[row] as number;
      const ratio = prevClose / o;
      // The ratio test spares a logarithm on the many bars that move less than any split.
      if (isPrice(o) && (ratio > 1.4 || ratio < 1 / 1.4)) {
        const logMove = Math.log(ratio);
        const match = matchSplit(logMove, splitTolerance);
        if (
          match >= 0 &&
          unexplainedByRange(prevClose, high[row] as number, low[row] as number, o, logMove) &&
          previousBarAgrees(open[previous] as number, o, logMove)
        ) {
          splitPositions.push(m);
          splitRows.push(row);
          collector.add('probable_split', 1, row, time[row] as number, () => {
            const label = (SPLIT_RATIOS[match] as readonly [number, string])[1];
            return `${label} split? previous close ${formatValue(prevClose)} → open ${formatValue(o)}`;
          });
        }
      }
      m++;
    }
    previous = row;
  }
  const outlierRows: number[] = [];
  if (m === 0) return { splitRows, outlierRows };
  const used = returns.subarray(0, m);
  let finite = 0;
  const sample = new Float64Array(m);
  for (let p = 0; p < m; p++) if (!Number.isNaN(used[p] as number)) sample[finite++] = used[p] as number;
  const { median, sigma } = robustSpreadInPlace(sample.subarray(0, finite));
  if (!(sigma > 0)) return { splitRows, outlierRows };
  const limit = threshold * sigma;
  let nextSplit = 0;
  let flaggedPosition = -2;
  for (let p = 0; p < m; p++) {
    const r = used[p] as number;
    if (!(Math.abs(r - median) > limit)) continue;
    while (nextSplit < splitPositions.length && (splitPositions[nextSplit] as number) < p - 1) nextSplit++;
    if (nextSplit < splitPositions.length && (splitPositions[nextSplit] as number) <= p + 1) continue;
    // The return back from a one-bar spike is not a second bad bar.
    if (flaggedPosition === p - 1 && Math.sign(r - median) !== Math.sign((used[p - 1] as number) - median)) continue;
    flaggedPosition = p;
    const row = returnRows[p] as number;
    outlierRows.push(row);
    collector.add('return_outlier', 1, row, time[row] as number, () => {
      const before = close[previousRows[p] as number] as number;
      const sigmas = Math.abs(r - median) / sigma;
      return `log return ${r.toFixed(4)} (close ${formatValue(before)} → ${formatValue(close[row] as number)}) is ${sigmas.toFixed(1)} robust σ from the median`;
    });
  }
  return { splitRows, outlierRows };
}

// A split moves the whole previous bar; a single bad close leaves the previous open where it was.
function previousBarAgrees(previousOpen: number, open: number, logMove: number): boolean {
  if (!isPrice(previousOpen)) return true;
  return Math.abs(Math.log(previousOpen / open) - logMove) < Math.abs(logMove) / 2;
}

function unexplainedByRange(prevClose: number, high: number, low: number, open: number, logMove: number): boolean {
  const half = Math.abs(logMove) / 2;
  if (logMove > 0) return Math.log(prevClose / (isPrice(high) ? Math.max(high, open) : open)) > half;
  return Math.log((isPrice(low) ? Math.min(low, open) : open) / prevClose) > half;
}
