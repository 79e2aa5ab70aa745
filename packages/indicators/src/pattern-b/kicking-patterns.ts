// Two long candles of opposite colour: kicking (two marubozu separated by a price gap, signed
// by the last or by the longer one) and separating lines (two candles opening at the same level).
import {
  averageOf,
  BODY_LONG,
  beginCandlePattern,
  bodyLongLimit,
  bodyStep,
  type CandlePatternSpec,
  CandlePatternStream,
  candleColor,
  candleGapDown,
  candleGapUp,
  candlePatternDefinition,
  EQUAL,
  equalLimit,
  highLowStep,
  lowerShadow,
  realBody,
  runPatternBatch,
  SHADOW_VERY_SHORT,
  shadowVeryShortLimit,
  upperShadow,
} from '../pattern/index.js';

type Column = Float64Array;

const KICKING_SPEC: CandlePatternSpec = {
  lookback: Math.max(SHADOW_VERY_SHORT.period, BODY_LONG.period) + 1,
  averages: [
    averageOf(BODY_LONG, 1),
    averageOf(SHADOW_VERY_SHORT, 1),
    averageOf(BODY_LONG),
    averageOf(SHADOW_VERY_SHORT),
  ],
};

/** Two opposite-coloured marubozu with a price gap between them in the direction of the second. */
function isKick(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): boolean {
  const first = candleColor(o, c, i - 1);
  return (
    first === -candleColor(o, c, i) &&
    ((first === -1 && candleGapUp(h, l, i, i - 1)) || (first === 1 && candleGapDown(h, l, i, i - 1))) &&
    twoMarubozu(o, h, l, c, i, t)
  );
}

/** Whether candles `i − 1` and `i` are both marubozu (long bodies, very short shadows), measured first. */
function twoMarubozu(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): boolean {
  const body1 = realBody(o, c, i - 1);
  const body0 = realBody(o, c, i);
  const long1 = bodyLongLimit(t[0]);
  const long0 = bodyLongLimit(t[2]);
  const veryShort1 = shadowVeryShortLimit(t[1]);
  const veryShort0 = shadowVeryShortLimit(t[3]);
  const upper1 = upperShadow(o, h, c, i - 1);
  const lower1 = lowerShadow(o, l, c, i - 1);
  const upper0 = upperShadow(o, h, c, i);
  const lower0 = lowerShadow(o, l, c, i);
  return (
    body1 > long1 &&
    upper1 < veryShort1 &&
    lower1 < veryShort1 &&
    body0 > long0 &&
    upper0 < veryShort0 &&
    lower0 < veryShort0
  );
}

function kickingAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  return isKick(o, h, l, c, i, t) ? candleColor(o, c, i) * 100 : 0;
}

/** Writes CDLKICKING's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlKicking(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(KICKING_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = KICKING_SPEC.lookback; i < open.length; i++) {
    out[i] = kickingAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i - 1, 10);
    t[1] += highLowStep(high, low, i - 1, 10);
    t[2] += bodyStep(open, close, i, 10);
    t[3] += highLowStep(high, low, i, 10);
  }
}

/** Streaming kicking pattern: O(1) per bar, no allocation. */
export class CDLKICKINGStream extends CandlePatternStream {
  constructor() {
    super(KICKING_SPEC, kickingAt);
  }
}

/** Registry entry for CDLKICKING. */
export const CDLKICKING_DEFINITION = candlePatternDefinition({
  name: 'CDLKICKING',
  description: 'Kicking: two marubozu of opposite colours with a price gap between them.',
  spec: KICKING_SPEC,
  compute: computeCdlKicking,
  createStream: () => new CDLKICKINGStream(),
});

/**
 * Kicking, as TA-Lib's CDLKICKING: ±100 (the second candle's colour) for two opposite-coloured
 * marubozu where the second gaps away from the first in its own direction; else 0.
 *
 * @example
 * const kicking = CDLKICKING(open, high, low, close);
 */
export function CDLKICKING(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLKICKING_DEFINITION, open, high, low, close);
}

function kickingByLengthAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  return isKick(o, h, l, c, i, t) ? candleColor(o, c, longerBody(o, c, i)) * 100 : 0;
}

/** Returns `i` if candle `i`'s real body is longer than candle `i − 1`'s, else `i − 1`. */
function longerBody(o: Column, c: Column, i: number): number {
  const body1 = realBody(o, c, i - 1);
  const body0 = realBody(o, c, i);
  return body0 > body1 ? i : i - 1;
}

