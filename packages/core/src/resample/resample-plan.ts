import { AlphintraError } from '../errors.js';
import { formatIsoMicros, MICROS_PER_HOUR } from '../time.js';
import { canResample, formatTimeframe, type Timeframe, timeframeMicros } from '../timeframe.js';
import { BucketCalendar, checkSessionAlignment } from './bucket-calendar.js';
import type { ResampleOptions } from './resample-options.js';

/** What the batch and streaming resamplers share once options are checked. */
export interface ResamplePlan {
  readonly calendar: BucketCalendar;
  readonly labelRight: boolean;
  /**
   * How far a source bar reaches past its open time for the boundary check: its length for
   * intraday sources, a little less than a day for daily ones (DST days last 23 hours), and
   * 0 when unknown or variable (ticks, months, sessions of daily bars).
   */
  readonly reach: number;
  /** Calendar of the source timeframe, used to find when the last source bar closes. */
  readonly sourceCalendar: BucketCalendar | undefined;
}

/** Checks options against the source timeframe (when known) and prepares the calendars. */
export function planResample(options: ResampleOptions, source: Timeframe | undefined): ResamplePlan {
  const target = options.timeframe;
  if (options.label !== undefined && options.label !== 'left' && options.label !== 'right') {
    throw new AlphintraError('INVALID_ARGUMENT', `expected label left or right, got "${options.label}"`);
  }
  if (source !== undefined && !canResample(source, target)) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `cannot build ${formatTimeframe(target)} bars from ${formatTimeframe(source)} bars`,
    );
  }
  if (source !== undefined && options.session !== undefined) checkSessionAlignment(options.session, source);
  const calendar = new BucketCalendar(target, options);
  let reach = 0;
  let sourceCalendar: BucketCalendar | undefined;
  if (source !== undefined && source.unit !== 'tick') {
    const length = timeframeMicros(source) ?? 0;
    if (source.unit === 'second' || source.unit === 'minute' || source.unit === 'hour') reach = length;
    else if (source.unit === 'day' && options.session === undefined) reach = length - 2 * MICROS_PER_HOUR;
    sourceCalendar = new BucketCalendar(source, options);
  }
  return { calendar, labelRight: options.label === 'right', reach, sourceCalendar };
}

/** Returns the time the last source bar (opening at `lastTime`) closes, per the plan. */
export function sourceCloseTime(plan: ResamplePlan, lastTime: number): number {
  if (plan.sourceCalendar === undefined) return lastTime;
  plan.sourceCalendar.locate(lastTime);
  return plan.sourceCalendar.end;
}

/** Throws the error for a source bar at `time` that reaches past the bucket closing at `end`. */
export function straddleError(row: number | undefined, time: number, end: number): AlphintraError {
  const where = row === undefined ? '' : ` at row ${row}`;
  return new AlphintraError(
    'DATA_REJECTED',
    `source bar${where} (${formatIsoMicros(time)}) runs past the bucket boundary at ${formatIsoMicros(end)}; ` +
      'are the bars stamped in the same time zone as the resampling calendar?',
  );
}

/** Throws the error for an unsorted row. */
export function unsortedError(row: number | undefined, time: number, previous: number): AlphintraError {
  const where = row === undefined ? 'a bar' : `row ${row}`;
  const text = (t: number): string => (Number.isFinite(t) ? formatIsoMicros(t) : String(t));
  return new AlphintraError(
    'DATA_REJECTED',
    `expected bar times in ascending order, got ${where} at ${text(time)} after ${text(previous)}`,
  );
}
