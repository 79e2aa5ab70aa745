/**
 * Validation and explicit cleaning of bar series, and exchange calendars.
 * Rules and thresholds: docs/data/validation.md.
 */
export type { Calendar } from './calendar.js';
export {
  CALENDAR_24X7,
  CALENDAR_NAMES,
  CALENDAR_US_EQUITY,
  CALENDAR_WEEKDAYS,
  getCalendar,
  tradingDaysBetween,
} from './calendar.js';
export type { CleaningResult } from './clean-bars.js';
export { cleanBars } from './clean-bars.js';
export type { CleaningAction, CleaningPolicy } from './cleaning-policy.js';
export {
  APPLICABLE_ACTIONS,
  DEFAULT_CLEANING_POLICY,
  parseCleaningPolicy,
  STRICT_CLEANING_POLICY,
} from './cleaning-policy.js';
export type {
  IssueExample,
  IssueKind,
  IssueSeverity,
  ValidateOptions,
  ValidationIssue,
  ValidationReport,
} from './issue.js';
export { ISSUE_KINDS, ISSUE_SEVERITY } from './issue.js';
export type { ExchangeHoliday } from './nyse-holidays.js';
export { easterSunday, isNyseHoliday, nyseHolidays } from './nyse-holidays.js';
export { DEFAULT_OUTLIER_THRESHOLD, DEFAULT_SPLIT_TOLERANCE } from './price-moves.js';
export { DEFAULT_STALE_RUN } from './stale-prices.js';
export { DEFAULT_MAX_EXAMPLES, validateBars } from './validate-bars.js';
