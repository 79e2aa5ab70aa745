/**
 * Exchange calendars: which days trade (day-level calendars for data validation), and the
 * trading sessions of a market — open, close, holidays, early closes — for the engine.
 */
export type { ExchangeHoliday } from './nyse-holidays.js';
export {
  easterSunday,
  isNyseEarlyClose,
  isNyseHoliday,
  nyseEarlyCloses,
  nyseHolidays,
  weekdayOfDay,
} from './nyse-holidays.js';
export type { SessionCalendarSpec, SessionRules, SessionWindow } from './session-calendar.js';
export { emptySessionWindow, SessionCalendar } from './session-calendar.js';
export { DEFAULT_SESSION_CALENDAR, SESSION_PRESETS, sessionCalendar } from './session-presets.js';
export type { Calendar } from './trading-days.js';
export {
  CALENDAR_24X7,
  CALENDAR_NAMES,
  CALENDAR_US_EQUITY,
  CALENDAR_WEEKDAYS,
  getCalendar,
  tradingDaysBetween,
} from './trading-days.js';
