/**
 * Deciding which field feeds which bar column: from an explicit mapping, from header names
 * and their synonyms, or, without a header, from the values and known vendor layouts.
 */

import {
  CLOCK_NAMES,
  CLOSE_NAMES,
  camelCaseName,
  DATE_NAMES,
  findColumn,
  findVolumeLike,
  HIGH_NAMES,
  LOW_NAMES,
  normalizeName,
  OPEN_NAMES,
  TIME_NAMES,
  VOLUME_NAMES,
} from './column-names.js';
import { readError } from './read-errors.js';
import type { ColumnMapping } from './read-types.js';
import type { ColumnKind } from './value-kinds.js';

/** Field indices of each bar column (-1 when absent). */
export interface FieldMapping {
  time: number;
  date: number;
  clock: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  extras: Array<[name: string, index: number]>;
  vendor?: string;
}

function isCalendar(kind: ColumnKind | undefined): boolean {
  return kind !== undefined && (kind.kind === 'date' || kind.kind === 'datetime');
}

function isTimestamp(kind: ColumnKind | undefined): boolean {
  return isCalendar(kind) || kind?.kind === 'number';
}

/** Returns true when `kind` is a column of times of day, colon-separated or compact. */
function isClock(kind: ColumnKind | undefined): boolean {
  return kind !== undefined && (kind.kind === 'clock' || (kind.kind === 'number' && kind.clockWidth > 0));
}

/**
 * Returns true when the unnamed column after a date column holds times of day: colon-separated
 * ones, or compact ones with evidence that they are not prices (a leading zero, or dates that
 * repeat as intraday bars do).
 */
export function followsDateAsClock(date: ColumnKind | undefined, next: ColumnKind | undefined): boolean {
  if (date?.kind !== 'date' || next === undefined) return false;
  if (next.kind === 'clock') return true;
  return next.kind === 'number' && next.clockWidth > 0 && (next.leadingZero || date.repeats);
}

/** Epoch seconds below this (March 1973) beside a date column are taken for anything but epochs. */
const SMALLEST_EPOCH_BESIDE_DATE = 1e8;

function kindText(kind: ColumnKind | undefined): string {
  switch (kind?.kind) {
    case 'clock':
      return 'times of day without a date';
    case 'text':
      return 'text';
    case 'empty':
    case undefined:
      return 'no values';
    default:
      return 'values that are not timestamps';
  }
}

/** Throws MISSING_COLUMN for a file without a timestamp column, saying why a candidate was rejected. */
function missingTime(names: readonly string[], kinds: readonly ColumnKind[], rejected: number, file?: string): never {
  if (rejected < 0) missingColumn('time', names, file);
  const kind = kinds[rejected];
  const value = kind?.odd ?? kind?.first ?? '';
  throw readError(
    'MISSING_COLUMN',
    `no timestamp column: ${names[rejected]} holds ${kindText(kind)} (got "${value}"); pass a mapping, e.g. --map time=<column> or date=<column>,clock=<column>`,
    file,
  );
}

function missingColumn(what: string, names: readonly string[], file?: string): never {
  throw readError(
    'MISSING_COLUMN',
    `no ${what} column among ${names.join(', ')} (pass a mapping, e.g. --map ${what}=<column>)`,
    file,
  );
}

/** Returns the field index of a column named or numbered `ref`. */
export function resolveColumn(ref: string | number, names: readonly string[], file?: string): number {
  if (typeof ref === 'number') {
    if (Number.isInteger(ref) && ref >= 0 && ref < names.length) return ref;
    throw readError('MISSING_COLUMN', `no column ${ref} (expected 0 to ${names.length - 1})`, file);
  }
  let index = names.findIndex((n) => n.toLowerCase() === ref.toLowerCase());
  if (index < 0) index = names.findIndex((n) => normalizeName(n) === normalizeName(ref));
  if (index < 0 && /^\d+$/.test(ref) && Number(ref) < names.length) index = Number(ref);
  if (index < 0) throw readError('MISSING_COLUMN', `no column "${ref}" among ${names.join(', ')}`, file);
  return index;
}

