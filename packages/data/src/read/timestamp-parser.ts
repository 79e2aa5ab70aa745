/**
 * Timestamps read straight from UTF-8 bytes: calendar dates and times in the styles market
 * data vendors write, and epoch numbers in seconds, milliseconds, microseconds or
 * nanoseconds. Results are epoch microseconds; calendar times without a zone come back as
 * "local" microseconds (the wall time encoded as if it were UTC) for the caller to convert.
 */
import { daysFromCivil, daysInMonth, MICROS_PER_DAY } from '@alphintra/core';

/** Field order of dates whose year comes last (`01/02/2006`). */
export const DATE_ORDER_YEAR_FIRST = 0;
/** Month before day: `MM/DD/YYYY`. */
export const DATE_ORDER_MDY = 1;
/** Day before month: `DD/MM/YYYY`. */
export const DATE_ORDER_DMY = 2;

const HOUR = 3_600_000_000;
const MINUTE = 60_000_000;
const SECOND = 1_000_000;

// Side results of the last call, read by callers right after it (no allocation per field).
let zoneOffset = Number.NaN;
let hadTime = false;

/** Returns the UTC offset (µs) written in the last parsed timestamp, or NaN when it had none. */
export function lastZoneOffset(): number {
  return zoneOffset;
}

/** Returns true when the last calendar timestamp had a time of day. */
export function lastHadTime(): boolean {
  return hadTime;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/** Returns the time of day (µs) parsed from `[start, end)`; `state[0]` receives the end position. */
function clockAt(buf: Uint8Array, start: number, end: number, state: Int32Array): number {
  let i = start;
  let d: number;
  let hour = 0;
  let n = 0;
  while (i < end && (d = buf[i]! - 48) >= 0 && d <= 9) {
    hour = hour * 10 + d;
    i++;
    n++;
  }
  let minute = 0;
  let second = 0;
  if (n === 4 || n === 6) {
    // Compact HHMM or HHMMSS.
    const v = hour;
    if (n === 6) {
      hour = Math.floor(v / 10000);
      minute = Math.floor(v / 100) % 100;
      second = v % 100;
    } else {
      hour = Math.floor(v / 100);
      minute = v % 100;
    }
  } else {
    if (n < 1 || n > 2 || i >= end || buf[i] !== 58) return Number.NaN;
    i++;
    if (i + 2 > end) return Number.NaN;
    const m1 = buf[i]! - 48;
    const m2 = buf[i + 1]! - 48;
    if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9) return Number.NaN;
    minute = m1 * 10 + m2;
    i += 2;
    if (i < end && buf[i] === 58) {
      i++;
      if (i + 2 > end) return Number.NaN;
      const s1 = buf[i]! - 48;
      const s2 = buf[i + 1]! - 48;
      if (s1 < 0 || s1 > 9 || s2 < 0 || s2 > 9) return Number.NaN;
      second = s1 * 10 + s2;
      i += 2;
    }
  }
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  let micros = 0;
  if (i < end && (buf[i] === 46 || buf[i] === 44) && n !== 4) {
    i++;
    let scale = 100000;
    const fractionStart = i;
    while (i < end && (d = buf[i]! - 48) >= 0 && d <= 9) {
      // Digits beyond microseconds are truncated.
      micros += d * scale;
      scale = Math.floor(scale / 10);
      i++;
    }
    if (i === fractionStart) return Number.NaN;
  }
  state[0] = i;
  return hour * HOUR + minute * MINUTE + second * SECOND + micros;
}

const position = new Int32Array(1);

/**
 * Returns the time of day in microseconds written in `[start, end)` (`09:01`, `09:01:00`,
 * `09:01:00.146`, `0901`, `090100`), or NaN.
 */
export function parseClockBytes(buf: Uint8Array, start: number, end: number): number {
  while (start < end && isSpace(buf[start]!)) start++;
  while (end > start && isSpace(buf[end - 1]!)) end--;
  const micros = clockAt(buf, start, end, position);
  return !Number.isNaN(micros) && position[0] === end ? micros : Number.NaN;
}

