/**
 * Layout detection: format, delimiter, header, column mapping and timestamp style, decided
 * from a text sample (the first chunk of a file) and the caller's overrides.
 */

import {
  explicitMapping,
  type FieldMapping,
  followsDateAsClock,
  headerlessMapping,
  headerMapping,
} from './column-mapping.js';
import { normalizeName } from './column-names.js';
import { assignRoles } from './field-roles.js';
import { readError } from './read-errors.js';
import type { ReadPlan } from './read-plan.js';
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

/** TradingView's chart export header: these names, then optionally `Volume` and indicator plots. */
const TRADINGVIEW_NAMES = ['time', 'open', 'high', 'low', 'close'];

/** Returns the vendor that real evidence points to: a header the vendor writes, or a headerless layout it alone uses. */
function vendorOf(names: readonly string[], mapping: FieldMapping, header: boolean, csv: boolean): string | undefined {
  if (mapping.vendor !== undefined) return mapping.vendor;
  if (!header) return undefined;
  const normalized = names.map(normalizeName);
  const joined = normalized.join(',');
  if (joined === 'date,open,high,low,close,adj close,volume') return 'yahoo';
  if (names.some((n) => /^<.*>$/.test(n.trim()))) return 'metatrader';
  if (normalized.includes('open time') && normalized.includes('close time')) return 'binance-klines';
  if (normalized.includes('openinterest') || normalized.includes('open interest')) return 'backtrader';
  const tradingview = TRADINGVIEW_NAMES.every((n, i) => names[i] === n);
  if (csv && tradingview && (names.length === 5 || names[5] === 'Volume')) return 'tradingview';
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
    if (names.length === fieldCount - 1 && followsDateAsClock(kinds[0], kinds[1])) {
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

  const { roles, copies, absent } = assignRoles(mapping, names, fieldCount, file);
  const extraNames = mapping.extras.map(([name]) => name);
  const timeIndex = mapping.time >= 0 ? mapping.time : mapping.date;
  const clockKind = kinds[mapping.clock];
  const clockWidth = clockKind?.kind === 'number' ? clockKind.clockWidth : 0;

  const timeKind = kinds[timeIndex] ?? classifyColumn([]);
  const epoch = mapping.time >= 0 && (options.epochUnit !== undefined || timeKind.kind === 'number');
  const exponent = options.epochUnit ? UNIT_EXPONENT[options.epochUnit]! : epochExponentForMagnitude(timeKind.maxAbs);
  const order = epoch ? DATE_ORDER_YEAR_FIRST : dateOrder(timeKind, names[timeIndex] ?? '', options, file);
  const zone = options.timeZone ?? 'UTC';
  let timestamp: string;
  if (epoch) {
    timestamp = `epoch ${UNIT_NAME[exponent]}`;
  } else {
    const compact = clockWidth === 0 ? '' : clockWidth === 4 ? ' (HHMM)' : ' (HHMMSS)';
    const style =
      mapping.date >= 0 ? `date+time fields${compact}` : timeKind.kind === 'date' ? 'date only' : 'date-time';
    const orderText = order === DATE_ORDER_MDY ? ' MM/DD/YYYY' : order === DATE_ORDER_DMY ? ' DD/MM/YYYY' : '';
    const zoneText = timeKind.zoned ? 'with zone offsets' : `naive, read as ${zone}`;
    timestamp = `${style}${orderText}, ${zoneText}${shifted ? ' (the header names one column fewer than the rows)' : ''}`;
  }
  // A name shared by several columns would resolve to the first of them: use the index instead.
  const refOf = (index: number): string | number =>
    names.findIndex((n) => n.toLowerCase() === names[index]!.toLowerCase()) === index ? names[index]! : index;
  const close = refOf(mapping.close);
  const columnMapping: ColumnMapping = {
    open: mapping.open >= 0 ? refOf(mapping.open) : close,
    high: mapping.high >= 0 ? refOf(mapping.high) : close,
    low: mapping.low >= 0 ? refOf(mapping.low) : close,
    close,
  };
  if (mapping.time >= 0) columnMapping.time = refOf(mapping.time);
  if (mapping.date >= 0) columnMapping.date = refOf(mapping.date);
  if (mapping.clock >= 0) columnMapping.clock = refOf(mapping.clock);
  if (mapping.volume >= 0) columnMapping.volume = refOf(mapping.volume);
  if (mapping.extras.length > 0) {
    columnMapping.extras = Object.fromEntries(mapping.extras.map(([name, index]) => [name, refOf(index)]));
  }
  const layout: DetectedLayout = { format: input.format, header, columns: names, mapping: columnMapping, timestamp };
  if (input.delimiter !== undefined) layout.delimiter = input.delimiter;
  const vendor = vendorOf(names, mapping, header, input.format === 'csv');
  if (vendor !== undefined) layout.vendor = vendor;
  return {
    layout,
    fieldCount,
    roles,
    fieldNames: names,
    epoch,
    epochExponent: exponent,
    dateOrder: order,
    absent,
    copies,
    clockWidth,
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
