// Bearish three-candle tops: identical three crows, upside gap two crows and the stalled
// pattern (an advance of white candles that loses its force).
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
  lowerShadow,
  NEAR,
  nearLimit,
  realBody,
  realBodyGapUp,
  runPatternBatch,
  SHADOW_VERY_SHORT,
  shadowVeryShortLimit,
  upperShadow,
} from '../pattern/index.js';

type Column = Float64Array;

const IDENTICAL_CROWS_SPEC: CandlePatternSpec = {
  lookback: Math.max(SHADOW_VERY_SHORT.period, EQUAL.period) + 2,
  averages: [
    averageOf(SHADOW_VERY_SHORT, 2),
    averageOf(SHADOW_VERY_SHORT, 1),
    averageOf(SHADOW_VERY_SHORT),
    averageOf(EQUAL, 2),
    averageOf(EQUAL, 1),
  ],
};

// Cheap tests first; the candles' measurements only for the bars that pass them, all at
// once: see "Measurements first" in candle-pattern.ts.
function identicalThreeCrowsAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  return candleColor(o, c, i - 2) === -1 &&
    candleColor(o, c, i - 1) === -1 &&
    candleColor(o, c, i) === -1 &&
    c[i - 2] > c[i - 1] &&
    c[i - 1] > c[i] &&
    identicalThreeCrowsShape(o, h, l, c, i, t)
    ? -100
    : 0;
}

/** Whether the three black candles close at (almost) their lows, each opening where the previous one closed, measured first. */
function identicalThreeCrowsShape(o: Column, _h: Column, l: Column, c: Column, i: number, t: Float64Array): boolean {
  const lower2 = lowerShadow(o, l, c, i - 2);
  const lower1 = lowerShadow(o, l, c, i - 1);
  const lower0 = lowerShadow(o, l, c, i);
  const veryShort2 = shadowVeryShortLimit(t[0]);
  const veryShort1 = shadowVeryShortLimit(t[1]);
  const veryShort0 = shadowVeryShortLimit(t[2]);
  const firstEqual = equalLimit(t[3]);
  const secondEqual = equalLimit(t[4]);
  return (
    lower2 < veryShort2 &&
    lower1 < veryShort1 &&
    lower0 < veryShort0 &&
    o[i - 1] <= c[i - 2] + firstEqual &&
    o[i - 1] >= c[i - 2] - firstEqual &&
    o[i] <= c[i - 1] + secondEqual &&
    o[i] >= c[i - 1] - secondEqual
  );
}

/** Writes CDLIDENTICAL3CROWS's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlIdentical3Crows(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(IDENTICAL_CROWS_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = IDENTICAL_CROWS_SPEC.lookback; i < open.length; i++) {
    out[i] = identicalThreeCrowsAt(open, high, low, close, i, t);
    t[0] += highLowStep(high, low, i - 2, 10);
    t[1] += highLowStep(high, low, i - 1, 10);
    t[2] += highLowStep(high, low, i, 10);
    t[3] += highLowStep(high, low, i - 2, 5);
    t[4] += highLowStep(high, low, i - 1, 5);
  }
}

/** Streaming identical three crows: O(1) per bar, no allocation. */
export class CDLIDENTICAL3CROWSStream extends CandlePatternStream {
  constructor() {
    super(IDENTICAL_CROWS_SPEC, identicalThreeCrowsAt);
  }
}

/** Registry entry for CDLIDENTICAL3CROWS. */
export const CDLIDENTICAL3CROWS_DEFINITION = candlePatternDefinition({
  name: 'CDLIDENTICAL3CROWS',
  description: 'Identical three crows: three falling black candles, each opening at the close before it.',
  spec: IDENTICAL_CROWS_SPEC,
  compute: computeCdlIdentical3Crows,
  createStream: () => new CDLIDENTICAL3CROWSStream(),
});

/**
 * Identical three crows, as TA-Lib's CDLIDENTICAL3CROWS: −100 for three black candles with
 * very short lower shadows and falling closes, each opening equal to the previous close;
 * else 0.
 *
 * @example
 * const crows = CDLIDENTICAL3CROWS(open, high, low, close);
 */
export function CDLIDENTICAL3CROWS(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLIDENTICAL3CROWS_DEFINITION, open, high, low, close);
}

const UPSIDE_GAP_CROWS_SPEC: CandlePatternSpec = {
  lookback: Math.max(BODY_SHORT.period, BODY_LONG.period) + 2,
  averages: [averageOf(BODY_LONG, 2), averageOf(BODY_SHORT, 1)],
};

// Cheap tests first; the candles' measurements only for the bars that pass them, all at
// once: see "Measurements first" in candle-pattern.ts.
function upsideGapTwoCrowsAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  return candleColor(o, c, i - 2) === 1 &&
    candleColor(o, c, i - 1) === -1 &&
    realBodyGapUp(o, c, i - 1, i - 2) &&
    candleColor(o, c, i) === -1 &&
    o[i] > o[i - 1] &&
    c[i] < c[i - 1] &&
    c[i] > c[i - 2] &&
    upsideGapTwoCrowsShape(o, h, l, c, i, t)
    ? -100
    : 0;
}

/** Whether a long white candle is followed by a short black one, measured first. */
function upsideGapTwoCrowsShape(o: Column, _h: Column, _l: Column, c: Column, i: number, t: Float64Array): boolean {
  const body2 = realBody(o, c, i - 2);
  const body1 = realBody(o, c, i - 1);
  const long2 = bodyLongLimit(t[0]);
  const short1 = bodyShortLimit(t[1]);
  return body2 > long2 && body1 <= short1;
}

