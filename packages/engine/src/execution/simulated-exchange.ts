import { MICROS_PER_DAY, type Rng } from '@alphintra/core';
import {
  DAY,
  FOK,
  GTD,
  IOC,
  isWorkingCode,
  LIMIT,
  MARKET,
  MARKET_ON_CLOSE,
  MARKET_ON_OPEN,
  STOP,
  STOP_LIMIT,
  T_ACCEPT,
  T_CANCEL,
  T_EXPIRE,
  T_REJECT,
  T_TRIGGER,
  TRAILING_STOP,
} from '../orders/order-codes.js';
import { OrderIdList } from '../orders/order-id-list.js';
import type { OrderStore } from '../orders/order-store.js';
import { feeInput, type MutableFeeInput } from '../portfolio/buying-power.js';
import { type BarPath, highFirst } from './bar-path.js';
import type { Book, ExchangeInstrument } from './exchange-book.js';
import type { FeeInput, FeeModel } from './fee-model.js';
import type { LatencyModel } from './latency-model.js';
import { advanceWatermark, levelInDirection, restsAsLimit, trailingLevel } from './order-levels.js';
import { roundToTick } from './prices.js';
import type { SlippageModel } from './slippage-model.js';
import type { ExecutionVenue, VenueListener } from './venue.js';

/** When a market order submitted on a bar fills. */
export type FillTiming = 'next-open' | 'close';

/** The simulated venue's rules. */
export interface SimulatedExchangeConfig {
  readonly fillTiming: FillTiming;
  readonly barPath: BarPath;
  /** Largest fraction of a bar's volume one instrument may fill in that bar (Infinity: no limit). */
  readonly volumeLimit: number;
  /** Whether a limit fills when price only touches it (true) or must trade through it. */
  readonly limitFillOnTouch: boolean;
  readonly slippage: SlippageModel;
  readonly fees: FeeModel;
  readonly latency: LatencyModel;
  readonly rng: Rng;
}

