// Candle measurements shared by every pattern. They take the price columns and an index so
// that the same code reads input arrays in batch and ring buffers in streaming. min/max are
// written as comparisons, as TA-Lib's macros are, so that ties and NaNs resolve the same way.
import { CandleRange, type CandleRangeType, type CandleSetting } from './candle-settings.js';

/** Returns the real body |close − open| of candle `i`. */
export function realBody(open: Float64Array, close: Float64Array, i: number): number {
  return Math.abs(close[i] - open[i]);
}

/**
 * Returns the larger of `a` and `b` the way TA-Lib's `max` macro does (`a > b ? a : b`), which
 * differs from Math.max when one is NaN.
 */
export function greater(a: number, b: number): number {
  // biome-ignore lint/complexity/useMathMinMax: Math.max would propagate NaN where TA-Lib does not.
  return a > b ? a : b;
}

/** Returns the smaller of `a` and `b` the way TA-Lib's `min` macro does (`a < b ? a : b`). */
export function lesser(a: number, b: number): number {
  // biome-ignore lint/complexity/useMathMinMax: Math.min would propagate NaN where TA-Lib does not.
  return a < b ? a : b;
}

/** Returns the top of candle `i`'s real body, the larger of close and open. */
export function bodyTop(open: Float64Array, close: Float64Array, i: number): number {
  return greater(close[i], open[i]);
}

/** Returns the bottom of candle `i`'s real body, the smaller of close and open. */
export function bodyBottom(open: Float64Array, close: Float64Array, i: number): number {
  return lesser(close[i], open[i]);
}

/** Returns the upper shadow of candle `i`: high minus the top of the real body. */
export function upperShadow(open: Float64Array, high: Float64Array, close: Float64Array, i: number): number {
  const white = close[i] >= open[i];
  return high[i] - (white ? close[i] : open[i]);
}

/** Returns the lower shadow of candle `i`: the bottom of the real body minus low. */
export function lowerShadow(open: Float64Array, low: Float64Array, close: Float64Array, i: number): number {
  const white = close[i] >= open[i];
  return (white ? open[i] : close[i]) - low[i];
}

/** Returns the high − low range of candle `i`. */
export function highLowRange(high: Float64Array, low: Float64Array, i: number): number {
  return high[i] - low[i];
}

/** Returns 1 for a white candle (close ≥ open) and −1 for a black one. */
export function candleColor(open: Float64Array, close: Float64Array, i: number): number {
  return close[i] >= open[i] ? 1 : -1;
}

/** Returns whether candle `later`'s real body lies wholly above candle `earlier`'s. */
export function realBodyGapUp(open: Float64Array, close: Float64Array, later: number, earlier: number): boolean {
  const a = open[later];
  const b = close[later];
  const x = open[earlier];
  const y = close[earlier];
  // For finite prices min(a, b) > max(x, y) is four comparisons, combined without branches:
  // the min/max below branch on the candles' colours, which real data makes unpredictable.
  // Anything else (NaN, infinities) takes TA-Lib's exact macro semantics.
  if (a - a + (b - b) + (x - x) + (y - y) === 0) {
    return (Number(a > x) & Number(a > y) & Number(b > x) & Number(b > y)) === 1;
  }
  return lesser(a, b) > greater(x, y);
}

/** Returns whether candle `later`'s real body lies wholly below candle `earlier`'s. */
export function realBodyGapDown(open: Float64Array, close: Float64Array, later: number, earlier: number): boolean {
  const a = open[later];
  const b = close[later];
  const x = open[earlier];
  const y = close[earlier];
  // The mirror image of realBodyGapUp: max(a, b) < min(x, y), branch-free for finite prices.
  if (a - a + (b - b) + (x - x) + (y - y) === 0) {
    return (Number(a < x) & Number(a < y) & Number(b < x) & Number(b < y)) === 1;
  }
  return greater(a, b) < lesser(x, y);
}