/** Writes CDLUPSIDEGAP2CROWS's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlUpsideGap2Crows(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(UPSIDE_GAP_CROWS_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = UPSIDE_GAP_CROWS_SPEC.lookback; i < open.length; i++) {
    out[i] = upsideGapTwoCrowsAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i - 2, 10);
    t[1] += bodyStep(open, close, i - 1, 10);
  }
}

/** Streaming upside gap two crows: O(1) per bar, no allocation. */
export class CDLUPSIDEGAP2CROWSStream extends CandlePatternStream {
  constructor() {
    super(UPSIDE_GAP_CROWS_SPEC, upsideGapTwoCrowsAt);
  }
}

/** Registry entry for CDLUPSIDEGAP2CROWS. */
export const CDLUPSIDEGAP2CROWS_DEFINITION = candlePatternDefinition({
  name: 'CDLUPSIDEGAP2CROWS',
  description:
    'Upside gap two crows: a long white candle, a small black one gapping above it, then a black candle engulfing the second.',
  spec: UPSIDE_GAP_CROWS_SPEC,
  compute: computeCdlUpsideGap2Crows,
  createStream: () => new CDLUPSIDEGAP2CROWSStream(),
});

/**
 * Upside gap two crows, as TA-Lib's CDLUPSIDEGAP2CROWS: −100 for a long white candle, a short
 * black candle whose body gaps above it, and a black candle engulfing that body while still
 * closing above the first close; else 0.
 *
 * @example
 * const twoCrows = CDLUPSIDEGAP2CROWS(open, high, low, close);
 */
export function CDLUPSIDEGAP2CROWS(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLUPSIDEGAP2CROWS_DEFINITION, open, high, low, close);
}

const STALLED_SPEC: CandlePatternSpec = {
  lookback: Math.max(BODY_LONG.period, BODY_SHORT.period, SHADOW_VERY_SHORT.period, NEAR.period) + 2,
  averages: [
    averageOf(BODY_LONG, 2),
    averageOf(BODY_LONG, 1),
    averageOf(BODY_SHORT),
    averageOf(SHADOW_VERY_SHORT, 1),
    averageOf(NEAR, 2),
    averageOf(NEAR, 1),
  ],
};

// Cheap tests first; the candles' measurements only for the bars that pass them, all at
// once: see "Measurements first" in candle-pattern.ts.
function stalledPatternAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  return candleColor(o, c, i - 2) === 1 &&
    candleColor(o, c, i - 1) === 1 &&
    candleColor(o, c, i) === 1 &&
    c[i] > c[i - 1] &&
    c[i - 1] > c[i - 2] &&
    o[i - 1] > o[i - 2] &&
    stalledShape(o, h, l, c, i, t)
    ? -100
    : 0;
}

/** Whether two long white candles are followed by a small one riding on the second's shoulder, measured first. */
function stalledShape(o: Column, h: Column, _l: Column, c: Column, i: number, t: Float64Array): boolean {
  const body2 = realBody(o, c, i - 2);
  const body1 = realBody(o, c, i - 1);
  const body = realBody(o, c, i);
  const long2 = bodyLongLimit(t[0]);
  const long1 = bodyLongLimit(t[1]);
  const short0 = bodyShortLimit(t[2]);
  const upper1 = upperShadow(o, h, c, i - 1);
  const veryShort1 = shadowVeryShortLimit(t[3]);
  const near1 = nearLimit(t[4]);
  const near0 = nearLimit(t[5]);
  // The last body opens near the second's close (TA-Lib subtracts the body, then "near").
  return (
    body2 > long2 &&
    body1 > long1 &&
    upper1 < veryShort1 &&
    o[i - 1] <= c[i - 2] + near1 &&
    body < short0 &&
    o[i] >= c[i - 1] - body - near0
  );
}

/** Writes CDLSTALLEDPATTERN's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlStalledPattern(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(STALLED_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = STALLED_SPEC.lookback; i < open.length; i++) {
    out[i] = stalledPatternAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i - 2, 10);
    t[1] += bodyStep(open, close, i - 1, 10);
    t[2] += bodyStep(open, close, i, 10);
    t[3] += highLowStep(high, low, i - 1, 10);
    t[4] += highLowStep(high, low, i - 2, 5);
    t[5] += highLowStep(high, low, i - 1, 5);
  }
}

/** Streaming stalled pattern: O(1) per bar, no allocation. */
export class CDLSTALLEDPATTERNStream extends CandlePatternStream {
  constructor() {
    super(STALLED_SPEC, stalledPatternAt);
  }
}

/** Registry entry for CDLSTALLEDPATTERN. */
export const CDLSTALLEDPATTERN_DEFINITION = candlePatternDefinition({
  name: 'CDLSTALLEDPATTERN',
  description: 'Stalled pattern: two long white candles followed by a small white one riding on the second close.',
  spec: STALLED_SPEC,
  compute: computeCdlStalledPattern,
  createStream: () => new CDLSTALLEDPATTERNStream(),
});

/**
 * Stalled pattern, as TA-Lib's CDLSTALLEDPATTERN: −100 for three rising white candles, the
 * first two long (the second opening near the first close with almost no upper shadow) and
 * the third short and opening near the second close; else 0.
 *
 * @example
 * const stalled = CDLSTALLEDPATTERN(open, high, low, close);
 */
export function CDLSTALLEDPATTERN(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLSTALLEDPATTERN_DEFINITION, open, high, low, close);
}
