// A small second body held inside a long first one, and the three-candle confirmation of it.
import {
  bodyBottom,
  bodyDojiLimit,
  bodyLongLimit,
  bodyShortLimit,
  bodyTop,
  candleColor,
  realBody,
} from './candle-geometry.js';
import {
  beginCandlePattern,
  type CandlePatternSpec,
  CandlePatternStream,
  candlePatternDefinition,
  runPatternBatch,
} from './candle-pattern.js';
import { BODY_DOJI, BODY_LONG, BODY_SHORT, type CandleSetting } from './candle-settings.js';
import { averageOf, bodyStep, highLowStep } from './candle-totals.js';

type Column = Float64Array;

// Strictly inside: 100 against the first candle's colour; touching an edge: 80.
function haramiSignal(o: Column, c: Column, i: number): number {
  const top = bodyTop(o, c, i);
  const bottom = bodyBottom(o, c, i);
  const outerTop = bodyTop(o, c, i - 1);
  const outerBottom = bodyBottom(o, c, i - 1);
  if (top < outerTop && bottom > outerBottom) return -candleColor(o, c, i - 1) * 100;
  if (top <= outerTop && bottom >= outerBottom) return -candleColor(o, c, i - 1) * 80;
  return 0;
}

function haramiSpec(inner: CandleSetting): CandlePatternSpec {
  return {
    lookback: Math.max(inner.period, BODY_LONG.period) + 1,
    averages: [averageOf(BODY_LONG, 1), averageOf(inner)],
  };
}

const HARAMI_SPEC = haramiSpec(BODY_SHORT);
const HARAMI_CROSS_SPEC = haramiSpec(BODY_DOJI);

function haramiAt(o: Column, _h: Column, _l: Column, c: Column, i: number, t: Float64Array): number {
  return realBody(o, c, i - 1) > bodyLongLimit(t[0]) && realBody(o, c, i) <= bodyShortLimit(t[1])
    ? haramiSignal(o, c, i)
    : 0;
}

function haramiCrossAt(o: Column, _h: Column, _l: Column, c: Column, i: number, t: Float64Array): number {
  return realBody(o, c, i - 1) > bodyLongLimit(t[0]) && realBody(o, c, i) <= bodyDojiLimit(t[1])
    ? haramiSignal(o, c, i)
    : 0;
}

/** Writes CDLHARAMI's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlHarami(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(HARAMI_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = HARAMI_SPEC.lookback; i < open.length; i++) {
    out[i] = haramiAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i - 1, 10);
    t[1] += bodyStep(open, close, i, 10);
  }
}

/** Streaming harami: O(1) per bar, no allocation. */
export class CDLHARAMIStream extends CandlePatternStream {
  constructor() {
    super(HARAMI_SPEC, haramiAt);
  }
}

/** Registry entry for CDLHARAMI. */
export const CDLHARAMI_DEFINITION = candlePatternDefinition({
  name: 'CDLHARAMI',
  description: 'Harami: a short body contained within the long body of the candle before it.',
  spec: HARAMI_SPEC,
  compute: computeCdlHarami,
  createStream: () => new CDLHARAMIStream(),
});

/**
 * Harami, as TA-Lib's CDLHARAMI: ±100 (against the first candle's colour) when a short body
 * lies strictly inside the previous long body, ±80 when it touches an edge, else 0.
 *
 * @example
 * const harami = CDLHARAMI(open, high, low, close);
 */
export function CDLHARAMI(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLHARAMI_DEFINITION, open, high, low, close);
}

/** Writes CDLHARAMICROSS's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlHaramiCross(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(HARAMI_CROSS_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = HARAMI_CROSS_SPEC.lookback; i < open.length; i++) {
    out[i] = haramiCrossAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i - 1, 10);
    t[1] += highLowStep(high, low, i, 10);
  }
}

/** Streaming harami cross: O(1) per bar, no allocation. */
export class CDLHARAMICROSSStream extends CandlePatternStream {
  constructor() {
    super(HARAMI_CROSS_SPEC, haramiCrossAt);
  }
}