/** Returns the mapping the caller gave, resolved to field indices. */
export function explicitMapping(mapping: ColumnMapping, names: readonly string[], file?: string): FieldMapping {
  const at = (ref: string | number | undefined): number => (ref === undefined ? -1 : resolveColumn(ref, names, file));
  const result: FieldMapping = {
    time: at(mapping.time),
    date: at(mapping.date),
    clock: at(mapping.clock),
    open: at(mapping.open),
    high: at(mapping.high),
    low: at(mapping.low),
    close: at(mapping.close),
    volume: at(mapping.volume),
    extras: Object.entries(mapping.extras ?? {}).map(([name, ref]) => [name, at(ref)]),
  };
  if (result.time < 0 && result.date < 0) {
    throw readError('MISSING_COLUMN', 'the mapping names no time or date column', file);
  }
  return result;
}

/** Returns the mapping found from header names. */
export function headerMapping(names: readonly string[], kinds: readonly ColumnKind[], file?: string): FieldMapping {
  const normalized = names.map(normalizeName);
  const taken = new Set<number>();
  const take = (index: number): number => {
    if (index >= 0) taken.add(index);
    return index;
  };
  let time = findColumn(normalized, TIME_NAMES, taken);
  let rejected = -1;
  if (time >= 0 && !isTimestamp(kinds[time])) {
    rejected = time;
    time = -1;
  }
  let date = -1;
  let clock = -1;
  if (time < 0) {
    const d = findColumn(normalized, DATE_NAMES, taken);
    const c = findColumn(normalized, CLOCK_NAMES, taken);
    const cKind = kinds[c];
    if (d >= 0 && c >= 0 && isClock(cKind)) {
      date = d;
      clock = c;
    } else if (d >= 0 && cKind?.kind === 'number' && cKind.maxAbs < SMALLEST_EPOCH_BESIDE_DATE) {
      // Too small for an epoch and no time of day either: refuse rather than read 1970 dates.
      throw readError(
        'BAD_TIMESTAMP',
        `column ${names[c]} beside date column ${names[d]} holds numbers that are neither HHMM/HHMMSS times of day nor epoch timestamps (got "${cKind.clockOdd ?? cKind.first ?? ''}"); pass a mapping, e.g. --map date=${names[d]},clock=${names[c]}`,
        file,
      );
    } else if (c >= 0 && isTimestamp(cKind)) {
      time = c;
    } else if (d >= 0) {
      time = d;
    } else if (isTimestamp(kinds[0]) && kinds[1]?.kind === 'clock') {
      date = 0;
      clock = 1;
    } else if (followsDateAsClock(kinds[0], kinds[1])) {
      date = 0;
      clock = 1;
    } else if (isCalendar(kinds[0])) {
      time = 0;
    } else {
      missingTime(names, kinds, rejected >= 0 ? rejected : c, file);
    }
  }
  take(time);
  take(date);
  take(clock);
  const close = take(findColumn(normalized, CLOSE_NAMES, taken));
  if (close < 0) missingColumn('close', names, file);
  const open = take(findColumn(normalized, OPEN_NAMES, taken));
  const high = take(findColumn(normalized, HIGH_NAMES, taken));
  const low = take(findColumn(normalized, LOW_NAMES, taken));
  let volume = findColumn(normalized, VOLUME_NAMES, taken);
  if (volume < 0) volume = findVolumeLike(normalized, taken);
  // MetaTrader writes <VOL> as zeros for forex, where <TICKVOL> is the only volume.
  const tick = normalized.indexOf('tickvol');
  if (tick >= 0 && volume !== tick && (volume < 0 || kinds[volume]?.allZero)) volume = tick;
  take(volume);
  const extras: Array<[string, number]> = [];
  const used = new Set(['time', 'open', 'high', 'low', 'close', 'volume']);
  normalized.forEach((n, i) => {
    const kind = kinds[i]?.kind;
    if (taken.has(i) || n === '' || n === 'ignore' || n.startsWith('unnamed')) return;
    if (kind !== 'number' && kind !== 'empty') return;
    let name = camelCaseName(names[i]!);
    if (names[i] === '<VOL>' || (n === 'vol' && volume === tick)) name = 'realVolume';
    if (used.has(name)) {
      let k = 2;
      while (used.has(`${name}_${k}`)) k++;
      name = `${name}_${k}`;
    }
    used.add(name);
    extras.push([name, i]);
  });
  return { time, date, clock, open, high, low, close, volume, extras };
}

