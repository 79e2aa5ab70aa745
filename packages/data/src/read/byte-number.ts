/**
 * Decimal numbers read straight from UTF-8 bytes, without creating a string per field.
 *
 * The fast path accumulates the digits of `[-+]digits[.digits]` as an integer mantissa. When
 * that mantissa is at most 2^53 and there are at most 22 fractional digits, both the mantissa
 * and the power of ten are exact doubles, so one IEEE division rounds the exact decimal value
 * correctly: the result equals `Number(text)` bit for bit. Anything else (exponents, more
 * digits, spaces, `Infinity`) falls back to `Number(text)` itself; infinite results are bad numbers.
 */

const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
  1e21, 1e22,
];
const MAX_EXACT = 9007199254740992;

// Set by the parse functions: callers check it right after a call (no allocation per field).
let bad = false;

/** Returns true when the last `parseNumberBytes`/`parseNumberText` call met a non-number. */
export function lastNumberWasBad(): boolean {
  return bad;
}

const MISSING = new Set(['', 'nan', 'null', 'na', 'n/a', '-', 'none']);

/** Returns true when `text` (trimmed) is one of the tokens that mean "no value". */
export function isMissingToken(text: string): boolean {
  return MISSING.has(text.trim().toLowerCase());
}

/**
 * Returns the number written in `text` exactly as `Number(text)` would, NaN for missing
 * values (empty, `NaN`, `null`, `NA`, `N/A`, `-`), and NaN with {@link lastNumberWasBad}
 * set for anything else that is not a finite number (`Infinity`, `1e999`, `0x10`, `abc`).
 */
export function parseNumberText(text: string): number {
  bad = false;
  const trimmed = text.trim();
  if (trimmed === '') return Number.NaN;
  const value = Number(trimmed);
  if (Number.isFinite(value)) {
    // Number() also reads hex, octal and binary literals; prices never use them.
    const second = trimmed.charCodeAt(1) | 0x20;
    if (trimmed.charCodeAt(0) === 48 && (second === 120 || second === 111 || second === 98)) {
      bad = true;
      return Number.NaN;
    }
    return value;
  }
  if (!MISSING.has(trimmed.toLowerCase())) bad = true;
  return Number.NaN;
}

const decoder = new TextDecoder();

function slowNumber(buf: Uint8Array, start: number, end: number): number {
  let ascii = true;
  for (let i = start; i < end; i++) if (buf[i]! > 127) ascii = false;
  let text: string;
  if (ascii && end - start < 64) {
    text = String.fromCharCode.apply(null, buf.subarray(start, end) as unknown as number[]);
  } else {
    text = decoder.decode(buf.subarray(start, end));
  }
  return parseNumberText(text);
}

/**
 * Returns the number written in bytes `[start, end)` of `buf`, with the same results and
 * missing-value rules as {@link parseNumberText}.
 *
 * @example
 * parseNumberBytes(new TextEncoder().encode('3602.25'), 0, 7); // 3602.25
 */
export function parseNumberBytes(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  if (i >= end) {
    bad = false;
    return Number.NaN;
  }
  const c = buf[i]!;
  let negative = false;
  if (c === 45) {
    negative = true;
    i++;
  } else if (c === 43) {
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let d: number;
  while (i < end && (d = buf[i]! - 48) >= 0 && d <= 9) {
    mantissa = mantissa * 10 + d;
    i++;
    digits++;
  }
  let fraction = 0;
  if (i < end && buf[i] === 46) {
    i++;
    while (i < end && (d = buf[i]! - 48) >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      i++;
      fraction++;
    }
    digits += fraction;
  }
  // The mantissa only grows, so if it ends at or below 2^53 every step was exact.
  if (i === end && digits > 0 && mantissa <= MAX_EXACT && fraction <= 22) {
    bad = false;
    const value = fraction === 0 ? mantissa : mantissa / POW10[fraction]!;
    return negative ? -value : value;
  }
  return slowNumber(buf, start, end);
}

let scanStop = 0;

/** Returns where the last {@link scanNumberField} call stopped: the field's terminator or `end`. */
export function lastScanEnd(): number {
  return scanStop;
}

/**
 * Parses the unquoted field starting at `start` while scanning for its end (the delimiter,
 * CR, LF or `end`), so that plain numbers are read in one pass. Returns the same value as
 * {@link parseNumberBytes} on the whole field; {@link lastScanEnd} gives the field's end.
 */
export function scanNumberField(buf: Uint8Array, start: number, end: number, delimiter: number): number {
  let i = start;
  let c = i < end ? buf[i]! : -1;
  let negative = false;
  if (c === 45) {
    negative = true;
    c = ++i < end ? buf[i]! : -1;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = 0;
  while (c >= 48 && c <= 57) {
    mantissa = mantissa * 10 + (c - 48);
    digits++;
    c = ++i < end ? buf[i]! : -1;
  }
  if (c === 46) {
    c = ++i < end ? buf[i]! : -1;
    while (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      fraction++;
      c = ++i < end ? buf[i]! : -1;
    }
    digits += fraction;
  }
  if ((c === delimiter || c === 10 || c === 13 || c === -1) && digits > 0 && mantissa <= MAX_EXACT && fraction <= 22) {
    scanStop = i;
    bad = false;
    const value = fraction === 0 ? mantissa : mantissa / POW10[fraction]!;
    return negative ? -value : value;
  }
  while (i < end && (c = buf[i]!) !== delimiter && c !== 10 && c !== 13) i++;
  scanStop = i;
  return parseNumberBytes(buf, start, i);
}
