import { emptySessionWindow, type SessionCalendar, type SessionWindow } from '@alphintra/core';

/** What the exchange needs of an instrument's bars to place them in sessions. */
export interface SessionBars {
  readonly time: Float64Array;
  /** Bar length in µs. */
  readonly duration: number;
  /** Bars of a day or longer: each bar is a whole session. */
  readonly sessionBars: boolean;
}

/**
 * Places one instrument's bars (or ticks) and orders in its trading sessions, for the simulated
 * exchange.
 *
 * A bar belongs to a session when its interval overlaps the session's hours (so an hourly bar
 * 09:00–10:00 is the first bar of a 09:30 session); bars that overlap none — pre- and
 * post-market data, weekends, holidays — are out of session. A bar reaching the session's
 * close is its last. Bars of a day or longer are each a whole session.
 *
 * The located session is cached: times move forward, so the calendar is asked once per
 * session, not once per bar.
 */
export class BarSessions {
  readonly calendar: SessionCalendar;
  /** The session located last: the first whose close is after the time asked about. */
  readonly window: SessionWindow = emptySessionWindow();
  /** Whether the bar classified last is in a session. */
  inSession = true;
  /** Whether it is the first bar of its session. */
  first = true;
  /** Whether it reaches its session's close (the session's last bar). */
  reachesClose = false;
  readonly #bars: SessionBars;
  readonly #other: SessionWindow = emptySessionWindow();

  constructor(calendar: SessionCalendar, bars: SessionBars) {
    this.calendar = calendar;
    this.#bars = bars;
  }

  /** Locates the session for `time` (the one open then, or the next) into {@link window}. */
  locate(time: number): SessionWindow {
    const w = this.window;
    if (!(time >= w.previousClose && time < w.close)) this.calendar.locate(time, w);
    return w;
  }

  /** Sets {@link inSession}, {@link first} and {@link reachesClose} for bar `bar`. */
  classify(bar: number): void {
    const b = this.#bars;
    if (b.sessionBars) {
      this.inSession = true;
      this.first = true;
      this.reachesClose = true;
      return;
    }
    const time = b.time[bar] as number;
    const w = this.locate(time);
    const d = b.duration;
    // Bars overlap the session's hours; a tick (no length) lies within them.
    const inSession = d > 0 ? time + d > w.open : time >= w.open;
    this.inSession = inSession;
    if (!inSession) {
      this.first = false;
      this.reachesClose = false;
      return;
    }
    const previous = bar > 0 ? (b.time[bar - 1] as number) : Number.NEGATIVE_INFINITY;
    this.first = d > 0 ? previous + d <= w.open : previous < w.open;
    // A tick is an instant before the close: the session's last tick is known only later.
    this.reachesClose = d > 0 && time + d >= w.close;
  }

  /** Whether a bar (or tick, of no length) at `time` overlaps the hours of session `w`. */
  #overlaps(time: number, w: SessionWindow): boolean {
    const d = this.#bars.duration;
    return d > 0 ? time + d > w.open && time < w.close : time >= w.open && time < w.close;
  }

  /** Close of the session an order reaching the venue at `time` belongs to: the one open then, or the next. */
  sessionCloseAt(time: number): number {
    return this.locate(time).close;
  }

  /** Whether the regular session is open at `time`. */
  isOpenAt(time: number): boolean {
    return this.locate(time).open <= time;
  }

  /**
   * The last bar before `bar` that belongs to the session closing at `close`, or −1 when that
   * session had no bar (scans back over the out-of-session bars after it).
   */
  lastBarOf(close: number, bar: number): number {
    const time = this.#bars.time;
    let i = bar - 1;
    while (i >= 0 && (time[i] as number) >= close) i--;
    if (i < 0) return -1;
    const w = this.calendar.locate(time[i] as number, this.#other);
    return w.close === close && this.#overlaps(time[i] as number, w) ? i : -1;
  }
}
