// Longer reversal formations: three-line strike, three stars in the south and concealing
// baby swallow.
import {
  bodyLongLimit,
  bodyShortLimit,
  candleColor,
  greater,
  lesser,
  lowerShadow,
  nearLimit,
  realBody,
  realBodyGapDown,
  shadowLongLimit,
  shadowVeryShortLimit,
  upperShadow,
} from './candle-geometry.js';
import {
  beginCandlePattern,
  type CandlePatternSpec,
  CandlePatternStream,
  candlePatternDefinition,
  runPatternBatch,
} from './candle-pattern.js';
import { BODY_LONG, BODY_SHORT, NEAR, SHADOW_LONG, SHADOW_VERY_SHORT } from './candle-settings.js';
import { averageOf, bodyStep, highLowStep } from './candle-totals.js';

type Column = Float64Array;

const LINE_STRIKE_SPEC: CandlePatternSpec = {
  lookback: NEAR.period + 3,
  averages: [averageOf(NEAR, 3), averageOf(NEAR, 2)],
};

function lineStrikeAt(o: Column, _h: Column, _l: Column, c: Column, i: number, t: Float64Array): number {
  const color = candleColor(o, c, i - 1);
  const near3 = nearLimit(t[0]);
  const near2 = nearLimit(t[1]);
  // TA-Lib takes these body ends as min/max(open, close), open first.
  const bottom3 = lesser(o[i - 3], c[i - 3]);
  const top3 = greater(o[i - 3], c[i - 3]);
  const bottom2 = lesser(o[i - 2], c[i - 2]);
  const top2 = greater(o[i - 2], c[i - 2]);
  return candleColor(o, c, i - 3) === candleColor(o, c, i - 2) &&
    candleColor(o, c, i - 2) === color &&
    candleColor(o, c, i) === -color &&
    o[i - 2] >= bottom3 - near3 &&
    o[i - 2] <= top3 + near3 &&
    o[i - 1] >= bottom2 - near2 &&
    o[i - 1] <= top2 + near2 &&
    ((color === 1 && c[i - 1] > c[i - 2] && c[i - 2] > c[i - 3] && o[i] > c[i - 1] && c[i] < o[i - 3]) ||
      (color === -1 && c[i - 1] < c[i - 2] && c[i - 2] < c[i - 3] && o[i] < c[i - 1] && c[i] > o[i - 3]))
    ? color * 100
    : 0;
}

/** Writes CDL3LINESTRIKE's signal for every bar into `out` (NaN during the lookback). */
export function computeCdl3LineStrike(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(LINE_STRIKE_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = LINE_STRIKE_SPEC.lookback; i < open.length; i++) {
    out[i] = lineStrikeAt(open, high, low, close, i, t);
    t[0] += highLowStep(high, low, i - 3, 5);
    t[1] += highLowStep(high, low, i - 2, 5);
  }
}

/** Streaming three-line strike: O(1) per bar, no allocation. */
export class CDL3LINESTRIKEStream extends CandlePatternStream {
  constructor() {
    super(LINE_STRIKE_SPEC, lineStrikeAt);
  }
}

/** Registry entry for CDL3LINESTRIKE. */
export const CDL3LINESTRIKE_DEFINITION = candlePatternDefinition({
  name: 'CDL3LINESTRIKE',
  description: 'Three-line strike: three same-coloured steps wiped out by one opposite candle.',
  spec: LINE_STRIKE_SPEC,
  compute: computeCdl3LineStrike,
  createStream: () => new CDL3LINESTRIKEStream(),
});

/**
 * Three-line strike, as TA-Lib's CDL3LINESTRIKE: ±100 (the three candles' colour) for three
 * same-coloured candles, each opening within or near the previous body and closing further,
 * then an opposite candle opening beyond the third close and closing beyond the first open;
 * else 0.
 *
 * @example
 * const strike = CDL3LINESTRIKE(open, high, low, close);
 */
export function CDL3LINESTRIKE(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDL3LINESTRIKE_DEFINITION, open, high, low, close);
}

const STARS_IN_SOUTH_SPEC: CandlePatternSpec = {
  lookback: Math.max(SHADOW_VERY_SHORT.period, SHADOW_LONG.period, BODY_LONG.period, BODY_SHORT.period) + 2,
  averages: [
    averageOf(BODY_LONG, 2),
    averageOf(SHADOW_LONG, 2),
    averageOf(SHADOW_VERY_SHORT, 1),
    averageOf(SHADOW_VERY_SHORT, 0),
    averageOf(BODY_SHORT, 0),
  ],
};

// Cheap tests first; the candles' measurements only for the bars that pass them, all at
// once: see "Measurements first" in candle-pattern.ts.
function starsInSouthAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  return candleColor(o, c, i - 2) === -1 &&
    candleColor(o, c, i - 1) === -1 &&
    candleColor(o, c, i) === -1 &&
    o[i - 1] > c[i - 2] &&
    o[i - 1] <= h[i - 2] &&
    l[i - 1] < c[i - 2] &&
    l[i - 1] >= l[i - 2] &&
    l[i] > l[i - 1] &&
    h[i] < h[i - 1] &&
    starsInSouthShape(o, h, l, c, i, t)
    ? 100
    : 0;
}

