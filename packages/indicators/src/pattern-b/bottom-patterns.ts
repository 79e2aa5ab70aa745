// Bullish bottoms built from black candles that stop making progress: the homing pigeon, the
// matching low, the stick sandwich, the unique three river and the ladder bottom.
import {
  averageOf,
  BODY_LONG,
  BODY_SHORT,
  beginCandlePattern,
  bodyLongLimit,
  bodyShortLimit,
  bodyStep,
  type CandlePatternSpec,
  CandlePatternStream,
  candleColor,
  candlePatternDefinition,
  EQUAL,
  equalLimit,
  highLowStep,
  realBody,
  runPatternBatch,
  SHADOW_VERY_SHORT,
  shadowVeryShortLimit,
  upperShadow,
} from '../pattern/index.js';

type Column = Float64Array;

const HOMING_PIGEON_SPEC: CandlePatternSpec = {
  lookback: Math.max(BODY_SHORT.period, BODY_LONG.period) + 1,
  averages: [averageOf(BODY_LONG, 1), averageOf(BODY_SHORT)],
};

// Cheap tests first; the candles' measurements only for the bars that pass them, all at
// once: see "Measurements first" in candle-pattern.ts.
function homingPigeonAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  return candleColor(o, c, i - 1) === -1 &&
    candleColor(o, c, i) === -1 &&
    o[i] < o[i - 1] &&
    c[i] > c[i - 1] &&
    homingPigeonShape(o, h, l, c, i, t)
    ? 100
    : 0;
}

/** Whether a long black candle holds a short one, measured first. */
function homingPigeonShape(o: Column, _h: Column, _l: Column, c: Column, i: number, t: Float64Array): boolean {
  const body1 = realBody(o, c, i - 1);
  const body0 = realBody(o, c, i);
  const long1 = bodyLongLimit(t[0]);
  const short0 = bodyShortLimit(t[1]);
  return body1 > long1 && body0 <= short0;
}

/** Writes CDLHOMINGPIGEON's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlHomingPigeon(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(HOMING_PIGEON_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = HOMING_PIGEON_SPEC.lookback; i < open.length; i++) {
    out[i] = homingPigeonAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i - 1, 10);
    t[1] += bodyStep(open, close, i, 10);
  }
}

/** Streaming homing pigeon: O(1) per bar, no allocation. */
export class CDLHOMINGPIGEONStream extends CandlePatternStream {
  constructor() {
    super(HOMING_PIGEON_SPEC, homingPigeonAt);
  }
}

/** Registry entry for CDLHOMINGPIGEON. */
export const CDLHOMINGPIGEON_DEFINITION = candlePatternDefinition({
  name: 'CDLHOMINGPIGEON',
  description: 'Homing pigeon: a short black body held inside the body of the long black candle before it.',
  spec: HOMING_PIGEON_SPEC,
  compute: computeCdlHomingPigeon,
  createStream: () => new CDLHOMINGPIGEONStream(),
});

/**
 * Homing pigeon, as TA-Lib's CDLHOMINGPIGEON: 100 when a short black candle's body lies inside
 * the body of the long black candle before it; else 0.
 *
 * @example
 * const pigeon = CDLHOMINGPIGEON(open, high, low, close);
 */
export function CDLHOMINGPIGEON(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLHOMINGPIGEON_DEFINITION, open, high, low, close);
}

const MATCHING_LOW_SPEC: CandlePatternSpec = { lookback: EQUAL.period + 1, averages: [averageOf(EQUAL, 1)] };

function matchingLowAt(o: Column, _h: Column, _l: Column, c: Column, i: number, t: Float64Array): number {
  if (candleColor(o, c, i - 1) !== -1 || candleColor(o, c, i) !== -1) return 0;
  const equal = equalLimit(t[0]);
  return c[i] <= c[i - 1] + equal && c[i] >= c[i - 1] - equal ? 100 : 0;
}

/** Writes CDLMATCHINGLOW's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlMatchingLow(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(MATCHING_LOW_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = MATCHING_LOW_SPEC.lookback; i < open.length; i++) {
    out[i] = matchingLowAt(open, high, low, close, i, t);
    t[0] += highLowStep(high, low, i - 1, 5);
  }
}

/** Streaming matching low: O(1) per bar, no allocation. */
export class CDLMATCHINGLOWStream extends CandlePatternStream {
  constructor() {
    super(MATCHING_LOW_SPEC, matchingLowAt);
  }
}

