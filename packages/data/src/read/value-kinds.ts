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
  const result: ColumnKind = { kind: 'empty', orders: 7, zoned: false, maxAbs: 0, allZero: true };
  const kinds = new Map<string, number>();
  for (const value of values) {
    const kind = valueKind(value);
    if (kind === 'missing') continue;
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
  if (result.kind === 'text') {
    const main = [...kinds.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    result.odd = values.find((v) => !isMissingToken(v) && valueKind(v) !== main);
  }
  return result;
}
