// Single-candle doji patterns: a real body too small to matter, told apart by the shadows.
import { bodyDojiLimit, lowerShadow, realBody, shadowVeryShortLimit, upperShadow } from './candle-geometry.js';
import {
  beginCandlePattern,
  type CandlePatternSpec,
  CandlePatternStream,
  candlePatternDefinition,
  runPatternBatch,
} from './candle-pattern.js';
import { BODY_DOJI, SHADOW_VERY_SHORT } from './candle-settings.js';
import { averageOf, highLowStep } from './candle-totals.js';

const DOJI_SPEC: CandlePatternSpec = { lookback: BODY_DOJI.period, averages: [averageOf(BODY_DOJI)] };

function dojiAt(
  o: Float64Array,
  _h: Float64Array,
  _l: Float64Array,
  c: Float64Array,
  i: number,
  t: Float64Array,
): number {
  // Branch-free: dojis are common enough that a conditional jump would be mispredicted often.
  return Number(realBody(o, c, i) <= bodyDojiLimit(t[0])) * 100;
}

/** Writes CDLDOJI's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlDoji(
  open: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  out: Float64Array,
): void {
  const totals = beginCandlePattern(DOJI_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = DOJI_SPEC.lookback; i < open.length; i++) {
    out[i] = dojiAt(open, high, low, close, i, t);
    t[0] += highLowStep(high, low, i, 10);
  }
}

/** Streaming doji: O(1) per bar, no allocation. */
export class CDLDOJIStream extends CandlePatternStream {
  constructor() {
    super(DOJI_SPEC, dojiAt);
  }
}

/** Registry entry for CDLDOJI. */
export const CDLDOJI_DEFINITION = candlePatternDefinition({
  name: 'CDLDOJI',
  description: 'Doji: a candle whose open and close are nearly equal compared with recent ranges.',
  spec: DOJI_SPEC,
  compute: computeCdlDoji,
  createStream: () => new CDLDOJIStream(),
});

/**
 * Doji, as TA-Lib's CDLDOJI: 100 where the real body is at most a tenth of the average
 * high − low range of the previous 10 candles, else 0.
 *
 * @example
 * const doji = CDLDOJI(series.open, series.high, series.low, series.close);
 */
export function CDLDOJI(open: Float64Array, high: Float64Array, low: Float64Array, close: Float64Array): Float64Array {
  return runPatternBatch(CDLDOJI_DEFINITION, open, high, low, close);
}

const SHADOWED_DOJI_SPEC: CandlePatternSpec = {
  lookback: Math.max(BODY_DOJI.period, SHADOW_VERY_SHORT.period),
  averages: [averageOf(BODY_DOJI), averageOf(SHADOW_VERY_SHORT)],
};

// The doji test runs on every bar; the shadows only for dojis, measured at once: see
// "Measurements first" in candle-pattern.ts.
function dragonflyDojiAt(
  o: Float64Array,
  h: Float64Array,
  l: Float64Array,
  c: Float64Array,
  i: number,
  t: Float64Array,
): number {
  return realBody(o, c, i) <= bodyDojiLimit(t[0]) && dragonflyShadows(o, h, l, c, i, t) ? 100 : 0;
}

/** Whether candle `i` has a very short upper shadow and a longer lower one, measured first. */
function dragonflyShadows(
  o: Float64Array,
  h: Float64Array,
  l: Float64Array,
  c: Float64Array,
  i: number,
  t: Float64Array,
): boolean {
  const shadow = shadowVeryShortLimit(t[1]);
  const upper = upperShadow(o, h, c, i);
  const lower = lowerShadow(o, l, c, i);
  return upper < shadow && lower > shadow;
}

