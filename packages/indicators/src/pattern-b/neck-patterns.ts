// A long black candle answered by a white one that opens below its low: how far the white
// candle climbs back decides the pattern — to the low (on-neck), just into the body (in-neck),
// short of the body's midpoint (thrusting) or beyond it (piercing).
import {
  averageOf,
  BODY_LONG,
  beginCandlePattern,
  bodyLongLimit,
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
} from '../pattern/index.js';

type Column = Float64Array;

const NECK_SPEC: CandlePatternSpec = {
  lookback: Math.max(EQUAL.period, BODY_LONG.period) + 1,
  averages: [averageOf(EQUAL, 1), averageOf(BODY_LONG, 1)],
};

/** A long black candle followed by a white candle that opens below its low. */
function opensBelowLongBlack(o: Column, _h: Column, l: Column, c: Column, i: number, t: Float64Array): boolean {
  return (
    candleColor(o, c, i - 1) === -1 &&
    realBody(o, c, i - 1) > bodyLongLimit(t[1]) &&
    candleColor(o, c, i) === 1 &&
    o[i] < l[i - 1]
  );
}

function inNeckAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  return opensBelowLongBlack(o, h, l, c, i, t) && c[i] <= c[i - 1] + equalLimit(t[0]) && c[i] >= c[i - 1] ? -100 : 0;
}

/** Writes CDLINNECK's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlInNeck(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(NECK_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = NECK_SPEC.lookback; i < open.length; i++) {
    out[i] = inNeckAt(open, high, low, close, i, t);
    t[0] += highLowStep(high, low, i - 1, 5);
    t[1] += bodyStep(open, close, i - 1, 10);
  }
}

/** Streaming in-neck pattern: O(1) per bar, no allocation. */
export class CDLINNECKStream extends CandlePatternStream {
  constructor() {
    super(NECK_SPEC, inNeckAt);
  }
}

/** Registry entry for CDLINNECK. */
export const CDLINNECK_DEFINITION = candlePatternDefinition({
  name: 'CDLINNECK',
  description: 'In-neck: a white candle opening below a long black one and closing just at or above its close.',
  spec: NECK_SPEC,
  compute: computeCdlInNeck,
  createStream: () => new CDLINNECKStream(),
});

/**
 * In-neck pattern, as TA-Lib's CDLINNECK: −100 when a white candle opens below the low of a
 * long black candle and closes at its close or slightly above; else 0.
 *
 * @example
 * const inNeck = CDLINNECK(open, high, low, close);
 */
export function CDLINNECK(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLINNECK_DEFINITION, open, high, low, close);
}

function onNeckAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  if (!opensBelowLongBlack(o, h, l, c, i, t)) return 0;
  const equal = equalLimit(t[0]);
  return c[i] <= l[i - 1] + equal && c[i] >= l[i - 1] - equal ? -100 : 0;
}

/** Writes CDLONNECK's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlOnNeck(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(NECK_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = NECK_SPEC.lookback; i < open.length; i++) {
    out[i] = onNeckAt(open, high, low, close, i, t);
    t[0] += highLowStep(high, low, i - 1, 5);
    t[1] += bodyStep(open, close, i - 1, 10);
  }
}

/** Streaming on-neck pattern: O(1) per bar, no allocation. */
export class CDLONNECKStream extends CandlePatternStream {
  constructor() {
    super(NECK_SPEC, onNeckAt);
  }
}

/** Registry entry for CDLONNECK. */
export const CDLONNECK_DEFINITION = candlePatternDefinition({
  name: 'CDLONNECK',
  description: 'On-neck: a white candle opening below a long black one and closing at about its low.',
  spec: NECK_SPEC,
  compute: computeCdlOnNeck,
  createStream: () => new CDLONNECKStream(),
});

/**
 * On-neck pattern, as TA-Lib's CDLONNECK: −100 when a white candle opens below the low of a
 * long black candle and closes equal to that low; else 0.
 *
 * @example
 * const onNeck = CDLONNECK(open, high, low, close);
 */
