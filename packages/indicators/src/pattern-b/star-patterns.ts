// Three-candle bottoms and turns around a small "star" that gaps away from the first candle:
// the morning star, the morning doji star and the tri-star.
import {
  averageOf,
  BODY_DOJI,
  BODY_LONG,
  BODY_SHORT,
  beginCandlePattern,
  bodyBottom,
  bodyDojiLimit,
  bodyLongLimit,
  bodyShortLimit,
  bodyStep,
  bodyTop,
  type CandlePatternSpec,
  CandlePatternStream,
  type CandleSetting,
  candleColor,
  candlePatternDefinition,
  highLowStep,
  realBody,
  realBodyGapDown,
  realBodyGapUp,
  runPatternBatch,
} from '../pattern/index.js';

type Column = Float64Array;

/** The spec of a morning star whose middle candle is judged by `star`. */
function morningSpec(star: CandleSetting): CandlePatternSpec {
  return {
    lookback: Math.max(BODY_LONG.period, star.period, BODY_SHORT.period) + 2,
    averages: [averageOf(BODY_LONG, 2), averageOf(star, 1), averageOf(BODY_SHORT)],
  };
}

const MORNING_STAR_SPEC = morningSpec(BODY_SHORT);
const MORNING_DOJI_STAR_SPEC = morningSpec(BODY_DOJI);

/**
 * A long black candle, a star (its body no longer than `starLimit`) gapping below it, then a
 * white candle that is not short and closes `penetration` of the first body above its close.
 */
function isMorningStar(
  starLimit: number,
  o: Column,
  c: Column,
  i: number,
  t: Float64Array,
  penetration: number,
): boolean {
  return (
    realBody(o, c, i - 2) > bodyLongLimit(t[0]) &&
    candleColor(o, c, i - 2) === -1 &&
    realBody(o, c, i - 1) <= starLimit &&
    realBodyGapDown(o, c, i - 1, i - 2) &&
    realBody(o, c, i) > bodyShortLimit(t[2]) &&
    candleColor(o, c, i) === 1 &&
    c[i] > c[i - 2] + realBody(o, c, i - 2) * penetration
  );
}

function morningStarAt(
  o: Column,
  _h: Column,
  _l: Column,
  c: Column,
  i: number,
  t: Float64Array,
  penetration: number,
): number {
  return isMorningStar(bodyShortLimit(t[1]), o, c, i, t, penetration) ? 100 : 0;
}

/** Writes CDLMORNINGSTAR's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlMorningStar(
  open: Column,
  high: Column,
  low: Column,
  close: Column,
  out: Column,
  penetration: number,
): void {
  const totals = beginCandlePattern(MORNING_STAR_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = MORNING_STAR_SPEC.lookback; i < open.length; i++) {
    out[i] = morningStarAt(open, high, low, close, i, t, penetration);
    t[0] += bodyStep(open, close, i - 2, 10);
    t[1] += bodyStep(open, close, i - 1, 10);
    t[2] += bodyStep(open, close, i, 10);
  }
}

/** Streaming morning star: O(1) per bar, no allocation. */
export class CDLMORNINGSTARStream extends CandlePatternStream {
  constructor(penetration = 0.3) {
    super(MORNING_STAR_SPEC, morningStarAt, penetration);
  }
}

/** Registry entry for CDLMORNINGSTAR. */
export const CDLMORNINGSTAR_DEFINITION = candlePatternDefinition({
  name: 'CDLMORNINGSTAR',
  description:
    'Morning star: a long black candle, a small body gapping below it, then a white candle rising into the first.',
  spec: MORNING_STAR_SPEC,
  compute: computeCdlMorningStar,
  createStream: (penetration) => new CDLMORNINGSTARStream(penetration),
  penetration: 0.3,
});

/**
 * Morning star, as TA-Lib's CDLMORNINGSTAR: 100 when a long black candle is followed by a
 * short body gapping below it and a white candle closing above the first close by more than
 * `penetration` of the first body; else 0.
 *
 * @example
 * const morningStar = CDLMORNINGSTAR(open, high, low, close, { penetration: 0.3 });
 */
export function CDLMORNINGSTAR(
  open: Column,
  high: Column,
  low: Column,
  close: Column,
  params: { penetration?: number } = {},
): Float64Array {
  return runPatternBatch(CDLMORNINGSTAR_DEFINITION, open, high, low, close, params);
}

function morningDojiStarAt(
  o: Column,
  _h: Column,
  _l: Column,
  c: Column,
  i: number,
  t: Float64Array,
  penetration: number,
): number {
  return isMorningStar(bodyDojiLimit(t[1]), o, c, i, t, penetration) ? 100 : 0;
}

