import type { Calendar, Timeframe } from '@alphintra/core';

/** A kind of problem that {@link validateBars} detects. */
export type IssueKind =
  | 'duplicate_timestamp'
  | 'out_of_order'
  | 'gap'
  | 'high_below_open_close'
  | 'low_above_open_close'
  | 'high_below_low'
  | 'missing_price'
  | 'non_positive_price'
  | 'negative_volume'
  | 'missing_volume'
  | 'return_outlier'
  | 'probable_split'
  | 'stale_price';

/**
 * Every issue kind, in the order reports list them: ordering problems first, then
 * row-level value problems, then series-level warnings.
 */
export const ISSUE_KINDS: readonly IssueKind[] = [
  'out_of_order',
  'duplicate_timestamp',
  'missing_price',
  'non_positive_price',
  'high_below_low',
  'high_below_open_close',
  'low_above_open_close',
  'negative_volume',
  'missing_volume',
  'gap',
  'probable_split',
  'return_outlier',
  'stale_price',
];

/** How serious an issue is: errors make a report not `ok`; warnings are for a human to judge. */
export type IssueSeverity = 'error' | 'warning';

/** Severity of each kind. Everything that a bar cannot legitimately be is an error. */
export const ISSUE_SEVERITY: Readonly<Record<IssueKind, IssueSeverity>> = {
  out_of_order: 'error',
  duplicate_timestamp: 'error',
  missing_price: 'error',
  non_positive_price: 'error',
  high_below_low: 'error',
  high_below_open_close: 'error',
  low_above_open_close: 'error',
  negative_volume: 'error',
  missing_volume: 'warning',
  gap: 'warning',
  probable_split: 'warning',
  return_outlier: 'warning',
  stale_price: 'warning',
};

/** One concrete occurrence of an issue. */
export interface IssueExample {
  /** Zero-based row index in the validated series. */
  readonly row: number;
  /** The row's time, ISO 8601 UTC. */
  readonly time: string;
  /** What is wrong, e.g. `high 10.5 < close 10.7`. */
  readonly detail: string;
}

/** All occurrences of one issue kind. */
export interface ValidationIssue {
  readonly kind: IssueKind;
  /** Number of rows affected (for gaps: number of missing bars). */
  readonly count: number;
  /** The first occurrences, at most `maxExamples`. */
  readonly examples: IssueExample[];
  readonly severity: IssueSeverity;
}

/** The result of validating a series. */
export interface ValidationReport {
  readonly rows: number;
  /** Earliest bar time (ISO UTC), or null when empty. */
  readonly start: string | null;
  /** Latest bar time (ISO UTC), or null when empty. */
  readonly end: string | null;
  /** The timeframe checked against, formatted (`1d`, `5m`), or null when unknown. */
  readonly timeframe: string | null;
  /** Name of the calendar gaps were checked against. */
  readonly calendar: string;
  /** Issues with a count above zero, in {@link ISSUE_KINDS} order. */
  readonly issues: ValidationIssue[];
  /** True when no issue has error severity. */
  readonly ok: boolean;
}

/** Options of {@link validateBars} and {@link cleanBars}. */
export interface ValidateOptions {
  /** Timeframe of the bars; default: the series' meta, else detected from the times. */
  readonly timeframe?: Timeframe | undefined;
  /** Calendar name (`24x7`, `weekdays`, `us-equity`, `auto`) or object; default `auto`. */
  readonly calendar?: string | Calendar | undefined;
  /** IANA zone of the exchange, used to assign bars to calendar days and sessions; default `UTC`. */
  readonly timeZone?: string | undefined;
  /** Robust standard deviations beyond which a log return is an outlier; default 10. */
  readonly outlierThreshold?: number | undefined;
  /** Largest relative distance (in log terms) from a split ratio for a probable split; default 0.03. */
  readonly splitTolerance?: number | undefined;
  /**
   * Shortest run of consecutive bars with high = low and one unchanged close that counts
   * as `stale_price`; an integer of at least 2, default 5 (a week of daily bars).
   */
  readonly staleRun?: number | undefined;
  /** Examples kept per issue kind; default 5. */
  readonly maxExamples?: number | undefined;
}
