/**
 * Validation and explicit cleaning of bar series, and exchange calendars.
 * Rules and thresholds: docs/data/validation.md.
 */
// Exchange calendars are pure and live in core (the engine's trading sessions use them); they
// are re-exported here so data users find them beside the validator.
export type { Calendar, ExchangeHoliday } from '@alphintra/core';
export {
  CALENDAR_24X7,
  CALENDAR_NAMES,
  CALENDAR_US_EQUITY,
  CALENDAR_WEEKDAYS,
  easterSunday,
  getCalendar,
  isNyseHoliday,
  nyseHolidays,
  tradingDaysBetween,
} from '@alphintra/core';
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
export { DEFAULT_OUTLIER_THRESHOLD, DEFAULT_SPLIT_TOLERANCE } from './price-moves.js';
export { DEFAULT_STALE_RUN } from './stale-prices.js';
export { DEFAULT_MAX_EXAMPLES, validateBars } from './validate-bars.js';
