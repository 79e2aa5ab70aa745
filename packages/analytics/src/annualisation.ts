import { AlphintraError, MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MINUTE } from '@alphintra/core';

/** Which calendar a series trades on: equities (252 sessions a year) or crypto (365 days, 24 h). */
export type TradingCalendar = 'trading' | 'crypto';

/** How periods per year are chosen; every field is optional. */
export interface AnnualisationOptions {
  /** Periods per year to use as is, overriding inference. */
  readonly periodsPerYear?: number;
  /** The calendar inference assumes; `'trading'` by default. */
  readonly calendar?: TradingCalendar;
  /** Sessions per year on the trading calendar; 252 by default. */
  readonly tradingDaysPerYear?: number;
  /** Length of one session in µs on the trading calendar, for intraday bars; 6.5 h by default. */
  readonly tradingDayMicros?: number;
}

/** The default number of sessions a year on the trading calendar. */
export const TRADING_DAYS_PER_YEAR = 252;
/** The default length of a trading session: 6.5 hours (09:30–16:00 on US exchanges). */
export const TRADING_DAY_MICROS = 6 * MICROS_PER_HOUR + 30 * MICROS_PER_MINUTE;
/** The length of the mean Gregorian year in µs, used to turn spans of time into years. */
export const MICROS_PER_YEAR = 365.25 * MICROS_PER_DAY;

/** Returns the median spacing of ascending timestamps, or NaN for fewer than two. */
export function medianSpacing(time: ArrayLike<number>): number {
  const n = time.length;
  if (n < 2) return Number.NaN;
  const gaps = new Float64Array(n - 1);
  for (let i = 1; i < n; i++) gaps[i - 1] = (time[i] as number) - (time[i - 1] as number);
  gaps.sort();
  const mid = (n - 1) >> 1;
  return (n - 1) % 2 === 1 ? (gaps[mid] as number) : ((gaps[mid - 1] as number) + (gaps[mid] as number)) / 2;
}

/** Snaps of long spacings to the usual calendar frequencies: [lowest days, highest days, periods]. */
const CALENDAR_SNAPS: readonly (readonly [number, number, number])[] = [
  [6.5, 7.5, 52],
  [28, 31, 12],
  [89, 92, 4],
  [365, 366, 1],
];

/**
 * Returns the number of periods per year of a series from the median spacing of its timestamps
 * (epoch µs), or NaN when it cannot be inferred (fewer than two timestamps and no explicit value).
 *
 * - An explicit `periodsPerYear` wins.
 * - Daily to sub-weekly bars: `tradingDaysPerYear` (252) / spacing in days on the trading
 *   calendar, 365 / spacing in days on the crypto calendar. Daily equities therefore give 252
 *   even though weekends make some gaps three days long: the median ignores them.
 * - Intraday bars: sessions a year × bars per session, with a session of `tradingDayMicros`
 *   (6.5 h) on the trading calendar and 24 h on the crypto calendar; so 1-minute equity bars
 *   give 252 × 390 = 98 280.
 * - Weekly, monthly, quarterly and yearly spacings snap to 52, 12, 4 and 1; other long spacings
 *   give 365.25 days / spacing.
 *
 * @example
 * const day = 86_400_000_000;
 * inferPeriodsPerYear(Float64Array.of(0, day, 2 * day)); // 252
 * inferPeriodsPerYear(Float64Array.of(0, day, 2 * day), { calendar: 'crypto' }); // 365
 */
export function inferPeriodsPerYear(time: ArrayLike<number>, options: AnnualisationOptions = {}): number {
  if (options.periodsPerYear !== undefined) {
    const p = options.periodsPerYear;
    if (!(Number.isFinite(p) && p > 0)) {
      throw new AlphintraError('INVALID_ARGUMENT', `expected positive periodsPerYear, got ${p}`);
    }
    return p;
  }
  const spacing = medianSpacing(time);
  if (!(spacing > 0)) return Number.NaN;
  const crypto = (options.calendar ?? 'trading') === 'crypto';
  const sessions = crypto ? 365 : (options.tradingDaysPerYear ?? TRADING_DAYS_PER_YEAR);
  const session = crypto ? MICROS_PER_DAY : (options.tradingDayMicros ?? TRADING_DAY_MICROS);
  if (!(sessions > 0 && session > 0)) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `expected a positive trading year and session, got ${sessions} and ${session}`,
    );
  }
  const days = spacing / MICROS_PER_DAY;
  if (spacing < MICROS_PER_DAY) return sessions * Math.max(1, session / spacing);
  if (days < 6.5) return sessions / days;
  for (const [low, high, periods] of CALENDAR_SNAPS) if (days >= low && days <= high) return periods;
  return 365.25 / days;
}
