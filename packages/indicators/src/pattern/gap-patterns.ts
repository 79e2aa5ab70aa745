// Patterns built around a gap between real bodies: breakaway and side-by-side white lines.
import {
  bodyLongLimit,
  candleColor,
  equalLimit,
  nearLimit,
  realBody,
  realBodyGapDown,
  realBodyGapUp,
} from './candle-geometry.js';
import {
  beginCandlePattern,
  type CandlePatternSpec,
  CandlePatternStream,
  candlePatternDefinition,
  runPatternBatch,
} from './candle-pattern.js';
import { BODY_LONG, EQUAL, NEAR } from './candle-settings.js';
import { averageOf, bodyStep, highLowStep } from './candle-totals.js';

type Column = Float64Array;

const BREAKAWAY_SPEC: CandlePatternSpec = { lookback: BODY_LONG.period + 4, averages: [averageOf(BODY_LONG, 4)] };

function breakawayAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  const first = candleColor(o, c, i - 4);
  const last = candleColor(o, c, i);
  return realBody(o, c, i - 4) > bodyLongLimit(t[0]) &&
    first === candleColor(o, c, i - 3) &&
    candleColor(o, c, i - 3) === candleColor(o, c, i - 1) &&
    candleColor(o, c, i - 1) === -last &&
    ((first === -1 &&
      realBodyGapDown(o, c, i - 3, i - 4) &&
      h[i - 2] < h[i - 3] &&
      l[i - 2] < l[i - 3] &&
      h[i - 1] < h[i - 2] &&
      l[i - 1] < l[i - 2] &&
      c[i] > o[i - 3] &&
      c[i] < c[i - 4]) ||
      (first === 1 &&
        realBodyGapUp(o, c, i - 3, i - 4) &&
        h[i - 2] > h[i - 3] &&
        l[i - 2] > l[i - 3] &&
        h[i - 1] > h[i - 2] &&
        l[i - 1] > l[i - 2] &&
        c[i] < o[i - 3] &&
        c[i] > c[i - 4]))
    ? last * 100
    : 0;
}

/** Writes CDLBREAKAWAY's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlBreakaway(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(BREAKAWAY_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = BREAKAWAY_SPEC.lookback; i < open.length; i++) {
    out[i] = breakawayAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i - 4, 10);
  }
}

/** Streaming breakaway: O(1) per bar, no allocation. */
export class CDLBREAKAWAYStream extends CandlePatternStream {
  constructor() {
    super(BREAKAWAY_SPEC, breakawayAt);
  }
}

/** Registry entry for CDLBREAKAWAY. */
export const CDLBREAKAWAY_DEFINITION = candlePatternDefinition({
  name: 'CDLBREAKAWAY',
  description: 'Breakaway: a gap away from a long candle, three more steps that way, then a reversal into the gap.',
  spec: BREAKAWAY_SPEC,
  compute: computeCdlBreakaway,
  createStream: () => new CDLBREAKAWAYStream(),
});

/**
 * Breakaway, as TA-Lib's CDLBREAKAWAY: ±100 (the last candle's colour) for a long candle, a
 * same-coloured body gapping away from it, two candles extending the move, and an opposite
 * candle closing inside the gap; else 0.
 *
 * @example
 * const breakaway = CDLBREAKAWAY(open, high, low, close);
 */
export function CDLBREAKAWAY(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLBREAKAWAY_DEFINITION, open, high, low, close);
}

const SIDE_BY_SIDE_SPEC: CandlePatternSpec = {
  lookback: Math.max(NEAR.period, EQUAL.period) + 2,
  averages: [averageOf(NEAR, 1), averageOf(EQUAL, 1)],
};

function gapSideSideWhiteAt(o: Column, _h: Column, _l: Column, c: Column, i: number, t: Float64Array): number {
  const up = realBodyGapUp(o, c, i - 1, i - 2);
  const near = nearLimit(t[0]);
  const equal = equalLimit(t[1]);
  return ((up && realBodyGapUp(o, c, i, i - 2)) ||
    (realBodyGapDown(o, c, i - 1, i - 2) && realBodyGapDown(o, c, i, i - 2))) &&
    candleColor(o, c, i - 1) === 1 &&
    candleColor(o, c, i) === 1 &&
    realBody(o, c, i) >= realBody(o, c, i - 1) - near &&
    realBody(o, c, i) <= realBody(o, c, i - 1) + near &&
    o[i] >= o[i - 1] - equal &&
    o[i] <= o[i - 1] + equal
    ? up
      ? 100
      : -100
    : 0;
}

/** Writes CDLGAPSIDESIDEWHITE's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlGapSideSideWhite(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(SIDE_BY_SIDE_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = SIDE_BY_SIDE_SPEC.lookback; i < open.length; i++) {
    out[i] = gapSideSideWhiteAt(open, high, low, close, i, t);
    t[0] += highLowStep(high, low, i - 1, 5);
    t[1] += highLowStep(high, low, i - 1, 5);
  }
}

/** Streaming up/down-gap side-by-side white lines: O(1) per bar, no allocation. */
export class CDLGAPSIDESIDEWHITEStream extends CandlePatternStream {
  constructor() {
    super(SIDE_BY_SIDE_SPEC, gapSideSideWhiteAt);
  }
}

/** Registry entry for CDLGAPSIDESIDEWHITE. */
export const CDLGAPSIDESIDEWHITE_DEFINITION = candlePatternDefinition({
  name: 'CDLGAPSIDESIDEWHITE',
  description: 'Side-by-side white lines: two similar white candles that both gap away from the candle before.',
  spec: SIDE_BY_SIDE_SPEC,
  compute: computeCdlGapSideSideWhite,
  createStream: () => new CDLGAPSIDESIDEWHITEStream(),
});

/**
 * Up/down-gap side-by-side white lines, as TA-Lib's CDLGAPSIDESIDEWHITE: 100 (gap up) or
 * −100 (gap down) for two white candles of near-equal size and open whose bodies both gap
 * from the candle before; else 0.
 *
 * @example
 * const sideBySide = CDLGAPSIDESIDEWHITE(open, high, low, close);
 */
export function CDLGAPSIDESIDEWHITE(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLGAPSIDESIDEWHITE_DEFINITION, open, high, low, close);
}