export function CDLONNECK(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLONNECK_DEFINITION, open, high, low, close);
}

function thrustingAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  return opensBelowLongBlack(o, h, l, c, i, t) &&
    c[i] > c[i - 1] + equalLimit(t[0]) &&
    c[i] <= c[i - 1] + realBody(o, c, i - 1) * 0.5
    ? -100
    : 0;
}

/** Writes CDLTHRUSTING's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlThrusting(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(NECK_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = NECK_SPEC.lookback; i < open.length; i++) {
    out[i] = thrustingAt(open, high, low, close, i, t);
    t[0] += highLowStep(high, low, i - 1, 5);
    t[1] += bodyStep(open, close, i - 1, 10);
  }
}

/** Streaming thrusting pattern: O(1) per bar, no allocation. */
export class CDLTHRUSTINGStream extends CandlePatternStream {
  constructor() {
    super(NECK_SPEC, thrustingAt);
  }
}

/** Registry entry for CDLTHRUSTING. */
export const CDLTHRUSTING_DEFINITION = candlePatternDefinition({
  name: 'CDLTHRUSTING',
  description: 'Thrusting: a white candle opening below a long black one and closing inside its lower half.',
  spec: NECK_SPEC,
  compute: computeCdlThrusting,
  createStream: () => new CDLTHRUSTINGStream(),
});

/**
 * Thrusting pattern, as TA-Lib's CDLTHRUSTING: −100 when a white candle opens below the low of
 * a long black candle and closes clearly above its close but not above the middle of its
 * body; else 0.
 *
 * @example
 * const thrusting = CDLTHRUSTING(open, high, low, close);
 */
export function CDLTHRUSTING(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLTHRUSTING_DEFINITION, open, high, low, close);
}

const PIERCING_SPEC: CandlePatternSpec = {
  lookback: BODY_LONG.period + 1,
  averages: [averageOf(BODY_LONG, 1), averageOf(BODY_LONG)],
};

// Cheap tests first; the candles' measurements only for the bars that pass them, all at
// once: see "Measurements first" in candle-pattern.ts.
function piercingAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  return candleColor(o, c, i - 1) === -1 &&
    candleColor(o, c, i) === 1 &&
    o[i] < l[i - 1] &&
    c[i] < o[i - 1] &&
    piercingShape(o, h, l, c, i, t)
    ? 100
    : 0;
}

/** Whether two long candles, the white one closing above the black one's midpoint, measured first. */
function piercingShape(o: Column, _h: Column, _l: Column, c: Column, i: number, t: Float64Array): boolean {
  const body1 = realBody(o, c, i - 1);
  const body0 = realBody(o, c, i);
  const long1 = bodyLongLimit(t[0]);
  const long0 = bodyLongLimit(t[1]);
  return body1 > long1 && body0 > long0 && c[i] > c[i - 1] + body1 * 0.5;
}

/** Writes CDLPIERCING's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlPiercing(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(PIERCING_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = PIERCING_SPEC.lookback; i < open.length; i++) {
    out[i] = piercingAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i - 1, 10);
    t[1] += bodyStep(open, close, i, 10);
  }
}

/** Streaming piercing pattern: O(1) per bar, no allocation. */
export class CDLPIERCINGStream extends CandlePatternStream {
  constructor() {
    super(PIERCING_SPEC, piercingAt);
  }
}

/** Registry entry for CDLPIERCING. */
export const CDLPIERCING_DEFINITION = candlePatternDefinition({
  name: 'CDLPIERCING',
  description: 'Piercing: a long white candle opening below a long black one and closing above its midpoint.',
  spec: PIERCING_SPEC,
  compute: computeCdlPiercing,
  createStream: () => new CDLPIERCINGStream(),
});

/**
 * Piercing pattern, as TA-Lib's CDLPIERCING: 100 when a long white candle opens below the low
 * of a long black candle and closes above the middle of its body but below its open; else 0.
 *
 * @example
 * const piercing = CDLPIERCING(open, high, low, close);
 */
export function CDLPIERCING(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLPIERCING_DEFINITION, open, high, low, close);
}
