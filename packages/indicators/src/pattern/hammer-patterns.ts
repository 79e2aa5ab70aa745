// Single candles with a small body and one long shadow (or two, for the high wave).
import {
  bodyBottom,
  bodyShortLimit,
  candleColor,
  lowerShadow,
  nearLimit,
  realBody,
  shadowLongLimit,
  shadowVeryLongLimit,
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
import { BODY_SHORT, NEAR, SHADOW_LONG, SHADOW_VERY_LONG, SHADOW_VERY_SHORT } from './candle-settings.js';
import { averageOf, bodyStep, highLowStep } from './candle-totals.js';

type Column = Float64Array;

const HAMMER_SPEC: CandlePatternSpec = {
  lookback: Math.max(BODY_SHORT.period, SHADOW_LONG.period, SHADOW_VERY_SHORT.period, NEAR.period) + 1,
  averages: [averageOf(BODY_SHORT), averageOf(SHADOW_LONG), averageOf(SHADOW_VERY_SHORT), averageOf(NEAR, 1)],
};

// The shape both hammer and hanging man share besides the small body (tested first, by
// them): a long lower shadow and almost no upper one.
function hangsFromLongShadow(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): boolean {
  const lower = lowerShadow(o, l, c, i);
  const longShadow = shadowLongLimit(o, c, i);
  const upper = upperShadow(o, h, c, i);
  const veryShort = shadowVeryShortLimit(t[2]);
  return lower > longShadow && upper < veryShort;
}

// The body test runs on every bar; the rest only for small bodies, measured at once: see
// "Measurements first" in candle-pattern.ts.
function hammerAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  return realBody(o, c, i) < bodyShortLimit(t[0]) && hammerShape(o, h, l, c, i, t) ? 100 : 0;
}

/** Whether small-bodied candle `i` hangs from a long lower shadow at or below the previous low. */
function hammerShape(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): boolean {
  const bottom = bodyBottom(o, c, i);
  const near = nearLimit(t[3]);
  return hangsFromLongShadow(o, h, l, c, i, t) && bottom <= l[i - 1] + near;
}

function hangingManAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  return realBody(o, c, i) < bodyShortLimit(t[0]) && hangingManShape(o, h, l, c, i, t) ? -100 : 0;
}

/** Whether small-bodied candle `i` hangs from a long lower shadow at or above the previous high. */
function hangingManShape(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): boolean {
  const bottom = bodyBottom(o, c, i);
  const near = nearLimit(t[3]);
  return hangsFromLongShadow(o, h, l, c, i, t) && bottom >= h[i - 1] - near;
}

/** Writes CDLHAMMER's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlHammer(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(HAMMER_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = HAMMER_SPEC.lookback; i < open.length; i++) {
    out[i] = hammerAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i, 10);
    t[2] += highLowStep(high, low, i, 10);
    t[3] += highLowStep(high, low, i - 1, 5);
  }
}

/** Streaming hammer: O(1) per bar, no allocation. */
export class CDLHAMMERStream extends CandlePatternStream {
  constructor() {
    super(HAMMER_SPEC, hammerAt);
  }
}

/** Registry entry for CDLHAMMER. */
export const CDLHAMMER_DEFINITION = candlePatternDefinition({
  name: 'CDLHAMMER',
  description: 'Hammer: a small body at the top of a long lower shadow, sitting near the prior low.',
  spec: HAMMER_SPEC,
  compute: computeCdlHammer,
  createStream: () => new CDLHAMMERStream(),
});

/**
 * Hammer, as TA-Lib's CDLHAMMER: 100 for a short body with a long lower shadow, a very short
 * upper shadow and the body at or near the previous candle's low, else 0.
 *
 * @example
 * const hammer = CDLHAMMER(open, high, low, close);
 */
export function CDLHAMMER(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLHAMMER_DEFINITION, open, high, low, close);
}

/** Writes CDLHANGINGMAN's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlHangingMan(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(HAMMER_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = HAMMER_SPEC.lookback; i < open.length; i++) {
    out[i] = hangingManAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i, 10);
    t[2] += highLowStep(high, low, i, 10);
    t[3] += highLowStep(high, low, i - 1, 5);
  }
}

/** Streaming hanging man: O(1) per bar, no allocation. */
export class CDLHANGINGMANStream extends CandlePatternStream {
  constructor() {
    super(HAMMER_SPEC, hangingManAt);
  }
}

/** Registry entry for CDLHANGINGMAN. */
export const CDLHANGINGMAN_DEFINITION = candlePatternDefinition({
  name: 'CDLHANGINGMAN',
  description: 'Hanging man: a hammer shape whose body sits at or near the prior high.',
  spec: HAMMER_SPEC,
  compute: computeCdlHangingMan,
  createStream: () => new CDLHANGINGMANStream(),
});

/**
 * Hanging man, as TA-Lib's CDLHANGINGMAN: −100 for a short body with a long lower shadow, a
 * very short upper shadow and the body at or near the previous candle's high, else 0.
 *
 * @example
 * const hangingMan = CDLHANGINGMAN(open, high, low, close);
 */
export function CDLHANGINGMAN(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLHANGINGMAN_DEFINITION, open, high, low, close);
}

const HIGH_WAVE_SPEC: CandlePatternSpec = {
  lookback: Math.max(BODY_SHORT.period, SHADOW_VERY_LONG.period),
  averages: [averageOf(BODY_SHORT), averageOf(SHADOW_VERY_LONG)],
};

function highWaveAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  const shadow = shadowVeryLongLimit(o, c, i);
  return realBody(o, c, i) < bodyShortLimit(t[0]) &&
    upperShadow(o, h, c, i) > shadow &&
    lowerShadow(o, l, c, i) > shadow
    ? candleColor(o, c, i) * 100
    : 0;
}

/** Writes CDLHIGHWAVE's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlHighWave(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(HIGH_WAVE_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = HIGH_WAVE_SPEC.lookback; i < open.length; i++) {
    out[i] = highWaveAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i, 10);
  }
}

/** Streaming high-wave candle: O(1) per bar, no allocation. */
export class CDLHIGHWAVEStream extends CandlePatternStream {
  constructor() {
    super(HIGH_WAVE_SPEC, highWaveAt);
  }
}

/** Registry entry for CDLHIGHWAVE. */
export const CDLHIGHWAVE_DEFINITION = candlePatternDefinition({
  name: 'CDLHIGHWAVE',
  description: 'High wave: a small body between two very long shadows, a sign of indecision.',
  spec: HIGH_WAVE_SPEC,
  compute: computeCdlHighWave,
  createStream: () => new CDLHIGHWAVEStream(),
});

/**
 * High-wave candle, as TA-Lib's CDLHIGHWAVE: ±100 (the candle's colour) for a short body with
 * both shadows very long, else 0.
 *
 * @example
 * const highWave = CDLHIGHWAVE(open, high, low, close);
 */
export function CDLHIGHWAVE(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLHIGHWAVE_DEFINITION, open, high, low, close);
}
