// Single candles judged by the length of their real body against recent candles and by how
// much shadow they carry: long and short lines, marubozu and spinning tops.
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
  highLowStep,
  lowerShadow,
  realBody,
  runPatternBatch,
  SHADOW_SHORT,
  SHADOW_VERY_SHORT,
  shadowShortLimit,
  shadowsStep,
  shadowVeryShortLimit,
  upperShadow,
} from '../pattern/index.js';

type Column = Float64Array;

const LONG_LINE_SPEC: CandlePatternSpec = {
  lookback: Math.max(BODY_LONG.period, SHADOW_SHORT.period),
  averages: [averageOf(BODY_LONG), averageOf(SHADOW_SHORT)],
};

function longLineAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  const shadow = shadowShortLimit(t[1]);
  return realBody(o, c, i) > bodyLongLimit(t[0]) && upperShadow(o, h, c, i) < shadow && lowerShadow(o, l, c, i) < shadow
    ? candleColor(o, c, i) * 100
    : 0;
}

/** Writes CDLLONGLINE's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlLongLine(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(LONG_LINE_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = LONG_LINE_SPEC.lookback; i < open.length; i++) {
    out[i] = longLineAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i, 10);
    t[1] += shadowsStep(open, high, low, close, i, 10);
  }
}

/** Streaming long line: O(1) per bar, no allocation. */
export class CDLLONGLINEStream extends CandlePatternStream {
  constructor() {
    super(LONG_LINE_SPEC, longLineAt);
  }
}

/** Registry entry for CDLLONGLINE. */
export const CDLLONGLINE_DEFINITION = candlePatternDefinition({
  name: 'CDLLONGLINE',
  description: 'Long line: a candle with a long real body and short shadows at both ends.',
  spec: LONG_LINE_SPEC,
  compute: computeCdlLongLine,
  createStream: () => new CDLLONGLINEStream(),
});

/**
 * Long line candle, as TA-Lib's CDLLONGLINE: ±100 (the candle's colour) for a real body longer
 * than the average of the previous 10 with both shadows shorter than the average shadow; else 0.
 *
 * @example
 * const longLine = CDLLONGLINE(open, high, low, close);
 */
export function CDLLONGLINE(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLLONGLINE_DEFINITION, open, high, low, close);
}

const SHORT_LINE_SPEC: CandlePatternSpec = {
  lookback: Math.max(BODY_SHORT.period, SHADOW_SHORT.period),
  averages: [averageOf(BODY_SHORT), averageOf(SHADOW_SHORT)],
};

function shortLineAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  const shadow = shadowShortLimit(t[1]);
  return realBody(o, c, i) < bodyShortLimit(t[0]) &&
    upperShadow(o, h, c, i) < shadow &&
    lowerShadow(o, l, c, i) < shadow
    ? candleColor(o, c, i) * 100
    : 0;
}

/** Writes CDLSHORTLINE's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlShortLine(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(SHORT_LINE_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = SHORT_LINE_SPEC.lookback; i < open.length; i++) {
    out[i] = shortLineAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i, 10);
    t[1] += shadowsStep(open, high, low, close, i, 10);
  }
}

/** Streaming short line: O(1) per bar, no allocation. */
export class CDLSHORTLINEStream extends CandlePatternStream {
  constructor() {
    super(SHORT_LINE_SPEC, shortLineAt);
  }
}

/** Registry entry for CDLSHORTLINE. */
export const CDLSHORTLINE_DEFINITION = candlePatternDefinition({
  name: 'CDLSHORTLINE',
  description: 'Short line: a candle with a short real body and short shadows at both ends.',
  spec: SHORT_LINE_SPEC,
  compute: computeCdlShortLine,
  createStream: () => new CDLSHORTLINEStream(),
});

/**
 * Short line candle, as TA-Lib's CDLSHORTLINE: ±100 (the candle's colour) for a real body
 * shorter than the average of the previous 10 with both shadows shorter than the average
 * shadow; else 0.
 *
 * @example
 * const shortLine = CDLSHORTLINE(open, high, low, close);
 */
export function CDLSHORTLINE(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLSHORTLINE_DEFINITION, open, high, low, close);
}

const MARUBOZU_SPEC: CandlePatternSpec = {
  lookback: Math.max(BODY_LONG.period, SHADOW_VERY_SHORT.period),
  averages: [averageOf(BODY_LONG), averageOf(SHADOW_VERY_SHORT)],
};

function marubozuAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  const shadow = shadowVeryShortLimit(t[1]);
  return realBody(o, c, i) > bodyLongLimit(t[0]) && upperShadow(o, h, c, i) < shadow && lowerShadow(o, l, c, i) < shadow
    ? candleColor(o, c, i) * 100
    : 0;
}

/** Writes CDLMARUBOZU's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlMarubozu(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(MARUBOZU_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = MARUBOZU_SPEC.lookback; i < open.length; i++) {
    out[i] = marubozuAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i, 10);
    t[1] += highLowStep(high, low, i, 10);
  }
}

/** Streaming marubozu: O(1) per bar, no allocation. */
export class CDLMARUBOZUStream extends CandlePatternStream {
  constructor() {
    super(MARUBOZU_SPEC, marubozuAt);
  }
}

/** Registry entry for CDLMARUBOZU. */
export const CDLMARUBOZU_DEFINITION = candlePatternDefinition({
  name: 'CDLMARUBOZU',
  description: 'Marubozu: a long-bodied candle with almost no shadow at either end.',
  spec: MARUBOZU_SPEC,
  compute: computeCdlMarubozu,
  createStream: () => new CDLMARUBOZUStream(),
});

/**
 * Marubozu, as TA-Lib's CDLMARUBOZU: ±100 (the candle's colour) for a long real body whose
 * shadows are both very short; else 0.
 *
 * @example
 * const marubozu = CDLMARUBOZU(open, high, low, close);
 */
export function CDLMARUBOZU(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLMARUBOZU_DEFINITION, open, high, low, close);
}

const SPINNING_TOP_SPEC: CandlePatternSpec = { lookback: BODY_SHORT.period, averages: [averageOf(BODY_SHORT)] };

function spinningTopAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  const body = realBody(o, c, i);
  return body < bodyShortLimit(t[0]) && upperShadow(o, h, c, i) > body && lowerShadow(o, l, c, i) > body
    ? candleColor(o, c, i) * 100
    : 0;
}

/** Writes CDLSPINNINGTOP's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlSpinningTop(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(SPINNING_TOP_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = SPINNING_TOP_SPEC.lookback; i < open.length; i++) {
    out[i] = spinningTopAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i, 10);
  }
}

/** Streaming spinning top: O(1) per bar, no allocation. */
export class CDLSPINNINGTOPStream extends CandlePatternStream {
  constructor() {
    super(SPINNING_TOP_SPEC, spinningTopAt);
  }
}

/** Registry entry for CDLSPINNINGTOP. */
export const CDLSPINNINGTOP_DEFINITION = candlePatternDefinition({
  name: 'CDLSPINNINGTOP',
  description: 'Spinning top: a small real body with each shadow longer than the body.',
  spec: SPINNING_TOP_SPEC,
  compute: computeCdlSpinningTop,
  createStream: () => new CDLSPINNINGTOPStream(),
});

/**
 * Spinning top, as TA-Lib's CDLSPINNINGTOP: ±100 (the candle's colour) for a short real body
 * with both shadows longer than the body; else 0.
 *
 * @example
 * const spinningTop = CDLSPINNINGTOP(open, high, low, close);
 */
export function CDLSPINNINGTOP(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLSPINNINGTOP_DEFINITION, open, high, low, close);
}
