import { blockEnd } from '../support/blocks.js';

/**
 * Fills `out[i]` with the raw stochastic %K of bar `i` over the `period` bars ending there,
 * reading `input[from..]` only (NaN before `from + period − 1`), as TA-Lib's STOCHF computes
 * it: the window's extremes are tracked with their positions and rescanned only when one
 * leaves the window, with TA-Lib's comparisons (a new bar equal to the extreme takes over; a
 * rescan keeps the earliest of equal values), so that even NaN inputs give TA-Lib's output.
 *
 * @example
 * const fastk = new Float64Array(close.length);
 * computeFastK(high, low, close, 14, fastk);
 */
export function computeFastK(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period: number,
  out: Float64Array,
  from = 0,
): void {
  const n = close.length;
  const first = from + period - 1;
  out.fill(Number.NaN, 0, Math.min(n, first));
  if (first >= n) return;
  // Carried between blocks: the extremes, and their ages (bars since they were seen). An age
  // of `period` means outside the window, so the first bar scans the whole window.
  const extremes = Float64Array.of(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
  const ages = Int32Array.of(period, period);
  const pick = new Float64Array(2);
  for (let start = first, to = first; start < n; start = to) {
    to = blockEnd(start, first, n);
    fastKBlock(high, low, close, period, out, extremes, ages, pick, start, to);
  }
}

function fastKBlock(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period: number,
  out: Float64Array,
  extremes: Float64Array,
  ages: Int32Array,
  pick: Float64Array,
  from: number,
  to: number,
): void {
  let highest = extremes[0] as number;
  let lowest = extremes[1] as number;
  let highestAt = from - 1 - (ages[0] as number);
  let lowestAt = from - 1 - (ages[1] as number);
  for (let today = from; today < to; today++) {
    const trailing = today - period + 1;
    const l = low[today] as number;
    if (lowestAt < trailing) {
      // The lowest left the window: rescan it, two values a step (which halves the loop's
      // own work). These comparisons rarely succeed, so their branches predict well.
      lowestAt = trailing;
      lowest = low[trailing] as number;
      let i = trailing + 1;
      for (; i < today; i += 2) {
        const x = low[i] as number;
        const y = low[i + 1] as number;
        if (x < lowest) {
          lowest = x;
          lowestAt = i;
        }
        if (y < lowest) {
          lowest = y;
          lowestAt = i + 1;
        }
      }
      if (i === today && l < lowest) {
        lowest = l;
        lowestAt = i;
      }
    } else {
      // Whether the new bar is the lowest is a coin flip on market data: chosen without a
      // branch, the value through a two-slot array (V8 has no conditional move for doubles).
      const take = +(l <= lowest);
      pick[0] = lowest;
      pick[1] = l;
      lowest = pick[take] as number;
      lowestAt += (today - lowestAt) * take;
    }
    const h = high[today] as number;
    if (highestAt < trailing) {
      highestAt = trailing;
      highest = high[trailing] as number;
      let i = trailing + 1;
      for (; i < today; i += 2) {
        const x = high[i] as number;
        const y = high[i + 1] as number;
        if (x > highest) {
          highest = x;
          highestAt = i;
        }
        if (y > highest) {
          highest = y;
          highestAt = i + 1;
        }
      }
      if (i === today && h > highest) {
        highest = h;
        highestAt = i;
      }
    } else {
      const take = +(h >= highest);
      pick[0] = highest;
      pick[1] = h;
      highest = pick[take] as number;
      highestAt += (today - highestAt) * take;
    }
    // Two stores rather than one conditional expression, which can leave V8 boxing the value.
    const diff = (highest - lowest) / 100;
    if (diff !== 0) out[today] = ((close[today] as number) - lowest) / diff;
    else out[today] = 0;
  }
  extremes[0] = highest;
  extremes[1] = lowest;
  ages[0] = to - 1 - highestAt;
  ages[1] = to - 1 - lowestAt;
}
