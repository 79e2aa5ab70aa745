// Runs of three same-coloured candles stepping in one direction (soldiers, crows) and the
// weakening version (advance block), plus the two-crows top.
import {
  bodyLongLimit,
  bodyShortLimit,
  candleColor,
  farLimit,
  lowerShadow,
  nearLimit,
  realBody,
  realBodyGapUp,
  shadowLongLimit,
  shadowShortLimit,
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
import { BODY_LONG, BODY_SHORT, FAR, NEAR, SHADOW_LONG, SHADOW_SHORT, SHADOW_VERY_SHORT } from './candle-settings.js';
import { averageOf, bodyStep, highLowStep, shadowsStep } from './candle-totals.js';

type Column = Float64Array;

const WHITE_SOLDIERS_SPEC: CandlePatternSpec = {
  lookback: Math.max(SHADOW_VERY_SHORT.period, BODY_SHORT.period, FAR.period, NEAR.period) + 2,
  averages: [
    averageOf(SHADOW_VERY_SHORT, 2),
    averageOf(SHADOW_VERY_SHORT, 1),
    averageOf(SHADOW_VERY_SHORT, 0),
    averageOf(NEAR, 2),
    averageOf(NEAR, 1),
    averageOf(FAR, 2),
    averageOf(FAR, 1),
    averageOf(BODY_SHORT),
  ],
};

// Cheap tests first; the candles' measurements only for the bars that pass them, all at
// once: see "Measurements first" in candle-pattern.ts.
function whiteSoldiersAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  return candleColor(o, c, i - 2) === 1 &&
    candleColor(o, c, i - 1) === 1 &&
    candleColor(o, c, i) === 1 &&
    c[i] > c[i - 1] &&
    c[i - 1] > c[i - 2] &&
    o[i - 1] > o[i - 2] &&
    o[i] > o[i - 1] &&
    whiteSoldiersShape(o, h, l, c, i, t)
    ? 100
    : 0;
}

/** Whether the three soldiers have short upper shadows, open near the previous close and hold their size, measured first. */
function whiteSoldiersShape(o: Column, h: Column, _l: Column, c: Column, i: number, t: Float64Array): boolean {
  const upper2 = upperShadow(o, h, c, i - 2);
  const upper1 = upperShadow(o, h, c, i - 1);
  const upper0 = upperShadow(o, h, c, i);
  const veryShort2 = shadowVeryShortLimit(t[0]);
  const veryShort1 = shadowVeryShortLimit(t[1]);
  const veryShort0 = shadowVeryShortLimit(t[2]);
  const near2 = nearLimit(t[3]);
  const near1 = nearLimit(t[4]);
  const body2 = realBody(o, c, i - 2);
  const body1 = realBody(o, c, i - 1);
  const body0 = realBody(o, c, i);
  const far2 = farLimit(t[5]);
  const far1 = farLimit(t[6]);
  const short0 = bodyShortLimit(t[7]);
  return (
    upper2 < veryShort2 &&
    upper1 < veryShort1 &&
    upper0 < veryShort0 &&
    o[i - 1] <= c[i - 2] + near2 &&
    o[i] <= c[i - 1] + near1 &&
    body1 > body2 - far2 &&
    body0 > body1 - far1 &&
    body0 > short0
  );
}

/** Writes CDL3WHITESOLDIERS's signal for every bar into `out` (NaN during the lookback). */
export function computeCdl3WhiteSoldiers(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(WHITE_SOLDIERS_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = WHITE_SOLDIERS_SPEC.lookback; i < open.length; i++) {
    out[i] = whiteSoldiersAt(open, high, low, close, i, t);
    t[0] += highLowStep(high, low, i - 2, 10);
    t[1] += highLowStep(high, low, i - 1, 10);
    t[2] += highLowStep(high, low, i, 10);
    t[3] += highLowStep(high, low, i - 2, 5);
    t[4] += highLowStep(high, low, i - 1, 5);
    t[5] += highLowStep(high, low, i - 2, 5);
    t[6] += highLowStep(high, low, i - 1, 5);
    t[7] += bodyStep(open, close, i, 10);
  }
}

