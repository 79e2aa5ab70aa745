// Small bodies with a long upper shadow and almost no lower one, set apart from the previous
// candle by a body gap: the inverted hammer (gap down) and the shooting star (gap up).
import {
  averageOf,
  BODY_SHORT,
  beginCandlePattern,
  bodyShortLimit,
  bodyStep,
  type CandlePatternSpec,
  CandlePatternStream,
  candlePatternDefinition,
  highLowStep,
  lowerShadow,
  realBody,
  realBodyGapDown,
  realBodyGapUp,
  runPatternBatch,
  SHADOW_LONG,
  SHADOW_VERY_SHORT,
  shadowLongLimit,
  shadowVeryShortLimit,
  upperShadow,
} from '../pattern/index.js';

type Column = Float64Array;

const STAR_SPEC: CandlePatternSpec = {
  lookback: Math.max(BODY_SHORT.period, SHADOW_LONG.period, SHADOW_VERY_SHORT.period) + 1,
  averages: [averageOf(BODY_SHORT), averageOf(SHADOW_LONG), averageOf(SHADOW_VERY_SHORT)],
};

/** Whether candle `i` has a short body, a long upper shadow and a very short lower shadow. */
function isUpsideDownHammer(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): boolean {
  return (
    realBody(o, c, i) < bodyShortLimit(t[0]) &&
    upperShadow(o, h, c, i) > shadowLongLimit(o, c, i) &&
    lowerShadow(o, l, c, i) < shadowVeryShortLimit(t[2])
  );
}

function invertedHammerAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  return isUpsideDownHammer(o, h, l, c, i, t) && realBodyGapDown(o, c, i, i - 1) ? 100 : 0;
}

/** Writes CDLINVERTEDHAMMER's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlInvertedHammer(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(STAR_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = STAR_SPEC.lookback; i < open.length; i++) {
    out[i] = invertedHammerAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i, 10);
    t[2] += highLowStep(high, low, i, 10);
  }
}

/** Streaming inverted hammer: O(1) per bar, no allocation. */
export class CDLINVERTEDHAMMERStream extends CandlePatternStream {
  constructor() {
    super(STAR_SPEC, invertedHammerAt);
  }
}

/** Registry entry for CDLINVERTEDHAMMER. */
export const CDLINVERTEDHAMMER_DEFINITION = candlePatternDefinition({
  name: 'CDLINVERTEDHAMMER',
  description: 'Inverted hammer: a small body with a long upper shadow that gaps below the previous body.',
  spec: STAR_SPEC,
  compute: computeCdlInvertedHammer,
  createStream: () => new CDLINVERTEDHAMMERStream(),
});

/**
 * Inverted hammer, as TA-Lib's CDLINVERTEDHAMMER: 100 for a short body with a long upper
 * shadow and a very short lower shadow whose body gaps below the previous candle's; else 0.
 *
 * @example
 * const invertedHammer = CDLINVERTEDHAMMER(open, high, low, close);
 */
export function CDLINVERTEDHAMMER(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLINVERTEDHAMMER_DEFINITION, open, high, low, close);
}

function shootingStarAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  return isUpsideDownHammer(o, h, l, c, i, t) && realBodyGapUp(o, c, i, i - 1) ? -100 : 0;
}

/** Writes CDLSHOOTINGSTAR's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlShootingStar(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(STAR_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = STAR_SPEC.lookback; i < open.length; i++) {
    out[i] = shootingStarAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i, 10);
    t[2] += highLowStep(high, low, i, 10);
  }
}

/** Streaming shooting star: O(1) per bar, no allocation. */
export class CDLSHOOTINGSTARStream extends CandlePatternStream {
  constructor() {
    super(STAR_SPEC, shootingStarAt);
  }
}

/** Registry entry for CDLSHOOTINGSTAR. */
export const CDLSHOOTINGSTAR_DEFINITION = candlePatternDefinition({
  name: 'CDLSHOOTINGSTAR',
  description: 'Shooting star: a small body with a long upper shadow that gaps above the previous body.',
  spec: STAR_SPEC,
  compute: computeCdlShootingStar,
  createStream: () => new CDLSHOOTINGSTARStream(),
});

/**
 * Shooting star, as TA-Lib's CDLSHOOTINGSTAR: −100 for a short body with a long upper shadow
 * and a very short lower shadow whose body gaps above the previous candle's; else 0.
 *
 * @example
 * const shootingStar = CDLSHOOTINGSTAR(open, high, low, close);
 */
export function CDLSHOOTINGSTAR(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLSHOOTINGSTAR_DEFINITION, open, high, low, close);
}
