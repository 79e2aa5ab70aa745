import { DAY, isWorkingCode, MARKET, MARKET_ON_CLOSE, MARKET_ON_OPEN, T_EXPIRE } from '../orders/order-codes.js';
import type { OrderStore } from '../orders/order-store.js';
import type { Book } from './exchange-book.js';
import { type ExchangeFills, volumeBudget } from './exchange-fills.js';
import { orderEligible } from './order-levels.js';
import type { SimulatedExchangeConfig } from './simulated-exchange-config.js';
import type { VenueListener } from './venue.js';

/**
 * The simulated venue at closes: market-on-close and DAY orders at the close of a session (and
 * a market-on-close order whose session ended in a gap of the data), market orders in `close`
 * fill timing, and orders refused because the market is closed when they arrive.
 */
export class CloseMatching {
  readonly #config: SimulatedExchangeConfig;
  readonly #listener: VenueListener;
  readonly #store: OrderStore;
  readonly #fills: ExchangeFills;

  constructor(config: SimulatedExchangeConfig, listener: VenueListener, fills: ExchangeFills) {
    this.#config = config;
    this.#listener = listener;
    this.#store = listener.orders;
    this.#fills = fills;
  }

  /** In `close` fill timing: fills market orders submitted on bar `bar` at its close (the exchange's `fillAtClose`). */
  fillAtClose(book: Book, bar: number): void {
    const s = this.#store;
    const ins = book.instrument;
    const closeTime = (ins.time[bar] as number) + ins.duration;
    book.sessions.classify(bar);
    const inSession = book.sessions.inSession;
    book.bar = bar;
    book.price = ins.close[bar] as number;
    // The strategy saw the whole bar (and its excursions were counted) before this fill.
    book.to = Number.NaN;
    book.available = volumeBudget(ins.volume[bar] as number, this.#config.volumeLimit);
    const orders = book.orders;
    for (let i = 0; i < orders.length; i++) {
      const id = orders.ids[i] as number;
      if (
        isWorkingCode(s.status[id] as number) &&
        s.kind[id] === MARKET &&
        s.eligibleBar[id] === bar + 1 &&
        (inSession || s.extendedHours[id] === 1) &&
        (s.arrivalTime[id] as number) <= (s.submitTime[id] as number)
      ) {
        this.#fills.fill(book, id, book.price, false, closeTime, bar);
      }
    }
    book.bar = -1;
    book.orders.keepWorking(s.status);
  }

  /**
   * The last bar of a session: market-on-close orders fill at its close, then DAY orders
   * expire (both at the bar's close, which is the session's).
   */
  closeSession(book: Book, bar: number): void {
    const s = this.#store;
    const ins = book.instrument;
    const time = ins.time[bar] as number;
    const closeTime = time + ins.duration;
    const close = ins.close[bar] as number;
    const sessionClose = book.sessions.window.close;
    const orders = book.orders;
    book.price = close;
    for (let i = 0; i < orders.length; i++) {
      const id = orders.ids[i] as number;
      if (
        orderEligible(this.#store, id, bar) &&
        s.kind[id] === MARKET_ON_CLOSE &&
        (s.arrivalTime[id] as number) <= time &&
        (s.sessionClose[id] as number) <= sessionClose
      ) {
        this.#fills.fill(book, id, close, false, closeTime, bar);
      }
    }
    for (let i = 0; i < orders.length; i++) {
      const id = orders.ids[i] as number;
      if (
        isWorkingCode(s.status[id] as number) &&
        s.timeInForce[id] === DAY &&
        (s.sessionClose[id] as number) <= sessionClose
      ) {
        this.#listener.onOrderTransition(id, T_EXPIRE, 'DAY_EXPIRED', Math.min(closeTime, sessionClose));
      }
    }
  }

  /**
   * A market-on-close order whose session has ended before bar `bar` with no bar reaching the
   * close: it fills at the close of that session's last bar if it could trade there, else it
   * moves on to the current (or next) session.
   */
  lateMarketOnClose(book: Book, id: number, bar: number): void {
    const s = this.#store;
    const ins = book.instrument;
    const last = book.sessions.lastBarOf(s.sessionClose[id] as number, bar);
    if (last >= 0 && last >= (s.eligibleBar[id] as number)) {
      // The session's last bar's close; on ticks, the last tick's price for the order's side.
      const ticks = ins.matching === 'trades' || ins.matching === 'quotes';
      const buy = (s.side[id] as number) > 0;
      book.price = !ticks ? (ins.close[last] as number) : buy ? (ins.high[last] as number) : (ins.low[last] as number);
      book.to = Number.NaN; // a fill between bars, on no path of this one
      this.#fills.fill(book, id, book.price, false, (ins.time[last] as number) + ins.duration, last);
    } else {
      s.sessionClose[id] = book.sessions.window.close;
    }
  }

  /**
   * Whether order `id`, reaching the venue at `arrival`, is refused because the market is
   * closed: only with `whenClosed: 'reject'`, on intraday bars, and never for orders meant
   * for a later session (market-on-open), allowed outside it (extended hours), placed by the
   * venue (bracket legs) or filling at the close of the bar just seen (`close` fill timing).
   */
  closedTo(book: Book, id: number, arrival: number): boolean {
    const s = this.#store;
    if (this.#config.whenClosed !== 'reject' || book.instrument.sessionBars) return false;
    const kind = s.kind[id];
    if (kind === MARKET_ON_OPEN || s.extendedHours[id] === 1 || s.parentId[id] !== 0) return false;
    if (kind === MARKET && this.#config.fillTiming === 'close') return false;
    return !book.sessions.isOpenAt(arrival);
  }
}
