/**
 * Layout detection: format, delimiter, header, column mapping and timestamp style, decided
 * from a text sample (the first chunk of a file) and the caller's overrides.
 */

import { FIRST_EXTRA, OPEN, VOLUME } from './column-builder.js';
import { explicitMapping, type FieldMapping, headerlessMapping, headerMapping } from './column-mapping.js';
import { normalizeName } from './column-names.js';
import { readError } from './read-errors.js';
import { type ReadPlan, ROLE_CLOCK, ROLE_DATE, ROLE_SKIP, ROLE_TIME } from './read-plan.js';
import type { ColumnMapping, DetectedLayout, ReadOptions } from './read-types.js';
import { detectDelimiter, splitRecords } from './sample-records.js';
import {
  DATE_ORDER_DMY,
  DATE_ORDER_MDY,
  DATE_ORDER_YEAR_FIRST,
  type EpochExponent,
  epochExponentForMagnitude,
} from './timestamp-parser.js';
import { type ColumnKind, classifyColumn, valueKind } from './value-kinds.js';

const UNIT_EXPONENT: Record<string, EpochExponent> = { s: 0, ms: 3, us: 6, ns: 9 };
const UNIT_NAME = ['s', '', '', 'ms', '', '', 'µs', '', '', 'ns'];
const SAMPLE_ROWS = 200;

/** Returns the format of a sample: JSON when it starts with `[` or `{`, NDJSON for one object per line. */
export function detectFormat(sample: string, options: ReadOptions, file?: string): 'csv' | 'json' | 'ndjson' {
  if (options.format !== undefined && options.format !== 'auto') return options.format;
  const text = sample.replace(/^\uFEFF/, '').trimStart();
  const lower = file?.toLowerCase() ?? '';
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) {
    if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
    const lines = text.split('\n', 3).map((l) => l.trim());
    if (lines.length > 1 && lines[0]!.endsWith('}') && lines[1]!.startsWith('{')) {
      try {
        JSON.parse(lines[0]!);
        return 'ndjson';
      } catch {
        return 'json';
      }
    }
    return 'json';
  }
  return 'csv';
}

/** Returns the delimiter the caller named (`tab` and `\t` mean a tab). */
function delimiterOption(value: string): string {
  if (value === 'tab' || value === '\\t') return '\t';
  if (value === 'space') return ' ';
  if (value.length !== 1) throw readError('INVALID_ARGUMENT', `expected a one-character delimiter, got "${value}"`);
  return value;
}

function modeLength(records: readonly string[][]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const r of records) {
    const c = (counts.get(r.length) ?? 0) + 1;
    counts.set(r.length, c);
    if (c > bestCount) {
      best = r.length;
      bestCount = c;
    }
  }
  return best;
}

function detectHeader(records: readonly string[][]): boolean {
  const first = records[0]!;
  const data = records.slice(1, 40);
  if (data.length === 0) return first.some((v) => valueKind(v) === 'text');
  return first.some((value, i) => {
    if (valueKind(value) !== 'text') return false;
    // Count the field as a name when data rows do not hold text there (shifted headers included).
    const column = data.map((r) => r[i] ?? '');
    return classifyColumn(column).kind !== 'text';
  });
}

function dateOrderOption(pattern: string): number {
  const p = pattern.toUpperCase();
  const y = p.indexOf('Y');
  const m = p.indexOf('M');
  const d = p.indexOf('D');
  if (y < 0 || m < 0 || d < 0) {
    throw readError('INVALID_ARGUMENT', `expected a date format such as DD/MM/YYYY, got "${pattern}"`);
  }
  if (y < m && y < d) return DATE_ORDER_YEAR_FIRST;
  return m < d ? DATE_ORDER_MDY : DATE_ORDER_DMY;
}

