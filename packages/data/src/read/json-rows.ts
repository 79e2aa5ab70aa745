/**
 * Turning parsed JSON rows into columns: the text form of a JSON value for detection, the keys
 * of object rows, and one row's values and timestamp written into the parse state.
 */
import { lastNumberWasBad, parseNumberText } from './byte-number.js';
import type { Row } from './json-document.js';
import { planFromRecords } from './layout-detection.js';
import { excerpt, readError } from './read-errors.js';
import { type ParseState, type ReadPlan, ROLE_CLOCK, ROLE_DATE, ROLE_TIME } from './read-plan.js';
import type { ReadOptions } from './read-types.js';
import { reportProblem } from './row-problems.js';
import {
  lastZoneOffset,
  parseCalendarBytes,
  parseClockBytes,
  parseCompactClockBytes,
  parseEpochBytes,
} from './timestamp-parser.js';

/** Rows that detection looks at. */
export const SAMPLE_ROWS = 200;
const encoder = new TextEncoder();

/** Returns the text detection sees for a JSON value. */
export function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Returns the keys of the object rows among the first 50, in first-seen order. */
export function keysOf(rows: readonly Row[]): string[] {
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
  // A safe integer in seconds to microseconds is what its digits give, scaled by one exact
  // multiplication, so its text need not be made (-0 reads as 0, as the text "0" does).
  if (exponent <= 6 && Number.isSafeInteger(value)) return value === 0 ? 0 : value * 10 ** (6 - exponent);
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
export function addRow(st: ParseState, row: Row, keys: readonly string[], line: number): void {
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

/**
 * Returns the plan detection makes from the first rows of a JSON or NDJSON input (object
 * keys as a header, values as their text), and the keys of object rows; throws FILE_EMPTY
 * when there are no rows.
 */
export function planFromRows(
  rows: readonly Row[],
  format: 'json' | 'ndjson',
  options: ReadOptions,
  file: string | undefined,
): { plan: ReadPlan; keys: string[] } {
  if (rows.length === 0) throw readError('FILE_EMPTY', 'the input holds no bars', file);
  const objects = !Array.isArray(rows[0]);
  const keys = objects ? keysOf(rows) : [];
  const sample = rows.slice(0, SAMPLE_ROWS).map((row) => {
    if (Array.isArray(row)) return row.map(toText);
    return keys.map((k) => toText((row as Record<string, unknown>)[k]));
  });
  const records = objects ? [keys, ...sample] : sample;
  const plan = planFromRecords({ format, header: objects, records, options: { ...options, header: objects }, file });
  return { plan, keys };
}
