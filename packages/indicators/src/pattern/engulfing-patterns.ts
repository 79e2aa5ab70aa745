// Two-candle reversals where the second candle overpowers the first: engulfing, its
// three-candle confirmation, counterattack lines and dark cloud cover.
import { bodyLongLimit, candleColor, equalLimit, realBody } from './candle-geometry.js';
import {
  beginCandlePattern,
  type CandlePatternSpec,
  CandlePatternStream,
  candlePatternDefinition,
  runPatternBatch,
} from './candle-pattern.js';
import { BODY_LONG, EQUAL } from './candle-settings.js';
import { averageOf, bodyStep, highLowStep } from './candle-totals.js';

type Column = Float64Array;

const ENGULFING_SPEC: CandlePatternSpec = { lookback: 2, averages: [] };

function engulfingAt(o: Column, _h: Column, _l: Column, c: Column, i: number): number {
  const color = candleColor(o, c, i);
  const previous = candleColor(o, c, i - 1);
  const engulfs =
    (color === 1 &&
      previous === -1 &&
      ((c[i] >= o[i - 1] && o[i] < c[i - 1]) || (c[i] > o[i - 1] && o[i] <= c[i - 1]))) ||
    (color === -1 &&
      previous === 1 &&
      ((o[i] >= c[i - 1] && c[i] < o[i - 1]) || (o[i] > c[i - 1] && c[i] <= o[i - 1])));
  if (!engulfs) return 0;
  // A body that only matches the other at one end engulfs it less convincingly.
  return o[i] !== c[i - 1] && c[i] !== o[i - 1] ? color * 100 : color * 80;
}

/** Writes CDLENGULFING's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlEngulfing(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(ENGULFING_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  for (let i = ENGULFING_SPEC.lookback; i < open.length; i++) {
    out[i] = engulfingAt(open, high, low, close, i);
  }
}

/** Streaming engulfing pattern: O(1) per bar, no allocation. */
export class CDLENGULFINGStream extends CandlePatternStream {
  constructor() {
    super(ENGULFING_SPEC, engulfingAt);
  }
}

/** Registry entry for CDLENGULFING. */
export const CDLENGULFING_DEFINITION = candlePatternDefinition({
  name: 'CDLENGULFING',
  description: "Engulfing: a candle whose real body covers the previous, opposite-coloured candle's body.",
  spec: ENGULFING_SPEC,
  compute: computeCdlEngulfing,
  createStream: () => new CDLENGULFINGStream(),
});

/**
 * Engulfing pattern, as TA-Lib's CDLENGULFING: ±100 (the second candle's colour) when its
 * body covers the opposite-coloured previous body, ±80 when the bodies share an end, else 0.
 *
 * @example
 * const engulfing = CDLENGULFING(open, high, low, close);
 */
export function CDLENGULFING(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLENGULFING_DEFINITION, open, high, low, close);
}

const THREE_OUTSIDE_SPEC: CandlePatternSpec = { lookback: 3, averages: [] };

function threeOutsideAt(o: Column, _h: Column, _l: Column, c: Column, i: number): number {
  const middle = candleColor(o, c, i - 1);
  const first = candleColor(o, c, i - 2);
  return (middle === 1 && first === -1 && c[i - 1] > o[i - 2] && o[i - 1] < c[i - 2] && c[i] > c[i - 1]) ||
    (middle === -1 && first === 1 && o[i - 1] > c[i - 2] && c[i - 1] < o[i - 2] && c[i] < c[i - 1])
    ? middle * 100
    : 0;
}

/** Writes CDL3OUTSIDE's signal for every bar into `out` (NaN during the lookback). */
export function computeCdl3Outside(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(THREE_OUTSIDE_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  for (let i = THREE_OUTSIDE_SPEC.lookback; i < open.length; i++) {
    out[i] = threeOutsideAt(open, high, low, close, i);
  }
}

/** Streaming three outside up/down: O(1) per bar, no allocation. */
export class CDL3OUTSIDEStream extends CandlePatternStream {
  constructor() {
    super(THREE_OUTSIDE_SPEC, threeOutsideAt);
  }
}

/** Registry entry for CDL3OUTSIDE. */
export const CDL3OUTSIDE_DEFINITION = candlePatternDefinition({
  name: 'CDL3OUTSIDE',
  description: 'Three outside up/down: an engulfing pair confirmed by a third close further in its direction.',
  spec: THREE_OUTSIDE_SPEC,
  compute: computeCdl3Outside,
  createStream: () => new CDL3OUTSIDEStream(),
});

/**
 * Three outside up/down, as TA-Lib's CDL3OUTSIDE: ±100 (the engulfing candle's colour) when
 * a body engulfs the previous one and the next candle closes beyond it, else 0.
 *
 * @example
 * const threeOutside = CDL3OUTSIDE(open, high, low, close);
 */
export function CDL3OUTSIDE(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDL3OUTSIDE_DEFINITION, open, high, low, close);
}

const COUNTERATTACK_SPEC: CandlePatternSpec = {
  lookback: Math.max(EQUAL.period, BODY_LONG.period) + 1,
  averages: [averageOf(EQUAL, 1), averageOf(BODY_LONG, 1), averageOf(BODY_LONG)],
};