/** Writes CDLDRAGONFLYDOJI's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlDragonflyDoji(
  open: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  out: Float64Array,
): void {
  const totals = beginCandlePattern(SHADOWED_DOJI_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = SHADOWED_DOJI_SPEC.lookback; i < open.length; i++) {
    out[i] = dragonflyDojiAt(open, high, low, close, i, t);
    t[0] += highLowStep(high, low, i, 10);
    t[1] += highLowStep(high, low, i, 10);
  }
}

/** Streaming dragonfly doji: O(1) per bar, no allocation. */
export class CDLDRAGONFLYDOJIStream extends CandlePatternStream {
  constructor() {
    super(SHADOWED_DOJI_SPEC, dragonflyDojiAt);
  }
}

/** Registry entry for CDLDRAGONFLYDOJI. */
export const CDLDRAGONFLYDOJI_DEFINITION = candlePatternDefinition({
  name: 'CDLDRAGONFLYDOJI',
  description: 'Dragonfly doji: a doji that opens and closes at its high after a long dip.',
  spec: SHADOWED_DOJI_SPEC,
  compute: computeCdlDragonflyDoji,
  createStream: () => new CDLDRAGONFLYDOJIStream(),
});

/**
 * Dragonfly doji, as TA-Lib's CDLDRAGONFLYDOJI: 100 for a doji with a very short upper
 * shadow and a lower shadow longer than that, else 0.
 *
 * @example
 * const dragonfly = CDLDRAGONFLYDOJI(open, high, low, close);
 */
export function CDLDRAGONFLYDOJI(
  open: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
): Float64Array {
  return runPatternBatch(CDLDRAGONFLYDOJI_DEFINITION, open, high, low, close);
}

function gravestoneDojiAt(
  o: Float64Array,
  h: Float64Array,
  l: Float64Array,
  c: Float64Array,
  i: number,
  t: Float64Array,
): number {
  // The doji test runs on every bar; the shadows are measured only for dojis, at once: see
  // "Measurements first" in candle-pattern.ts.
  return realBody(o, c, i) <= bodyDojiLimit(t[0]) && gravestoneShadows(o, h, l, c, i, t) ? 100 : 0;
}

/** Whether candle `i` has a very short lower shadow and a longer upper one, measured first. */
function gravestoneShadows(
  o: Float64Array,
  h: Float64Array,
  l: Float64Array,
  c: Float64Array,
  i: number,
  t: Float64Array,
): boolean {
  const shadow = shadowVeryShortLimit(t[1]);
  const lower = lowerShadow(o, l, c, i);
  const upper = upperShadow(o, h, c, i);
  return lower < shadow && upper > shadow;
}

/** Writes CDLGRAVESTONEDOJI's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlGravestoneDoji(
  open: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  out: Float64Array,
): void {
  const totals = beginCandlePattern(SHADOWED_DOJI_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = SHADOWED_DOJI_SPEC.lookback; i < open.length; i++) {
    out[i] = gravestoneDojiAt(open, high, low, close, i, t);
    t[0] += highLowStep(high, low, i, 10);
    t[1] += highLowStep(high, low, i, 10);
  }
}

/** Streaming gravestone doji: O(1) per bar, no allocation. */
export class CDLGRAVESTONEDOJIStream extends CandlePatternStream {
  constructor() {
    super(SHADOWED_DOJI_SPEC, gravestoneDojiAt);
  }
}

/** Registry entry for CDLGRAVESTONEDOJI. */
export const CDLGRAVESTONEDOJI_DEFINITION = candlePatternDefinition({
  name: 'CDLGRAVESTONEDOJI',
  description: 'Gravestone doji: a doji that opens and closes at its low after a long rally within the bar.',
  spec: SHADOWED_DOJI_SPEC,
  compute: computeCdlGravestoneDoji,
  createStream: () => new CDLGRAVESTONEDOJIStream(),
});

/**
 * Gravestone doji, as TA-Lib's CDLGRAVESTONEDOJI: 100 for a doji with a very short lower
 * shadow and an upper shadow longer than that, else 0.
 *
 * @example
 * const gravestone = CDLGRAVESTONEDOJI(open, high, low, close);
 */
export function CDLGRAVESTONEDOJI(
  open: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
): Float64Array {
  return runPatternBatch(CDLGRAVESTONEDOJI_DEFINITION, open, high, low, close);
}
