import {
  DAY,
  FOK,
  GTD,
  IOC,
  isWorkingCode,
  MARKET,
  MARKET_ON_CLOSE,
  MARKET_ON_OPEN,
  T_ACCEPT,
  T_CANCEL,
  T_EXPIRE,
  T_REJECT,
} from '../orders/order-codes.js';
import type { OrderStore } from '../orders/order-store.js';
import { highFirst } from './bar-path.js';
import { CloseMatching } from './close-matching.js';
import { type Book, createBook, type ExchangeInstrument } from './exchange-book.js';
import { ExchangeFills, volumeBudget } from './exchange-fills.js';
import {
  advanceWatermark,
  levelInDirection,
  orderActive,
  orderEligible,
  restsAsLimit,
  snapToTicks,
} from './order-levels.js';
import type { SimulatedExchangeConfig } from './simulated-exchange-config.js';
import { TickMatching } from './tick-matching.js';
import type { ExecutionVenue, VenueListener } from './venue.js';

export type { FillTiming, SimulatedExchangeConfig, WhenClosed } from './simulated-exchange-config.js';

/**
 * A venue that matches orders against bars, deterministically.
 *
 * Per bar: expire DAY/GTD orders; check every eligible order at the open (market and
 * market-on-open orders fill there, stops and limits the open gapped through fill there);
 * then walk the bar's path open → first extreme → second extreme → close (the order given by
 * {@link BarPath}), filling each stop, limit and trailing stop at its level in the order
 * price reaches them; then market-on-close orders fill at the close. Orders never match the
 * bar they were submitted on, except market orders in `close` fill timing, which fill at
 * that bar's close (the price the strategy saw) after the strategy returns.
 *
 * Liquidity: an order first meets the market at the open of its first eligible bar. A limit
 * that open is already through takes liquidity there (a post-only one is rejected with
 * `POST_ONLY_WOULD_TAKE`); a limit resting from an earlier bar that the open gaps through
 * fills at the open as maker; a limit reached inside the bar fills at its price as maker.
 * Market, stop and trailing-stop fills always take, and only takers slip. A stop-limit
 * triggered beyond its limit rests as a limit from then on.
 *
 * Orders are rows of the listener's order store, addressed by id.
 */
export class SimulatedExchange implements ExecutionVenue {
  readonly #config: SimulatedExchangeConfig;
  readonly #listener: VenueListener;
  readonly #store: OrderStore;
  readonly #books: Book[] = [];
  readonly #fills: ExchangeFills;
  readonly #closes: CloseMatching;
  readonly #ticks: TickMatching;
  #stamp = 0;

  constructor(config: SimulatedExchangeConfig, listener: VenueListener) {
    this.#config = config;
    this.#listener = listener;
    this.#store = listener.orders;
    this.#fills = new ExchangeFills(config, listener);
    this.#closes = new CloseMatching(config, listener, this.#fills);
    this.#ticks = new TickMatching(config, listener, this.#fills, this.#closes);
  }

  /** Registers an instrument; its index is the order of registration. */
  addInstrument(instrument: ExchangeInstrument): number {
    this.#books.push(createBook(this.#books.length, instrument));
    return this.#books.length - 1;
  }

  /** Whether market orders fill at the close of the bar they were placed on. */
  get fillsAtClose(): boolean {
    return this.#config.fillTiming === 'close';
  }

  /** Draws the venue latency for a new order. */
  latency(): number {
    return this.#config.latency(this.#config.rng);
  }

  /** Number of orders in an instrument's book (working, or final since the last compaction). */
  workingCount(instrumentIndex: number): number {
    return this.#books[instrumentIndex]?.orders.length ?? 0;
  }

