import { AlphintraError } from '../errors.js';
import { parseClock, sessionOffsets } from '../resample/bucket-calendar.js';
import { daysFromCivil, MICROS_PER_DAY } from '../time.js';
import { TimeZone } from '../time-zone.js';
import { weekdayOfDay } from './nyse-holidays.js';
import type { Calendar } from './trading-days.js';

/**
 * A market's regular trading hours as plain data (so it can be read from JSON and recorded in
 * a run manifest): one session per trading day, from `open` to `close` in the exchange's zone.
 * A session whose close is at or before its open starts the calendar day before and belongs to
 * the trading day on which it closes (FX: `17:00` → `17:00`, Sunday evening to Monday evening
 * is Monday's session).
 */
export interface SessionCalendarSpec {
  /** Name shown in reports and manifests (`us-equity`, `cme-equity-futures`). */
  readonly name: string;
  /** IANA zone of the exchange (`America/New_York`) or `UTC`. */
  readonly timeZone: string;
  /** Local open, `HH:MM`. */
  readonly open: string;
  /** Local close, `HH:MM` (`24:00` allowed). */
  readonly close: string;
  /** Weekdays with a session (0 = Sunday … 6 = Saturday), of the day the session closes. Default Monday to Friday. */
  readonly weekdays?: readonly number[];
  /** Trading days without a session, `YYYY-MM-DD`. */
  readonly holidays?: readonly string[];
  /** Days whose session closes early: `YYYY-MM-DD` → local close `HH:MM`. */
  readonly earlyCloses?: Readonly<Record<string, string>>;
}

/** Rules a preset computes instead of listing dates (the NYSE's holidays and early closes). */
export interface SessionRules {
  /** Returns true when the trading day `day` (days since 1970-01-01) has no session. */
  isHoliday?(day: number): boolean;
  /** Returns the local close (µs after midnight) of a trading day that closes early, else NaN. */
  earlyClose?(day: number): number;
}

/**
 * One session located by {@link SessionCalendar.locate}: the first session whose close is after
 * the time asked about, and the close of the session before it. The market is open at `t` when
 * `open <= t < close`; the answer holds for every `t` in `[previousClose, close)`.
 */
export interface SessionWindow {
  /** Open (UTC µs); +Infinity when the calendar has no later session. */
  open: number;
  /** Close (UTC µs), exclusive. */
  close: number;
  /** The trading day (days since 1970-01-01, the local date the session closes). */
  day: number;
  /** Close of the session before (−Infinity when there is none). */
  previousClose: number;
}

/** Returns a window that contains no time, for {@link SessionCalendar.locate} to fill. */
export function emptySessionWindow(): SessionWindow {
  return { open: Number.NaN, close: Number.NEGATIVE_INFINITY, day: 0, previousClose: Number.POSITIVE_INFINITY };
}

/** Days searched for a session before concluding there is none (ten years). */
const SEARCH_DAYS = 3660;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayOf(text: string, what: string): number {
  const match = DATE.exec(text.trim());
  const day = match === null ? Number.NaN : daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
  if (match === null || !Number.isFinite(day) || Number(match[2]) > 12 || Number(match[3]) > 31) {
    throw new AlphintraError('INVALID_ARGUMENT', `expected ${what} as YYYY-MM-DD, got "${text}"`);
  }
  return day;
}

/**
 * A market's trading sessions: when it opens and closes on each trading day, in its own zone
 * (so daylight-saving changes move the sessions in UTC), without its holidays, with its early
 * closes. Also a day-level {@link Calendar} (`isTradingDay`).
 *
 * @example
 * const nyse = sessionCalendar('us-equity');
 * nyse.isOpen(Date.UTC(2024, 6, 3, 17, 30) * 1000); // false: 13:30 New York on an early close
 * nyse.nextOpen(Date.UTC(2024, 6, 3, 17, 30) * 1000); // 2024-07-05T13:30:00Z (July 4 is a holiday)
 */
export class SessionCalendar implements Calendar {
  readonly name: string;
  /** The data this calendar was built from. */
  readonly spec: SessionCalendarSpec;
  readonly zone: TimeZone;
  /** Whether the calendar is a built-in preset (manifests then record its name only). */
  readonly preset: boolean;
  readonly #open: number;
  readonly #close: number;
  readonly #weekdays: boolean[];
  readonly #holidays: ReadonlySet<number>;
  readonly #early: ReadonlyMap<number, number>;
  readonly #rules: SessionRules;
  readonly #scratch = emptySessionWindow();