/** Streaming three white soldiers: O(1) per bar, no allocation. */
export class CDL3WHITESOLDIERSStream extends CandlePatternStream {
  constructor() {
    super(WHITE_SOLDIERS_SPEC, whiteSoldiersAt);
  }
}

/** Registry entry for CDL3WHITESOLDIERS. */
export const CDL3WHITESOLDIERS_DEFINITION = candlePatternDefinition({
  name: 'CDL3WHITESOLDIERS',
  description:
    'Three white soldiers: three rising white candles, each opening within the previous body and closing near its high.',
  spec: WHITE_SOLDIERS_SPEC,
  compute: computeCdl3WhiteSoldiers,
  createStream: () => new CDL3WHITESOLDIERSStream(),
});

/**
 * Three advancing white soldiers, as TA-Lib's CDL3WHITESOLDIERS: 100 for three white candles
 * with very short upper shadows, each closing higher and opening within or near the previous
 * body, with no body much shorter than the one before and the last not short; else 0.
 *
 * @example
 * const soldiers = CDL3WHITESOLDIERS(open, high, low, close);
 */
export function CDL3WHITESOLDIERS(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDL3WHITESOLDIERS_DEFINITION, open, high, low, close);
}

const BLACK_CROWS_SPEC: CandlePatternSpec = {
  lookback: SHADOW_VERY_SHORT.period + 3,
  averages: [averageOf(SHADOW_VERY_SHORT, 2), averageOf(SHADOW_VERY_SHORT, 1), averageOf(SHADOW_VERY_SHORT, 0)],
};

// Cheap tests first; the candles' measurements only for the bars that pass them, all at
// once: see "Measurements first" in candle-pattern.ts.
function blackCrowsAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  return candleColor(o, c, i - 3) === 1 &&
    candleColor(o, c, i - 2) === -1 &&
    candleColor(o, c, i - 1) === -1 &&
    candleColor(o, c, i) === -1 &&
    o[i - 1] < o[i - 2] &&
    o[i - 1] > c[i - 2] &&
    o[i] < o[i - 1] &&
    o[i] > c[i - 1] &&
    h[i - 3] > c[i - 2] &&
    c[i - 2] > c[i - 1] &&
    c[i - 1] > c[i] &&
    blackCrowsShape(o, h, l, c, i, t)
    ? -100
    : 0;
}

/** Whether the three crows close at (almost) their lows, measured first. */
function blackCrowsShape(o: Column, _h: Column, l: Column, c: Column, i: number, t: Float64Array): boolean {
  const lower2 = lowerShadow(o, l, c, i - 2);
  const lower1 = lowerShadow(o, l, c, i - 1);
  const lower0 = lowerShadow(o, l, c, i);
  const veryShort2 = shadowVeryShortLimit(t[0]);
  const veryShort1 = shadowVeryShortLimit(t[1]);
  const veryShort0 = shadowVeryShortLimit(t[2]);
  return lower2 < veryShort2 && lower1 < veryShort1 && lower0 < veryShort0;
}

/** Writes CDL3BLACKCROWS's signal for every bar into `out` (NaN during the lookback). */
export function computeCdl3BlackCrows(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(BLACK_CROWS_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = BLACK_CROWS_SPEC.lookback; i < open.length; i++) {
    out[i] = blackCrowsAt(open, high, low, close, i, t);
    t[0] += highLowStep(high, low, i - 2, 10);
    t[1] += highLowStep(high, low, i - 1, 10);
    t[2] += highLowStep(high, low, i, 10);
  }
}

/** Streaming three black crows: O(1) per bar, no allocation. */
export class CDL3BLACKCROWSStream extends CandlePatternStream {
  constructor() {
    super(BLACK_CROWS_SPEC, blackCrowsAt);
  }
}

