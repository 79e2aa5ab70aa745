import type { Timeframe } from '../timeframe.js';

/**
 * A daily trading session in exchange-local wall time. A session whose close is at or before
 * its open crosses midnight (futures: `18:00` → `17:00`) and belongs to the trading day on
 * which it closes.
 */
export interface SessionSpec {
  /** IANA zone of the exchange (`America/Chicago`); overrides {@link ResampleOptions.timeZone}. */
  readonly timeZone: string;
  /** Local open time, `HH:MM`. */
  readonly open: string;
  /** Local close time, `HH:MM` (`24:00` allowed). */
  readonly close: string;
}

/** How to resample bars; see docs/data/resampling.md. */
export interface ResampleOptions {
  /** The timeframe to build. */
  readonly timeframe: Timeframe;
  /** Zone whose calendar sets day, week and month boundaries (and intraday alignment); default `UTC`. */
  readonly timeZone?: string;
  /**
   * Trading session: daily and longer bars follow sessions instead of midnight, and intraday
   * buckets are anchored to the session open (the last one of a session ends at its close).
   */
  readonly session?: SessionSpec;
  /** First day of a week bucket; default `monday`. */
  readonly weekStart?: 'monday' | 'sunday';
  /** `left` (default) stamps a bar with its bucket's open time, `right` with its close time. */
  readonly label?: 'left' | 'right';
  /** Keeps the trailing bucket even when it has not closed yet; default false. */
  readonly includePartial?: boolean;
  /** The source bars' timeframe; default `series.meta.timeframe`, else detected from the times. */
  readonly sourceTimeframe?: Timeframe;
  /**
   * The clock time (µs) up to which the data is known to be complete; default the close of
   * the last source bar. The trailing bucket is partial when it ends after this time.
   */
  readonly asOf?: number;
}
