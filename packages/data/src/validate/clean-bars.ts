import type { BarSeries } from '@alphintra/core';
import { AlphintraError, BarSeries as Series } from '@alphintra/core';
import type { LineageStep } from '../lineage.js';
import type { WorkColumns } from './clean-columns.js';
import { repairEnvelopes, repairPrices, repairVolumes, takeRows, withoutRows } from './clean-columns.js';
import type { CleaningAction, CleaningPolicy } from './cleaning-policy.js';
import { resolvePolicy } from './cleaning-policy.js';
import { missingBarTimes } from './gap-model.js';
import type { IssueKind, ValidateOptions, ValidationReport } from './issue.js';
import { ISSUE_KINDS } from './issue.js';
import { analyseBars } from './validate-bars.js';

/** The outcome of {@link cleanBars}. */
export interface CleaningResult {
  /** The cleaned series (new columns; the input is never changed). */
  readonly series: BarSeries;
  /** `clean` step: the resolved policy and the rows affected per kind. */
  readonly lineage: LineageStep;
  /** Validation of the input. */
  readonly before: ValidationReport;
  /** Validation of the result, with the same timeframe and calendar. */
  readonly after: ValidationReport;
}

function toSeries(columns: WorkColumns, meta: BarSeries['meta']): BarSeries {
  return Series.fromColumns(columns, meta);
}

function rejectIfPresent(report: ValidationReport, policy: Record<IssueKind, CleaningAction>): void {
  for (const issue of report.issues) {
    if (policy[issue.kind] !== 'reject') continue;
    const first = issue.examples[0];
    const where = first === undefined ? '' : ` (first: row ${first.row} at ${first.time}: ${first.detail})`;
    throw new AlphintraError('DATA_REJECTED', `rejected: ${issue.count} × ${issue.kind}${where}`);
  }
}

/** Returns the row order after the ordering and duplicate actions. */
function orderRows(
  series: BarSeries,
  order: Uint32Array | undefined,
  outOfOrder: CleaningAction,
  duplicates: CleaningAction,
  counts: Record<string, number>,
): Uint32Array {
  const time = series.time;
  const n = series.length;
  let rows: Uint32Array;
  if (outOfOrder === 'sort' && order !== undefined) {
    rows = order;
  } else {
    rows = new Uint32Array(n);
    for (let i = 0; i < n; i++) rows[i] = i;
  }
  if (outOfOrder === 'drop' || outOfOrder === 'sort') {
    let max = Number.NEGATIVE_INFINITY;
    let m = 0;
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const t = time[i] as number;
      if (t < max) moved++;
      else max = t;
      if (outOfOrder === 'drop' && t >= max) rows[m++] = i;
    }
    if (outOfOrder === 'drop') rows = rows.slice(0, m);
    counts['out_of_order'] = moved;
  }
  if (duplicates !== 'drop') return rows;
  const sorted = rows.every((row, k) => k === 0 || (time[row] as number) >= (time[rows[k - 1] as number] as number));
  const kept: number[] = [];
  const seen = sorted ? undefined : new Set<number>();
  let last = Number.NaN;
  for (const row of rows) {
    const t = time[row] as number;
    const repeat = seen === undefined ? t === last : seen.has(t);
    if (repeat) continue;
    seen?.add(t);
    last = t;
    kept.push(row);
  }
  counts['duplicate_timestamp'] = rows.length - kept.length;
  return Uint32Array.from(kept);
}

function fillGaps(
  columns: WorkColumns,
  model: ReturnType<typeof analyseBars>['gapModel'],
  action: CleaningAction,
  counts: Record<string, number>,
): WorkColumns {
  const n = columns.time.length;
  const inserts: { after: number; times: number[] }[] = [];
  let total = 0;
  for (let i = 1; i < n; i++) {
    const t0 = columns.time[i - 1] as number;
    const t1 = columns.time[i] as number;
    if (t1 < t0) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `gap=${action} needs bars in time order; use out_of_order=sort or drop`,
      );
    }
    const times = missingBarTimes(model, t0, t1);
    if (times.length === 0) continue;
    inserts.push({ after: i - 1, times });
    total += times.length;
  }
  counts['gap'] = total;
  if (total === 0) return columns;
  const size = n + total;
  const make = (): Float64Array => new Float64Array(size);
  const out: WorkColumns = {
    time: make(),
    open: make(),
    high: make(),
    low: make(),
    close: make(),
    volume: make(),
    extras: {},
  };
  const extraNames = Object.keys(columns.extras);
  for (const name of extraNames) out.extras[name] = make().fill(Number.NaN);
  let target = 0;
  let nextInsert = 0;
  for (let i = 0; i < n; i++) {
    out.time[target] = columns.time[i] as number;
    out.open[target] = columns.open[i] as number;
    out.high[target] = columns.high[i] as number;
    out.low[target] = columns.low[i] as number;
    out.close[target] = columns.close[i] as number;
    out.volume[target] = columns.volume[i] as number;
    for (const name of extraNames)
      (out.extras[name] as Float64Array)[target] = (columns.extras[name] as Float64Array)[i] as number;
    target++;
    const insert = inserts[nextInsert];
    if (insert === undefined || insert.after !== i) continue;
    nextInsert++;
    const from = columns.close[i] as number;
    const to = columns.open[i + 1] as number;
    const t0 = columns.time[i] as number;
    const t1 = columns.time[i + 1] as number;
    for (const t of insert.times) {
      const price = action === 'interpolate' ? from + ((to - from) * (t - t0)) / (t1 - t0) : from;
      out.time[target] = t;
      out.open[target] = price;
      out.high[target] = price;
      out.low[target] = price;
      out.close[target] = price;
      out.volume[target] = 0;
      target++;
    }
  }
  return out;
}

