import { emptySessionWindow, formatIsoDate, MICROS_PER_DAY, type SessionCalendar } from '@alphintra/core';
import type { MarketSession } from '../strategy/strategy.js';

/**
 * The {@link MarketSession} of one instrument, updated in place on each `ctx.session()` call
 * (so asking every bar allocates nothing): read it during the call, do not keep it.
 */
export class SessionView implements MarketSession {
  readonly instrument: string;
  readonly calendar: string;
  isOpen = false;
  open = Number.NaN;
  close = Number.NaN;
  nextOpen = Number.NaN;
  nextClose = Number.NaN;
  earlyClose = false;
  tradingDay = '';
  readonly #calendar: SessionCalendar;
  readonly #window = emptySessionWindow();
  readonly #following = emptySessionWindow();

  constructor(instrument: string, calendar: SessionCalendar) {
    this.instrument = instrument;
    this.calendar = calendar.name;
    this.#calendar = calendar;
  }

  /** Answers for the clock time `now`; returns itself. */
  at(now: number): this {
    const w = this.#window;
    if (!(now >= w.previousClose && now < w.close)) {
      this.#calendar.locate(now, w);
      this.earlyClose = Number.isFinite(w.close) && this.#calendar.closesEarly(w.day);
      this.tradingDay = Number.isFinite(w.close) ? formatIsoDate(w.day * MICROS_PER_DAY) : '';
    }
    this.isOpen = w.open <= now;
    this.open = w.open;
    this.close = w.close;
    this.nextClose = w.close;
    this.nextOpen = !this.isOpen ? w.open : this.#calendar.locate(w.close, this.#following).open;
    return this;
  }
}