/** Registry entry for CDLMATCHINGLOW. */
export const CDLMATCHINGLOW_DEFINITION = candlePatternDefinition({
  name: 'CDLMATCHINGLOW',
  description: 'Matching low: two black candles closing at the same level.',
  spec: MATCHING_LOW_SPEC,
  compute: computeCdlMatchingLow,
  createStream: () => new CDLMATCHINGLOWStream(),
});

/**
 * Matching low, as TA-Lib's CDLMATCHINGLOW: 100 when two black candles in a row close equal
 * to each other; else 0.
 *
 * @example
 * const matchingLow = CDLMATCHINGLOW(open, high, low, close);
 */
export function CDLMATCHINGLOW(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLMATCHINGLOW_DEFINITION, open, high, low, close);
}

const STICK_SANDWICH_SPEC: CandlePatternSpec = { lookback: EQUAL.period + 2, averages: [averageOf(EQUAL, 2)] };

// Cheap tests first; the candles' measurements only for the bars that pass them, all at
// once: see "Measurements first" in candle-pattern.ts.
function stickSandwichAt(o: Column, _h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  if (candleColor(o, c, i - 2) !== -1 || candleColor(o, c, i - 1) !== 1 || candleColor(o, c, i) !== -1) return 0;
  return l[i - 1] > c[i - 2] && closesEqual(c, i, i - 2, t) ? 100 : 0;
}

/** Whether candles `j` and `k` close at the same price, within the Equal tolerance of `t[0]`. */
function closesEqual(c: Column, j: number, k: number, t: Float64Array): boolean {
  const equal = equalLimit(t[0]);
  return c[j] <= c[k] + equal && c[j] >= c[k] - equal;
}

/** Writes CDLSTICKSANDWICH's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlStickSandwich(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(STICK_SANDWICH_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = STICK_SANDWICH_SPEC.lookback; i < open.length; i++) {
    out[i] = stickSandwichAt(open, high, low, close, i, t);
    t[0] += highLowStep(high, low, i - 2, 5);
  }
}

/** Streaming stick sandwich: O(1) per bar, no allocation. */
export class CDLSTICKSANDWICHStream extends CandlePatternStream {
  constructor() {
    super(STICK_SANDWICH_SPEC, stickSandwichAt);
  }
}

/** Registry entry for CDLSTICKSANDWICH. */
export const CDLSTICKSANDWICH_DEFINITION = candlePatternDefinition({
  name: 'CDLSTICKSANDWICH',
  description: 'Stick sandwich: two black candles closing at the same level around a white one trading above.',
  spec: STICK_SANDWICH_SPEC,
  compute: computeCdlStickSandwich,
  createStream: () => new CDLSTICKSANDWICHStream(),
});

/**
 * Stick sandwich, as TA-Lib's CDLSTICKSANDWICH: 100 for black, white, black candles where the
 * white one's low is above the first close and the last close equals the first; else 0.
 *
 * @example
 * const sandwich = CDLSTICKSANDWICH(open, high, low, close);
 */
export function CDLSTICKSANDWICH(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLSTICKSANDWICH_DEFINITION, open, high, low, close);
}

const UNIQUE_THREE_RIVER_SPEC: CandlePatternSpec = {
  lookback: Math.max(BODY_SHORT.period, BODY_LONG.period) + 2,
  averages: [averageOf(BODY_LONG, 2), averageOf(BODY_SHORT)],
};

function uniqueThreeRiverAt(o: Column, _h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  return realBody(o, c, i - 2) > bodyLongLimit(t[0]) &&
    candleColor(o, c, i - 2) === -1 &&
    candleColor(o, c, i - 1) === -1 &&
    c[i - 1] > c[i - 2] &&
    o[i - 1] <= o[i - 2] &&
    l[i - 1] < l[i - 2] &&
    realBody(o, c, i) < bodyShortLimit(t[1]) &&
    candleColor(o, c, i) === 1 &&
    o[i] > l[i - 1]
    ? 100
    : 0;
}

