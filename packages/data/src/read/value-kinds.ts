/**
 * Classification of sample values (number, date, date-time, time of day, text), which
 * drives header and column detection.
 */
import { isMissingToken, lastNumberWasBad, parseNumberText } from './byte-number.js';
import {
  DATE_ORDER_DMY,
  DATE_ORDER_MDY,
  DATE_ORDER_YEAR_FIRST,
  lastHadTime,
  lastZoneOffset,
  parseCalendarBytes,
  parseClockBytes,
} from './timestamp-parser.js';

/** What the values of one column look like. */
export interface ColumnKind {
  kind: 'empty' | 'number' | 'date' | 'datetime' | 'clock' | 'text';
  /** Date orders that read every value (bit 1 MDY, bit 2 DMY; 3 = ambiguous; year-first dates: 7). */
  orders: number;
  /** Whether some value carries a zone. */
  zoned: boolean;
  /** Largest absolute number seen (epoch magnitude). */
  maxAbs: number;
  /** A value that fits no kind, for messages. */
  odd?: string;
  /** A value with the year last, for messages about ambiguity. */
  example?: string;
  /** Whether every number is zero. */
  allZero: boolean;
  /** For a number column, 4 when every value reads as HHMM, 6 as HHMMSS (by the widest value), else 0. */
  clockWidth: 0 | 4 | 6;
  /** For a number column that is no compact time of day, the first value that breaks HHMM/HHMMSS. */
  clockOdd?: string;
  /** Whether some value is written with a leading zero (`0930`), which prices never are. */
  leadingZero: boolean;
  /** Whether some value occurs more than once (a date column of intraday bars). */
  repeats: boolean;
  /** The first value that is not missing, for messages. */
  first?: string;
}

/** Sets `kind.clockWidth` to the compact time-of-day width that reads every value, else `kind.clockOdd`. */
function checkCompactClock(values: readonly string[], kind: ColumnKind): void {
  let widest = 0;
  const digits: string[] = [];
  for (const value of values) {
    if (isMissingToken(value)) continue;
    const t = value.trim();
    if (!/^\d{1,6}$/.test(t)) {
      kind.clockOdd = t;
      return;
    }
    digits.push(t);
    widest = Math.max(widest, t.length);
  }
  if (digits.length === 0) return;
  const width = widest <= 4 ? 4 : 6;
  for (const t of digits) {
    const v = Number(t);
    const second = width === 6 ? v % 100 : 0;
    const hhmm = width === 6 ? Math.floor(v / 100) : v;
    if (Math.floor(hhmm / 100) > 23 || hhmm % 100 > 59 || second > 59) {
      kind.clockOdd = t;
      return;
    }
  }
  kind.clockWidth = width;
}

const encoder = new TextEncoder();

/** Returns the kind of one value: its calendar reading, if any, tried before numbers. */
export function valueKind(value: string): ColumnKind['kind'] | 'missing' {
  if (isMissingToken(value)) return 'missing';
  const bytes = encoder.encode(value);
  if (value.includes(':')) {
    const clock = parseClockBytes(bytes, 0, bytes.length);
    if (!Number.isNaN(clock)) return 'clock';
  }
  for (const order of [DATE_ORDER_YEAR_FIRST, DATE_ORDER_MDY, DATE_ORDER_DMY]) {
    const t = parseCalendarBytes(bytes, 0, bytes.length, order);
    if (!Number.isNaN(t)) return lastHadTime() ? 'datetime' : 'date';
  }
  parseNumberText(value);
  return lastNumberWasBad() ? 'text' : 'number';
}

/**
 * Returns the common kind of `values`. Dates take precedence over numbers (`20060102`), and a
 * column of mixed kinds is `text` with `odd` set to the first value that breaks the pattern.
 */
export function classifyColumn(values: readonly string[]): ColumnKind {
  const result: ColumnKind = {
    kind: 'empty',
    orders: 7,
    zoned: false,
    maxAbs: 0,
    allZero: true,
    clockWidth: 0,
    leadingZero: false,
    repeats: false,
  };
  const kinds = new Map<string, number>();
  const seen = new Set<string>();
  for (const value of values) {
    const kind = valueKind(value);
    if (kind === 'missing') continue;
    const trimmed = value.trim();
    result.first ??= trimmed;
    if (seen.has(trimmed)) result.repeats = true;
    seen.add(trimmed);
    if (trimmed.length > 1 && trimmed[0] === '0' && trimmed[1] !== '.') result.leadingZero = true;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    if (kind === 'date' || kind === 'datetime') {
      const bytes = encoder.encode(value);
      let orders = 0;
      for (const [bit, order] of [
        [1, DATE_ORDER_MDY],
        [2, DATE_ORDER_DMY],
        [4, DATE_ORDER_YEAR_FIRST],
      ] as const) {
        const t = parseCalendarBytes(bytes, 0, bytes.length, order);
        if (!Number.isNaN(t)) {
          orders |= bit;
          if (!Number.isNaN(lastZoneOffset())) result.zoned = true;
        }
      }
      if ((orders & 4) === 0) result.example ??= value.trim();
      result.orders &= orders;
    }
    if (kind === 'number' || kind === 'date') {
      const n = Number(value.trim());
      if (!Number.isNaN(n)) {
        result.maxAbs = Math.max(result.maxAbs, Math.abs(n));
        if (n !== 0) result.allZero = false;
      }
    }
  }
  if (kinds.size === 0) return result;
  const date = (kinds.get('date') ?? 0) + (kinds.get('datetime') ?? 0);
  const total = [...kinds.values()].reduce((a, b) => a + b, 0);
  if (kinds.size === 1) {
    result.kind = [...kinds.keys()][0] as ColumnKind['kind'];
  } else if (date === total) {
    result.kind = 'datetime';
  } else if ((kinds.get('number') ?? 0) + (kinds.get('date') ?? 0) === total) {
    // Mostly plain numbers, a few of which happen to read as compact dates (20060102).
    result.kind = (kinds.get('date') ?? 0) === total ? 'date' : 'number';
  } else {
    result.kind = 'text';
  }
  if (result.kind === 'number') checkCompactClock(values, result);
  if (result.kind === 'text') {
    const main = [...kinds.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    result.odd = values.find((v) => !isMissingToken(v) && valueKind(v) !== main);
  }
  return result;
}
