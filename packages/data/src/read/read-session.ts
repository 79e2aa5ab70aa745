/**
 * The pieces every reader shares: decoding and checking the first chunk, the parse state,
 * and the final result.
 */
import { TimeZone } from '@alphintra/core';
import { ColumnBuilder } from './column-builder.js';
import { LocalTimeConverter } from './local-time.js';
import { readError } from './read-errors.js';
import type { ParseState, ReadPlan } from './read-plan.js';
import type { ReadOptions, ReadResult } from './read-types.js';

/** Bytes of the first chunk used for detection. */
export const SAMPLE_BYTES = 64 * 1024;

/** Returns the number of bytes of a UTF-8 byte-order mark at `bytes[0]`, 0 or 3. */
export function bomLength(bytes: Uint8Array): number {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/** Returns the number of line ends (LF, CRLF or a lone CR) in `bytes[start, end)`. */
export function countLineEnds(bytes: Uint8Array, start: number, end: number): number {
  let lines = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b === 10 || (b === 13 && (i + 1 >= bytes.length || bytes[i + 1] !== 10))) lines++;
  }
  return lines;
}

/**
 * Throws FILE_BINARY when `bytes[start, end)` holds a NUL byte, naming its line: `firstLine`
 * is the line of `bytes[lineStart]`, from where lines are counted (`lineStart` ≤ `start`).
 * One `indexOf` per call, so checking every chunk costs next to nothing.
 */
export function checkNoNul(
  bytes: Uint8Array,
  start: number,
  end: number,
  lineStart: number,
  firstLine: number,
  file?: string,
): void {
  const at = bytes.subarray(start, end).indexOf(0);
  if (at < 0) return;
  const line = firstLine + countLineEnds(bytes, lineStart, start + at);
  throw readError('FILE_BINARY', `line ${line} holds a NUL byte: the input is binary, not text`, file, line);
}

/**
 * Returns `bytes` decoded as UTF-8, throwing FILE_BINARY for NUL bytes or invalid UTF-8.
 * When `partial`, a multi-byte character cut at the end is dropped rather than rejected.
 */
export function decodeSample(bytes: Uint8Array, partial: boolean, file?: string): string {
  checkNoNul(bytes, 0, bytes.length, 0, 1, file);
  let end = bytes.length;
  if (partial) {
    // Step back over continuation bytes to the start of the last character.
    let k = end - 1;
    while (k >= 0 && end - k <= 4 && (bytes[k]! & 0xc0) === 0x80) k--;
    if (k >= 0 && bytes[k]! >= 0xc0) end = k;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
  } catch (cause) {
    throw readError('FILE_BINARY', 'the input is not UTF-8 text', file, undefined, cause);
  }
}

/** Returns a rough row count for `totalBytes` from the sample's bytes per line. */
export function estimateRows(sample: Uint8Array, totalBytes: number): number {
  const lines = countLineEnds(sample, 0, sample.length);
  const perRow = lines > 0 ? sample.length / lines : sample.length || 1;
  return Math.min(Math.ceil((totalBytes / perRow) * 1.02) + 16, 1 << 27);
}

/** Returns a fresh parse state for `plan`. */
export function createState(
  plan: ReadPlan,
  options: ReadOptions,
  file: string | undefined,
  capacity: number,
): ParseState {
  const collect = options.onInvalid === 'collect';
  if (options.onInvalid !== undefined && !collect && options.onInvalid !== 'error') {
    throw readError('INVALID_ARGUMENT', `expected onInvalid 'error' or 'collect', got "${options.onInvalid}"`, file);
  }
  return {
    plan,
    out: new ColumnBuilder(capacity, plan.extraNames),
    converter: new LocalTimeConverter(TimeZone.of(options.timeZone ?? 'UTC')),
    file,
    collect,
    maxProblems: options.maxProblems ?? 1000,
    problems: [],
    problemCount: 0,
    line: 1,
    rows: 0,
    truncated: false,
    scratch: new Uint8Array(256),
  };
}

/** Throws FILE_TOO_LARGE when `size` exceeds `options.maxBytes`. */
export function checkSize(size: number, options: ReadOptions, file?: string): void {
  if (options.maxBytes !== undefined && size > options.maxBytes) {
    throw readError('FILE_TOO_LARGE', `the input has ${size} bytes, more than the limit of ${options.maxBytes}`, file);
  }
}

/** Throws FILE_EMPTY when a read found no data rows at all. */
export function checkNotEmpty(st: ParseState): void {
  if (st.rows === 0) {
    const what = st.plan.header ? 'a header but no data rows' : 'no data rows';
    throw readError('FILE_EMPTY', `the input holds ${what}`, st.file);
  }
}

/** Returns the result of a finished read. */
export function finishResult(st: ParseState, bytes: number, options: ReadOptions): ReadResult {
  checkNotEmpty(st);
  const result: ReadResult = {
    series: st.out.toSeries(options.symbol === undefined ? {} : { symbol: options.symbol }),
    layout: st.plan.layout,
    problems: st.problems,
    problemCount: st.problemCount,
    rows: st.rows,
    bytes,
    complete: !st.truncated,
  };
  if (st.file !== undefined) result.file = st.file;
  return result;
}
