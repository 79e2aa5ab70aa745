import { trueRange } from '../volatility/true-range.js';
import { isNearZero } from './near-zero.js';

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
  if (kind <= MINUS_DI_KIND) {
    const plusSide = kind === PLUS_DM_KIND || kind === PLUS_DI_KIND;
    computeOneSided(plusSide, kind >= PLUS_DI_KIND, high, low, close, timeperiod, out);
  } else {
    computeDxAdx(kind === ADX_KIND, high, low, close, timeperiod, out);
  }
}

// DM and DI follow one side of the movement only: half the smoothing work of DX and ADX.
// A move that does not count adds 0, which leaves the sum exactly as TA-Lib's skipped addition
// (for finite inputs).
function computeOneSided(
  plusSide: boolean,
  withRange: boolean,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  p: number,
  out: Float64Array,
): void {
  const n = high.length;
  let prevHigh = high[0];
  let prevLow = low[0];
  let prevClose = close[0];
  let dm = 0;
  let range = 0;
  for (let i = 1; i < p; i++) {
    const h = high[i];
    const l = low[i];
    const up = h - prevHigh;
    const down = prevLow - l;
    prevHigh = h;
    prevLow = l;
    dm += plusSide ? plusMove(up, down) : minusMove(up, down);
    if (withRange) {
      range += trueRange(h, l, prevClose);
      prevClose = close[i];
    }
  }
  if (!withRange && p > 1) out[p - 1] = dm;
  for (let i = p; i < n; i++) {
    const h = high[i];
    const l = low[i];
    const up = h - prevHigh;
    const down = prevLow - l;
    prevHigh = h;
    prevLow = l;
    dm -= dm / p;
    dm += plusSide ? plusMove(up, down) : minusMove(up, down);
    if (withRange) {
      range = range - range / p + trueRange(h, l, prevClose);
      prevClose = close[i];
      out[i] = diOf(dm, range, p);
    } else {
      out[i] = dm;
    }
  }
}

function computeDxAdx(
  average: boolean,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  p: number,
  out: Float64Array,
): void {
  const n = high.length;
  let prevHigh = high[0];
  let prevLow = low[0];
  let prevClose = close[0];
  let plusDm = 0;
  let minusDm = 0;
  let range = 0;
  for (let i = 1; i < p; i++) {
    const h = high[i];
    const l = low[i];
    const up = h - prevHigh;
    const down = prevLow - l;
    prevHigh = h;
    prevLow = l;
    minusDm += minusMove(up, down);
    plusDm += plusMove(up, down);
    range += trueRange(h, l, prevClose);
    prevClose = close[i];
  }
  const adxStart = 2 * p - 1;
  // The last valid DX for DX; the running DX sum during the ADX's warm-up.
  let dx = 0;
  let adx = 0;
  for (let i = p; i < n; i++) {
    const h = high[i];
    const l = low[i];
    const up = h - prevHigh;
    const down = prevLow - l;
    prevHigh = h;
    prevLow = l;
    minusDm -= minusDm / p;
    plusDm -= plusDm / p;
    minusDm += minusMove(up, down);
    plusDm += plusMove(up, down);
    range = range - range / p + trueRange(h, l, prevClose);
    prevClose = close[i];
    const next = dxOf(plusDm, minusDm, range);
    const valid = !Number.isNaN(next);
    if (!average) {
      if (valid) dx = next;
      out[i] = dx;
    } else if (i < adxStart) {
      if (valid) dx += next;
    } else if (i === adxStart) {
      if (valid) dx += next;
      adx = dx / p;
      out[i] = adx;
    } else {
      if (valid) adx = (adx * (p - 1) + next) / p;
      out[i] = adx;
    }
  }
}