  constructor(spec: SessionCalendarSpec, rules: SessionRules = {}, preset = false) {
    if (typeof spec.name !== 'string' || spec.name.trim() === '')
      throw new AlphintraError('INVALID_ARGUMENT', 'expected a session calendar name');
    this.name = spec.name;
    this.spec = spec;
    this.preset = preset;
    this.zone = TimeZone.of(spec.timeZone);
    const offsets = sessionOffsets({ timeZone: spec.timeZone, open: spec.open, close: spec.close });
    this.#open = offsets.open;
    this.#close = offsets.close;
    const weekdays = spec.weekdays ?? [1, 2, 3, 4, 5];
    if (weekdays.length === 0 || weekdays.some((d) => !(Number.isInteger(d) && d >= 0 && d <= 6))) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `expected session weekdays as numbers 0 (Sunday) to 6 (Saturday), got [${weekdays.join(', ')}]`,
      );
    }
    this.#weekdays = Array.from({ length: 7 }, (_, d) => weekdays.includes(d));
    this.#holidays = new Set((spec.holidays ?? []).map((d) => dayOf(d, 'a holiday')));
    const early = new Map<number, number>();
    for (const [date, time] of Object.entries(spec.earlyCloses ?? {})) {
      const close = parseClock(time, `early close of ${date}`);
      if (!(close > this.#open)) {
        throw new AlphintraError('INVALID_ARGUMENT', `expected the early close of ${date} after the open, got ${time}`);
      }
      early.set(dayOf(date, 'an early close date'), close);
    }
    this.#early = early;
    this.#rules = rules;
  }

  /** Returns true when trading day `day` (days since 1970-01-01) has a session. */
  isTradingDay(day: number): boolean {
    if (!this.#weekdays[weekdayOfDay(day)]) return false;
    if (this.#holidays.has(day)) return false;
    return this.#rules.isHoliday?.(day) !== true;
  }

  /** Returns the local close of a trading day (µs after its midnight): early or regular. */
  #closeOffset(day: number): number {
    const listed = this.#early.get(day);
    if (listed !== undefined) return listed;
    const rule = this.#rules.earlyClose?.(day);
    return rule !== undefined && rule > this.#open ? rule : this.#close;
  }

  /** Returns the open (UTC µs) of trading day `day`'s session. */
  openOf(day: number): number {
    return this.zone.localToUtc(day * MICROS_PER_DAY + this.#open);
  }

  /** Returns the close (UTC µs) of trading day `day`'s session (early closes included). */
  closeOf(day: number): number {
    return this.zone.localToUtc(day * MICROS_PER_DAY + this.#closeOffset(day));
  }

  /** Whether trading day `day` closes earlier than the regular close. */
  closesEarly(day: number): boolean {
    return this.#closeOffset(day) !== this.#close;
  }

  /**
   * Writes into `out` the first session whose close is after `time` (the one open at `time`,
   * or the next to open) and the close of the session before it; returns `out`.
   */
  locate(time: number, out: SessionWindow): SessionWindow {
    // The session containing `time` belongs to the local date of `time` or the day after
    // (a session crossing midnight); start one day earlier to be safe.
    const first = Math.floor(this.zone.utcToLocal(time) / MICROS_PER_DAY) - 1;
    let day = first;
    let close = Number.POSITIVE_INFINITY;
    for (; day < first + SEARCH_DAYS; day++) {
      if (!this.isTradingDay(day)) continue;
      const c = this.closeOf(day);
      if (c > time) {
        close = c;
        break;
      }
    }
    if (close === Number.POSITIVE_INFINITY) {
      out.open = Number.POSITIVE_INFINITY;
      out.close = Number.POSITIVE_INFINITY;
      out.day = day;
    } else {
      out.open = this.openOf(day);
      out.close = close;
      out.day = day;
    }
    let previous = Number.NEGATIVE_INFINITY;
    for (let d = day - 1; d > day - SEARCH_DAYS; d--) {
      if (this.isTradingDay(d)) {
        previous = this.closeOf(d);
        break;
      }
    }
    out.previousClose = Math.min(previous, time);
    return out;
  }

  /** Whether the regular session is open at `time` (open inclusive, close exclusive). */
  isOpen(time: number): boolean {
    const w = this.locate(time, this.#scratch);
    return w.open <= time;
  }

  /** The next close at or after `time`: the close of the session open at `time`, or of the next one. */
  nextClose(time: number): number {
    return this.locate(time, this.#scratch).close;
  }

  /** The next open after `time`: the next session's open when open now, else the coming session's. */
  nextOpen(time: number): number {
    const w = this.locate(time, this.#scratch);
    if (w.open > time) return w.open;
    return this.locate(w.close, this.#scratch).open;
  }

  /** The calendar as recorded in manifests: a preset's name, or a custom calendar's spec. */
  toJSON(): string | SessionCalendarSpec {
    return this.preset ? this.name : this.spec;
  }
}
