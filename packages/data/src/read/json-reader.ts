/**
 * JSON and NDJSON readers: arrays of objects (keys matched like CSV headers), arrays of
 * arrays (like Binance klines), objects wrapping such an array (`{"data": [...]}`), and
 * column objects (`{"t": [...], "o": [...], ...}` as TradingView's UDF feeds send).
 */
import { lastNumberWasBad, parseNumberText } from './byte-number.js';
import { LINE_END } from './format-detection.js';
import { completePrefix, earlyEnd, type Row, rowsOf } from './json-document.js';
import { planFromRecords } from './layout-detection.js';
import { excerpt, readError } from './read-errors.js';
import { type ParseState, ROLE_CLOCK, ROLE_DATE, ROLE_TIME } from './read-plan.js';
import { createState, finishResult } from './read-session.js';
import type { ReadOptions, ReadResult } from './read-types.js';
import { reportProblem } from './row-problems.js';
import {
  lastZoneOffset,
  parseCalendarBytes,
  parseClockBytes,
  parseCompactClockBytes,
  parseEpochBytes,
} from './timestamp-parser.js';

const SAMPLE_ROWS = 200;
const encoder = new TextEncoder();

function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function keysOf(rows: readonly Row[]): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const row of rows.slice(0, 50)) {
    if (Array.isArray(row)) continue;
    for (const k of Object.keys(row)) {
      if (!seen.has(k)) {
        seen.add(k);
        keys.push(k);
      }
    }
  }
  return keys;
}

/**
 * Returns epoch microseconds of a JSON number, truncated below the microsecond exactly as the
 * same digits in text are: the number is read back from its shortest decimal form.
 */
function timeFromNumber(value: number, st: ParseState): number {
  const exponent = st.plan.epochExponent;
  const text = String(value);
  if (!/e/i.test(text)) {
    const bytes = encoder.encode(text);
    return parseEpochBytes(bytes, 0, bytes.length, exponent);
  }
  // Exponent notation (beyond 1e21 or below 1e-6): scale as a number, then truncate.
  return Math.trunc(exponent <= 6 ? value * 10 ** (6 - exponent) : value / 10 ** (exponent - 6));
}

function timeFromText(text: string, role: number, st: ParseState): number {
  const bytes = encoder.encode(text);
  if (role === ROLE_CLOCK) {
    const width = st.plan.clockWidth;
    return width === 0
      ? parseClockBytes(bytes, 0, bytes.length)
      : parseCompactClockBytes(bytes, 0, bytes.length, width);
  }
  if (role === ROLE_TIME && st.plan.epoch) return parseEpochBytes(bytes, 0, bytes.length, st.plan.epochExponent);
  return parseCalendarBytes(bytes, 0, bytes.length, st.plan.dateOrder);
}

/** Adds one JSON row to the state's columns, or reports why it cannot. */
function addRow(st: ParseState, row: Row, keys: readonly string[], line: number): void {
  const plan = st.plan;
  st.rows++;
  if (typeof row !== 'object' || row === null) {
    reportProblem(st, 'wrong_field_count', line, `expected an object or array, got ${excerpt(toText(row))}`, false);
    return;
  }
  const out = st.out;
  out.reserve();
  const index = out.length;
  let local = Number.NaN;
  let offset = Number.NaN;
  let clock = 0;
  for (let f = 0; f < plan.fieldCount; f++) {
    const role = plan.roles[f]!;
    if (role === -1) continue;
    const value = Array.isArray(row) ? row[f] : row[keys[f]!];
    const name = plan.fieldNames[f];
    if (role >= 0) {
      let v: number;
      if (value === null || value === undefined) v = Number.NaN;
      else {
        // JSON.parse reads 1e999 as Infinity: as bad a price as the text "Infinity".
        let bad: boolean;
        if (typeof value === 'number') {
          v = value;
          bad = !Number.isFinite(v);
        } else {
          v = parseNumberText(toText(value));
          bad = lastNumberWasBad() || typeof value !== 'string';
        }
        if (bad) {
          reportProblem(
            st,
            'bad_number',
            line,
            `expected a number in column ${name}, got ${excerpt(typeof value === 'number' ? String(value) : JSON.stringify(value))}`,
            false,
          );
          return;
        }
      }
      out.numeric[role]![index] = v;
      continue;
    }
    let t: number;
    if (typeof value === 'number' && plan.epoch && role === ROLE_TIME) {
      t = timeFromNumber(value, st);
      offset = 0;
    } else {
      t = timeFromText(toText(value), role, st);
      offset = role === ROLE_CLOCK ? offset : lastZoneOffset();
    }
    if (Number.isNaN(t)) {
      reportProblem(
        st,
        'bad_timestamp',
        line,
        `expected a timestamp in column ${name}, got ${excerpt(JSON.stringify(value) ?? 'nothing')}`,
        false,
      );
      return;
    }
    if (role === ROLE_CLOCK) clock = t;
    else if (role === ROLE_TIME || role === ROLE_DATE) local = t;
  }
  local += clock;
  out.time[index] = !Number.isNaN(offset) ? local : st.converter.convert(local);
  for (const k of plan.absent) out.numeric[k]![index] = Number.NaN;
  const copies = plan.copies;
  for (let k = 0; k < copies.length; k += 2) out.numeric[copies[k + 1]!]![index] = out.numeric[copies[k]!]![index]!;
  out.length = index + 1;
}