/** Registry entry for CDLHARAMICROSS. */
export const CDLHARAMICROSS_DEFINITION = candlePatternDefinition({
  name: 'CDLHARAMICROSS',
  description: 'Harami cross: a doji contained within the long body of the candle before it.',
  spec: HARAMI_CROSS_SPEC,
  compute: computeCdlHaramiCross,
  createStream: () => new CDLHARAMICROSSStream(),
});

/**
 * Harami cross, as TA-Lib's CDLHARAMICROSS: like {@link CDLHARAMI} with a doji as the second
 * candle.
 *
 * @example
 * const cross = CDLHARAMICROSS(open, high, low, close);
 */
export function CDLHARAMICROSS(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLHARAMICROSS_DEFINITION, open, high, low, close);
}

const THREE_INSIDE_SPEC: CandlePatternSpec = {
  lookback: Math.max(BODY_SHORT.period, BODY_LONG.period) + 2,
  averages: [averageOf(BODY_LONG, 2), averageOf(BODY_SHORT, 1)],
};

// Cheap tests first; the candles' measurements only for the bars that pass them, all at
// once: see "Measurements first" in candle-pattern.ts.
function threeInsideAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  const color = candleColor(o, c, i - 2);
  return ((color === 1 && candleColor(o, c, i) === -1 && c[i] < o[i - 2]) ||
    (color === -1 && candleColor(o, c, i) === 1 && c[i] > o[i - 2])) &&
    threeInsideShape(o, h, l, c, i, t)
    ? -color * 100
    : 0;
}

/** Whether a long candle holds a short one within its body (a harami), measured first. */
function threeInsideShape(o: Column, _h: Column, _l: Column, c: Column, i: number, t: Float64Array): boolean {
  const body2 = realBody(o, c, i - 2);
  const body1 = realBody(o, c, i - 1);
  const long2 = bodyLongLimit(t[0]);
  const short1 = bodyShortLimit(t[1]);
  const top2 = bodyTop(o, c, i - 2);
  const top1 = bodyTop(o, c, i - 1);
  const bottom2 = bodyBottom(o, c, i - 2);
  const bottom1 = bodyBottom(o, c, i - 1);
  return body2 > long2 && body1 <= short1 && top1 < top2 && bottom1 > bottom2;
}

/** Writes CDL3INSIDE's signal for every bar into `out` (NaN during the lookback). */
export function computeCdl3Inside(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(THREE_INSIDE_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = THREE_INSIDE_SPEC.lookback; i < open.length; i++) {
    out[i] = threeInsideAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i - 2, 10);
    t[1] += bodyStep(open, close, i - 1, 10);
  }
}

/** Streaming three inside up/down: O(1) per bar, no allocation. */
export class CDL3INSIDEStream extends CandlePatternStream {
  constructor() {
    super(THREE_INSIDE_SPEC, threeInsideAt);
  }
}

/** Registry entry for CDL3INSIDE. */
export const CDL3INSIDE_DEFINITION = candlePatternDefinition({
  name: 'CDL3INSIDE',
  description: 'Three inside up/down: a harami confirmed by a third candle closing beyond the first open.',
  spec: THREE_INSIDE_SPEC,
  compute: computeCdl3Inside,
  createStream: () => new CDL3INSIDEStream(),
});

/**
 * Three inside up/down, as TA-Lib's CDL3INSIDE: ±100 (against the first candle's colour) for
 * a long candle, a short body strictly inside it, and a third candle of the opposite colour
 * closing beyond the first one's open; else 0.
 *
 * @example
 * const threeInside = CDL3INSIDE(open, high, low, close);
 */
export function CDL3INSIDE(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDL3INSIDE_DEFINITION, open, high, low, close);
}
