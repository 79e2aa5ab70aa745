import { blockEnd } from '../support/blocks.js';
import { isNearZero, TALIB_EPSILON } from './near-zero.js';

// Wilder's directional-movement family shares one recurrence: +DM, −DM and the true range are
// summed over the first timeperiod − 1 bar-to-bar moves, then smoothed as s − s / period + x.
// The members differ only in what they read from that state, so one kernel serves all six.

/** Which member of the family to output: 0 PLUS_DM, 1 MINUS_DM, 2 PLUS_DI, 3 MINUS_DI, 4 DX, 5 ADX. */
export type DirectionalKind = 0 | 1 | 2 | 3 | 4 | 5;
/** Smoothed plus directional movement. */
export const PLUS_DM_KIND: DirectionalKind = 0;
/** Smoothed minus directional movement. */
export const MINUS_DM_KIND: DirectionalKind = 1;
/** Plus directional indicator: 100 × smoothed +DM / smoothed true range. */
export const PLUS_DI_KIND: DirectionalKind = 2;
/** Minus directional indicator: 100 × smoothed −DM / smoothed true range. */
export const MINUS_DI_KIND: DirectionalKind = 3;
/** Directional movement index: 100 × |+DI − −DI| / (+DI + −DI). */
export const DX_KIND: DirectionalKind = 4;
/** Average directional movement index: DX, Wilder-smoothed again. */
export const ADX_KIND: DirectionalKind = 5;

/** Returns TA-Lib's lookback for a member of the family. */
export function directionalLookback(kind: DirectionalKind, timeperiod: number): number {
  if (kind === ADX_KIND) return 2 * timeperiod - 1;
  if (timeperiod <= 1) return kind === DX_KIND ? 2 : 1;
  return kind <= MINUS_DM_KIND ? timeperiod - 1 : timeperiod;
}

/** Returns the plus directional move: the rise of the high when it beats the fall of the low, else 0. */
export function plusMove(up: number, down: number): number {
  // Multiplying by a 0/1 mask instead of branching: on market data the branch is a coin flip.
  return up * (+(up > 0) & +(up > down));
}

/** Returns the minus directional move: the fall of the low when it beats the rise of the high, else 0. */
export function minusMove(up: number, down: number): number {
  return down * (+(down > 0) & +(up < down));
}

/**
 * Returns the DX of the smoothed state, or NaN when either division is guarded against
 * (TA-Lib then keeps the previous value).
 */
export function dxOf(plusDm: number, minusDm: number, range: number): number {
  if (isNearZero(range)) return Number.NaN;
  const minusDi = 100 * (minusDm / range);
  const plusDi = 100 * (plusDm / range);
  const sum = minusDi + plusDi;
  return isNearZero(sum) ? Number.NaN : 100 * (Math.abs(minusDi - plusDi) / sum);
}

/** Returns the DI from smoothed DM and true range; TA-Lib leaves out the × 100 for a period of 1. */
export function diOf(dm: number, range: number, timeperiod: number): number {
  if (isNearZero(range)) return 0;
  return timeperiod === 1 ? dm / range : 100 * (dm / range);
}

/**
 * Fills `out` with one member of the directional-movement family, in TA-Lib's order of
 * operations and with its guards against dividing by (near) zero.
 */
export function computeDirectional(
  kind: DirectionalKind,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  timeperiod: number,
  out: Float64Array,
): void {
  const n = high.length;
  const lookback = directionalLookback(kind, timeperiod);
  out.fill(Number.NaN, 0, Math.min(n, lookback));
  if (lookback >= n) return;
  const p = timeperiod;
  const withClose = kind !== PLUS_DM_KIND && kind !== MINUS_DM_KIND;
  // The state carried between blocks (see BLOCK_BARS): the previous bar, the three sums.
  const s = new Float64Array(STATE_SIZE);
  s[PREV_HIGH] = high[0] as number;
  s[PREV_LOW] = low[0] as number;
  s[PREV_CLOSE] = withClose ? (close[0] as number) : 0;
  // The first timeperiod − 1 moves are summed; smoothing starts with bar timeperiod.
  for (let i = 1; i < p; i++) sumBar(high, low, close, withClose, s, i);
  if (kind <= MINUS_DM_KIND && p > 1) out[p - 1] = s[kind === PLUS_DM_KIND ? PLUS_DM : MINUS_DM] as number;
  for (let from = p, to = p; from < n; from = to) {
    to = blockEnd(from, p, n);
    if (kind <= MINUS_DI_KIND) oneSidedBlock(kind, high, low, close, p, out, s, from, to);
    else dxAdxBlock(kind === ADX_KIND, high, low, close, p, out, s, from, to);
  }
}

// Offsets in the state array.
const PREV_HIGH = 0;
const PREV_LOW = 1;
const PREV_CLOSE = 2;
const PLUS_DM = 3;
const MINUS_DM = 4;
const RANGE = 5;
/** The last valid DX for DX; the running DX sum during the ADX's warm-up. */
const DX = 6;
const ADX = 7;
const STATE_SIZE = 8;