/**
 * Cleans a bar series by an explicit policy and returns the new series, its lineage step
 * and validation reports before and after. The input is never modified; the same input and
 * policy always give the same output.
 *
 * Steps, in order: reject (throws DATA_REJECTED naming the kind, count and first example
 * when a kind whose action is `reject` is present in the input), ordering (sort or drop
 * out-of-order rows), duplicates (keep the first row of each time), missing and
 * non-positive prices, OHLC consistency, volumes, return outliers (dropped as found on the
 * series cleaned so far), stale runs (repeats beyond each run's first bar dropped, as found
 * on the series cleaned so far) and gaps (bars inserted; a gap left by dropped stale bars is
 * filled too when the gap action fills). Kinds the policy leaves out are kept.
 * See docs/data/validation.md.
 *
 * @example
 * const { series: clean, lineage, after } = cleanBars(series, parseCleaningPolicy('default,gap=forward_fill'));
 */
export function cleanBars(series: BarSeries, policy: CleaningPolicy, options: ValidateOptions = {}): CleaningResult {
  const actions = resolvePolicy(policy);
  const before = analyseBars(series, options);
  rejectIfPresent(before.report, actions);
  // Later passes check against what the input was checked against, even if 'auto' would now choose otherwise.
  const fixed: ValidateOptions = { ...options, calendar: before.gapModel.calendar, timeframe: before.timeframe };
  const counts: Record<string, number> = {};

  const rows = orderRows(series, before.order, actions.out_of_order, actions.duplicate_timestamp, counts);
  let columns = takeRows(series, rows);
  let dropped = new Uint8Array(rows.length);
  repairPrices(columns, actions.missing_price, actions.non_positive_price, dropped, counts);
  repairEnvelopes(
    columns,
    {
      highBelowLow: actions.high_below_low,
      highBelowOpenClose: actions.high_below_open_close,
      lowAboveOpenClose: actions.low_above_open_close,
    },
    dropped,
    counts,
  );
  repairVolumes(columns, actions.missing_volume, actions.negative_volume, dropped, counts);
  columns = withoutRows(columns, dropped);

  if (actions.return_outlier === 'drop') {
    const interim = analyseBars(toSeries(columns, series.meta), { ...fixed, maxExamples: 0 });
    dropped = new Uint8Array(columns.time.length);
    for (const row of interim.priceMoves.outlierRows) dropped[row] = 1;
    counts['return_outlier'] = interim.priceMoves.outlierRows.length;
    columns = withoutRows(columns, dropped);
  }
  if (actions.stale_price === 'drop') {
    const interim = analyseBars(toSeries(columns, series.meta), { ...fixed, maxExamples: 0 });
    dropped = new Uint8Array(columns.time.length);
    for (const row of interim.staleRows) dropped[row] = 1;
    counts['stale_price'] = interim.staleRows.length;
    columns = withoutRows(columns, dropped);
  }
  if (actions.gap === 'forward_fill' || actions.gap === 'interpolate') {
    const interim = analyseBars(toSeries(columns, series.meta), { ...fixed, maxExamples: 0 });
    columns = fillGaps(columns, interim.gapModel, actions.gap, counts);
  }

  const cleaned = toSeries(columns, series.meta);
  const after = analyseBars(cleaned, fixed).report;
  const rowsAffected: Record<string, number> = {};
  for (const kind of ISSUE_KINDS) rowsAffected[kind] = counts[kind] ?? 0;
  const lineage: LineageStep = {
    operation: 'clean',
    details: {
      policy: actions,
      rowsAffected,
      rowsBefore: series.length,
      rowsAfter: cleaned.length,
      timeframe: before.report.timeframe,
      calendar: before.report.calendar,
      timeZone: options.timeZone ?? 'UTC',
    },
  };
  return { series: cleaned, lineage, before: before.report, after };
}