/** Writes CDLMORNINGDOJISTAR's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlMorningDojiStar(
  open: Column,
  high: Column,
  low: Column,
  close: Column,
  out: Column,
  penetration: number,
): void {
  const totals = beginCandlePattern(MORNING_DOJI_STAR_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = MORNING_DOJI_STAR_SPEC.lookback; i < open.length; i++) {
    out[i] = morningDojiStarAt(open, high, low, close, i, t, penetration);
    t[0] += bodyStep(open, close, i - 2, 10);
    t[1] += highLowStep(high, low, i - 1, 10);
    t[2] += bodyStep(open, close, i, 10);
  }
}

/** Streaming morning doji star: O(1) per bar, no allocation. */
export class CDLMORNINGDOJISTARStream extends CandlePatternStream {
  constructor(penetration = 0.3) {
    super(MORNING_DOJI_STAR_SPEC, morningDojiStarAt, penetration);
  }
}

/** Registry entry for CDLMORNINGDOJISTAR. */
export const CDLMORNINGDOJISTAR_DEFINITION = candlePatternDefinition({
  name: 'CDLMORNINGDOJISTAR',
  description: 'Morning doji star: a morning star whose middle candle is a doji.',
  spec: MORNING_DOJI_STAR_SPEC,
  compute: computeCdlMorningDojiStar,
  createStream: (penetration) => new CDLMORNINGDOJISTARStream(penetration),
  penetration: 0.3,
});

/**
 * Morning doji star, as TA-Lib's CDLMORNINGDOJISTAR: 100 when a long black candle is followed
 * by a doji gapping below it and a white candle closing above the first close by more than
 * `penetration` of the first body; else 0.
 *
 * @example
 * const dojiStar = CDLMORNINGDOJISTAR(open, high, low, close, { penetration: 0.3 });
 */
export function CDLMORNINGDOJISTAR(
  open: Column,
  high: Column,
  low: Column,
  close: Column,
  params: { penetration?: number } = {},
): Float64Array {
  return runPatternBatch(CDLMORNINGDOJISTAR_DEFINITION, open, high, low, close, params);
}

const TRISTAR_SPEC: CandlePatternSpec = { lookback: BODY_DOJI.period + 2, averages: [averageOf(BODY_DOJI, 2)] };

function tristarAt(o: Column, _h: Column, _l: Column, c: Column, i: number, t: Float64Array): number {
  // TA-Lib judges all three dojis against the average taken before the first of them. The
  // bodies are measured at once, and the rest only for three dojis: see "Measurements
  // first" in candle-pattern.ts.
  if (!threeDojis(o, c, i, t)) return 0;
  return tristarSignal(o, c, i);
}

/** Whether candles `i − 2` to `i` are all dojis by the first average, measured first. */
function threeDojis(o: Column, c: Column, i: number, t: Float64Array): boolean {
  const doji = bodyDojiLimit(t[0]);
  const body2 = realBody(o, c, i - 2);
  const body1 = realBody(o, c, i - 1);
  const body0 = realBody(o, c, i);
  // Negated rather than `<=`, so that a NaN body is judged as TA-Lib judges it.
  return !(body2 > doji || body1 > doji || body0 > doji);
}

/** Returns the tristar's signal for three dojis: the middle one gapped away, the last one turning back. */
function tristarSignal(o: Column, c: Column, i: number): number {
  const bottom1 = bodyBottom(o, c, i - 1);
  const bottom0 = bodyBottom(o, c, i);
  const top1 = bodyTop(o, c, i - 1);
  const top0 = bodyTop(o, c, i);
  if (realBodyGapDown(o, c, i - 1, i - 2) && bottom0 > bottom1) return 100;
  if (realBodyGapUp(o, c, i - 1, i - 2) && top0 < top1) return -100;
  return 0;
}

/** Writes CDLTRISTAR's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlTristar(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(TRISTAR_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = TRISTAR_SPEC.lookback; i < open.length; i++) {
    out[i] = tristarAt(open, high, low, close, i, t);
    t[0] += highLowStep(high, low, i - 2, 10);
  }
}

/** Streaming tri-star: O(1) per bar, no allocation. */
export class CDLTRISTARStream extends CandlePatternStream {
  constructor() {
    super(TRISTAR_SPEC, tristarAt);
  }
}

/** Registry entry for CDLTRISTAR. */
export const CDLTRISTAR_DEFINITION = candlePatternDefinition({
  name: 'CDLTRISTAR',
  description: 'Tri-star: three dojis in a row, the middle one gapping away from the other two.',
  spec: TRISTAR_SPEC,
  compute: computeCdlTristar,
  createStream: () => new CDLTRISTARStream(),
});

/**
 * Tri-star, as TA-Lib's CDLTRISTAR: for three dojis, 100 when the middle one gaps down and the
 * last one's body bottom is above the middle's, −100 when the middle one gaps up and the last
 * one's body top is below the middle's; else 0.
 *
 * @example
 * const tristar = CDLTRISTAR(open, high, low, close);
 */
export function CDLTRISTAR(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLTRISTAR_DEFINITION, open, high, low, close);
}