/** Registry entry for CDL3BLACKCROWS. */
export const CDL3BLACKCROWS_DEFINITION = candlePatternDefinition({
  name: 'CDL3BLACKCROWS',
  description:
    'Three black crows: after a white candle, three falling black candles each opening within the previous body.',
  spec: BLACK_CROWS_SPEC,
  compute: computeCdl3BlackCrows,
  createStream: () => new CDL3BLACKCROWSStream(),
});

/**
 * Three black crows, as TA-Lib's CDL3BLACKCROWS: −100 for a white candle followed by three
 * black candles with very short lower shadows, each opening within the previous body and
 * closing lower, the first closing below the white candle's high; else 0.
 *
 * @example
 * const crows = CDL3BLACKCROWS(open, high, low, close);
 */
export function CDL3BLACKCROWS(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDL3BLACKCROWS_DEFINITION, open, high, low, close);
}

const ADVANCE_BLOCK_SPEC: CandlePatternSpec = {
  lookback: Math.max(SHADOW_LONG.period, SHADOW_SHORT.period, FAR.period, NEAR.period, BODY_LONG.period) + 2,
  averages: [
    averageOf(SHADOW_SHORT, 2),
    averageOf(SHADOW_SHORT, 1),
    averageOf(SHADOW_SHORT, 0),
    averageOf(SHADOW_LONG, 1),
    averageOf(SHADOW_LONG, 0),
    averageOf(NEAR, 2),
    averageOf(NEAR, 1),
    averageOf(FAR, 2),
    averageOf(FAR, 1),
    averageOf(BODY_LONG, 2),
  ],
};

// Cheap tests first; the candles' measurements only for the bars that pass them, all at
// once: see "Measurements first" in candle-pattern.ts.
function advanceBlockAt(o: Column, h: Column, l: Column, c: Column, i: number, t: Float64Array): number {
  return candleColor(o, c, i - 2) === 1 &&
    candleColor(o, c, i - 1) === 1 &&
    candleColor(o, c, i) === 1 &&
    c[i] > c[i - 1] &&
    c[i - 1] > c[i - 2] &&
    o[i - 1] > o[i - 2] &&
    o[i] > o[i - 1] &&
    advanceBlockShape(o, h, l, c, i, t)
    ? -100
    : 0;
}

/** Whether the rising candles open near the previous close, start long and lose strength: shrinking bodies or growing upper shadows, measured first. */
function advanceBlockShape(o: Column, h: Column, _l: Column, c: Column, i: number, t: Float64Array): boolean {
  const body2 = realBody(o, c, i - 2);
  const body1 = realBody(o, c, i - 1);
  const body0 = realBody(o, c, i);
  const upper2 = upperShadow(o, h, c, i - 2);
  const upper1 = upperShadow(o, h, c, i - 1);
  const upper0 = upperShadow(o, h, c, i);
  const near2 = nearLimit(t[5]);
  const near1 = nearLimit(t[6]);
  const far2 = farLimit(t[7]);
  const far1 = farLimit(t[8]);
  const long2 = bodyLongLimit(t[9]);
  const short2 = shadowShortLimit(t[0]);
  const short1 = shadowShortLimit(t[1]);
  const short0 = shadowShortLimit(t[2]);
  const longShadow0 = shadowLongLimit(o, c, i);
  const weakens =
    (body1 < body2 - far2 && body0 < body1 + near1) ||
    body0 < body1 - far1 ||
    (body0 < body1 && body1 < body2 && (upper0 > short0 || upper1 > short1)) ||
    (body0 < body1 && upper0 > longShadow0);
  return o[i - 1] <= c[i - 2] + near2 && o[i] <= c[i - 1] + near1 && body2 > long2 && upper2 < short2 && weakens;
}

