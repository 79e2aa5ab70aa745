// Doji-like candles with long shadows: the long-legged doji, the rickshaw man (a long-legged
// doji with its body mid-range) and the takuri (a dragonfly doji with a very long lower shadow).
import {
  averageOf,
  BODY_DOJI,
  beginCandlePattern,
  bodyBottom,
  bodyDojiLimit,
  bodyTop,
  type CandlePatternSpec,
  CandlePatternStream,
  candlePatternDefinition,
  highLowRange,
  highLowStep,
  lowerShadow,
  NEAR,
  nearLimit,
  realBody,
  runPatternBatch,
  SHADOW_LONG,
  SHADOW_VERY_LONG,
  SHADOW_VERY_SHORT,
  shadowLongLimit,
  shadowVeryLongLimit,
  shadowVeryShortLimit,
  upperShadow,
} from '../pattern/index.js';

type Column = Float64Array;

const LONG_LEGGED_DOJI_SPEC: CandlePatternSpec = {
  lookback: Math.max(BODY_DOJI.period, SHADOW_LONG.period),
  averages: [averageOf(BODY_DOJI), averageOf(SHADOW_LONG)],
};

// The doji test runs on every bar; the shadows only for dojis, measured at once: see
// "Measurements first" in candle-pattern.ts.
function longLeggedDojiAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  return realBody(o, c, i) <= bodyDojiLimit(t[0]) && hasLongShadow(o, h, l, c, i) ? 100 : 0;
}

/** Whether either shadow of candle `i` is longer than its real body, measured first. */
function hasLongShadow(o: Column, h: Column, l: Column, c: Column, i: number): boolean {
  const shadow = shadowLongLimit(o, c, i);
  const lower = lowerShadow(o, l, c, i);
  const upper = upperShadow(o, h, c, i);
  return lower > shadow || upper > shadow;
}

/** Writes CDLLONGLEGGEDDOJI's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlLongLeggedDoji(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(LONG_LEGGED_DOJI_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = LONG_LEGGED_DOJI_SPEC.lookback; i < open.length; i++) {
    out[i] = longLeggedDojiAt(open, high, low, close, i, t);
    t[0] += highLowStep(high, low, i, 10);
  }
}

/** Streaming long-legged doji: O(1) per bar, no allocation. */
export class CDLLONGLEGGEDDOJIStream extends CandlePatternStream {
  constructor() {
    super(LONG_LEGGED_DOJI_SPEC, longLeggedDojiAt);
  }
}

/** Registry entry for CDLLONGLEGGEDDOJI. */
export const CDLLONGLEGGEDDOJI_DEFINITION = candlePatternDefinition({
  name: 'CDLLONGLEGGEDDOJI',
  description: 'Long-legged doji: a doji with at least one shadow longer than its body.',
  spec: LONG_LEGGED_DOJI_SPEC,
  compute: computeCdlLongLeggedDoji,
  createStream: () => new CDLLONGLEGGEDDOJIStream(),
});

/**
 * Long-legged doji, as TA-Lib's CDLLONGLEGGEDDOJI: 100 for a doji body with a long upper or
 * lower shadow; else 0.
 *
 * @example
 * const longLegged = CDLLONGLEGGEDDOJI(open, high, low, close);
 */
export function CDLLONGLEGGEDDOJI(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLLONGLEGGEDDOJI_DEFINITION, open, high, low, close);
}

const RICKSHAW_MAN_SPEC: CandlePatternSpec = {
  lookback: Math.max(BODY_DOJI.period, SHADOW_LONG.period, NEAR.period),
  averages: [averageOf(BODY_DOJI), averageOf(SHADOW_LONG), averageOf(NEAR)],
};

// The doji test runs on every bar; the shadows only for dojis, measured at once: see
// "Measurements first" in candle-pattern.ts.
function rickshawManAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  return realBody(o, c, i) <= bodyDojiLimit(t[0]) && rickshawShape(o, h, l, c, i, t) ? 100 : 0;
}

