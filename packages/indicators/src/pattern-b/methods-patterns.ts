// Five-candle continuations: a long candle, three small ones drifting against it, then a long
// candle resuming the move — the mat hold and the rising/falling three methods.
import {
  averageOf,
  BODY_LONG,
  BODY_SHORT,
  beginCandlePattern,
  bodyBottom,
  bodyLongLimit,
  bodyShortLimit,
  bodyStep,
  bodyTop,
  type CandlePatternSpec,
  CandlePatternStream,
  candleColor,
  candlePatternDefinition,
  realBody,
  realBodyGapUp,
  runPatternBatch,
} from '../pattern/index.js';

type Column = Float64Array;

const MAT_HOLD_SPEC: CandlePatternSpec = {
  lookback: Math.max(BODY_SHORT.period, BODY_LONG.period) + 4,
  averages: [averageOf(BODY_LONG, 4), averageOf(BODY_SHORT, 3), averageOf(BODY_SHORT, 2), averageOf(BODY_SHORT, 1)],
};

/** Whether candles i−3 … i−1 all have short bodies (totals 1 … 3 of `t`). */
function threeShortBodies(o: Column, _h: Column, _l: Column, c: Column, i: number, t: Float64Array): boolean {
  // Measured first, on every call: see "Measurements first" in candle-pattern.ts.
  const body3 = realBody(o, c, i - 3);
  const body2 = realBody(o, c, i - 2);
  const body1 = realBody(o, c, i - 1);
  const short3 = bodyShortLimit(t[1]);
  const short2 = bodyShortLimit(t[2]);
  const short1 = bodyShortLimit(t[3]);
  return body3 < short3 && body2 < short2 && body1 < short1;
}

// Cheap tests first; the candles' measurements only for the bars that pass them, all at
// once: see "Measurements first" in candle-pattern.ts.
function matHoldAt(
  o: Column,
  h: Column,
  l: Column,
  c: Column,
  i: number,
  t: Float64Array,
  penetration: number,
): number {
  return candleColor(o, c, i - 4) === 1 &&
    candleColor(o, c, i - 3) === -1 &&
    candleColor(o, c, i) === 1 &&
    realBodyGapUp(o, c, i - 3, i - 4) &&
    o[i] > c[i - 1] &&
    c[i] > Math.max(h[i - 3], h[i - 2], h[i - 1]) &&
    matHoldShape(o, h, l, c, i, t, penetration)
    ? 100
    : 0;
}

/**
 * Whether a long first candle holds three small ones that sink no deeper than `penetration`
 * of its body, measured first.
 */
function matHoldShape(
  o: Column,
  h: Column,
  l: Column,
  c: Column,
  i: number,
  t: Float64Array,
  penetration: number,
): boolean {
  const body4 = realBody(o, c, i - 4);
  const long4 = bodyLongLimit(t[0]);
  const shortBodies = threeShortBodies(o, h, l, c, i, t);
  const bottom2 = bodyBottom(o, c, i - 2);
  const bottom1 = bodyBottom(o, c, i - 1);
  const top2 = bodyTop(o, c, i - 2);
  const top1 = bodyTop(o, c, i - 1);
  const floor = c[i - 4] - body4 * penetration;
  return (
    body4 > long4 &&
    shortBodies &&
    bottom2 < c[i - 4] &&
    bottom1 < c[i - 4] &&
    bottom2 > floor &&
    bottom1 > floor &&
    top2 < o[i - 3] &&
    top1 < top2
  );
}

/** Writes CDLMATHOLD's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlMatHold(
  open: Column,
  high: Column,
  low: Column,
  close: Column,
  out: Column,
  penetration: number,
): void {
  const totals = beginCandlePattern(MAT_HOLD_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = MAT_HOLD_SPEC.lookback; i < open.length; i++) {
    out[i] = matHoldAt(open, high, low, close, i, t, penetration);
    t[0] += bodyStep(open, close, i - 4, 10);
    t[1] += bodyStep(open, close, i - 3, 10);
    t[2] += bodyStep(open, close, i - 2, 10);
    t[3] += bodyStep(open, close, i - 1, 10);
  }
}

/** Streaming mat hold: O(1) per bar, no allocation. */
export class CDLMATHOLDStream extends CandlePatternStream {
  constructor(penetration = 0.5) {
    super(MAT_HOLD_SPEC, matHoldAt, penetration);
  }
}

/** Registry entry for CDLMATHOLD. */
export const CDLMATHOLD_DEFINITION = candlePatternDefinition({
  name: 'CDLMATHOLD',
  description:
    'Mat hold: a long white candle, a gap up and three small candles holding above its lower part, then a white candle to new highs.',
  spec: MAT_HOLD_SPEC,
  compute: computeCdlMatHold,
  createStream: (penetration) => new CDLMATHOLDStream(penetration),
  penetration: 0.5,
});