/**
 * Returns the time of day in microseconds of a compact `HHMM` (`width` 4) or `HHMMSS` (6)
 * value in `[start, end)`, leading zeros optional (`930` is 09:30), or NaN.
 */
export function parseCompactClockBytes(buf: Uint8Array, start: number, end: number, width: 4 | 6): number {
  while (start < end && isSpace(buf[start]!)) start++;
  while (end > start && isSpace(buf[end - 1]!)) end--;
  if (end <= start || end - start > width) return Number.NaN;
  let v = 0;
  for (let i = start; i < end; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) return Number.NaN;
    v = v * 10 + d;
  }
  const second = width === 6 ? v % 100 : 0;
  const hhmm = width === 6 ? Math.floor(v / 100) : v;
  const hour = Math.floor(hhmm / 100);
  const minute = hhmm % 100;
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  return hour * HOUR + minute * MINUTE + second * SECOND;
}

function twoDigitsOrOne(buf: Uint8Array, i: number, end: number, state: Int32Array): number {
  let d: number;
  let v = 0;
  let n = 0;
  while (i < end && n < 3 && (d = buf[i]! - 48) >= 0 && d <= 9) {
    v = v * 10 + d;
    i++;
    n++;
  }
  state[0] = i;
  return n === 1 || n === 2 ? v : -1;
}

/**
 * Returns the calendar timestamp written in `[start, end)` as microseconds, or NaN.
 *
 * Accepts `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD`, `YYYYMMDD`, and `MM/DD/YYYY` or
 * `DD/MM/YYYY` (also with `-` or `.`) as told by `order`, optionally followed by `T` or
 * spaces and a time of day, then optionally by a zone (`Z`, `UTC`, `+hh:mm`, `+hhmm`, `+hh`).
 * A zoned result is UTC; a naive one is wall time for the caller to convert, and
 * {@link lastZoneOffset} tells which.
 */