  submit(id: number, instrumentIndex: number): void {
    const book = this.#book(instrumentIndex);
    const s = this.#store;
    const buy = (s.side[id] as number) > 0;
    snapToTicks(s, id, book.instrument.tickSize, true);
    // Legs of a bracket live at the venue already; everything else travels there first.
    const submitTime = s.submitTime[id] as number;
    const arrival = s.parentId[id] !== 0 ? submitTime : submitTime + this.latency();
    s.arrivalTime[id] = arrival;
    s.sessionClose[id] = book.sessions.sessionCloseAt(arrival);
    if (this.#closes.closedTo(book, id, arrival)) {
      this.#listener.onOrderTransition(id, T_REJECT, 'MARKET_CLOSED', submitTime);
      return;
    }
    this.#listener.onOrderTransition(id, T_ACCEPT, '', submitTime);
    if (!isWorkingCode(this.#store.status[id] as number)) return;
    book.orders.push(id);
    // An order placed while its bar is being matched (from a fill callback) trades at once
    // if the price at that moment allows: it reacts within the bar, never before.
    if (
      book.bar >= 0 &&
      (s.eligibleBar[id] as number) <= book.bar &&
      arrival <= submitTime &&
      (book.sessions.inSession || s.extendedHours[id] === 1)
    ) {
      const ins = book.instrument;
      if (ins.matching === 'trades' || ins.matching === 'quotes') {
        // On ticks each side has its own price: a buy meets the ask, a sell the bid.
        const price = buy ? (ins.high[book.bar] as number) : (ins.low[book.bar] as number);
        if (s.kind[id] === MARKET) this.#fills.fill(book, id, price, false, submitTime, book.bar);
        else this.#ticks.checkAtTick(book, id, price, submitTime, book.bar);
      } else if (s.kind[id] === MARKET) this.#fills.fill(book, id, book.price, false, submitTime, book.bar);
      else this.#fills.checkAtPrice(book, id, book.price, false);
    }
  }

  cancel(id: number, instrumentIndex: number, reason: string): void {
    if (!isWorkingCode(this.#store.status[id] as number)) return;
    this.#book(instrumentIndex);
    // The book is compacted after matching, never here: a cancel may come from a callback
    // while the book is being walked.
    this.#listener.onOrderTransition(id, T_CANCEL, reason, this.#store.updateTime[id] as number);
  }

  modify(id: number, instrumentIndex: number): void {
    snapToTicks(this.#store, id, this.#book(instrumentIndex).instrument.tickSize, false);
  }

  /**
   * Matches the working orders of one instrument against its bar `bar`, before the strategy
   * sees that bar.
   */
  matchBar(instrumentIndex: number, bar: number): void {
    const book = this.#books[instrumentIndex] as Book;
    if (book.orders.length === 0) return;
    const s = this.#store;
    book.orders.keepWorking(s.status);
    const ins = book.instrument;
    const time = ins.time[bar] as number;
    const open = ins.open[bar] as number;
    const high = ins.high[bar] as number;
    const low = ins.low[bar] as number;
    const close = ins.close[bar] as number;
    const sessions = book.sessions;
    sessions.classify(bar);
    const inSession = sessions.inSession;
    book.bar = bar;
    book.available = this.#volumeBudget(ins.volume[bar] as number);
    const orders = book.orders;

    // Expiry, and intraday market-on-close orders whose session ended without a bar reaching
    // its close (a gap in the data).
    for (let i = 0; i < orders.length; i++) {
      const id = orders.ids[i] as number;
      if (!this.#eligible(id, bar)) continue;
      const tif = s.timeInForce[id];
      if (tif === GTD && time >= (s.expireTime[id] as number)) {
        this.#listener.onOrderTransition(id, T_EXPIRE, 'GTD_EXPIRED', time);
      } else if (tif === DAY && this.#dayOver(id, ins, time, bar)) {
        this.#listener.onOrderTransition(id, T_EXPIRE, 'DAY_EXPIRED', time);
      } else if (s.kind[id] === MARKET_ON_CLOSE && !ins.sessionBars && time >= (s.sessionClose[id] as number)) {
        this.#closes.lateMarketOnClose(book, id, bar);
      }
    }

    // The open: everything the gap reached (out of session, only extended-hours orders).
    book.price = open;
    book.sinceLow = open;
    book.sinceHigh = open;
    this.#heading(book, open, low, high);
    for (let i = 0; i < orders.length; i++) {
      const id = orders.ids[i] as number;
      if (!this.#active(id, bar, inSession) || (s.arrivalTime[id] as number) > time) continue;
      const kind = s.kind[id];
      if (kind === MARKET || (kind === MARKET_ON_OPEN && sessions.first))
        this.#fills.fill(book, id, open, false, time, bar);
      else this.#fills.checkAtPrice(book, id, open, true);
      const tif = s.timeInForce[id];
      if (isWorkingCode(s.status[id] as number) && (tif === IOC || tif === FOK)) {
        this.#listener.onOrderTransition(id, T_CANCEL, tif === IOC ? 'IOC_UNFILLED' : 'FOK_UNFILLED', time);
      }
    }
    for (let i = 0; i < orders.length; i++) {
      const id = orders.ids[i] as number;
      if (inSession || s.extendedHours[id] === 1) advanceWatermark(s, id, open, open, ins.tickSize);
    }

    // The path through the bar.
    if (this.#hasResting(book, bar, inSession)) {
      const position = this.#listener.positionOf(instrumentIndex);
      const up = highFirst(this.#config.barPath, position, open, high, low);
      const first = up ? high : low;
      const second = up ? low : high;
      this.#heading(book, first, Math.min(second, close), Math.max(second, close));
      this.#segment(book, open, first, time, bar, inSession);
      this.#heading(book, second, close, close);
      this.#segment(book, first, second, time, bar, inSession);
      this.#heading(book, close, close, close);
      this.#segment(book, second, close, time, bar, inSession);
    } else {
      book.sinceLow = Math.min(book.sinceLow, low);
      book.sinceHigh = Math.max(book.sinceHigh, high);
    }
    this.#heading(book, close, close, close);

    // Daily (and longer) bars close their session: market-on-close orders fill at the close.
    if (ins.sessionBars) {
      book.price = close;
      for (let i = 0; i < orders.length; i++) {
        const id = orders.ids[i] as number;
        if (
          isWorkingCode(s.status[id] as number) &&
          s.kind[id] === MARKET_ON_CLOSE &&
          (s.eligibleBar[id] as number) <= bar &&
          (s.arrivalTime[id] as number) <= time
        ) {
          this.#fills.fill(book, id, close, false, time + ins.duration, bar);
        }
      }
    } else if (sessions.reachesClose) {
      this.#closes.closeSession(book, bar);
    }
    book.price = close;
    book.bar = -1;
    book.orders.keepWorking(s.status);
  }

  /**
   * In `close` fill timing: fills market orders submitted on bar `bar` at its close, in
   * submission order, after the strategy has handled that bar.
   */
  fillAtClose(instrumentIndex: number, bar: number): void {
    if (this.#config.fillTiming !== 'close') return;
    const book = this.#books[instrumentIndex] as Book;
    if (book.orders.length === 0) return;
    this.#closes.fillAtClose(book, bar);
  }

  /**
   * Matches the working orders of one instrument against its tick `i` (a trade, or a change of
   * the best bid and ask), before the strategy sees it. A tick is one price per side: a buy
   * meets the ask (or the trade price), a sell the bid. At the tick: DAY and GTD orders expire;
   * a market-on-close order left from the previous day fills at that day's last tick; market
   * orders (and market-on-open orders on a day's first tick) fill at their side's price as
   * takers; a stop or trailing stop whose side's price has reached its level fills at that
   * price as a taker; a limit that price reaches fills at its limit as maker if it rested
   * before this tick, or at the side's price as taker if it arrives marketable (post-only: it is
   * rejected instead). IOC and FOK orders left unfilled are cancelled. Fills on quotes are
   * limited to the displayed size when sizes are given, on trades to the volume limit's share
   * of the print.
   */
  matchTick(instrumentIndex: number, i: number): void {
    const book = this.#books[instrumentIndex] as Book;
    if (book.orders.length === 0) return;
    this.#ticks.matchTick(book, i);
  }

  #book(index: number): Book {
    const book = this.#books[index];
    if (book === undefined) throw new RangeError(`no instrument at index ${index}`);
    return book;
  }

  /** Whether order `id` is working and may trade on bar `bar`. */
  #eligible(id: number, bar: number): boolean {
    return orderEligible(this.#store, id, bar);
  }

  /** {@link #eligible}, and tradable on this bar: in session, or allowed outside it. */
  #active(id: number, bar: number, inSession: boolean): boolean {
    return orderActive(this.#store, id, bar, inSession);
  }

  #volumeBudget(volume: number): number {
    return volumeBudget(volume, this.#config.volumeLimit);
  }

  #dayOver(id: number, ins: ExchangeInstrument, time: number, bar: number): boolean {
    // Session bars: a DAY order lives for the one session after submission.
    if (ins.sessionBars) return bar > (this.#store.eligibleBar[id] as number);
    // Intraday: its session closed before this bar (no bar reached the close, else it would
    // have expired there).
    return time >= (this.#store.sessionClose[id] as number);
  }

  #hasResting(book: Book, bar: number, inSession: boolean): boolean {
    const s = this.#store;
    const orders = book.orders;
    for (let i = 0; i < orders.length; i++) {
      const id = orders.ids[i] as number;
      const kind = s.kind[id];
      if (this.#active(id, bar, inSession) && kind !== MARKET && kind !== MARKET_ON_OPEN && kind !== MARKET_ON_CLOSE) {
        return true;
      }
    }
    return false;
  }

  /** Walks a monotonic move from `from` to `to`, executing orders in the order price reaches them. */
  #segment(book: Book, from: number, to: number, time: number, bar: number, inSession: boolean): void {
    const s = this.#store;
    const orders = book.orders;
    const tick = book.instrument.tickSize;
    if (from !== to) {
      const up = to > from;
      const stamp = ++this.#stamp;
      const touch = this.#config.limitFillOnTouch;
      let current = from;
      for (;;) {
        let best = 0;
        let bestLevel = Number.NaN;
        for (let i = 0; i < orders.length; i++) {
          const id = orders.ids[i] as number;
          if (!this.#active(id, bar, inSession) || s.stamp[id] === stamp || (s.arrivalTime[id] as number) > time)
            continue;
          const tif = s.timeInForce[id];
          if (tif === IOC || tif === FOK) continue;
          const level = levelInDirection(s, id, up, tick);
          if (Number.isNaN(level)) continue;
          const limit = restsAsLimit(s, id);
          const reached = up
            ? level >= current && (limit && !touch ? level < to : level <= to)
            : level <= current && (limit && !touch ? level > to : level >= to);
          if (!reached) continue;
          if (best === 0 || (up ? level < bestLevel : level > bestLevel)) {
            best = id;
            bestLevel = level;
          }
        }
        if (best === 0) break;
        s.stamp[best] = stamp;
        current = bestLevel;
        book.price = bestLevel;
        this.#fills.execute(book, best, bestLevel, time, bar);
      }
    }
    if (to < book.sinceLow) book.sinceLow = to;
    if (to > book.sinceHigh) book.sinceHigh = to;
    const low = Math.min(from, to);
    const high = Math.max(from, to);
    for (let i = 0; i < orders.length; i++) {
      const id = orders.ids[i] as number;
      if (inSession || s.extendedHours[id] === 1) advanceWatermark(s, id, low, high, tick);
    }
  }

  /** Sets where the bar's path goes next: to `to`, then over `[aheadLow, aheadHigh]`. */
  #heading(book: Book, to: number, aheadLow: number, aheadHigh: number): void {
    book.to = to;
    book.aheadLow = aheadLow;
    book.aheadHigh = aheadHigh;
  }
}