/** Returns whether candle `later`'s low is above candle `earlier`'s high (a price gap up). */
export function candleGapUp(high: Float64Array, low: Float64Array, later: number, earlier: number): boolean {
  return low[later] > high[earlier];
}

/** Returns whether candle `later`'s high is below candle `earlier`'s low (a price gap down). */
export function candleGapDown(high: Float64Array, low: Float64Array, later: number, earlier: number): boolean {
  return high[later] < low[earlier];
}

/** Returns the range of candle `i` that a setting of range type `type` measures. */
export function candleRange(
  type: CandleRangeType,
  open: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  i: number,
): number {
  if (type === CandleRange.RealBody) return Math.abs(close[i] - open[i]);
  if (type === CandleRange.HighLow) return high[i] - low[i];
  const white = close[i] >= open[i];
  return high[i] - (white ? close[i] : open[i]) + ((white ? open[i] : close[i]) - low[i]);
}

/**
 * Returns the threshold a setting stands for at candle `i`: `factor` times the average range
 * (`total / period`), or times candle `i`'s own range when the period is 0; halved for
 * shadow settings, which measure two shadows at once. The operations run in TA-Lib's order
 * so that comparisons against the threshold flip exactly where TA-Lib's do.
 */
export function candleAverage(
  setting: CandleSetting,
  total: number,
  open: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  i: number,
): number {
  const base =
    setting.period !== 0 ? total / setting.period : candleRange(setting.rangeType, open, high, low, close, i);
  const scaled = setting.factor * base;
  return setting.rangeType === CandleRange.Shadows ? scaled / 2 : scaled;
}

// TA-Lib's default settings as thresholds with their numbers written out: `factor × (total ÷
// period)` (halved for shadow settings), or `factor × own range` for period 0 — the operations
// of candleAverage in its order, but small enough for V8 to inline and fold into hot loops,
// where reading the frozen setting objects kept every rule out of reach of the optimiser.
// candle-geometry.test.ts checks each against candleAverage.

/** Returns the BodyLong threshold for a real-body total over 10 candles. */
export function bodyLongLimit(total: number): number {
  return 1 * (total / 10);
}

/** Returns the BodyVeryLong threshold for a real-body total over 10 candles. */
export function bodyVeryLongLimit(total: number): number {
  return 3 * (total / 10);
}

/** Returns the BodyShort threshold for a real-body total over 10 candles. */
export function bodyShortLimit(total: number): number {
  return 1 * (total / 10);
}

/** Returns the BodyDoji threshold for a high − low total over 10 candles. */
export function bodyDojiLimit(total: number): number {
  return 0.1 * (total / 10);
}

/** Returns the ShadowLong threshold of candle `i`: its own real body. */
export function shadowLongLimit(open: Float64Array, close: Float64Array, i: number): number {
  return 1 * Math.abs(close[i] - open[i]);
}

/** Returns the ShadowVeryLong threshold of candle `i`: twice its own real body. */
export function shadowVeryLongLimit(open: Float64Array, close: Float64Array, i: number): number {
  return 2 * Math.abs(close[i] - open[i]);
}

/** Returns the ShadowShort threshold for a two-shadows total over 10 candles. */
export function shadowShortLimit(total: number): number {
  return (1 * (total / 10)) / 2;
}

/** Returns the ShadowVeryShort threshold for a high − low total over 10 candles. */
export function shadowVeryShortLimit(total: number): number {
  return 0.1 * (total / 10);
}

/** Returns the Near threshold for a high − low total over 5 candles. */
export function nearLimit(total: number): number {
  return 0.2 * (total / 5);
}

/** Returns the Far threshold for a high − low total over 5 candles. */
export function farLimit(total: number): number {
  return 0.6 * (total / 5);
}

/** Returns the Equal threshold for a high − low total over 5 candles. */
export function equalLimit(total: number): number {
  return 0.05 * (total / 5);
}