// Adds bar i's moves (and true range, with the close) to the sums: the warm-up, no smoothing.
// A move that does not count adds 0, which leaves the sum exactly as TA-Lib's skipped
// addition (for finite inputs). The moves and the true range are written out as plusMove,
// minusMove and trueRange compute them, here and in the blocks, so that no double crosses a
// call V8 might not inline.
function sumBar(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  withClose: boolean,
  s: Float64Array,
  i: number,
): void {
  const h = high[i] as number;
  const l = low[i] as number;
  const up = h - (s[PREV_HIGH] as number);
  const down = (s[PREV_LOW] as number) - l;
  s[PREV_HIGH] = h;
  s[PREV_LOW] = l;
  s[MINUS_DM] = (s[MINUS_DM] as number) + down * (+(down > 0) & +(up < down));
  s[PLUS_DM] = (s[PLUS_DM] as number) + up * (+(up > 0) & +(up > down));
  if (!withClose) return;
  const c = s[PREV_CLOSE] as number;
  let tr = h - l;
  const fromHigh = Math.abs(c - h);
  if (fromHigh > tr) tr = fromHigh;
  const fromLow = Math.abs(c - l);
  if (fromLow > tr) tr = fromLow;
  s[RANGE] = (s[RANGE] as number) + tr;
  s[PREV_CLOSE] = close[i] as number;
}

// DM and DI follow one side of the movement only: half the smoothing work of DX and ADX.
function oneSidedBlock(
  kind: DirectionalKind,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  p: number,
  out: Float64Array,
  s: Float64Array,
  from: number,
  to: number,
): void {
  const plusSide = kind === PLUS_DM_KIND || kind === PLUS_DI_KIND;
  const withRange = kind >= PLUS_DI_KIND;
  const eps = +TALIB_EPSILON;
  let prevHigh = s[PREV_HIGH] as number;
  let prevLow = s[PREV_LOW] as number;
  let prevClose = s[PREV_CLOSE] as number;
  let dm = s[plusSide ? PLUS_DM : MINUS_DM] as number;
  let range = s[RANGE] as number;
  for (let i = from; i < to; i++) {
    const h = high[i] as number;
    const l = low[i] as number;
    const up = h - prevHigh;
    const down = prevLow - l;
    prevHigh = h;
    prevLow = l;
    dm -= dm / p;
    if (plusSide) dm += up * (+(up > 0) & +(up > down));
    else dm += down * (+(down > 0) & +(up < down));
    if (!withRange) {
      out[i] = dm;
      continue;
    }
    let tr = h - l;
    const fromHigh = Math.abs(prevClose - h);
    if (fromHigh > tr) tr = fromHigh;
    const fromLow = Math.abs(prevClose - l);
    if (fromLow > tr) tr = fromLow;
    range = range - range / p + tr;
    prevClose = close[i] as number;
    // diOf, written out; TA-Lib leaves out the × 100 for a period of 1.
    if (-eps < range && range < eps) out[i] = 0;
    else if (p === 1) out[i] = dm / range;
    else out[i] = 100 * (dm / range);
  }
  s[PREV_HIGH] = prevHigh;
  s[PREV_LOW] = prevLow;
  s[PREV_CLOSE] = prevClose;
  s[plusSide ? PLUS_DM : MINUS_DM] = dm;
  s[RANGE] = range;
}

function dxAdxBlock(
  average: boolean,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  p: number,
  out: Float64Array,
  s: Float64Array,
  from: number,
  to: number,
): void {
  // Constants as local numbers: an imported constant is read, and checked, through its
  // module binding on every use; the unary plus makes it a plain double held in a register.
  const eps = +TALIB_EPSILON;
  const keep = p - 1;
  const adxStart = 2 * p - 1;
  // A boolean known to be one, so that the loop's test of it is a register compare.
  const averaging = average === true;
  let prevHigh = s[PREV_HIGH] as number;
  let prevLow = s[PREV_LOW] as number;
  let prevClose = s[PREV_CLOSE] as number;
  let plusDm = s[PLUS_DM] as number;
  let minusDm = s[MINUS_DM] as number;
  let range = s[RANGE] as number;
  let dx = s[DX] as number;
  let adx = s[ADX] as number;
  for (let i = from; i < to; i++) {
    const h = high[i] as number;
    const l = low[i] as number;
    const up = h - prevHigh;
    const down = prevLow - l;
    prevHigh = h;
    prevLow = l;
    minusDm -= minusDm / p;
    plusDm -= plusDm / p;
    minusDm += down * (+(down > 0) & +(up < down));
    plusDm += up * (+(up > 0) & +(up > down));
    let tr = h - l;
    const fromHigh = Math.abs(prevClose - h);
    if (fromHigh > tr) tr = fromHigh;
    const fromLow = Math.abs(prevClose - l);
    if (fromLow > tr) tr = fromLow;
    range = range - range / p + tr;
    prevClose = close[i] as number;
    // dxOf, written out: the DX when neither division is guarded against (TA-Lib otherwise
    // keeps the previous value).
    let valid = false;
    let next = 0;
    if (!(-eps < range && range < eps)) {
      const minusDi = 100 * (minusDm / range);
      const plusDi = 100 * (plusDm / range);
      const sum = minusDi + plusDi;
      if (!(-eps < sum && sum < eps)) {
        next = 100 * (Math.abs(minusDi - plusDi) / sum);
        valid = true;
      }
    }
    if (!averaging) {
      if (valid) dx = next;
      out[i] = dx;
    } else if (i > adxStart) {
      if (valid) adx = (adx * keep + next) / p;
      out[i] = adx;
    } else {
      if (valid) dx += next;
      if (i === adxStart) {
        adx = dx / p;
        out[i] = adx;
      }
    }
  }
  s[PREV_HIGH] = prevHigh;
  s[PREV_LOW] = prevLow;
  s[PREV_CLOSE] = prevClose;
  s[PLUS_DM] = plusDm;
  s[MINUS_DM] = minusDm;
  s[RANGE] = range;
  s[DX] = dx;
  s[ADX] = adx;
}