/**
 * Mat hold, as TA-Lib's CDLMATHOLD: 100 for a long white candle, a small black candle gapping
 * above its body, two more small candles drifting lower without sinking more than
 * `penetration` of the first body below its close, and a white candle opening above the
 * fourth close and closing above the three small candles' highs; else 0.
 *
 * @example
 * const matHold = CDLMATHOLD(open, high, low, close, { penetration: 0.5 });
 */
export function CDLMATHOLD(
  open: Column,
  high: Column,
  low: Column,
  close: Column,
  params: { penetration?: number } = {},
): Float64Array {
  return runPatternBatch(CDLMATHOLD_DEFINITION, open, high, low, close, params);
}

const THREE_METHODS_SPEC: CandlePatternSpec = {
  lookback: Math.max(BODY_SHORT.period, BODY_LONG.period) + 4,
  averages: [
    averageOf(BODY_LONG, 4),
    averageOf(BODY_SHORT, 3),
    averageOf(BODY_SHORT, 2),
    averageOf(BODY_SHORT, 1),
    averageOf(BODY_LONG),
  ],
};

// Cheap tests first; the candles' measurements only for the bars that pass them, all at
// once: see "Measurements first" in candle-pattern.ts.
function threeMethodsAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  const trend = candleColor(o, c, i - 4);
  // Multiplying by the trend's sign turns the falling case into the rising one.
  return trend === -candleColor(o, c, i - 3) &&
    candleColor(o, c, i - 3) === candleColor(o, c, i - 2) &&
    candleColor(o, c, i - 2) === candleColor(o, c, i - 1) &&
    candleColor(o, c, i - 1) === -candleColor(o, c, i) &&
    c[i - 2] * trend < c[i - 3] * trend &&
    c[i - 1] * trend < c[i - 2] * trend &&
    o[i] * trend > c[i - 1] * trend &&
    c[i] * trend > c[i - 4] * trend &&
    threeMethodsShape(o, h, l, c, i, t)
    ? 100 * trend
    : 0;
}

/** Whether two long candles hold three small ones within the first one's range, measured first. */
function threeMethodsShape(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): boolean {
  const body4 = realBody(o, c, i - 4);
  const body0 = realBody(o, c, i);
  const long4 = bodyLongLimit(t[0]);
  const long0 = bodyLongLimit(t[4]);
  const shortBodies = threeShortBodies(o, h, l, c, i, t);
  const bottom3 = bodyBottom(o, c, i - 3);
  const bottom2 = bodyBottom(o, c, i - 2);
  const bottom1 = bodyBottom(o, c, i - 1);
  const top3 = bodyTop(o, c, i - 3);
  const top2 = bodyTop(o, c, i - 2);
  const top1 = bodyTop(o, c, i - 1);
  const high4 = h[i - 4] as number;
  const low4 = l[i - 4] as number;
  return (
    body4 > long4 &&
    shortBodies &&
    body0 > long0 &&
    bottom3 < high4 &&
    top3 > low4 &&
    bottom2 < high4 &&
    top2 > low4 &&
    bottom1 < high4 &&
    top1 > low4
  );
}

/** Writes CDLRISEFALL3METHODS's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlRiseFall3Methods(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(THREE_METHODS_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = THREE_METHODS_SPEC.lookback; i < open.length; i++) {
    out[i] = threeMethodsAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i - 4, 10);
    t[1] += bodyStep(open, close, i - 3, 10);
    t[2] += bodyStep(open, close, i - 2, 10);
    t[3] += bodyStep(open, close, i - 1, 10);
    t[4] += bodyStep(open, close, i, 10);
  }
}

/** Streaming rising/falling three methods: O(1) per bar, no allocation. */
export class CDLRISEFALL3METHODSStream extends CandlePatternStream {
  constructor() {
    super(THREE_METHODS_SPEC, threeMethodsAt);
  }
}

/** Registry entry for CDLRISEFALL3METHODS. */
export const CDLRISEFALL3METHODS_DEFINITION = candlePatternDefinition({
  name: 'CDLRISEFALL3METHODS',
  description:
    'Rising/falling three methods: a long candle, three small counter-trend candles within its range, then a long candle past its close.',
  spec: THREE_METHODS_SPEC,
  compute: computeCdlRiseFall3Methods,
  createStream: () => new CDLRISEFALL3METHODSStream(),
});

/**
 * Rising/falling three methods, as TA-Lib's CDLRISEFALL3METHODS: ±100 (the first candle's
 * colour) for a long candle, three short opposite-coloured candles drifting against it within
 * its range, and a long candle of the first colour opening beyond the fourth close and closing
 * beyond the first; else 0.
 *
 * @example
 * const methods = CDLRISEFALL3METHODS(open, high, low, close);
 */
export function CDLRISEFALL3METHODS(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLRISEFALL3METHODS_DEFINITION, open, high, low, close);
}