export function parseCalendarBytes(buf: Uint8Array, start: number, end: number, order: number): number {
  zoneOffset = Number.NaN;
  hadTime = false;
  while (start < end && isSpace(buf[start]!)) start++;
  while (end > start && isSpace(buf[end - 1]!)) end--;
  let i = start;
  let d: number;
  let v = 0;
  let n = 0;
  while (i < end && (d = buf[i]! - 48) >= 0 && d <= 9) {
    v = v * 10 + d;
    i++;
    n++;
  }
  let year: number;
  let month: number;
  let day: number;
  if (n === 8) {
    year = Math.floor(v / 10000);
    month = Math.floor(v / 100) % 100;
    day = v % 100;
  } else if (n === 4 && i < end) {
    const sep = buf[i];
    if (sep !== 45 && sep !== 47 && sep !== 46) return Number.NaN;
    year = v;
    month = twoDigitsOrOne(buf, i + 1, end, position);
    i = position[0]!;
    if (buf[i] !== sep || i >= end) return Number.NaN;
    day = twoDigitsOrOne(buf, i + 1, end, position);
    i = position[0]!;
  } else if ((n === 1 || n === 2) && i < end) {
    const sep = buf[i];
    if ((sep !== 47 && sep !== 45 && sep !== 46) || order === DATE_ORDER_YEAR_FIRST) return Number.NaN;
    const second = twoDigitsOrOne(buf, i + 1, end, position);
    i = position[0]!;
    if (buf[i] !== sep || i >= end) return Number.NaN;
    i++;
    year = 0;
    const yearStart = i;
    while (i < end && (d = buf[i]! - 48) >= 0 && d <= 9) {
      year = year * 10 + d;
      i++;
    }
    if (i - yearStart !== 4) return Number.NaN;
    if (order === DATE_ORDER_MDY) {
      month = v;
      day = second;
    } else {
      day = v;
      month = second;
    }
  } else {
    return Number.NaN;
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  let micros = daysFromCivil(year, month, day) * MICROS_PER_DAY;
  if (i === end) return micros;
  // Time of day after 'T' or spaces.
  const c = buf[i];
  if (c === 84 || c === 116) {
    i++;
  } else if (isSpace(c!)) {
    while (i < end && isSpace(buf[i]!)) i++;
  } else {
    return Number.NaN;
  }
  const clock = clockAt(buf, i, end, position);
  if (Number.isNaN(clock)) return Number.NaN;
  hadTime = true;
  micros += clock;
  i = position[0]!;
  if (i === end) return micros;
  while (i < end && buf[i] === 32) i++;
  const z = buf[i]!;
  if ((z === 90 || z === 122) && i + 1 === end) {
    zoneOffset = 0;
    return micros;
  }
  if (z === 43 || z === 45) {
    const sign = z === 45 ? -1 : 1;
    let digits = 0;
    let hours = 0;
    let minutes = 0;
    i++;
    while (i < end) {
      const b = buf[i]!;
      if (b === 58 && digits === 2) {
        i++;
        continue;
      }
      d = b - 48;
      if (d < 0 || d > 9) return Number.NaN;
      if (digits < 2) hours = hours * 10 + d;
      else minutes = minutes * 10 + d;
      digits++;
      i++;
    }
    if ((digits !== 2 && digits !== 4) || hours > 18 || minutes > 59) return Number.NaN;
    zoneOffset = sign * (hours * HOUR + minutes * MINUTE);
    return micros - zoneOffset;
  }
  // A trailing UTC or GMT.
  if (end - i === 3) {
    const a = buf[i]! | 0x20;
    const b = buf[i + 1]! | 0x20;
    const e = buf[i + 2]! | 0x20;
    if ((a === 117 && b === 116 && e === 99) || (a === 103 && b === 109 && e === 116)) {
      zoneOffset = 0;
      return micros;
    }
  }
  return Number.NaN;
}

/** Epoch unit as the power of ten below one second: s 0, ms 3, µs 6, ns 9. */
export type EpochExponent = 0 | 3 | 6 | 9;

/** Returns the epoch unit exponent that a magnitude suggests (1.7e9 s, 1.7e12 ms, 1.7e15 µs, 1.7e18 ns). */
export function epochExponentForMagnitude(value: number): EpochExponent {
  const a = Math.abs(value);
  if (a < 1e11) return 0;
  if (a < 1e14) return 3;
  if (a < 1e17) return 6;
  return 9;
}

/**
 * Returns epoch microseconds from the epoch number in `[start, end)` written in the unit
 * `exponent`, or NaN. Digits below a microsecond are truncated; nanosecond integers beyond
 * 2^53 stay exact because their last three digits are dropped before conversion.
 */
export function parseEpochBytes(buf: Uint8Array, start: number, end: number, exponent: EpochExponent): number {
  zoneOffset = 0;
  while (start < end && isSpace(buf[start]!)) start++;
  while (end > start && isSpace(buf[end - 1]!)) end--;
  let i = start;
  let negative = false;
  if (buf[i] === 45) {
    negative = true;
    i++;
  }
  const digitsStart = i;
  let d: number;
  while (i < end && (d = buf[i]! - 48) >= 0 && d <= 9) i++;
  const intEnd = i;
  if (intEnd === digitsStart) return Number.NaN;
  // Integer part in µs: drop digits below a microsecond, scale the rest up.
  const drop = exponent > 6 ? exponent - 6 : 0;
  let whole = 0;
  for (let k = digitsStart; k < intEnd - drop; k++) whole = whole * 10 + (buf[k]! - 48);
  let micros = whole * 10 ** (exponent < 6 ? 6 - exponent : 0);
  if (i < end && buf[i] === 46) {
    i++;
    let scale = exponent < 6 ? 10 ** (5 - exponent) : 0;
    while (i < end && (d = buf[i]! - 48) >= 0 && d <= 9) {
      micros += d * scale;
      scale = Math.floor(scale / 10);
      i++;
    }
  }
  if (i !== end) return Number.NaN;
  return negative ? -micros : micros;
}