/** Writes CDLKICKINGBYLENGTH's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlKickingByLength(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(KICKING_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = KICKING_SPEC.lookback; i < open.length; i++) {
    out[i] = kickingByLengthAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i - 1, 10);
    t[1] += highLowStep(high, low, i - 1, 10);
    t[2] += bodyStep(open, close, i, 10);
    t[3] += highLowStep(high, low, i, 10);
  }
}

/** Streaming kicking-by-length pattern: O(1) per bar, no allocation. */
export class CDLKICKINGBYLENGTHStream extends CandlePatternStream {
  constructor() {
    super(KICKING_SPEC, kickingByLengthAt);
  }
}

/** Registry entry for CDLKICKINGBYLENGTH. */
export const CDLKICKINGBYLENGTH_DEFINITION = candlePatternDefinition({
  name: 'CDLKICKINGBYLENGTH',
  description: 'Kicking by length: a kicking pattern signed by the colour of its longer marubozu.',
  spec: KICKING_SPEC,
  compute: computeCdlKickingByLength,
  createStream: () => new CDLKICKINGBYLENGTHStream(),
});

/**
 * Kicking by length, as TA-Lib's CDLKICKINGBYLENGTH: for a kicking pattern, ±100 with the
 * colour of the marubozu with the longer body (the first one on a tie); else 0.
 *
 * @example
 * const kick = CDLKICKINGBYLENGTH(open, high, low, close);
 */
export function CDLKICKINGBYLENGTH(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLKICKINGBYLENGTH_DEFINITION, open, high, low, close);
}

const SEPARATING_LINES_SPEC: CandlePatternSpec = {
  lookback: Math.max(SHADOW_VERY_SHORT.period, BODY_LONG.period, EQUAL.period) + 1,
  averages: [averageOf(SHADOW_VERY_SHORT), averageOf(BODY_LONG), averageOf(EQUAL, 1)],
};

// Cheap tests first; the candles' measurements only for the bars that pass them, all at
// once: see "Measurements first" in candle-pattern.ts.
function separatingLinesAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  const color = candleColor(o, c, i);
  return candleColor(o, c, i - 1) === -color && separatingLinesShape(o, h, l, c, i, t) ? color * 100 : 0;
}

/** Whether candle `i` opens where `i − 1` opened and is a long belt hold (a very short shadow on the opening side), measured first. */
function separatingLinesShape(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): boolean {
  const equal = equalLimit(t[2]);
  const veryShort = shadowVeryShortLimit(t[0]);
  const body = realBody(o, c, i);
  const long = bodyLongLimit(t[1]);
  const lower = lowerShadow(o, l, c, i);
  const upper = upperShadow(o, h, c, i);
  const color = candleColor(o, c, i);
  return (
    o[i] <= o[i - 1] + equal &&
    o[i] >= o[i - 1] - equal &&
    body > long &&
    ((color === 1 && lower < veryShort) || (color === -1 && upper < veryShort))
  );
}

/** Writes CDLSEPARATINGLINES's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlSeparatingLines(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(SEPARATING_LINES_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = SEPARATING_LINES_SPEC.lookback; i < open.length; i++) {
    out[i] = separatingLinesAt(open, high, low, close, i, t);
    t[0] += highLowStep(high, low, i, 10);
    t[1] += bodyStep(open, close, i, 10);
    t[2] += highLowStep(high, low, i - 1, 5);
  }
}

/** Streaming separating lines: O(1) per bar, no allocation. */
export class CDLSEPARATINGLINESStream extends CandlePatternStream {
  constructor() {
    super(SEPARATING_LINES_SPEC, separatingLinesAt);
  }
}

/** Registry entry for CDLSEPARATINGLINES. */
export const CDLSEPARATINGLINES_DEFINITION = candlePatternDefinition({
  name: 'CDLSEPARATINGLINES',
  description: 'Separating lines: a long belt-hold candle opening where the previous, opposite-coloured one opened.',
  spec: SEPARATING_LINES_SPEC,
  compute: computeCdlSeparatingLines,
  createStream: () => new CDLSEPARATINGLINESStream(),
});

/**
 * Separating lines, as TA-Lib's CDLSEPARATINGLINES: ±100 (the second candle's colour) when a
 * long candle opens equal to the previous, opposite-coloured candle's open with a very short
 * shadow on its opening side; else 0.
 *
 * @example
 * const separating = CDLSEPARATINGLINES(open, high, low, close);
 */
export function CDLSEPARATINGLINES(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLSEPARATINGLINES_DEFINITION, open, high, low, close);
}