function dateOrder(kind: ColumnKind, column: string, options: ReadOptions, file?: string): number {
  if (options.dateFormat !== undefined) return dateOrderOption(options.dateFormat);
  const orders = kind.orders;
  if ((orders & 4) !== 0) return DATE_ORDER_YEAR_FIRST;
  if (orders === 1) return DATE_ORDER_MDY;
  if (orders === 2) return DATE_ORDER_DMY;
  if (orders === 3) {
    throw readError(
      'BAD_TIMESTAMP',
      `ambiguous dates such as "${kind.example}" in column ${column}: pass dateFormat 'MM/DD/YYYY' or 'DD/MM/YYYY'`,
      file,
    );
  }
  throw readError('BAD_TIMESTAMP', `dates in column ${column} fit neither MM/DD/YYYY nor DD/MM/YYYY throughout`, file);
}

function vendorOf(names: readonly string[], mapping: FieldMapping, kinds: readonly ColumnKind[]): string | undefined {
  if (mapping.vendor !== undefined) return mapping.vendor;
  const normalized = names.map(normalizeName);
  const joined = normalized.join(',');
  if (joined === 'date,open,high,low,close,adj close,volume') return 'yahoo';
  if (names.some((n) => /^<.*>$/.test(n.trim()))) return 'metatrader';
  if (normalized.includes('open time') && normalized.includes('close time')) return 'binance-klines';
  if (normalized.includes('openinterest') || normalized.includes('open interest')) return 'backtrader';
  if (names[0] === 'time' && ['open', 'high', 'low', 'close'].every((n) => names.includes(n))) {
    const k = kinds[0]?.kind;
    if (k === 'number' || k === 'datetime') return 'tradingview';
  }
  return undefined;
}

/** Input to {@link planFromRecords}: sample records split into fields. */
export interface PlanInput {
  format: 'csv' | 'json' | 'ndjson';
  delimiter?: string;
  /** Whether the first record names the columns (undefined: detect). */
  header: boolean | undefined;
  records: string[][];
  options: ReadOptions;
  file?: string;
}

