import { AlphintraError } from '../errors.js';
import { civilFromDays, daysFromCivil, MICROS_PER_DAY, MICROS_PER_MINUTE } from '../time.js';
import { TimeZone } from '../time-zone.js';
import { formatTimeframe, type Timeframe, timeframeMicros } from '../timeframe.js';
import type { ResampleOptions, SessionSpec } from './resample-options.js';
import { WallClockGrid } from './wall-clock-grid.js';

/** Local session bounds as offsets (µs) from the local midnight of the trading day. */
interface SessionOffsets {
  /** Open, negative when the session starts on the previous calendar day. */
  readonly open: number;
  /** Close, in (0, 24h]. */
  readonly close: number;
}

const WHOLE_DAY: SessionOffsets = { open: 0, close: MICROS_PER_DAY };

/** Parses a local clock time `HH:MM` (`24:00` allowed) into µs after midnight; `what` names it in errors. */
export function parseClock(text: string, what: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  const hours = match === null ? Number.NaN : Number(match[1]);
  const minutes = match === null ? Number.NaN : Number(match[2]);
  if (!(hours >= 0 && minutes < 60 && hours * 60 + minutes <= 24 * 60)) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected session ${what} as HH:MM, got "${text}"`);
  }
  return (hours * 60 + minutes) * MICROS_PER_MINUTE;
}

/** Returns the session's open and close as offsets from the trading day's local midnight. */
export function sessionOffsets(session: SessionSpec): SessionOffsets {
  const open = parseClock(session.open, 'open') % MICROS_PER_DAY;
  let close = parseClock(session.close, 'close');
  if (close === 0) close = MICROS_PER_DAY;
  // A session closing at or before its open started the calendar day before.
  return { open: close > open ? open : open - MICROS_PER_DAY, close };
}

/**
 * Maps a timestamp to the bucket that contains it, for one target timeframe, zone and
 * optional session. After {@link locate}, `from`, `start` and `end` describe the bucket:
 * a timestamp belongs to it when `from <= t < end`; `start` is its label (its open) and
 * `end` the moment it closes. `from` is earlier than `start` only for daily-or-longer
 * session buckets, which also collect the out-of-session bars before their first open.
 *
 * Callers test membership with the cached bounds and call `locate` only when a timestamp
 * leaves the bucket, so zone arithmetic runs once per bucket, not once per bar.
 */
export class BucketCalendar {
  /** First timestamp that belongs to the located bucket. */
  from = Number.NaN;
  /** The located bucket's open time (its left label). */
  start = Number.NaN;
  /** The located bucket's close time, exclusive (its right label and the time it becomes known). */
  end = Number.NaN;
  readonly #timeframe: Timeframe;
  readonly #zone: TimeZone;
  readonly #utc: boolean;
  readonly #session: SessionOffsets | undefined;
  readonly #offsets: SessionOffsets;
  readonly #length: number;
  readonly #weekAnchorDay: number;
  readonly #grid: WallClockGrid | undefined;
  // Cached trading day for intraday session buckets.
  #dayFrom = Number.NaN;
  #dayOpen = Number.NaN;
  #dayEnd = Number.NaN;

  constructor(timeframe: Timeframe, options: Omit<ResampleOptions, 'timeframe'> = {}) {
    if (timeframe.unit === 'tick') {
      throw new AlphintraError('INVALID_ARGUMENT', 'cannot build tick bars by resampling');
    }
    this.#timeframe = timeframe;
    this.#zone = TimeZone.of(options.session?.timeZone ?? options.timeZone ?? 'UTC');
    this.#utc = this.#zone.isUtc;
    this.#session = options.session === undefined ? undefined : sessionOffsets(options.session);
    this.#offsets = this.#session ?? WHOLE_DAY;
    this.#length = timeframeMicros(timeframe) ?? 0;
    // Day 4 after the epoch (1970-01-05) is a Monday, day 3 a Sunday.
    this.#weekAnchorDay = options.weekStart === 'sunday' ? 3 : 4;
    this.#grid = this.#length > 0 ? new WallClockGrid(this.#zone, this.#length) : undefined;
    if (options.weekStart !== undefined && options.weekStart !== 'monday' && options.weekStart !== 'sunday') {
      throw new AlphintraError('INVALID_ARGUMENT', `expected weekStart monday or sunday, got "${options.weekStart}"`);
    }
  }

  /** The calendar's zone. */
  get zone(): TimeZone {
    return this.#zone;
  }

  /**
   * The bucket length when buckets are plain multiples of it since the epoch (intraday, UTC,
   * no session, dividing a day), so hot loops may compute them inline; otherwise 0.
   */
  get uniformLength(): number {
    return this.#grid !== undefined && this.#utc && this.#session === undefined && MICROS_PER_DAY % this.#length === 0
      ? this.#length
      : 0;
  }

  /** Whether buckets follow a trading session. */
  get hasSession(): boolean {
    return this.#session !== undefined;
  }

  /** Locates the bucket containing `time` and stores its bounds in `from`, `start` and `end`. */
  locate(time: number): void {
    if (!Number.isFinite(time)) {
      throw new AlphintraError('INVALID_ARGUMENT', `expected a finite bar time, got ${time}`);
    }
    const unit = this.#timeframe.unit;
    if (unit === 'day' || unit === 'week' || unit === 'month') this.#locateDays(time);
    else if (this.#session === undefined) this.#locateWallClock(time);
    else this.#locateInSession(time);
  }

  // Intraday buckets aligned to local wall-clock time, restarting at each local midnight.
  #locateWallClock(time: number): void {
    const grid = this.#grid as WallClockGrid;
    grid.locate(time);
    this.from = grid.start;
    this.start = grid.start;
    this.end = grid.end;
  }

  // Intraday buckets anchored to the session open and cut at the session close.
  #locateInSession(time: number): void {
    if (!(time >= this.#dayFrom && time < this.#dayEnd)) {
      const day = this.#tradingDay(time);
      const { open, close } = this.#offsets;
      this.#dayFrom = this.#localToUtc((day - 1) * MICROS_PER_DAY + close);
      this.#dayOpen = this.#localToUtc(day * MICROS_PER_DAY + open);
      this.#dayEnd = this.#localToUtc(day * MICROS_PER_DAY + close);
    }
    const length = this.#length;
    const open = this.#dayOpen;
    const start = open + Math.floor((time - open) / length) * length;
    const cap = time >= open ? this.#dayEnd : open;
    const from = Math.max(start, this.#dayFrom);
    this.from = from;
    this.start = from;
    this.end = Math.min(start + length, cap);
  }

  // Day, week and month buckets made of whole trading days.
  #locateDays(time: number): void {
    const day = this.#tradingDay(time);
    const count = this.#timeframe.count;
    let firstDay: number;
    let endDay: number;
    switch (this.#timeframe.unit) {
      case 'day':
        firstDay = Math.floor(day / count) * count;
        endDay = firstDay + count;
        break;
      case 'week': {
        const anchor = this.#weekAnchorDay;
        firstDay = anchor + Math.floor((day - anchor) / (7 * count)) * 7 * count;
        endDay = firstDay + 7 * count;
        break;
      }
      default: {
        const civil = civilFromDays(day);
        const month = civil.year * 12 + civil.month - 1;
        const first = Math.floor(month / count) * count;
        const next = first + count;
        firstDay = daysFromCivil(Math.floor(first / 12), (first % 12) + 1, 1);
        endDay = daysFromCivil(Math.floor(next / 12), (next % 12) + 1, 1);
      }
    }
    const { open, close } = this.#offsets;
    this.from = this.#localToUtc((firstDay - 1) * MICROS_PER_DAY + close);
    this.start = this.#localToUtc(firstDay * MICROS_PER_DAY + open);
    this.end = this.#localToUtc((endDay - 1) * MICROS_PER_DAY + close);
  }

  // The local date whose session (or calendar day) contains `time`, as days since the epoch;
  // out-of-session times belong to the next session.
  #tradingDay(time: number): number {
    const local = this.#utc ? time : time + this.#zone.offsetAt(time);
    const date = Math.floor(local / MICROS_PER_DAY);
    return local - date * MICROS_PER_DAY >= this.#offsets.close ? date + 1 : date;
  }

  #localToUtc(local: number): number {
    return this.#utc ? local : this.#zone.localToUtc(local);
  }
}

/** Throws when the session's open or close falls inside a bar of `source` (a bar would straddle it). */
export function checkSessionAlignment(session: SessionSpec, source: Timeframe): void {
  const length = timeframeMicros(source);
  if (length === undefined || length >= MICROS_PER_DAY) return;
  const { open, close } = sessionOffsets(session);
  const misaligned = (value: number): boolean => ((value % length) + length) % length !== 0;
  if (misaligned(open) || misaligned(close)) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `session ${session.open}–${session.close} does not fall on ${formatTimeframe(source)} bar boundaries`,
    );
  }
}

/**
 * Returns the open time (left label) of the bucket of `options.timeframe` that contains
 * `time`, following the same zone, week and session rules as {@link resampleBars}.
 *
 * @example
 * bucketStart(civilToMicros(2006, 1, 4, 15, 7), { timeframe: parseTimeframe('1w') }) // Monday 2006-01-02T00:00Z
 */
export function bucketStart(time: number, options: ResampleOptions): number {
  const calendar = new BucketCalendar(options.timeframe, options);
  calendar.locate(time);
  return calendar.start;
}
