// Star patterns: a small body that gaps away from a long candle, then (for the three-candle
// ones) a candle that reverses back into the first body.
import {
  bodyDojiLimit,
  bodyLongLimit,
  bodyShortLimit,
  candleColor,
  candleGapDown,
  candleGapUp,
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
import { BODY_DOJI, BODY_LONG, BODY_SHORT } from './candle-settings.js';
import { averageOf, bodyStep, highLowStep } from './candle-totals.js';

type Column = Float64Array;

const DOJI_STAR_SPEC: CandlePatternSpec = {
  lookback: Math.max(BODY_DOJI.period, BODY_LONG.period) + 1,
  averages: [averageOf(BODY_LONG, 1), averageOf(BODY_DOJI)],
};

function dojiStarAt(o: Column, _h: Column, _l: Column, c: Column, i: number, t: Float64Array): number {
  const color = candleColor(o, c, i - 1);
  return realBody(o, c, i - 1) > bodyLongLimit(t[0]) &&
    realBody(o, c, i) <= bodyDojiLimit(t[1]) &&
    ((color === 1 && realBodyGapUp(o, c, i, i - 1)) || (color === -1 && realBodyGapDown(o, c, i, i - 1)))
    ? -color * 100
    : 0;
}

/** Writes CDLDOJISTAR's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlDojiStar(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(DOJI_STAR_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = DOJI_STAR_SPEC.lookback; i < open.length; i++) {
    out[i] = dojiStarAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i - 1, 10);
    t[1] += highLowStep(high, low, i, 10);
  }
}

/** Streaming doji star: O(1) per bar, no allocation. */
export class CDLDOJISTARStream extends CandlePatternStream {
  constructor() {
    super(DOJI_STAR_SPEC, dojiStarAt);
  }
}

/** Registry entry for CDLDOJISTAR. */
export const CDLDOJISTAR_DEFINITION = candlePatternDefinition({
  name: 'CDLDOJISTAR',
  description: 'Doji star: a doji whose body gaps away from the long candle before it.',
  spec: DOJI_STAR_SPEC,
  compute: computeCdlDojiStar,
  createStream: () => new CDLDOJISTARStream(),
});

/**
 * Doji star, as TA-Lib's CDLDOJISTAR: ±100 (against the long candle's colour) when a doji's
 * body gaps beyond a long body in that body's direction, else 0.
 *
 * @example
 * const star = CDLDOJISTAR(open, high, low, close);
 */
export function CDLDOJISTAR(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLDOJISTAR_DEFINITION, open, high, low, close);
}

const EVENING_STAR_SPEC: CandlePatternSpec = {
  lookback: Math.max(BODY_SHORT.period, BODY_LONG.period) + 2,
  averages: [averageOf(BODY_LONG, 2), averageOf(BODY_SHORT, 1), averageOf(BODY_SHORT)],
};

function eveningStarAt(
  o: Column,
  _h: Column,
  _l: Column,
  c: Column,
  i: number,
  t: Float64Array,
  penetration: number,
): number {
  return realBody(o, c, i - 2) > bodyLongLimit(t[0]) &&
    candleColor(o, c, i - 2) === 1 &&
    realBody(o, c, i - 1) <= bodyShortLimit(t[1]) &&
    realBodyGapUp(o, c, i - 1, i - 2) &&
    realBody(o, c, i) > bodyShortLimit(t[2]) &&
    candleColor(o, c, i) === -1 &&
    c[i] < c[i - 2] - realBody(o, c, i - 2) * penetration
    ? -100
    : 0;
}

/** Writes CDLEVENINGSTAR's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlEveningStar(
  open: Column,
  high: Column,
  low: Column,
  close: Column,
  out: Column,
  penetration: number,
): void {
  const totals = beginCandlePattern(EVENING_STAR_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = EVENING_STAR_SPEC.lookback; i < open.length; i++) {
    out[i] = eveningStarAt(open, high, low, close, i, t, penetration);
    t[0] += bodyStep(open, close, i - 2, 10);
    t[1] += bodyStep(open, close, i - 1, 10);
    t[2] += bodyStep(open, close, i, 10);
  }
}

/** Streaming evening star: O(1) per bar, no allocation. */
export class CDLEVENINGSTARStream extends CandlePatternStream {
  constructor(penetration = 0.3) {
    super(EVENING_STAR_SPEC, eveningStarAt, penetration);
  }
}

