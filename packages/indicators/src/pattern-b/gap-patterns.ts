// Continuation patterns around a body gap that the last candle tests without closing it: the
// tasuki gap and the upside/downside gap three methods.
import {
  averageOf,
  beginCandlePattern,
  bodyBottom,
  bodyTop,
  type CandlePatternSpec,
  CandlePatternStream,
  candleColor,
  candlePatternDefinition,
  highLowStep,
  NEAR,
  nearLimit,
  realBody,
  realBodyGapDown,
  realBodyGapUp,
  runPatternBatch,
} from '../pattern/index.js';

type Column = Float64Array;

const TASUKI_SPEC: CandlePatternSpec = { lookback: NEAR.period + 2, averages: [averageOf(NEAR, 1)] };

function tasukiGapAt(o: Column, _h: Column, _l: Column, c: Column, i: number, t: Float64Array): number {
  // The rare body gap is tested first, so the common case leaves after one predictable branch.
  const upGap = realBodyGapUp(o, c, i - 1, i - 2);
  if (!upGap && !realBodyGapDown(o, c, i - 1, i - 2)) return 0;
  const second = candleColor(o, c, i - 1);
  if (candleColor(o, c, i) !== -second) return 0;
  // The two candles after the gap have bodies of about the same size.
  const similar = Math.abs(realBody(o, c, i - 1) - realBody(o, c, i)) < nearLimit(t[0]);
  const upside =
    second === 1 && upGap && o[i] < c[i - 1] && o[i] > o[i - 1] && c[i] < o[i - 1] && c[i] > bodyTop(o, c, i - 2);
  const downside =
    second === -1 && !upGap && o[i] < o[i - 1] && o[i] > c[i - 1] && c[i] > o[i - 1] && c[i] < bodyBottom(o, c, i - 2);
  return (upside || downside) && similar ? second * 100 : 0;
}

/** Writes CDLTASUKIGAP's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlTasukiGap(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(TASUKI_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = TASUKI_SPEC.lookback; i < open.length; i++) {
    out[i] = tasukiGapAt(open, high, low, close, i, t);
    t[0] += highLowStep(high, low, i - 1, 5);
  }
}

/** Streaming tasuki gap: O(1) per bar, no allocation. */
export class CDLTASUKIGAPStream extends CandlePatternStream {
  constructor() {
    super(TASUKI_SPEC, tasukiGapAt);
  }
}

/** Registry entry for CDLTASUKIGAP. */
export const CDLTASUKIGAP_DEFINITION = candlePatternDefinition({
  name: 'CDLTASUKIGAP',
  description:
    'Tasuki gap: a body gap followed by two similar, opposite-coloured candles, the last reaching into the gap without closing it.',
  spec: TASUKI_SPEC,
  compute: computeCdlTasukiGap,
  createStream: () => new CDLTASUKIGAPStream(),
});

/**
 * Tasuki gap, as TA-Lib's CDLTASUKIGAP: ±100 (the gapping candle's colour) when a candle gaps
 * away from the one before and the next, opposite-coloured candle of about the same body
 * opens inside its body and closes inside the gap; else 0.
 *
 * @example
 * const tasuki = CDLTASUKIGAP(open, high, low, close);
 */
export function CDLTASUKIGAP(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLTASUKIGAP_DEFINITION, open, high, low, close);
}

const GAP_THREE_METHODS_SPEC: CandlePatternSpec = { lookback: 2, averages: [] };

// Cheap tests first; the candles' measurements only for the bars that pass them, all at
// once: see "Measurements first" in candle-pattern.ts.
function gapThreeMethodsAt(o: Column, _h: Column, _l: Column, c: Column, i: number): number {
  const first = candleColor(o, c, i - 2);
  return first === candleColor(o, c, i - 1) &&
    candleColor(o, c, i - 1) === -candleColor(o, c, i) &&
    ((first === 1 && realBodyGapUp(o, c, i - 1, i - 2)) || (first === -1 && realBodyGapDown(o, c, i - 1, i - 2))) &&
    closesTheGap(o, c, i)
    ? first * 100
    : 0;
}

/** Whether candle `i` opens within the second body and closes within the first, measured first. */
function closesTheGap(o: Column, c: Column, i: number): boolean {
  const top1 = bodyTop(o, c, i - 1);
  const bottom1 = bodyBottom(o, c, i - 1);
  const top2 = bodyTop(o, c, i - 2);
  const bottom2 = bodyBottom(o, c, i - 2);
  return o[i] < top1 && o[i] > bottom1 && c[i] < top2 && c[i] > bottom2;
}

/** Writes CDLXSIDEGAP3METHODS's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlXSideGap3Methods(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  if (beginCandlePattern(GAP_THREE_METHODS_SPEC, open, high, low, close, out) === undefined) return;
  for (let i = GAP_THREE_METHODS_SPEC.lookback; i < open.length; i++) {
    out[i] = gapThreeMethodsAt(open, high, low, close, i);
  }
}

/** Streaming upside/downside gap three methods: O(1) per bar, no allocation. */
export class CDLXSIDEGAP3METHODSStream extends CandlePatternStream {
  constructor() {
    super(GAP_THREE_METHODS_SPEC, gapThreeMethodsAt);
  }
}

/** Registry entry for CDLXSIDEGAP3METHODS. */
export const CDLXSIDEGAP3METHODS_DEFINITION = candlePatternDefinition({
  name: 'CDLXSIDEGAP3METHODS',
  description:
    'Upside/downside gap three methods: two same-coloured candles with a body gap, closed by an opposite candle.',
  spec: GAP_THREE_METHODS_SPEC,
  compute: computeCdlXSideGap3Methods,
  createStream: () => new CDLXSIDEGAP3METHODSStream(),
});

/**
 * Upside/downside gap three methods, as TA-Lib's CDLXSIDEGAP3METHODS: ±100 (the first
 * candle's colour) when two same-coloured candles gap apart in their direction and an
 * opposite candle opens inside the second body and closes inside the first, filling the gap;
 * else 0.
 *
 * @example
 * const gapMethods = CDLXSIDEGAP3METHODS(open, high, low, close);
 */
export function CDLXSIDEGAP3METHODS(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLXSIDEGAP3METHODS_DEFINITION, open, high, low, close);
}
