/**
 * JSON and NDJSON readers: arrays of objects (keys matched like CSV headers), arrays of
 * arrays (like Binance klines), objects wrapping such an array (`{"data": [...]}`), and
 * column objects (`{"t": [...], "o": [...], ...}` as TradingView's UDF feeds send).
 */
import { lastNumberWasBad, parseNumberText } from './byte-number.js';
import { CLOSE, HIGH, LOW, OPEN } from './column-builder.js';
import { planFromRecords } from './layout-detection.js';
import { excerpt, readError } from './read-errors.js';
import { type ParseState, ROLE_CLOCK, ROLE_DATE, ROLE_TIME } from './read-plan.js';
import { createState, finishResult } from './read-session.js';
import type { ReadOptions, ReadResult } from './read-types.js';
import { reportProblem } from './row-problems.js';
import { lastZoneOffset, parseCalendarBytes, parseClockBytes, parseEpochBytes } from './timestamp-parser.js';

const SAMPLE_ROWS = 200;
const encoder = new TextEncoder();

type Row = unknown[] | Record<string, unknown>;

function isRowList(value: unknown): value is Row[] {
  return Array.isArray(value) && (value.length === 0 || (typeof value[0] === 'object' && value[0] !== null));
}

/** Returns the rows inside a parsed JSON document, unwrapping `{data: [...]}` and column objects. */
function rowsOf(doc: unknown, file?: string): Row[] {
  if (isRowList(doc)) return doc;
  if (typeof doc === 'object' && doc !== null) {
    const entries = Object.entries(doc as Record<string, unknown>);
    const columns = entries.filter(([, v]) => Array.isArray(v) && !isRowList(v));
    const t = columns.find(([k]) => ['t', 'time', 'timestamp', 'date'].includes(k.toLowerCase()));
    if (t !== undefined && columns.length >= 2) {
      const n = (t[1] as unknown[]).length;
      const same = columns.filter(([, v]) => (v as unknown[]).length === n);
      const rows: Row[] = [];
      for (let i = 0; i < n; i++) {
        const row: Record<string, unknown> = {};
        for (const [k, v] of same) row[k] = (v as unknown[])[i];
        rows.push(row);
      }
      return rows;
    }
    for (const [, v] of entries) if (isRowList(v) && v.length > 0) return v;
    for (const [, v] of entries) {
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
        for (const inner of Object.values(v)) if (isRowList(inner) && inner.length > 0) return inner;
      }
    }
  }
  throw readError('UNKNOWN_FORMAT', 'found no array of bars in the JSON document', file);
}

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

function timeFromNumber(value: number, st: ParseState): number {
  const exponent = st.plan.epochExponent;
  return exponent <= 6 ? Math.round(value * 10 ** (6 - exponent)) : Math.floor(value / 1000);
}

function timeFromText(text: string, role: number, st: ParseState): number {
  const bytes = encoder.encode(text);
  if (role === ROLE_CLOCK) return parseClockBytes(bytes, 0, bytes.length);
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
      if (typeof value === 'number') v = value;
      else if (value === null || value === undefined) v = Number.NaN;
      else {
        v = parseNumberText(toText(value));
        if (lastNumberWasBad() || typeof value !== 'string') {
          reportProblem(
            st,
            'bad_number',
            line,
            `expected a number in column ${name}, got ${excerpt(JSON.stringify(value))}`,
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
  if (plan.fillFromClose) {
    const close = out.numeric[CLOSE]![index]!;
    out.numeric[OPEN]![index] = close;
    out.numeric[HIGH]![index] = close;
    out.numeric[LOW]![index] = close;
  }
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
  const parts = text.split('\n');
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
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      const code = /end of (JSON )?input|Unterminated/i.test(message) ? 'FILE_TRUNCATED' : 'PARSE_ERROR';
      throw readError(code, `invalid JSON: ${message}`, file, undefined, cause);
    }
    rows = rowsOf(doc, file);
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
