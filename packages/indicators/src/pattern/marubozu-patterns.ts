// Single long candles with no shadow at one end: belt hold (no shadow at the open) and
// closing marubozu (no shadow at the close).
import {
  bodyLongLimit,
  candleColor,
  lowerShadow,
  realBody,
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
import { BODY_LONG, SHADOW_VERY_SHORT } from './candle-settings.js';
import { averageOf, bodyStep, highLowStep } from './candle-totals.js';

type Column = Float64Array;

const LONG_LINE_SPEC: CandlePatternSpec = {
  lookback: Math.max(BODY_LONG.period, SHADOW_VERY_SHORT.period),
  averages: [averageOf(BODY_LONG), averageOf(SHADOW_VERY_SHORT)],
};

function beltHoldAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  if (realBody(o, c, i) <= bodyLongLimit(t[0])) return 0;
  const color = candleColor(o, c, i);
  const shadow = color === 1 ? lowerShadow(o, l, c, i) : upperShadow(o, h, c, i);
  return shadow < shadowVeryShortLimit(t[1]) ? color * 100 : 0;
}

function closingMarubozuAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  if (realBody(o, c, i) <= bodyLongLimit(t[0])) return 0;
  const color = candleColor(o, c, i);
  const shadow = color === 1 ? upperShadow(o, h, c, i) : lowerShadow(o, l, c, i);
  return shadow < shadowVeryShortLimit(t[1]) ? color * 100 : 0;
}

/** Writes CDLBELTHOLD's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlBeltHold(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(LONG_LINE_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = LONG_LINE_SPEC.lookback; i < open.length; i++) {
    out[i] = beltHoldAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i, 10);
    t[1] += highLowStep(high, low, i, 10);
  }
}

/** Streaming belt hold: O(1) per bar, no allocation. */
export class CDLBELTHOLDStream extends CandlePatternStream {
  constructor() {
    super(LONG_LINE_SPEC, beltHoldAt);
  }
}

/** Registry entry for CDLBELTHOLD. */
export const CDLBELTHOLD_DEFINITION = candlePatternDefinition({
  name: 'CDLBELTHOLD',
  description: 'Belt hold: a long candle that opens at its extreme and runs the other way.',
  spec: LONG_LINE_SPEC,
  compute: computeCdlBeltHold,
  createStream: () => new CDLBELTHOLDStream(),
});

/**
 * Belt hold, as TA-Lib's CDLBELTHOLD: ±100 (the candle's colour) for a long body with a very
 * short shadow on its opening side, else 0.
 *
 * @example
 * const beltHold = CDLBELTHOLD(open, high, low, close);
 */
export function CDLBELTHOLD(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLBELTHOLD_DEFINITION, open, high, low, close);
}

/** Writes CDLCLOSINGMARUBOZU's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlClosingMarubozu(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(LONG_LINE_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = LONG_LINE_SPEC.lookback; i < open.length; i++) {
    out[i] = closingMarubozuAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i, 10);
    t[1] += highLowStep(high, low, i, 10);
  }
}

/** Streaming closing marubozu: O(1) per bar, no allocation. */
export class CDLCLOSINGMARUBOZUStream extends CandlePatternStream {
  constructor() {
    super(LONG_LINE_SPEC, closingMarubozuAt);
  }
}

/** Registry entry for CDLCLOSINGMARUBOZU. */
export const CDLCLOSINGMARUBOZU_DEFINITION = candlePatternDefinition({
  name: 'CDLCLOSINGMARUBOZU',
  description: 'Closing marubozu: a long candle that closes at its extreme.',
  spec: LONG_LINE_SPEC,
  compute: computeCdlClosingMarubozu,
  createStream: () => new CDLCLOSINGMARUBOZUStream(),
});

/**
 * Closing marubozu, as TA-Lib's CDLCLOSINGMARUBOZU: ±100 (the candle's colour) for a long
 * body with a very short shadow on its closing side, else 0.
 *
 * @example
 * const marubozu = CDLCLOSINGMARUBOZU(open, high, low, close);
 */
export function CDLCLOSINGMARUBOZU(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLCLOSINGMARUBOZU_DEFINITION, open, high, low, close);
}