/** Whether candle `i` has two long shadows and its body near the middle of its range, measured first. */
function rickshawShape(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): boolean {
  const shadow = shadowLongLimit(o, c, i);
  const near = nearLimit(t[2]);
  const lower = lowerShadow(o, l, c, i);
  const upper = upperShadow(o, h, c, i);
  const bottom = bodyBottom(o, c, i);
  const top = bodyTop(o, c, i);
  // Midpoint then tolerance, added in TA-Lib's order.
  const middle = l[i] + highLowRange(h, l, i) / 2;
  return lower > shadow && upper > shadow && bottom <= middle + near && top >= middle - near;
}

/** Writes CDLRICKSHAWMAN's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlRickshawMan(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(RICKSHAW_MAN_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = RICKSHAW_MAN_SPEC.lookback; i < open.length; i++) {
    out[i] = rickshawManAt(open, high, low, close, i, t);
    t[0] += highLowStep(high, low, i, 10);
    t[2] += highLowStep(high, low, i, 5);
  }
}

/** Streaming rickshaw man: O(1) per bar, no allocation. */
export class CDLRICKSHAWMANStream extends CandlePatternStream {
  constructor() {
    super(RICKSHAW_MAN_SPEC, rickshawManAt);
  }
}

/** Registry entry for CDLRICKSHAWMAN. */
export const CDLRICKSHAWMAN_DEFINITION = candlePatternDefinition({
  name: 'CDLRICKSHAWMAN',
  description: 'Rickshaw man: a doji with two long shadows and its body near the middle of the range.',
  spec: RICKSHAW_MAN_SPEC,
  compute: computeCdlRickshawMan,
  createStream: () => new CDLRICKSHAWMANStream(),
});

/**
 * Rickshaw man, as TA-Lib's CDLRICKSHAWMAN: 100 for a doji with long upper and lower shadows
 * whose body is near the midpoint of the high − low range; else 0.
 *
 * @example
 * const rickshaw = CDLRICKSHAWMAN(open, high, low, close);
 */
export function CDLRICKSHAWMAN(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLRICKSHAWMAN_DEFINITION, open, high, low, close);
}

const TAKURI_SPEC: CandlePatternSpec = {
  lookback: Math.max(BODY_DOJI.period, SHADOW_VERY_SHORT.period, SHADOW_VERY_LONG.period),
  averages: [averageOf(BODY_DOJI), averageOf(SHADOW_VERY_SHORT), averageOf(SHADOW_VERY_LONG)],
};

// The doji test runs on every bar; the shadows only for dojis, measured at once: see
// "Measurements first" in candle-pattern.ts.
function takuriAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  return realBody(o, c, i) <= bodyDojiLimit(t[0]) && takuriShadows(o, h, l, c, i, t) ? 100 : 0;
}

/** Whether candle `i` has almost no upper shadow and a very long lower one, measured first. */
function takuriShadows(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): boolean {
  const upper = upperShadow(o, h, c, i);
  const veryShort = shadowVeryShortLimit(t[1]);
  const lower = lowerShadow(o, l, c, i);
  const veryLong = shadowVeryLongLimit(o, c, i);
  return upper < veryShort && lower > veryLong;
}

/** Writes CDLTAKURI's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlTakuri(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(TAKURI_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = TAKURI_SPEC.lookback; i < open.length; i++) {
    out[i] = takuriAt(open, high, low, close, i, t);
    t[0] += highLowStep(high, low, i, 10);
    t[1] += highLowStep(high, low, i, 10);
  }
}

/** Streaming takuri: O(1) per bar, no allocation. */
export class CDLTAKURIStream extends CandlePatternStream {
  constructor() {
    super(TAKURI_SPEC, takuriAt);
  }
}

/** Registry entry for CDLTAKURI. */
export const CDLTAKURI_DEFINITION = candlePatternDefinition({
  name: 'CDLTAKURI',
  description: 'Takuri: a doji with almost no upper shadow and a very long lower shadow.',
  spec: TAKURI_SPEC,
  compute: computeCdlTakuri,
  createStream: () => new CDLTAKURIStream(),
});

/**
 * Takuri, as TA-Lib's CDLTAKURI: 100 for a doji whose upper shadow is very short and whose
 * lower shadow is very long; else 0.
 *
 * @example
 * const takuri = CDLTAKURI(open, high, low, close);
 */
export function CDLTAKURI(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLTAKURI_DEFINITION, open, high, low, close);
}