const KLINE_NAMES = [
  'openTime',
  'open',
  'high',
  'low',
  'close',
  'volume',
  'closeTime',
  'quoteVolume',
  'trades',
  'takerBuyBaseVolume',
  'takerBuyQuoteVolume',
  'ignore',
];

/**
 * Returns the mapping and column names of a file without header: Binance klines, MetaTrader
 * exports, or the common `time[, clock], open, high, low, close[, volume, …]` order.
 */
export function headerlessMapping(
  kinds: readonly ColumnKind[],
  sampleFirst: readonly string[],
  file?: string,
): { mapping: FieldMapping; names: string[] } {
  const n = kinds.length;
  const generic = kinds.map((_, i) => `column${i + 1}`);
  if (
    n === 12 &&
    kinds[0]?.kind === 'number' &&
    kinds[6]?.kind === 'number' &&
    kinds[0].maxAbs >= 1e11 &&
    kinds[0].maxAbs < 1e14
  ) {
    return {
      names: KLINE_NAMES.slice(),
      mapping: {
        time: 0,
        date: -1,
        clock: -1,
        open: 1,
        high: 2,
        low: 3,
        close: 4,
        volume: 5,
        extras: [
          ['quoteVolume', 7],
          ['trades', 8],
          ['takerBuyBaseVolume', 9],
          ['takerBuyQuoteVolume', 10],
        ],
        vendor: 'binance-klines',
      },
    };
  }
  let time = -1;
  let date = -1;
  let clock = -1;
  let start: number;
  if ((isCalendar(kinds[0]) && kinds[1]?.kind === 'clock') || followsDateAsClock(kinds[0], kinds[1])) {
    date = 0;
    clock = 1;
    start = 2;
  } else if (isTimestamp(kinds[0])) {
    time = 0;
    start = 1;
  } else {
    throw readError(
      'MISSING_COLUMN',
      `no timestamp in the first column (got "${sampleFirst[0] ?? ''}"); pass a mapping, e.g. --map time=<column>`,
      file,
    );
  }
  const rest = n - start;
  if (rest < 1) missingColumn('close', generic, file);
  const metatrader = date === 0 && /^\d{4}\.\d{2}\.\d{2}$/.test(sampleFirst[0]?.trim() ?? '');
  const names = generic.slice();
  const mapping: FieldMapping = { time, date, clock, open: -1, high: -1, low: -1, close: -1, volume: -1, extras: [] };
  if (date === 0) {
    names[0] = 'date';
    names[1] = 'time';
  } else {
    names[0] = 'time';
  }
  const assign = (field: keyof FieldMapping & string, index: number): void => {
    (mapping as unknown as Record<string, number>)[field] = index;
    names[index] = field;
  };
  if (rest >= 4) {
    assign('open', start);
    assign('high', start + 1);
    assign('low', start + 2);
    assign('close', start + 3);
    if (rest >= 5) assign('volume', start + 4);
  } else {
    assign('close', start);
    if (rest >= 2) assign('volume', start + 1);
  }
  if (metatrader) {
    mapping.vendor = 'metatrader';
    if (mapping.volume >= 0) names[mapping.volume] = 'tickvol';
    if (rest >= 6) names[start + 5] = 'realVolume';
    if (rest >= 7) names[start + 6] = 'spread';
  }
  const firstExtra = Math.max(mapping.close, mapping.volume) + 1;
  for (let i = firstExtra; i < n; i++) {
    if (kinds[i]?.kind === 'number' || kinds[i]?.kind === 'empty') mapping.extras.push([names[i]!, i]);
  }
  return { mapping, names };
}
