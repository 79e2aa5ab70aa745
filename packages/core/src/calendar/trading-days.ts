import { AlphintraError } from '../errors.js';
import { isNyseHoliday, weekdayOfDay } from './nyse-holidays.js';

/**
 * An exchange calendar: which civil days (in the exchange's zone) are trading days.
 * Half days count as trading days; only full-day closures are non-trading.
 */
export interface Calendar {
  /** Stable name shown in reports (`24x7`, `weekdays`, `us-equity`). */
  readonly name: string;
  /** Returns true when `day` (days since 1970-01-01, exchange-local date) is a trading day. */
  isTradingDay(day: number): boolean;
}

/** Every day trades (crypto). */
export const CALENDAR_24X7: Calendar = { name: '24x7', isTradingDay: () => true };

/** Monday to Friday trade, no holidays. */
export const CALENDAR_WEEKDAYS: Calendar = {
  name: 'weekdays',
  isTradingDay: (day) => {
    const weekday = weekdayOfDay(day);
    return weekday !== 0 && weekday !== 6;
  },
};

/** NYSE / Nasdaq: weekdays except the full-day holidays of {@link nyseHolidays}. */
export const CALENDAR_US_EQUITY: Calendar = {
  name: 'us-equity',
  isTradingDay: (day) => {
    const weekday = weekdayOfDay(day);
    return weekday !== 0 && weekday !== 6 && !isNyseHoliday(day);
  },
};

const CALENDARS: ReadonlyMap<string, Calendar> = new Map([
  ['24x7', CALENDAR_24X7],
  ['weekdays', CALENDAR_WEEKDAYS],
  ['us-equity', CALENDAR_US_EQUITY],
]);

/** Names accepted by {@link getCalendar}. */
export const CALENDAR_NAMES: readonly string[] = [...CALENDARS.keys()];

/**
 * Returns the built-in calendar called `name`; throws INVALID_ARGUMENT for unknown names.
 *
 * @example
 * getCalendar('us-equity').isTradingDay(daysFromCivil(2012, 12, 25)) // false
 */
export function getCalendar(name: string): Calendar {
  const calendar = CALENDARS.get(name.trim().toLowerCase());
  if (calendar === undefined) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `expected a calendar among ${CALENDAR_NAMES.join(', ')} or auto, got "${name}"`,
    );
  }
  return calendar;
}

/** Returns the number of trading days strictly between day numbers `from` and `to`. */
export function tradingDaysBetween(calendar: Calendar, from: number, to: number): number {
  let count = 0;
  for (let day = from + 1; day < to; day++) if (calendar.isTradingDay(day)) count++;
  return count;
}