const dayOf = (time: number): number => Math.floor(time / MICROS_PER_DAY);

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
  readonly #feeInput: FeeInput & MutableFeeInput = feeInput();
  #stamp = 0;
  #cumulativeNotional = 0;

  constructor(config: SimulatedExchangeConfig, listener: VenueListener) {
    this.#config = config;
    this.#listener = listener;
    this.#store = listener.orders;
  }

  /** Registers an instrument; its index is the order of registration. */
  addInstrument(instrument: ExchangeInstrument): number {
    this.#books.push({
      index: this.#books.length,
      instrument,
      orders: new OrderIdList(),
      bar: -1,
      available: 0,
      sided: false,
      availableBuy: 0,
      availableSell: 0,
      price: Number.NaN,
    });
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
    const tick = book.instrument.tickSize;
    const buy = (s.side[id] as number) > 0;
    // Conservative rounding to the tick grid: limits away from the market, stops beyond it.
    const limit = s.limitPrice[id] as number;
    if (!Number.isNaN(limit)) s.limitPrice[id] = roundToTick(limit, tick, buy ? -1 : 1);
    const stop = s.stopPrice[id] as number;
    if (s.kind[id] === TRAILING_STOP) s.stopPrice[id] = trailingLevel(s, id, tick);
    else if (!Number.isNaN(stop)) s.stopPrice[id] = roundToTick(stop, tick, buy ? 1 : -1);
    // Legs of a bracket live at the venue already; everything else travels there first.
    const submitTime = s.submitTime[id] as number;
    s.arrivalTime[id] = s.parentId[id] !== 0 ? submitTime : submitTime + this.latency();
    this.#listener.onOrderTransition(id, T_ACCEPT, '', submitTime);
    if (!isWorkingCode(this.#store.status[id] as number)) return;
    book.orders.push(id);
    // An order placed while its bar is being matched (from a fill callback) trades at once
    // if the price at that moment allows: it reacts within the bar, never before.
    if (book.bar >= 0 && (s.eligibleBar[id] as number) <= book.bar && (s.arrivalTime[id] as number) <= submitTime) {
      const ins = book.instrument;
      if (ins.matching === 'trades' || ins.matching === 'quotes') {
        // On ticks each side has its own price: a buy meets the ask, a sell the bid.
        const price = buy ? (ins.high[book.bar] as number) : (ins.low[book.bar] as number);
        if (s.kind[id] === MARKET) this.#fill(book, id, price, false, submitTime, book.bar);
        else this.#checkAtTick(book, id, price, submitTime, book.bar);
      } else if (s.kind[id] === MARKET) this.#fill(book, id, book.price, false, submitTime, book.bar);
      else this.#checkAtPrice(book, id, book.price, false);
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
    const book = this.#book(instrumentIndex);
    const s = this.#store;
    const buy = (s.side[id] as number) > 0;
    const tick = book.instrument.tickSize;
    const limit = s.limitPrice[id] as number;
    if (!Number.isNaN(limit)) s.limitPrice[id] = roundToTick(limit, tick, buy ? -1 : 1);
    const stop = s.stopPrice[id] as number;
    if (s.kind[id] !== TRAILING_STOP && !Number.isNaN(stop)) s.stopPrice[id] = roundToTick(stop, tick, buy ? 1 : -1);
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
    const previousDay = bar > 0 ? dayOf(ins.time[bar - 1] as number) : Number.NEGATIVE_INFINITY;
    const day = dayOf(time);
    const newSession = ins.sessionBars || day !== previousDay;
    book.bar = bar;
    book.available = this.#volumeBudget(ins.volume[bar] as number);
    const orders = book.orders;

    // Expiry, and intraday market-on-close orders whose session ended with the previous bar.
    for (let i = 0; i < orders.length; i++) {
      const id = orders.ids[i] as number;
      if (!this.#eligible(id, bar)) continue;
      const tif = s.timeInForce[id];
      if (tif === GTD && time >= (s.expireTime[id] as number)) {
        this.#listener.onOrderTransition(id, T_EXPIRE, 'GTD_EXPIRED', time);
      } else if (tif === DAY && this.#dayOver(id, ins, day, bar)) {
        this.#listener.onOrderTransition(id, T_EXPIRE, 'DAY_EXPIRED', time);
      } else if (
        s.kind[id] === MARKET_ON_CLOSE &&
        !ins.sessionBars &&
        bar > 0 &&
        day !== previousDay &&
        (s.eligibleBar[id] as number) <= bar - 1
      ) {
        const prev = bar - 1;
        book.price = ins.close[prev] as number;
        this.#fill(book, id, book.price, false, (ins.time[prev] as number) + ins.duration, prev);
      }
    }

    // The open: everything the gap reached.
    book.price = open;
    for (let i = 0; i < orders.length; i++) {
      const id = orders.ids[i] as number;
      if (!this.#eligible(id, bar) || (s.arrivalTime[id] as number) > time) continue;
      const kind = s.kind[id];
      if (kind === MARKET || (kind === MARKET_ON_OPEN && newSession)) this.#fill(book, id, open, false, time, bar);
      else this.#checkAtPrice(book, id, open, true);
      const tif = s.timeInForce[id];
      if (isWorkingCode(s.status[id] as number) && (tif === IOC || tif === FOK)) {
        this.#listener.onOrderTransition(id, T_CANCEL, tif === IOC ? 'IOC_UNFILLED' : 'FOK_UNFILLED', time);
      }
    }
    for (let i = 0; i < orders.length; i++) advanceWatermark(s, orders.ids[i] as number, open, open, ins.tickSize);

    // The path through the bar.
    if (this.#hasResting(book, bar)) {
      const position = this.#listener.positionOf(instrumentIndex);
      const up = highFirst(this.#config.barPath, position, open, high, low);
      const first = up ? high : low;
      const second = up ? low : high;
      this.#segment(book, open, first, time, bar);
      this.#segment(book, first, second, time, bar);
      this.#segment(book, second, close, time, bar);
    }

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
          this.#fill(book, id, close, false, time + ins.duration, bar);
        }
      }
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
    const s = this.#store;
    const ins = book.instrument;
    const closeTime = (ins.time[bar] as number) + ins.duration;
    book.bar = bar;
    book.price = ins.close[bar] as number;
    book.available = this.#volumeBudget(ins.volume[bar] as number);
    const orders = book.orders;
    for (let i = 0; i < orders.length; i++) {
      const id = orders.ids[i] as number;
      if (
        isWorkingCode(s.status[id] as number) &&
        s.kind[id] === MARKET &&
        s.eligibleBar[id] === bar + 1 &&
        (s.arrivalTime[id] as number) <= (s.submitTime[id] as number)
      ) {
        this.#fill(book, id, book.price, false, closeTime, bar);
      }
    }
    book.bar = -1;
    book.orders.keepWorking(s.status);
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
    const s = this.#store;
    book.orders.keepWorking(s.status);
    const ins = book.instrument;
    const time = ins.time[i] as number;
    const previousDay = i > 0 ? dayOf(ins.time[i - 1] as number) : Number.NEGATIVE_INFINITY;
    const day = dayOf(time);
    const newSession = day !== previousDay;
    book.bar = i;
    this.#tickLiquidity(book, i);
    const orders = book.orders;

    // Expiry, and market-on-close orders whose day ended with the previous tick.
    for (let n = 0; n < orders.length; n++) {
      const id = orders.ids[n] as number;
      if (!this.#eligible(id, i)) continue;
      const tif = s.timeInForce[id];
      if (tif === GTD && time >= (s.expireTime[id] as number)) {
        this.#listener.onOrderTransition(id, T_EXPIRE, 'GTD_EXPIRED', time);
      } else if (tif === DAY && day > (s.submitDay[id] as number)) {
        this.#listener.onOrderTransition(id, T_EXPIRE, 'DAY_EXPIRED', time);
      } else if (s.kind[id] === MARKET_ON_CLOSE && newSession && i > 0 && (s.eligibleBar[id] as number) <= i - 1) {
        const prev = i - 1;
        const price = (s.side[id] as number) > 0 ? (ins.high[prev] as number) : (ins.low[prev] as number);
        book.price = price;
        this.#fill(book, id, price, false, ins.time[prev] as number, prev);
      }
    }

    for (let n = 0; n < orders.length; n++) {
      const id = orders.ids[n] as number;
      if (!this.#eligible(id, i) || (s.arrivalTime[id] as number) > time) continue;
      const price = (s.side[id] as number) > 0 ? (ins.high[i] as number) : (ins.low[i] as number);
      book.price = price;
      const kind = s.kind[id];
      if (kind === MARKET || (kind === MARKET_ON_OPEN && newSession)) this.#fill(book, id, price, false, time, i);
      else this.#checkAtTick(book, id, price, time, i);
      const tif = s.timeInForce[id];
      if (isWorkingCode(s.status[id] as number) && (tif === IOC || tif === FOK)) {
        this.#listener.onOrderTransition(id, T_CANCEL, tif === IOC ? 'IOC_UNFILLED' : 'FOK_UNFILLED', time);
      }
    }
    // Trailing stops follow the price their exit would get: the bid for sells, the ask for buys.
    for (let n = 0; n < orders.length; n++) {
      advanceWatermark(s, orders.ids[n] as number, ins.high[i] as number, ins.low[i] as number, ins.tickSize);
    }
    book.price = ins.close[i] as number;
    book.bar = -1;
    book.sided = false;
    book.orders.keepWorking(s.status);
  }

  /** Sets what tick `i` lets the book fill: displayed sizes for quotes, the volume limit's share of a trade. */
  #tickLiquidity(book: Book, i: number): void {
    const ins = book.instrument;
    if (ins.matching === 'quotes') {
      const unlimited = (size: number | undefined): number =>
        size !== undefined && size >= 0 ? size : Number.POSITIVE_INFINITY;
      book.sided = true;
      book.availableBuy = unlimited(ins.askSize?.[i]);
      book.availableSell = unlimited(ins.bidSize?.[i]);
    } else {
      book.sided = false;
      book.available = this.#volumeBudget(ins.volume[i] as number);
    }
  }

  /** Checks a resting order against one tick's price for its side (see {@link matchTick}). */
  #checkAtTick(book: Book, id: number, price: number, time: number, i: number): void {
    const s = this.#store;
    const buy = (s.side[id] as number) > 0;
    const kind = s.kind[id];
    const stop = s.stopPrice[id] as number;
    let triggeredNow = false;
    if (kind === STOP_LIMIT && s.triggered[id] === 0 && (buy ? price >= stop : price <= stop)) {
      s.triggered[id] = 1;
      triggeredNow = true;
      this.#listener.onOrderTransition(id, T_TRIGGER, '', time);
    }
    if (restsAsLimit(s, id)) {
      const limit = s.limitPrice[id] as number;
      // Quotes are marketable at the limit itself; trade prints only when touching counts.
      const touch = book.instrument.matching === 'quotes' || this.#config.limitFillOnTouch;
      const reached = buy ? price < limit || (touch && price === limit) : price > limit || (touch && price === limit);
      if (!reached) return;
      const resting = (s.eligibleBar[id] as number) < i && !triggeredNow;
      if (!resting && s.postOnly[id] === 1) {
        this.#listener.onOrderTransition(id, T_REJECT, 'POST_ONLY_WOULD_TAKE', time);
        return;
      }
      this.#fill(book, id, resting ? limit : price, resting, time, i);
      return;
    }
    if (kind === STOP) {
      if (buy ? price >= stop : price <= stop) this.#fill(book, id, price, false, time, i);
    } else if (kind === TRAILING_STOP) {
      const level = trailingLevel(s, id, book.instrument.tickSize);
      if (buy ? price >= level : price <= level) this.#fill(book, id, price, false, time, i);
    }
  }

  #book(index: number): Book {
    const book = this.#books[index];
    if (book === undefined) throw new RangeError(`no instrument at index ${index}`);
    return book;
  }

  /** Whether order `id` is working and may trade on bar `bar`. */
  #eligible(id: number, bar: number): boolean {
    const s = this.#store;
    return isWorkingCode(s.status[id] as number) && (s.eligibleBar[id] as number) <= bar;
  }

  #volumeBudget(volume: number): number {
    const limit = this.#config.volumeLimit;
    if (limit === Number.POSITIVE_INFINITY || Number.isNaN(volume)) return Number.POSITIVE_INFINITY;
    return volume * limit;
  }

  #dayOver(id: number, ins: ExchangeInstrument, day: number, bar: number): boolean {
    // Session bars: a DAY order lives for the one session after submission.
    if (ins.sessionBars) return bar > (this.#store.eligibleBar[id] as number);
    return day > (this.#store.submitDay[id] as number);
  }

  #hasResting(book: Book, bar: number): boolean {
    const s = this.#store;
    const orders = book.orders;
    for (let i = 0; i < orders.length; i++) {
      const id = orders.ids[i] as number;
      const kind = s.kind[id];
      if (this.#eligible(id, bar) && kind !== MARKET && kind !== MARKET_ON_OPEN && kind !== MARKET_ON_CLOSE) {
        return true;
      }
    }
    return false;
  }

  /** Checks an order against a single price (the open, or the price when a leg is placed). */
  #checkAtPrice(book: Book, id: number, price: number, atOpen: boolean): void {
    const s = this.#store;
    const buy = (s.side[id] as number) > 0;
    const time = book.instrument.time[book.bar] as number;
    const kind = s.kind[id];
    const stop = s.stopPrice[id] as number;
    if (kind === STOP_LIMIT && s.triggered[id] === 0 && (buy ? price >= stop : price <= stop)) {
      s.triggered[id] = 1;
      this.#listener.onOrderTransition(id, T_TRIGGER, '', time);
    }
    if (restsAsLimit(s, id)) {
      const limit = s.limitPrice[id] as number;
      if (buy ? price <= limit : price >= limit) {
        // An order resting before this bar is in the book when the market opens through it.
        const resting = atOpen && (s.eligibleBar[id] as number) < book.bar && kind === LIMIT;
        if (!resting && s.postOnly[id] === 1) {
          this.#listener.onOrderTransition(id, T_REJECT, 'POST_ONLY_WOULD_TAKE', time);
          return;
        }
        this.#fill(book, id, price, resting, time, book.bar);
      }
      return;
    }
    if (kind === STOP) {
      if (buy ? price >= stop : price <= stop) this.#fill(book, id, price, false, time, book.bar);
    } else if (kind === TRAILING_STOP) {
      const level = trailingLevel(s, id, book.instrument.tickSize);
      if (buy ? price >= level : price <= level) this.#fill(book, id, price, false, time, book.bar);
    }
  }

  /** Walks a monotonic move from `from` to `to`, executing orders in the order price reaches them. */
  #segment(book: Book, from: number, to: number, time: number, bar: number): void {
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
          if (!this.#eligible(id, bar) || s.stamp[id] === stamp || (s.arrivalTime[id] as number) > time) continue;
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
        this.#execute(book, best, bestLevel, time, bar);
      }
    }
    const low = Math.min(from, to);
    const high = Math.max(from, to);
    for (let i = 0; i < orders.length; i++) advanceWatermark(s, orders.ids[i] as number, low, high, tick);
  }

  #execute(book: Book, id: number, level: number, time: number, bar: number): void {
    const s = this.#store;
    if (restsAsLimit(s, id)) {
      this.#fill(book, id, level, true, time, bar);
      return;
    }
    if (s.kind[id] === STOP_LIMIT) {
      s.triggered[id] = 1;
      this.#listener.onOrderTransition(id, T_TRIGGER, '', time);
      // Triggered at the stop: it fills there if the limit allows, else rests as a limit.
      const limit = this.#store.limitPrice[id] as number;
      if ((this.#store.side[id] as number) > 0 ? level <= limit : level >= limit) {
        this.#fill(book, id, level, false, time, bar);
      }
      return;
    }
    this.#fill(book, id, level, false, time, bar);
  }

  #fill(book: Book, id: number, price: number, maker: boolean, time: number, bar: number): void {
    const listener = this.#listener;
    const index = book.index;
    const relative = Number.isNaN(this.#store.quantity[id] as number);
    if (relative && !this.#resolve(id, index, price, time)) return;
    if (this.#store.reduceOnly[id] === 1) {
      const position = listener.positionOf(index);
      const reducible = (this.#store.side[id] as number) > 0 ? Math.max(0, -position) : Math.max(0, position);
      if (reducible <= 0) {
        listener.onOrderTransition(id, T_CANCEL, 'REDUCE_ONLY_NOTHING_TO_REDUCE', time);
        return;
      }
      const s = this.#store;
      if ((s.quantity[id] as number) - (s.filled[id] as number) > reducible) {
        s.quantity[id] = (s.filled[id] as number) + reducible;
      }
    }
    for (let attempt = 0; ; attempt++) {
      const s = this.#store;
      const side = s.side[id] as number;
      const remaining = (s.quantity[id] as number) - (s.filled[id] as number);
      const available = book.sided ? (side > 0 ? book.availableBuy : book.availableSell) : book.available;
      const quantity = Math.min(remaining, available);
      if (s.timeInForce[id] === FOK && quantity < remaining) {
        listener.onOrderTransition(id, T_CANCEL, 'FOK_UNFILLED', time);
        return;
      }
      if (!(quantity > 0)) return; // volume exhausted this bar: the order keeps working
      const fillPrice = maker ? price : this.#slipped(book, side, price, quantity, bar);
      const ins = book.instrument;
      const notional = quantity * fillPrice * ins.multiplier;
      const input = this.#feeInput;
      input.instrument = ins.id;
      input.quantity = quantity;
      input.price = fillPrice;
      input.notional = notional;
      input.liquidity = maker ? 'maker' : 'taker';
      input.cumulativeNotional = this.#cumulativeNotional;
      const fee = this.#config.fees(input);
      const refusal = listener.checkFill(id, index, quantity, fillPrice, fee);
      if (refusal === '') {
        if (!book.sided) book.available -= quantity;
        else if (side > 0) book.availableBuy -= quantity;
        else book.availableSell -= quantity;
        this.#cumulativeNotional += notional * listener.rateOf(index); // fee tiers count account currency
        listener.onFill(id, index, quantity, fillPrice, fee, maker, time);
        return;
      }
      // A relative size was resolved before slippage; size it again at the price it gets.
      if (relative && attempt === 0 && refusal === 'INSUFFICIENT_BUYING_POWER' && s.filled[id] === 0) {
        s.quantity[id] = Number.NaN;
        if (!this.#resolve(id, index, fillPrice, time)) return;
        if (this.#store.side[id] === side) continue;
      }
      listener.onOrderTransition(id, (this.#store.filled[id] as number) > 0 ? T_CANCEL : T_REJECT, refusal, time);
      return;
    }
  }

  /** Resolves a relative size at `price`; false (and the order cancelled) when there is nothing to trade. */
  #resolve(id: number, index: number, price: number, time: number): boolean {
    const signed = this.#listener.resolveQuantity(id, index, price);
    if (signed === 0 || Number.isNaN(signed)) {
      this.#listener.onOrderTransition(id, T_CANCEL, 'NOTHING_TO_TRADE', time);
      return false;
    }
    const s = this.#store;
    s.side[id] = signed > 0 ? 1 : -1;
    s.quantity[id] = Math.abs(signed);
    return true;
  }

  #slipped(book: Book, side: number, price: number, quantity: number, bar: number): number {
    const ins = book.instrument;
    const slip = this.#config.slippage({
      side: side > 0 ? 'buy' : 'sell',
      price,
      quantity,
      barVolume: ins.volume[bar] as number,
      high: ins.high[bar] as number,
      low: ins.low[bar] as number,
      close: ins.close[bar] as number,
      rng: this.#config.rng,
    });
    if (!(slip > 0)) return price;
    // Not snapped to the tick grid: historical prices (split- or dividend-adjusted) are often
    // off it, and the model's cost should arrive in full, neither rounded away nor inflated.
    return side > 0 ? price + slip : price - slip;
  }
}