/** Registry entry for CDLEVENINGSTAR. */
export const CDLEVENINGSTAR_DEFINITION = candlePatternDefinition({
  name: 'CDLEVENINGSTAR',
  description:
    'Evening star: a long white candle, a small body gapping up, then a black candle closing deep into the first.',
  spec: EVENING_STAR_SPEC,
  compute: computeCdlEveningStar,
  createStream: (penetration) => new CDLEVENINGSTARStream(penetration),
  penetration: 0.3,
});

/**
 * Evening star, as TA-Lib's CDLEVENINGSTAR: −100 for a long white candle, a short body gapping
 * up from it, and a black candle that is not short closing below the first close by at least
 * `penetration` of the first body; else 0.
 *
 * @example
 * const star = CDLEVENINGSTAR(open, high, low, close, { penetration: 0.3 });
 */
export function CDLEVENINGSTAR(
  open: Column,
  high: Column,
  low: Column,
  close: Column,
  params: { penetration?: number } = {},
): Float64Array {
  return runPatternBatch(CDLEVENINGSTAR_DEFINITION, open, high, low, close, params);
}

const DOJI_MIDDLE_SPEC: CandlePatternSpec = {
  lookback: Math.max(BODY_DOJI.period, BODY_LONG.period, BODY_SHORT.period) + 2,
  averages: [averageOf(BODY_LONG, 2), averageOf(BODY_DOJI, 1), averageOf(BODY_SHORT)],
};

function eveningDojiStarAt(
  o: Column,
  _h: Column,
  _l: Column,
  c: Column,
  i: number,
  t: Float64Array,
  penetration: number,
): number {
  return realBody(o, c, i - 2) > bodyLongLimit(t[0]) &&
    candleColor(o, c, i - 2) === 1 &&
    realBody(o, c, i - 1) <= bodyDojiLimit(t[1]) &&
    realBodyGapUp(o, c, i - 1, i - 2) &&
    realBody(o, c, i) > bodyShortLimit(t[2]) &&
    candleColor(o, c, i) === -1 &&
    c[i] < c[i - 2] - realBody(o, c, i - 2) * penetration
    ? -100
    : 0;
}

/** Writes CDLEVENINGDOJISTAR's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlEveningDojiStar(
  open: Column,
  high: Column,
  low: Column,
  close: Column,
  out: Column,
  penetration: number,
): void {
  const totals = beginCandlePattern(DOJI_MIDDLE_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = DOJI_MIDDLE_SPEC.lookback; i < open.length; i++) {
    out[i] = eveningDojiStarAt(open, high, low, close, i, t, penetration);
    t[0] += bodyStep(open, close, i - 2, 10);
    t[1] += highLowStep(high, low, i - 1, 10);
    t[2] += bodyStep(open, close, i, 10);
  }
}

/** Streaming evening doji star: O(1) per bar, no allocation. */
export class CDLEVENINGDOJISTARStream extends CandlePatternStream {
  constructor(penetration = 0.3) {
    super(DOJI_MIDDLE_SPEC, eveningDojiStarAt, penetration);
  }
}

/** Registry entry for CDLEVENINGDOJISTAR. */
export const CDLEVENINGDOJISTAR_DEFINITION = candlePatternDefinition({
  name: 'CDLEVENINGDOJISTAR',
  description: 'Evening doji star: an evening star whose middle candle is a doji.',
  spec: DOJI_MIDDLE_SPEC,
  compute: computeCdlEveningDojiStar,
  createStream: (penetration) => new CDLEVENINGDOJISTARStream(penetration),
  penetration: 0.3,
});

/**
 * Evening doji star, as TA-Lib's CDLEVENINGDOJISTAR: like {@link CDLEVENINGSTAR} with a doji
 * in the middle; −100 or 0.
 *
 * @example
 * const star = CDLEVENINGDOJISTAR(open, high, low, close, { penetration: 0.3 });
 */