// Cheap tests first; the candles' measurements only for the bars that pass them, all at
// once: see "Measurements first" in candle-pattern.ts.
function counterattackAt(o: Column, _h: Column, _l: Column, c: Column, i: number, t: Float64Array): number {
  const color = candleColor(o, c, i);
  return candleColor(o, c, i - 1) === -color && counterattackShape(o, c, i, t) ? color * 100 : 0;
}

/** Whether two long candles close at the same price, measured first. */
function counterattackShape(o: Column, c: Column, i: number, t: Float64Array): boolean {
  const body1 = realBody(o, c, i - 1);
  const body0 = realBody(o, c, i);
  const long1 = bodyLongLimit(t[1]);
  const long0 = bodyLongLimit(t[2]);
  const equal = equalLimit(t[0]);
  return body1 > long1 && body0 > long0 && c[i] <= c[i - 1] + equal && c[i] >= c[i - 1] - equal;
}

/** Writes CDLCOUNTERATTACK's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlCounterattack(open: Column, high: Column, low: Column, close: Column, out: Column): void {
  const totals = beginCandlePattern(COUNTERATTACK_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = COUNTERATTACK_SPEC.lookback; i < open.length; i++) {
    out[i] = counterattackAt(open, high, low, close, i, t);
    t[0] += highLowStep(high, low, i - 1, 5);
    t[1] += bodyStep(open, close, i - 1, 10);
    t[2] += bodyStep(open, close, i, 10);
  }
}

/** Streaming counterattack lines: O(1) per bar, no allocation. */
export class CDLCOUNTERATTACKStream extends CandlePatternStream {
  constructor() {
    super(COUNTERATTACK_SPEC, counterattackAt);
  }
}

/** Registry entry for CDLCOUNTERATTACK. */
export const CDLCOUNTERATTACK_DEFINITION = candlePatternDefinition({
  name: 'CDLCOUNTERATTACK',
  description: 'Counterattack: two long opposite-coloured candles closing at about the same price.',
  spec: COUNTERATTACK_SPEC,
  compute: computeCdlCounterattack,
  createStream: () => new CDLCOUNTERATTACKStream(),
});

/**
 * Counterattack lines, as TA-Lib's CDLCOUNTERATTACK: ±100 (the second candle's colour) for
 * two long candles of opposite colours whose closes are equal within tolerance, else 0.
 *
 * @example
 * const counterattack = CDLCOUNTERATTACK(open, high, low, close);
 */
export function CDLCOUNTERATTACK(open: Column, high: Column, low: Column, close: Column): Float64Array {
  return runPatternBatch(CDLCOUNTERATTACK_DEFINITION, open, high, low, close);
}

const DARK_CLOUD_SPEC: CandlePatternSpec = { lookback: BODY_LONG.period + 1, averages: [averageOf(BODY_LONG, 1)] };

function darkCloudCoverAt(
  o: Column,
  h: Column,
  _l: Column,
  c: Column,
  i: number,
  t: Float64Array,
  penetration: number,
): number {
  return candleColor(o, c, i - 1) === 1 &&
    realBody(o, c, i - 1) > bodyLongLimit(t[0]) &&
    candleColor(o, c, i) === -1 &&
    o[i] > h[i - 1] &&
    c[i] > o[i - 1] &&
    c[i] < c[i - 1] - realBody(o, c, i - 1) * penetration
    ? -100
    : 0;
}

/** Writes CDLDARKCLOUDCOVER's signal for every bar into `out` (NaN during the lookback). */
export function computeCdlDarkCloudCover(
  open: Column,
  high: Column,
  low: Column,
  close: Column,
  out: Column,
  penetration: number,
): void {
  const totals = beginCandlePattern(DARK_CLOUD_SPEC, open, high, low, close, out);
  if (totals === undefined) return;
  const t = totals.values;
  // Totals advanced inline, repeated per kernel on purpose: a shared advance loop costs more than the rule.
  for (let i = DARK_CLOUD_SPEC.lookback; i < open.length; i++) {
    out[i] = darkCloudCoverAt(open, high, low, close, i, t, penetration);
    t[0] += bodyStep(open, close, i - 1, 10);
  }
}

/** Streaming dark cloud cover: O(1) per bar, no allocation. */
export class CDLDARKCLOUDCOVERStream extends CandlePatternStream {
  constructor(penetration = 0.5) {
    super(DARK_CLOUD_SPEC, darkCloudCoverAt, penetration);
  }
}

/** Registry entry for CDLDARKCLOUDCOVER. */
export const CDLDARKCLOUDCOVER_DEFINITION = candlePatternDefinition({
  name: 'CDLDARKCLOUDCOVER',
  description: 'Dark cloud cover: a black candle opening above a long white one and closing deep into its body.',
  spec: DARK_CLOUD_SPEC,
  compute: computeCdlDarkCloudCover,
  createStream: (penetration) => new CDLDARKCLOUDCOVERStream(penetration),
  penetration: 0.5,
});

/**
 * Dark cloud cover, as TA-Lib's CDLDARKCLOUDCOVER: −100 when a black candle opens above the
 * high of a long white candle and closes inside its body, below its close by at least
 * `penetration` of that body; else 0.
 *
 * @example
 * const cloud = CDLDARKCLOUDCOVER(open, high, low, close, { penetration: 0.5 });
 */
export function CDLDARKCLOUDCOVER(
  open: Column,
  high: Column,
  low: Column,
  close: Column,
  params: { penetration?: number } = {},
): Float64Array {
  return runPatternBatch(CDLDARKCLOUDCOVER_DEFINITION, open, high, low, close, params);
}
