import type { BarSeries, Calendar, Timeframe } from '@alphintra/core';
import {
  AlphintraError,
  CALENDAR_24X7,
  CALENDAR_US_EQUITY,
  CALENDAR_WEEKDAYS,
  detectTimeframe,
  formatIsoDate,
  formatIsoMicros,
  formatTimeframe,
  getCalendar,
  isNyseHoliday,
  TimeZone,
  weekdayOfDay,
} from '@alphintra/core';
import type { GapModel } from './gap-model.js';
import { buildGapModel, isSessionBreak, localDay, missingBars, missingBarTimes } from './gap-model.js';
import type { ValidateOptions, ValidationReport } from './issue.js';
import { IssueCollector } from './issue-collector.js';
import type { PriceMoves } from './price-moves.js';
import { DEFAULT_OUTLIER_THRESHOLD, DEFAULT_SPLIT_TOLERANCE, findPriceMoves } from './price-moves.js';
import { checkDuplicates, checkOrder, checkRows } from './row-checks.js';
import { sortedOrder, uniqueSortedRows } from './sorted-rows.js';
import { DEFAULT_STALE_RUN, findStaleRuns } from './stale-prices.js';

/** Default number of examples kept per issue kind. */
export const DEFAULT_MAX_EXAMPLES = 5;

// Share of trading days that may fall on Saturdays before 'auto' decides the market never closes.
const AUTO_WEEKEND_SHARE = 0.02;
// Share of NYSE holidays in the span that may carry bars for 'auto' to still pick 'us-equity'.
const AUTO_HOLIDAY_SHARE = 0.2;

/** Everything one validation pass learns, reused by cleaning. */
export interface Analysis {
  readonly report: ValidationReport;
  /** Stable time order of the rows, or undefined when already sorted. */
  readonly order: Uint32Array | undefined;
  readonly gapModel: GapModel;
  readonly priceMoves: PriceMoves;
  /** Rows of stale runs beyond the first bar of each run. */
  readonly staleRows: number[];
  /** The timeframe checked against (given or detected). */
  readonly timeframe: Timeframe | undefined;
}

/**
 * Picks a calendar from the bars: `24x7` when more than 2% of the days with bars are
 * Saturdays, else `us-equity` when at most 20% of the NYSE holidays in the span carry bars,
 * else `weekdays`.
 */
export function chooseCalendar(time: Float64Array, rows: Uint32Array, zone: TimeZone): Calendar {
  if (rows.length === 0) return CALENDAR_WEEKDAYS;
  let days = 0;
  let saturdays = 0;
  let holidaysWithBars = 0;
  let lastDay = Number.NaN;
  for (let k = 0; k < rows.length; k++) {
    const day = localDay(zone, time[rows[k] as number] as number);
    if (day === lastDay) continue;
    lastDay = day;
    days++;
    if (weekdayOfDay(day) === 6) saturdays++;
    else if (isNyseHoliday(day)) holidaysWithBars++;
  }
  if (saturdays > AUTO_WEEKEND_SHARE * days) return CALENDAR_24X7;
  const first = localDay(zone, time[rows[0] as number] as number);
  let holidays = 0;
  for (let day = first; day <= lastDay; day++) {
    const weekday = weekdayOfDay(day);
    if (weekday !== 0 && weekday !== 6 && isNyseHoliday(day)) holidays++;
  }
  return holidays > 0 && holidaysWithBars <= AUTO_HOLIDAY_SHARE * holidays ? CALENDAR_US_EQUITY : CALENDAR_WEEKDAYS;
}

function resolveTimeframe(series: BarSeries, rows: Uint32Array, options: ValidateOptions): Timeframe | undefined {
  if (options.timeframe !== undefined) return options.timeframe;
  if (series.meta.timeframe !== undefined) return series.meta.timeframe;
  const sample = new Float64Array(Math.min(rows.length, 100_001));
  for (let k = 0; k < sample.length; k++) sample[k] = series.time[rows[k] as number] as number;
  return detectTimeframe(sample);
}

