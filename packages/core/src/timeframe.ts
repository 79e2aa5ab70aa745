import { AlphintraError } from './errors.js';
import { MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MINUTE, MICROS_PER_SECOND } from './time.js';

/** The unit of a {@link Timeframe}. Months have no fixed length; ticks have no length at all. */
export type TimeframeUnit = 'tick' | 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month';

/** The time span one bar covers, e.g. `{ unit: 'minute', count: 5 }` for 5-minute bars. */
export interface Timeframe {
  readonly unit: TimeframeUnit;
  /** A positive integer count of units (always 1 for ticks). */
  readonly count: number;
}

const UNIT_MICROS: Record<Exclude<TimeframeUnit, 'tick' | 'month'>, number> = {
  second: MICROS_PER_SECOND,
  minute: MICROS_PER_MINUTE,
  hour: MICROS_PER_HOUR,
  day: MICROS_PER_DAY,
  week: 7 * MICROS_PER_DAY,
};

const UNIT_SUFFIX: Record<TimeframeUnit, string> = {
  tick: 'tick',
  second: 's',
  minute: 'm',
  hour: 'h',
  day: 'd',
  week: 'w',
  month: 'M',
};

// Case matters only for m (minute) versus M (month); everything else is matched lower-case.
const SUFFIXES: ReadonlyArray<readonly [string, TimeframeUnit, number]> = [
  ['s', 'second', 1],
  ['sec', 'second', 1],
  ['second', 'second', 1],
  ['seconds', 'second', 1],
  ['m', 'minute', 1],
  ['min', 'minute', 1],
  ['minute', 'minute', 1],
  ['minutes', 'minute', 1],
  ['t', 'minute', 1],
  ['h', 'hour', 1],
  ['hour', 'hour', 1],
  ['hours', 'hour', 1],
  ['d', 'day', 1],
  ['day', 'day', 1],
  ['days', 'day', 1],
  ['w', 'week', 1],
  ['wk', 'week', 1],
  ['week', 'week', 1],
  ['weeks', 'week', 1],
  ['mo', 'month', 1],
  ['mon', 'month', 1],
  ['month', 'month', 1],
  ['months', 'month', 1],
  ['q', 'month', 3],
  ['quarter', 'month', 3],
  ['y', 'month', 12],
  ['year', 'month', 12],
];

/** Creates a timeframe, checking that `count` is a positive integer. */
export function timeframe(unit: TimeframeUnit, count = 1): Timeframe {
  if (!Number.isInteger(count) || count <= 0) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected a positive integer timeframe count, got ${count}`);
  }
  if (unit === 'tick' && count !== 1) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected a tick timeframe count of 1, got ${count}`);
  }
  return { unit, count };
}

/**
 * Parses a timeframe such as `tick`, `30s`, `1m`, `5min`, `4h`, `1d`, `1w`, `1M`, `1mo`, `1q`
 * or `1y`. Lower-case `m` means minutes and upper-case `M` means months; quarters and years
 * become 3 and 12 months.
 *
 * @example
 * parseTimeframe('15m') // { unit: 'minute', count: 15 }
 */
export function parseTimeframe(text: string): Timeframe {
  const trimmed = text.trim();
  if (/^ticks?$/i.test(trimmed)) return { unit: 'tick', count: 1 };
  const match = /^(\d*)\s*([a-zA-Z]+)$/.exec(trimmed);
  if (match !== null) {
    const count = match[1] === '' ? 1 : Number(match[1]);
    const suffix = match[2] as string;
    if (suffix === 'M') return timeframe('month', count);
    const lower = suffix.toLowerCase();
    for (const [name, unit, multiple] of SUFFIXES) {
      if (name === lower) return timeframe(unit, count * multiple);
    }
  }
  throw new AlphintraError('INVALID_ARGUMENT', `expected a timeframe such as 1m, 5m, 1h, 1d, 1w or 1M, got "${text}"`);
}

/** Formats a timeframe in its canonical short form (`5m`, `1d`, `3M`, `tick`). */
export function formatTimeframe(tf: Timeframe): string {
  return tf.unit === 'tick' ? 'tick' : `${tf.count}${UNIT_SUFFIX[tf.unit]}`;
}

/**
 * Returns the fixed length of a timeframe in microseconds, or `undefined` for ticks and
 * months, whose length varies.
 */
export function timeframeMicros(tf: Timeframe): number | undefined {
  if (tf.unit === 'tick' || tf.unit === 'month') return undefined;
  return UNIT_MICROS[tf.unit] * tf.count;
}

/** Returns an approximate length in microseconds, usable for ordering timeframes (a month is 30.44 days). */
export function approximateTimeframeMicros(tf: Timeframe): number {
  if (tf.unit === 'tick') return 0;
  if (tf.unit === 'month') return tf.count * 30.436875 * MICROS_PER_DAY;
  return UNIT_MICROS[tf.unit] * tf.count;
}

/** Returns true when both timeframes are the same. */
export function sameTimeframe(a: Timeframe, b: Timeframe): boolean {
  return a.unit === b.unit && a.count === b.count;
}

/**
 * Returns true when bars of `target` can be built exactly from bars of `source`
 * (e.g. 1m → 5m, 1h → 1d, 1d → 1w, 1d → 1M), false otherwise (5m → 7m).
 */
export function canResample(source: Timeframe, target: Timeframe): boolean {
  if (source.unit === 'tick') return target.unit !== 'tick';
  if (target.unit === 'tick') return false;
  if (target.unit === 'month') {
    if (source.unit === 'month') return target.count % source.count === 0;
    const s = timeframeMicros(source) as number;
    return source.unit !== 'week' && MICROS_PER_DAY % s === 0;
  }
  if (source.unit === 'month') return false;
  const s = timeframeMicros(source) as number;
  const t = timeframeMicros(target) as number;
  return t >= s && t % s === 0;
}