/** Returns the read plan for sample records (shared by the delimited and JSON readers). */
export function planFromRecords(input: PlanInput): ReadPlan {
  const { records, options, file } = input;
  if (records.length === 0) throw readError('FILE_EMPTY', 'the input holds no data rows', file);
  const header = input.header ?? detectHeader(records);
  const data = (header ? records.slice(1) : records).slice(0, SAMPLE_ROWS);
  if (header && data.length === 0) {
    throw readError('FILE_EMPTY', `the input holds a header (${records[0]!.join(', ')}) but no data rows`, file);
  }
  const fieldCount = modeLength(data);
  const rows = data.filter((r) => r.length === fieldCount);
  const kinds: ColumnKind[] = [];
  for (let i = 0; i < fieldCount; i++) kinds.push(classifyColumn(rows.map((r) => r[i]!)));
  let names: string[];
  let shifted = false;
  let mapping: FieldMapping;
  if (header) {
    names = records[0]!.map((n) => n.trim());
    if (names.length === fieldCount - 1 && kinds[0]?.kind === 'date' && kinds[1]?.kind === 'clock') {
      // One header name ("Date") over two fields: date and time of day.
      names.splice(1, 0, 'Time');
      shifted = true;
    }
    while (names.length < fieldCount) names.push(`column${names.length + 1}`);
    names.length = fieldCount;
    mapping = options.mapping ? explicitMapping(options.mapping, names, file) : headerMapping(names, kinds, file);
    if (shifted && options.mapping === undefined) {
      mapping.time = -1;
      mapping.date = 0;
      mapping.clock = 1;
    }
  } else if (options.mapping) {
    names = kinds.map((_, i) => `column${i + 1}`);
    mapping = explicitMapping(options.mapping, names, file);
  } else {
    const found = headerlessMapping(kinds, rows[0] ?? [], file);
    names = found.names;
    mapping = found.mapping;
  }
  if (mapping.close < 0) {
    throw readError('MISSING_COLUMN', `no close column among ${names.join(', ')} (pass --map close=<column>)`, file);
  }

  const roles = new Int32Array(fieldCount).fill(ROLE_SKIP);
  const setRole = (index: number, role: number): void => {
    if (index >= 0 && index < fieldCount) roles[index] = role;
  };
  const extraNames = mapping.extras.map(([name]) => name);
  mapping.extras.forEach(([, index], k) => {
    setRole(index, FIRST_EXTRA + k);
  });
  const fields = [mapping.open, mapping.high, mapping.low, mapping.close, mapping.volume];
  fields.forEach((index, k) => {
    setRole(index, OPEN + k);
  });
  const absent: number[] = [];
  fields.forEach((index, k) => {
    if (index < 0 || index >= fieldCount) absent.push(OPEN + k);
  });
  const fillFromClose = mapping.open < 0 && mapping.high < 0 && mapping.low < 0;
  const timeIndex = mapping.time >= 0 ? mapping.time : mapping.date;
  setRole(mapping.time, ROLE_TIME);
  setRole(mapping.date, ROLE_DATE);
  setRole(mapping.clock, ROLE_CLOCK);

  const timeKind = kinds[timeIndex] ?? classifyColumn([]);
  const epoch = mapping.time >= 0 && (options.epochUnit !== undefined || timeKind.kind === 'number');
  const exponent = options.epochUnit ? UNIT_EXPONENT[options.epochUnit]! : epochExponentForMagnitude(timeKind.maxAbs);
  const order = epoch ? DATE_ORDER_YEAR_FIRST : dateOrder(timeKind, names[timeIndex] ?? '', options, file);
  const zone = options.timeZone ?? 'UTC';
  let timestamp: string;
  if (epoch) {
    timestamp = `epoch ${UNIT_NAME[exponent]}`;
  } else {
    const style = mapping.date >= 0 ? 'date+time fields' : timeKind.kind === 'date' ? 'date only' : 'date-time';
    const orderText = order === DATE_ORDER_MDY ? ' MM/DD/YYYY' : order === DATE_ORDER_DMY ? ' DD/MM/YYYY' : '';
    const zoneText = timeKind.zoned ? 'with zone offsets' : `naive, read as ${zone}`;
    timestamp = `${style}${orderText}, ${zoneText}${shifted ? ' (the header names one column fewer than the rows)' : ''}`;
  }
  const nameOf = (index: number): string | undefined => (index >= 0 ? names[index] : undefined);
  const close = names[mapping.close]!;
  const columnMapping: ColumnMapping = {
    open: nameOf(mapping.open) ?? close,
    high: nameOf(mapping.high) ?? close,
    low: nameOf(mapping.low) ?? close,
    close,
  };
  if (mapping.time >= 0) columnMapping.time = names[mapping.time]!;
  if (mapping.date >= 0) columnMapping.date = names[mapping.date]!;
  if (mapping.clock >= 0) columnMapping.clock = names[mapping.clock]!;
  if (mapping.volume >= 0) columnMapping.volume = names[mapping.volume]!;
  if (mapping.extras.length > 0) {
    columnMapping.extras = Object.fromEntries(mapping.extras.map(([name, index]) => [name, names[index]!]));
  }
  const layout: DetectedLayout = { format: input.format, header, columns: names, mapping: columnMapping, timestamp };
  if (input.delimiter !== undefined) layout.delimiter = input.delimiter;
  const vendor = vendorOf(names, mapping, kinds);
  if (vendor !== undefined) layout.vendor = vendor;
  return {
    layout,
    fieldCount,
    roles,
    fieldNames: names,
    epoch,
    epochExponent: exponent,
    dateOrder: order,
    absent: fillFromClose ? absent.filter((k) => k === VOLUME) : absent,
    fillFromClose,
    extraNames,
    delimiter: (input.delimiter ?? ',').charCodeAt(0),
    header,
  };
}

/** Returns the read plan of delimited text from its first chunk; `partial` when the file goes on. */
export function planDelimited(sample: string, options: ReadOptions, partial: boolean, file?: string): ReadPlan {
  const text = sample.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw readError('FILE_EMPTY', 'the input is empty', file);
  const delimiter =
    options.delimiter !== undefined ? delimiterOption(options.delimiter) : detectDelimiter(text, partial);
  if (delimiter === undefined) {
    throw readError(
      'UNKNOWN_FORMAT',
      'found no delimiter (, ; tab | or space) that splits the lines into the same number of fields',
      file,
    );
  }
  const { records } = splitRecords(text, delimiter, SAMPLE_ROWS + 1, partial);
  return planFromRecords({ format: 'csv', delimiter, header: options.header, records, options, file });
}