function checkGaps(time: Float64Array, rows: Uint32Array, model: GapModel, collector: IssueCollector): void {
  if (model.kind === 'none') return;
  let count = 0;
  // Steps of at most one bar never miss one (for daily bars: no day lies strictly between).
  const normal = model.kind === 'monthly' ? 0 : model.timeframeMicros;
  for (let k = 1; k < rows.length; k++) {
    const t0 = time[rows[k - 1] as number] as number;
    const t1 = time[rows[k] as number] as number;
    if (t1 - t0 <= normal) continue;
    const missing = missingBars(model, t0, t1);
    if (missing === 0) continue;
    count += missing;
    if (collector.wantsExample('gap')) {
      const times = missingBarTimes(model, t0, t1);
      const format = model.kind === 'daily' ? (t: number) => formatIsoDate(model.zone.utcToLocal(t)) : formatIsoMicros;
      const span =
        times.length === 0
          ? `between ${formatIsoMicros(t0)} and ${formatIsoMicros(t1)}`
          : times.length === 1
            ? `at ${format(times[0] as number)}`
            : `from ${format(times[0] as number)} to ${format(times[times.length - 1] as number)}`;
      collector.addExample(
        'gap',
        rows[k] as number,
        t1,
        `${missing} missing ${missing === 1 ? 'bar' : 'bars'} ${span}`,
      );
    }
  }
  collector.addCount('gap', count);
}

function positiveOption(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected a positive ${name}, got ${value}`);
  }
  return value;
}

/** Runs every check and returns the report with the intermediate results cleaning needs. */
export function analyseBars(series: BarSeries, options: ValidateOptions = {}): Analysis {
  const maxExamples = options.maxExamples ?? DEFAULT_MAX_EXAMPLES;
  if (!Number.isInteger(maxExamples) || maxExamples < 0) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected a non-negative integer maxExamples, got ${maxExamples}`);
  }
  const threshold = positiveOption(options.outlierThreshold, DEFAULT_OUTLIER_THRESHOLD, 'outlier threshold');
  const tolerance = positiveOption(options.splitTolerance, DEFAULT_SPLIT_TOLERANCE, 'split tolerance');
  const staleRun = options.staleRun ?? DEFAULT_STALE_RUN;
  if (!Number.isInteger(staleRun) || staleRun < 2) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected an integer staleRun of at least 2, got ${staleRun}`);
  }
  const zone = TimeZone.of(options.timeZone ?? 'UTC');
  const collector = new IssueCollector(maxExamples);
  const time = series.time;

  checkOrder(time, collector);
  const order = sortedOrder(time);
  checkDuplicates(series, order, collector);
  checkRows(series, collector);
  const rows = uniqueSortedRows(time, order);
  const timeframe = resolveTimeframe(series, rows, options);
  const requested = options.calendar ?? 'auto';
  const calendar =
    typeof requested !== 'string'
      ? requested
      : requested.trim().toLowerCase() === 'auto'
        ? chooseCalendar(time, rows, zone)
        : getCalendar(requested);
  const gapModel = buildGapModel(time, rows, timeframe, calendar, zone);
  checkGaps(time, rows, gapModel, collector);
  const priceMoves = findPriceMoves(series, rows, threshold, tolerance, collector, (t0, t1) =>
    isSessionBreak(gapModel, t0, t1),
  );
  // A tick is one trade at one price: high = low by construction, and repeats are normal.
  const staleRows = timeframe?.unit === 'tick' ? [] : findStaleRuns(series, rows, staleRun, collector);

  const issues = collector.issues();
  const n = rows.length;
  const report: ValidationReport = {
    rows: series.length,
    start: n === 0 ? null : formatIsoMicros(time[rows[0] as number] as number),
    end: n === 0 ? null : formatIsoMicros(time[rows[n - 1] as number] as number),
    timeframe: timeframe === undefined ? null : formatTimeframe(timeframe),
    calendar: calendar.name,
    issues,
    ok: issues.every((issue) => issue.severity !== 'error'),
  };
  return { report, order, gapModel, priceMoves, staleRows, timeframe };
}

/**
 * Validates a bar series without changing it and returns a report of every problem found:
 * ordering (out of order, duplicate times), row values (missing or non-positive prices,
 * inconsistent OHLC, negative or missing volume), gaps against the calendar and timeframe,
 * probable unadjusted splits, return outliers and stale prices (runs of repeated,
 * rangeless bars). See docs/data/validation.md for the rules.
 *
 * Rows may be in any order; gap and return checks walk them in stable time order.
 *
 * @example
 * const report = validateBars(series, { calendar: 'us-equity' });
 * if (!report.ok) for (const issue of report.issues) console.log(issue.kind, issue.count, issue.examples[0]?.detail);
 */
export function validateBars(series: BarSeries, options: ValidateOptions = {}): ValidationReport {
  return analyseBars(series, options).report;
}