/** Writes CDLADVANCEBLOCK's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlAdvanceBlock(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(ADVANCE_BLOCK_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = ADVANCE_BLOCK_SPEC.lookback; i < open.length; i++) {
    out[i] = advanceBlockAt(open, high, low, close, i, t);
    t[0] += shadowsStep(open, high, low, close, i - 2, 10);
    t[1] += shadowsStep(open, high, low, close, i - 1, 10);
    t[2] += shadowsStep(open, high, low, close, i, 10);
    t[5] += highLowStep(high, low, i - 2, 5);
    t[6] += highLowStep(high, low, i - 1, 5);
    t[7] += highLowStep(high, low, i - 2, 5);
    t[8] += highLowStep(high, low, i - 1, 5);
    t[9] += bodyStep(open, close, i - 2, 10);
  }
}

/** Streaming advance block: O(1) per bar, no allocation. */
export class CDLADVANCEBLOCKStream extends CandlePatternStream {
  constructor() {
    super(ADVANCE_BLOCK_SPEC, advanceBlockAt);
  }
}

/** Registry entry for CDLADVANCEBLOCK. */
export const CDLADVANCEBLOCK_DEFINITION = candlePatternDefinition({
  name: 'CDLADVANCEBLOCK',
  description: 'Advance block: three rising white candles that visibly lose strength.',
  spec: ADVANCE_BLOCK_SPEC,
  compute: computeCdlAdvanceBlock,
  createStream: () => new CDLADVANCEBLOCKStream(),
});

/**
 * Advance block, as TA-Lib's CDLADVANCEBLOCK: −100 for three rising white candles, each
 * opening within or near the previous body, the first long with a short upper shadow, whose
 * bodies shrink or upper shadows grow; else 0.
 *
 * @example
 * const block = CDLADVANCEBLOCK(open, high, low, close);
 */
export function CDLADVANCEBLOCK(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLADVANCEBLOCK_DEFINITION, open, high, low, close);
}

const TWO_CROWS_SPEC: CandlePatternSpec = { lookback: BODY_LONG.period + 2, averages: [averageOf(BODY_LONG, 2)] };

function twoCrowsAt(o: Column, _h: Column, _l: Column, c: Column, i: number, t: Float64Array): number {
  return candleColor(o, c, i - 2) === 1 &&
    realBody(o, c, i - 2) > bodyLongLimit(t[0]) &&
    candleColor(o, c, i - 1) === -1 &&
    realBodyGapUp(o, c, i - 1, i - 2) &&
    candleColor(o, c, i) === -1 &&
    o[i] < o[i - 1] &&
    o[i] > c[i - 1] &&
    c[i] > o[i - 2] &&
    c[i] < c[i - 2]
    ? -100
    : 0;
}

/** Writes CDL2CROWS's signal for every bar into `out` (NaN during the lookback). */
export function computeCdl2Crows(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(TWO_CROWS_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = TWO_CROWS_SPEC.lookback; i < open.length; i++) {
    out[i] = twoCrowsAt(open, high, low, close, i, t);
    t[0] += bodyStep(open, close, i - 2, 10);
  }
}

/** Streaming two crows: O(1) per bar, no allocation. */
export class CDL2CROWSStream extends CandlePatternStream {
  constructor() {
    super(TWO_CROWS_SPEC, twoCrowsAt);
  }
}

/** Registry entry for CDL2CROWS. */
export const CDL2CROWS_DEFINITION = candlePatternDefinition({
  name: 'CDL2CROWS',
  description:
    'Two crows: a long white candle, a black one gapping up, then a black one closing inside the first body.',
  spec: TWO_CROWS_SPEC,
  compute: computeCdl2Crows,
  createStream: () => new CDL2CROWSStream(),
});

/**
 * Two crows, as TA-Lib's CDL2CROWS: −100 for a long white candle, a black candle whose body
 * gaps up, and a black candle opening inside the second body and closing inside the first;
 * else 0.
 *
 * @example
 * const crows = CDL2CROWS(open, high, low, close);
 */
export function CDL2CROWS(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDL2CROWS_DEFINITION, open, high, low, close);
}