/** Writes CDLUNIQUE3RIVER's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlUnique3River(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(UNIQUE_THREE_RIVER_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = UNIQUE_THREE_RIVER_SPEC.lookback; i < open.length; i++) {
    out[i] = uniqueThreeRiverAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i - 2, 10);
    t[1] += bodyStep(open, close, i, 10);
  }
}

/** Streaming unique three river: O(1) per bar, no allocation. */
export class CDLUNIQUE3RIVERStream extends CandlePatternStream {
  constructor() {
    super(UNIQUE_THREE_RIVER_SPEC, uniqueThreeRiverAt);
  }
}

/** Registry entry for CDLUNIQUE3RIVER. */
export const CDLUNIQUE3RIVER_DEFINITION = candlePatternDefinition({
  name: 'CDLUNIQUE3RIVER',
  description:
    'Unique three river: a long black candle, a black harami reaching a new low, then a small white candle above that low.',
  spec: UNIQUE_THREE_RIVER_SPEC,
  compute: computeCdlUnique3River,
  createStream: () => new CDLUNIQUE3RIVERStream(),
});

/**
 * Unique three river, as TA-Lib's CDLUNIQUE3RIVER: 100 for a long black candle, a black candle
 * whose body sits inside it but whose low is lower, and a short white candle opening above
 * that low; else 0.
 *
 * @example
 * const river = CDLUNIQUE3RIVER(open, high, low, close);
 */
export function CDLUNIQUE3RIVER(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLUNIQUE3RIVER_DEFINITION, open, high, low, close);
}

const LADDER_BOTTOM_SPEC: CandlePatternSpec = {
  lookback: SHADOW_VERY_SHORT.period + 4,
  averages: [averageOf(SHADOW_VERY_SHORT, 1)],
};

// Cheap tests first; the candles' measurements only for the bars that pass them, all at
// once: see "Measurements first" in candle-pattern.ts.
function ladderBottomAt(o: Column, h: Column, _l: Column, c: Column, i: number, t: Float64Array): number {
  return candleColor(o, c, i - 4) === -1 &&
    candleColor(o, c, i - 3) === -1 &&
    candleColor(o, c, i - 2) === -1 &&
    o[i - 4] > o[i - 3] &&
    o[i - 3] > o[i - 2] &&
    c[i - 4] > c[i - 3] &&
    c[i - 3] > c[i - 2] &&
    candleColor(o, c, i - 1) === -1 &&
    candleColor(o, c, i) === 1 &&
    o[i] > o[i - 1] &&
    c[i] > h[i - 1] &&
    hasUpperShadow(o, h, c, i - 1, t)
    ? 100
    : 0;
}

/** Whether candle `j` has more than a very short upper shadow, measured first. */
function hasUpperShadow(o: Column, h: Column, c: Column, j: number, t: Float64Array): boolean {
  const upper = upperShadow(o, h, c, j);
  const veryShort = shadowVeryShortLimit(t[0]);
  return upper > veryShort;
}

/** Writes CDLLADDERBOTTOM's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlLadderBottom(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(LADDER_BOTTOM_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = LADDER_BOTTOM_SPEC.lookback; i < open.length; i++) {
    out[i] = ladderBottomAt(open, high, low, close, i, t);
    t[0] += highLowStep(high, low, i - 1, 10);
  }
}

/** Streaming ladder bottom: O(1) per bar, no allocation. */
export class CDLLADDERBOTTOMStream extends CandlePatternStream {
  constructor() {
    super(LADDER_BOTTOM_SPEC, ladderBottomAt);
  }
}

/** Registry entry for CDLLADDERBOTTOM. */
export const CDLLADDERBOTTOM_DEFINITION = candlePatternDefinition({
  name: 'CDLLADDERBOTTOM',
  description:
    'Ladder bottom: three falling black candles, a black one with an upper shadow, then a white candle above its high.',
  spec: LADDER_BOTTOM_SPEC,
  compute: computeCdlLadderBottom,
  createStream: () => new CDLLADDERBOTTOMStream(),
});

/**
 * Ladder bottom, as TA-Lib's CDLLADDERBOTTOM: 100 for three black candles with falling opens
 * and closes, a fourth black candle with a visible upper shadow and a white candle opening
 * above the fourth's open and closing above its high; else 0.
 *
 * @example
 * const ladder = CDLLADDERBOTTOM(open, high, low, close);
 */
export function CDLLADDERBOTTOM(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLLADDERBOTTOM_DEFINITION, open, high, low, close);
}