interface LineFailure {
  line: number;
  message: string;
  last: boolean;
}

/** Parses NDJSON lines; bad lines throw unless `collect`, and a cut last line is dropped when `sample`. */
function parseLines(
  text: string,
  collect: boolean,
  sample: boolean,
  file?: string,
): { rows: Row[]; lines: number[]; failures: LineFailure[] } {
  const rows: Row[] = [];
  const lines: number[] = [];
  const failures: LineFailure[] = [];
  const parts = text.split(LINE_END);
  for (let i = 0; i < parts.length; i++) {
    const line = parts[i]!.trim();
    if (line === '') continue;
    try {
      rows.push(JSON.parse(line) as Row);
      lines.push(i + 1);
    } catch (cause) {
      const last = parts.slice(i + 1).every((p) => p.trim() === '');
      if (sample && last) break;
      const message = `expected one JSON value per line, got ${excerpt(line)}`;
      if (!collect) {
        throw readError(
          last ? 'FILE_TRUNCATED' : 'PARSE_ERROR',
          last ? `input ends inside a row: ${message}` : message,
          file,
          i + 1,
          cause,
        );
      }
      failures.push({ line: i + 1, message, last });
    }
  }
  return { rows, lines, failures };
}

/**
 * Returns the parsed JSON document. A document that ends with a string, array or object still
 * open is FILE_TRUNCATED, any other invalid one PARSE_ERROR; a cut-off detection sample
 * (`sample`) is read up to its last complete row instead.
 */
function parseDocument(text: string, sample: boolean, file?: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const early = earlyEnd(text);
    if (early === undefined) throw readError('PARSE_ERROR', `invalid JSON: ${message}`, file, undefined, cause);
    const prefix = sample ? completePrefix(text) : undefined;
    if (prefix !== undefined) {
      try {
        return JSON.parse(prefix);
      } catch {
        // Not repairable: report the cut itself.
      }
    }
    throw readError('FILE_TRUNCATED', `the JSON document ends early, ${early}`, file, undefined, cause);
  }
}

/**
 * Returns the bars of a JSON document or NDJSON text. With `layoutOnly`, only the layout is
 * meaningful (used by detection on a sample).
 */
export function parseJsonText(
  text: string,
  format: 'json' | 'ndjson',
  options: ReadOptions,
  file: string | undefined,
  bytes: number,
  layoutOnly = false,
): ReadResult {
  if (text.trim() === '') throw readError('FILE_EMPTY', 'the input is empty', file);
  let rows: Row[];
  let lines: number[] | undefined;
  let failures: LineFailure[] = [];
  if (format === 'json') {
    rows = rowsOf(parseDocument(text, layoutOnly, file), file);
  } else {
    ({ rows, lines, failures } = parseLines(text, options.onInvalid === 'collect', layoutOnly, file));
  }
  const objects = rows.length > 0 && !Array.isArray(rows[0]);
  const keys = objects ? keysOf(rows) : [];
  const sample = rows.slice(0, SAMPLE_ROWS).map((row) => {
    if (Array.isArray(row)) return row.map(toText);
    return keys.map((k) => toText((row as Record<string, unknown>)[k]));
  });
  const records = objects ? [keys, ...sample] : sample;
  if (rows.length === 0) throw readError('FILE_EMPTY', 'the input holds no bars', file);
  const plan = planFromRecords({ format, header: objects, records, options: { ...options, header: objects }, file });
  const st = createState(plan, options, file, layoutOnly ? 0 : rows.length);
  if (!layoutOnly) {
    for (const failure of failures) {
      st.rows++;
      reportProblem(
        st,
        failure.last ? 'unterminated_quote' : 'wrong_field_count',
        failure.line,
        failure.message,
        failure.last,
      );
    }
    for (let i = 0; i < rows.length; i++) addRow(st, rows[i]!, keys, lines ? lines[i]! : i + 1);
    st.problems.sort((a, b) => a.line - b.line);
  } else {
    st.rows = rows.length;
  }
  return finishResult(st, bytes, options);
}