export function CDLEVENINGDOJISTAR(
  open: Column,
  high: Column,
  low: Column,
  close: Column,
  params: { penetration?: number } = {},
): Float64Array {
  return runPatternBatch(CDLEVENINGDOJISTAR_DEFINITION, open, high, low, close, params);
}

// Cheap tests first; the candles' measurements only for the bars that pass them, all at
// once: see "Measurements first" in candle-pattern.ts.
function abandonedBabyAt(
  o: Column,
  h: Column,
  l: Column,
  c: Column,
  i: number,
  t: Float64Array,
  penetration: number,
): number {
  const first = candleColor(o, c, i - 2);
  const last = candleColor(o, c, i);
  return ((first === 1 && last === -1 && candleGapUp(h, l, i - 1, i - 2) && candleGapDown(h, l, i, i - 1)) ||
    (first === -1 && last === 1 && candleGapDown(h, l, i - 1, i - 2) && candleGapUp(h, l, i, i - 1))) &&
    abandonedBabyShape(o, c, i, t, penetration)
    ? last * 100
    : 0;
}

/** Whether a long candle, a doji and a candle reaching `penetration` into the first body have the sizes of an abandoned baby, measured first. */
function abandonedBabyShape(o: Column, c: Column, i: number, t: Float64Array, penetration: number): boolean {
  const body2 = realBody(o, c, i - 2);
  const body1 = realBody(o, c, i - 1);
  const body0 = realBody(o, c, i);
  const long2 = bodyLongLimit(t[0]);
  const doji1 = bodyDojiLimit(t[1]);
  const short0 = bodyShortLimit(t[2]);
  const reach = body2 * penetration;
  const first = candleColor(o, c, i - 2);
  return (
    body2 > long2 &&
    body1 <= doji1 &&
    body0 > short0 &&
    ((first === 1 && c[i] < c[i - 2] - reach) || (first === -1 && c[i] > c[i - 2] + reach))
  );
}

/** Writes CDLABANDONEDBABY's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlAbandonedBaby(
  open: Column,
  high: Column,
  low: Column,
  close: Column,
  out: Column,
  penetration: number,
): void {
  const totals = beginCandlePattern(DOJI_MIDDLE_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = DOJI_MIDDLE_SPEC.lookback; i < open.length; i++) {
    out[i] = abandonedBabyAt(open, high, low, close, i, t, penetration);
    t[0] += bodyStep(open, close, i - 2, 10);
    t[1] += highLowStep(high, low, i - 1, 10);
    t[2] += bodyStep(open, close, i, 10);
  }
}

/** Streaming abandoned baby: O(1) per bar, no allocation. */
export class CDLABANDONEDBABYStream extends CandlePatternStream {
  constructor(penetration = 0.3) {
    super(DOJI_MIDDLE_SPEC, abandonedBabyAt, penetration);
  }
}

/** Registry entry for CDLABANDONEDBABY. */
export const CDLABANDONEDBABY_DEFINITION = candlePatternDefinition({
  name: 'CDLABANDONEDBABY',
  description: 'Abandoned baby: a doji isolated by price gaps on both sides between two opposite long candles.',
  spec: DOJI_MIDDLE_SPEC,
  compute: computeCdlAbandonedBaby,
  createStream: (penetration) => new CDLABANDONEDBABYStream(penetration),
  penetration: 0.3,
});

/**
 * Abandoned baby, as TA-Lib's CDLABANDONEDBABY: ±100 (the last candle's colour) for a long
 * candle, a doji whose whole range gaps away from it, and an opposite candle that gaps back
 * and closes into the first body by at least `penetration` of it; else 0.
 *
 * @example
 * const baby = CDLABANDONEDBABY(open, high, low, close, { penetration: 0.3 });
 */
export function CDLABANDONEDBABY(
  open: Column,
  high: Column,
  low: Column,
  close: Column,
  params: { penetration?: number } = {},
): Float64Array {
  return runPatternBatch(CDLABANDONEDBABY_DEFINITION, open, high, low, close, params);
}