/** Whether the three black candles shrink, from a long one with a long lower shadow to a small marubozu, measured first. */
function starsInSouthShape(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): boolean {
  const body2 = realBody(o, c, i - 2);
  const body1 = realBody(o, c, i - 1);
  const body0 = realBody(o, c, i);
  const lower2 = lowerShadow(o, l, c, i - 2);
  const lower1 = lowerShadow(o, l, c, i - 1);
  const lower0 = lowerShadow(o, l, c, i);
  const upper0 = upperShadow(o, h, c, i);
  const long = bodyLongLimit(t[0]);
  const shadowLong2 = shadowLongLimit(o, c, i - 2);
  const veryShort1 = shadowVeryShortLimit(t[2]);
  const veryShort = shadowVeryShortLimit(t[3]);
  const short = bodyShortLimit(t[4]);
  return (
    body2 > long &&
    lower2 > shadowLong2 &&
    body1 < body2 &&
    lower1 > veryShort1 &&
    body0 < short &&
    lower0 < veryShort &&
    upper0 < veryShort
  );
}

/** Writes CDL3STARSINSOUTH's signal for every bar into `out` (NaN during the lookback). */
export function computeCdl3StarsInSouth(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(STARS_IN_SOUTH_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = STARS_IN_SOUTH_SPEC.lookback; i < open.length; i++) {
    out[i] = starsInSouthAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i - 2, 10);
    t[2] += highLowStep(high, low, i - 1, 10);
    t[3] += highLowStep(high, low, i, 10);
    t[4] += bodyStep(open, close, i, 10);
  }
}

/** Streaming three stars in the south: O(1) per bar, no allocation. */
export class CDL3STARSINSOUTHStream extends CandlePatternStream {
  constructor() {
    super(STARS_IN_SOUTH_SPEC, starsInSouthAt);
  }
}

/** Registry entry for CDL3STARSINSOUTH. */
export const CDL3STARSINSOUTH_DEFINITION = candlePatternDefinition({
  name: 'CDL3STARSINSOUTH',
  description: 'Three stars in the south: three shrinking black candles whose lows stop falling.',
  spec: STARS_IN_SOUTH_SPEC,
  compute: computeCdl3StarsInSouth,
  createStream: () => new CDL3STARSINSOUTHStream(),
});

/**
 * Three stars in the south, as TA-Lib's CDL3STARSINSOUTH: 100 for a long black candle with a
 * long lower shadow, a smaller black candle trading inside it with a higher low, and a small
 * black marubozu inside the second candle's range; else 0.
 *
 * @example
 * const stars = CDL3STARSINSOUTH(open, high, low, close);
 */
export function CDL3STARSINSOUTH(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDL3STARSINSOUTH_DEFINITION, open, high, low, close);
}

const BABY_SWALLOW_SPEC: CandlePatternSpec = {
  lookback: SHADOW_VERY_SHORT.period + 3,
  averages: [averageOf(SHADOW_VERY_SHORT, 3), averageOf(SHADOW_VERY_SHORT, 2), averageOf(SHADOW_VERY_SHORT, 1)],
};

// Cheap tests first; the candles' measurements only for the bars that pass them, all at
// once: see "Measurements first" in candle-pattern.ts.
function concealBabySwallowAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  return candleColor(o, c, i - 3) === -1 &&
    candleColor(o, c, i - 2) === -1 &&
    candleColor(o, c, i - 1) === -1 &&
    candleColor(o, c, i) === -1 &&
    realBodyGapDown(o, c, i - 1, i - 2) &&
    h[i - 1] > c[i - 2] &&
    h[i] > h[i - 1] &&
    l[i] < l[i - 1] &&
    concealBabySwallowShape(o, h, l, c, i, t)
    ? 100
    : 0;
}

/** Whether the first two candles are black marubozu and the third has an upper shadow, measured first. */
function concealBabySwallowShape(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): boolean {
  const short3 = shadowVeryShortLimit(t[0]);
  const short2 = shadowVeryShortLimit(t[1]);
  const short1 = shadowVeryShortLimit(t[2]);
  const lower3 = lowerShadow(o, l, c, i - 3);
  const upper3 = upperShadow(o, h, c, i - 3);
  const lower2 = lowerShadow(o, l, c, i - 2);
  const upper2 = upperShadow(o, h, c, i - 2);
  const upper1 = upperShadow(o, h, c, i - 1);
  return lower3 < short3 && upper3 < short3 && lower2 < short2 && upper2 < short2 && upper1 > short1;
}

/** Writes CDLCONCEALBABYSWALL's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlConcealBabySwall(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(BABY_SWALLOW_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = BABY_SWALLOW_SPEC.lookback; i < open.length; i++) {
    out[i] = concealBabySwallowAt(open, high, low, close, i, t);
    t[0] += highLowStep(high, low, i - 3, 10);
    t[1] += highLowStep(high, low, i - 2, 10);
    t[2] += highLowStep(high, low, i - 1, 10);
  }
}

/** Streaming concealing baby swallow: O(1) per bar, no allocation. */
export class CDLCONCEALBABYSWALLStream extends CandlePatternStream {
  constructor() {
    super(BABY_SWALLOW_SPEC, concealBabySwallowAt);
  }
}

/** Registry entry for CDLCONCEALBABYSWALL. */
export const CDLCONCEALBABYSWALL_DEFINITION = candlePatternDefinition({
  name: 'CDLCONCEALBABYSWALL',
  description:
    'Concealing baby swallow: two black marubozu, a black candle gapping down but probing up, then one engulfing it.',
  spec: BABY_SWALLOW_SPEC,
  compute: computeCdlConcealBabySwall,
  createStream: () => new CDLCONCEALBABYSWALLStream(),
});

/**
 * Concealing baby swallow, as TA-Lib's CDLCONCEALBABYSWALL: 100 for two black marubozu, a
 * black candle whose body gaps down but whose upper shadow reaches into the second body, and
 * a black candle whose range engulfs the third; else 0.
 *
 * @example
 * const swallow = CDLCONCEALBABYSWALL(open, high, low, close);
 */
export function CDLCONCEALBABYSWALL(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLCONCEALBABYSWALL_DEFINITION, open, high, low, close);
}
