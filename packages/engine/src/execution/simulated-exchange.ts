import { MICROS_PER_DAY, type Rng } from '@alphintra/core';
import { isWorking, type Order, remainingQuantity } from '../orders/order.js';
import { type BarPath, highFirst } from './bar-path.js';
import type { FeeModel, Liquidity } from './fee-model.js';
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

/** Market data of one instrument the exchange matches against. */
export interface ExchangeInstrument {
  readonly id: string;
  readonly tickSize: number;
  readonly multiplier: number;
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  /** Bar length in µs (its close time is `time + duration`). */
  readonly duration: number;
  /** Bars of a day or longer: each bar is a whole session. */
  readonly sessionBars: boolean;
}

interface Book {
  readonly index: number;
  readonly instrument: ExchangeInstrument;
  readonly orders: Order[];
  /** Bar being matched (−1 outside matching). */
  bar: number;
  /** Units still fillable in the current bar under the volume limit. */
  available: number;
  /** Price where the current bar's path has got to. */
  price: number;
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
 */
export class SimulatedExchange implements ExecutionVenue {
  readonly #config: SimulatedExchangeConfig;
  readonly #listener: VenueListener;
  readonly #books: Book[] = [];
  #stamp = 0;
  #cumulativeNotional = 0;

  constructor(config: SimulatedExchangeConfig, listener: VenueListener) {
    this.#config = config;
    this.#listener = listener;
  }

  /** Registers an instrument; its index is the order of registration. */
  addInstrument(instrument: ExchangeInstrument): number {
    this.#books.push({ index: this.#books.length, instrument, orders: [], bar: -1, available: 0, price: Number.NaN });
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

  /** Number of working orders on an instrument. */
  workingCount(instrumentIndex: number): number {
    return this.#books[instrumentIndex]?.orders.length ?? 0;
  }

  submit(order: Order, instrumentIndex: number): void {
    const book = this.#book(instrumentIndex);
    const tick = book.instrument.tickSize;
    const buy = order.side === 'buy';
    // Conservative rounding to the tick grid: limits away from the market, stops beyond it.
    if (!Number.isNaN(order.limitPrice)) order.limitPrice = roundToTick(order.limitPrice, tick, buy ? -1 : 1);
    if (order.kind === 'trailing-stop') order.stopPrice = trailingLevel(order, tick);
    else if (!Number.isNaN(order.stopPrice)) order.stopPrice = roundToTick(order.stopPrice, tick, buy ? 1 : -1);
    // Legs of a bracket live at the venue already; everything else travels there first.
    order.arrivalTime = order.links.parentId !== 0 ? order.submitTime : order.submitTime + this.latency();
    this.#listener.onOrderTransition(order, 'accept', '', order.submitTime);
    if (!isWorking(order)) return;
    book.orders.push(order);
    // An order placed while its bar is being matched (from a fill callback) trades at once
    // if the price at that moment allows: it reacts within the bar, never before.
    if (book.bar >= 0 && order.eligibleBar <= book.bar && order.arrivalTime <= order.submitTime) {
      if (order.kind === 'market') this.#fill(book, order, book.price, 'taker', order.submitTime, book.bar);
      else this.#checkAtPrice(book, order, book.price, false);
    }
  }

  cancel(order: Order, instrumentIndex: number, reason: string): void {
    if (!isWorking(order)) return;
    this.#book(instrumentIndex);
    // The book is compacted after matching, never here: a cancel may come from a callback
    // while the book is being walked.
    this.#listener.onOrderTransition(order, 'cancel', reason, order.updateTime);
  }

  modify(order: Order, instrumentIndex: number): void {
    const book = this.#book(instrumentIndex);
    const buy = order.side === 'buy';
    const tick = book.instrument.tickSize;
    if (!Number.isNaN(order.limitPrice)) order.limitPrice = roundToTick(order.limitPrice, tick, buy ? -1 : 1);
    if (order.kind !== 'trailing-stop' && !Number.isNaN(order.stopPrice)) {
      order.stopPrice = roundToTick(order.stopPrice, tick, buy ? 1 : -1);
    }
  }

  /**
   * Matches the working orders of one instrument against its bar `bar`, before the strategy
   * sees that bar.
   */
  matchBar(instrumentIndex: number, bar: number): void {
    const book = this.#books[instrumentIndex] as Book;
    if (book.orders.length === 0) return;
    this.#compact(book);
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
      const order = orders[i] as Order;
      if (!isWorking(order) || order.eligibleBar > bar) continue;
      if (order.timeInForce === 'gtd' && time >= order.expireTime) {
        this.#listener.onOrderTransition(order, 'expire', 'GTD_EXPIRED', time);
      } else if (order.timeInForce === 'day' && this.#dayOver(order, ins, day, bar)) {
        this.#listener.onOrderTransition(order, 'expire', 'DAY_EXPIRED', time);
      } else if (
        order.kind === 'market-on-close' &&
        !ins.sessionBars &&
        bar > 0 &&
        day !== previousDay &&
        order.eligibleBar <= bar - 1
      ) {
        const prev = bar - 1;
        book.price = ins.close[prev] as number;
        this.#fill(book, order, book.price, 'taker', (ins.time[prev] as number) + ins.duration, prev);
      }
    }

    // The open: everything the gap reached.
    book.price = open;
    for (let i = 0; i < orders.length; i++) {
      const order = orders[i] as Order;
      if (!isWorking(order) || order.eligibleBar > bar || order.arrivalTime > time) continue;
      if (order.kind === 'market' || (order.kind === 'market-on-open' && newSession)) {
        this.#fill(book, order, open, 'taker', time, bar);
      } else {
        this.#checkAtPrice(book, order, open, true);
      }
      if (isWorking(order) && (order.timeInForce === 'ioc' || order.timeInForce === 'fok')) {
        this.#listener.onOrderTransition(
          order,
          'cancel',
          order.timeInForce === 'ioc' ? 'IOC_UNFILLED' : 'FOK_UNFILLED',
          time,
        );
      }
    }
    for (let i = 0; i < orders.length; i++) advanceWatermark(orders[i] as Order, open, open, ins.tickSize);

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
        const order = orders[i] as Order;
        if (
          isWorking(order) &&
          order.kind === 'market-on-close' &&
          order.eligibleBar <= bar &&
          order.arrivalTime <= time
        ) {
          this.#fill(book, order, close, 'taker', time + ins.duration, bar);
        }
      }
    }
    book.price = close;
    book.bar = -1;
    this.#compact(book);
  }

  /**
   * In `close` fill timing: fills market orders submitted on bar `bar` at its close, in
   * submission order, after the strategy has handled that bar.
   */
  fillAtClose(instrumentIndex: number, bar: number): void {
    if (this.#config.fillTiming !== 'close') return;
    const book = this.#books[instrumentIndex] as Book;
    if (book.orders.length === 0) return;
    const ins = book.instrument;
    const closeTime = (ins.time[bar] as number) + ins.duration;
    book.bar = bar;
    book.price = ins.close[bar] as number;
    book.available = this.#volumeBudget(ins.volume[bar] as number);
    const orders = book.orders;
    for (let i = 0; i < orders.length; i++) {
      const order = orders[i] as Order;
      if (
        isWorking(order) &&
        order.kind === 'market' &&
        order.eligibleBar === bar + 1 &&
        order.arrivalTime <= order.submitTime
      ) {
        this.#fill(book, order, book.price, 'taker', closeTime, bar);
      }
    }
    book.bar = -1;
    this.#compact(book);
  }

  #book(index: number): Book {
    const book = this.#books[index];
    if (book === undefined) throw new RangeError(`no instrument at index ${index}`);
    return book;
  }

  #volumeBudget(volume: number): number {
    const limit = this.#config.volumeLimit;
    if (limit === Number.POSITIVE_INFINITY || Number.isNaN(volume)) return Number.POSITIVE_INFINITY;
    return volume * limit;
  }

  #dayOver(order: Order, ins: ExchangeInstrument, day: number, bar: number): boolean {
    // Session bars: a DAY order lives for the one session after submission.
    if (ins.sessionBars) return bar > order.eligibleBar;
    return day > order.submitDay;
  }

  #hasResting(book: Book, bar: number): boolean {
    for (const order of book.orders) {
      if (
        isWorking(order) &&
        order.eligibleBar <= bar &&
        order.kind !== 'market' &&
        order.kind !== 'market-on-open' &&
        order.kind !== 'market-on-close'
      ) {
        return true;
      }
    }
    return false;
  }

  /** Checks an order against a single price (the open, or the price when a leg is placed). */
  #checkAtPrice(book: Book, order: Order, price: number, atOpen: boolean): void {
    const buy = order.side === 'buy';
    const time = book.instrument.time[book.bar] as number;
    if (
      order.kind === 'stop-limit' &&
      !order.triggered &&
      (buy ? price >= order.stopPrice : price <= order.stopPrice)
    ) {
      order.triggered = true;
      this.#listener.onOrderTransition(order, 'trigger', '', time);
    }
    if (restsAsLimit(order)) {
      if (buy ? price <= order.limitPrice : price >= order.limitPrice) {
        // An order resting before this bar is in the book when the market opens through it.
        const resting = atOpen && order.eligibleBar < book.bar && order.kind === 'limit';
        if (!resting && order.postOnly) {
          this.#listener.onOrderTransition(order, 'reject', 'POST_ONLY_WOULD_TAKE', time);
          return;
        }
        this.#fill(book, order, price, resting ? 'maker' : 'taker', time, book.bar);
      }
      return;
    }
    if (order.kind === 'stop') {
      if (buy ? price >= order.stopPrice : price <= order.stopPrice)
        this.#fill(book, order, price, 'taker', time, book.bar);
    } else if (order.kind === 'trailing-stop') {
      const level = trailingLevel(order, book.instrument.tickSize);
      if (buy ? price >= level : price <= level) this.#fill(book, order, price, 'taker', time, book.bar);
    }
  }

  /** Walks a monotonic move from `from` to `to`, executing orders in the order price reaches them. */
  #segment(book: Book, from: number, to: number, time: number, bar: number): void {
    const orders = book.orders;
    if (from !== to) {
      const up = to > from;
      const stamp = ++this.#stamp;
      const touch = this.#config.limitFillOnTouch;
      let current = from;
      for (;;) {
        let best: Order | undefined;
        let bestLevel = Number.NaN;
        for (let i = 0; i < orders.length; i++) {
          const order = orders[i] as Order;
          if (!isWorking(order) || order.stamp === stamp || order.eligibleBar > bar || order.arrivalTime > time)
            continue;
          if (order.timeInForce === 'ioc' || order.timeInForce === 'fok') continue;
          const level = levelInDirection(order, up, book.instrument.tickSize);
          if (Number.isNaN(level)) continue;
          const limit = restsAsLimit(order);
          const reached = up
            ? level >= current && (limit && !touch ? level < to : level <= to)
            : level <= current && (limit && !touch ? level > to : level >= to);
          if (!reached) continue;
          if (best === undefined || (up ? level < bestLevel : level > bestLevel)) {
            best = order;
            bestLevel = level;
          }
        }
        if (best === undefined) break;
        best.stamp = stamp;
        current = bestLevel;
        book.price = bestLevel;
        this.#execute(book, best, bestLevel, time, bar);
      }
    }
    const low = Math.min(from, to);
    const high = Math.max(from, to);
    const tick = book.instrument.tickSize;
    for (let i = 0; i < orders.length; i++) advanceWatermark(orders[i] as Order, low, high, tick);
  }

  #execute(book: Book, order: Order, level: number, time: number, bar: number): void {
    if (restsAsLimit(order)) {
      this.#fill(book, order, level, 'maker', time, bar);
      return;
    }
    if (order.kind === 'stop-limit') {
      order.triggered = true;
      this.#listener.onOrderTransition(order, 'trigger', '', time);
      // Triggered at the stop: it fills there if the limit allows, else rests as a limit.
      if (order.side === 'buy' ? level <= order.limitPrice : level >= order.limitPrice) {
        this.#fill(book, order, level, 'taker', time, bar);
      }
      return;
    }
    this.#fill(book, order, level, 'taker', time, bar);
  }

  #fill(book: Book, order: Order, price: number, liquidity: Liquidity, time: number, bar: number): void {
    const listener = this.#listener;
    const index = book.index;
    const relative = Number.isNaN(order.quantity);
    if (relative && !this.#resolve(order, index, price, time)) return;
    if (order.reduceOnly) {
      const position = listener.positionOf(index);
      const reducible = order.side === 'buy' ? Math.max(0, -position) : Math.max(0, position);
      if (reducible <= 0) {
        listener.onOrderTransition(order, 'cancel', 'REDUCE_ONLY_NOTHING_TO_REDUCE', time);
        return;
      }
      if (remainingQuantity(order) > reducible) order.quantity = order.filledQuantity + reducible;
    }
    for (let attempt = 0; ; attempt++) {
      const remaining = remainingQuantity(order);
      const quantity = Math.min(remaining, book.available);
      if (order.timeInForce === 'fok' && quantity < remaining) {
        listener.onOrderTransition(order, 'cancel', 'FOK_UNFILLED', time);
        return;
      }
      if (!(quantity > 0)) return; // volume exhausted this bar: the order keeps working
      const fillPrice = liquidity === 'taker' ? this.#slipped(book, order, price, quantity, bar) : price;
      const ins = book.instrument;
      const notional = quantity * fillPrice * ins.multiplier;
      const fee = this.#config.fees({
        instrument: ins.id,
        quantity,
        price: fillPrice,
        notional,
        liquidity,
        cumulativeNotional: this.#cumulativeNotional,
      });
      const refusal = listener.checkFill(order, index, quantity, fillPrice, fee);
      if (refusal === '') {
        book.available -= quantity;
        this.#cumulativeNotional += notional;
        listener.onFill(order, index, quantity, fillPrice, fee, liquidity, time);
        return;
      }
      // A relative size was resolved before slippage; size it again at the price it gets.
      if (relative && attempt === 0 && refusal === 'INSUFFICIENT_BUYING_POWER' && order.filledQuantity === 0) {
        const side = order.side;
        order.quantity = Number.NaN;
        if (!this.#resolve(order, index, fillPrice, time)) return;
        if (order.side === side) continue;
      }
      listener.onOrderTransition(order, order.filledQuantity > 0 ? 'cancel' : 'reject', refusal, time);
      return;
    }
  }

  /** Resolves a relative size at `price`; false (and the order cancelled) when there is nothing to trade. */
  #resolve(order: Order, index: number, price: number, time: number): boolean {
    const signed = this.#listener.resolveQuantity(order, index, price);
    if (signed === 0 || Number.isNaN(signed)) {
      this.#listener.onOrderTransition(order, 'cancel', 'NOTHING_TO_TRADE', time);
      return false;
    }
    order.side = signed > 0 ? 'buy' : 'sell';
    order.quantity = Math.abs(signed);
    return true;
  }

  #slipped(book: Book, order: Order, price: number, quantity: number, bar: number): number {
    const ins = book.instrument;
    const slip = this.#config.slippage({
      side: order.side,
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
    return order.side === 'buy' ? price + slip : price - slip;
  }

  #compact(book: Book): void {
    const orders = book.orders;
    let w = 0;
    for (let r = 0; r < orders.length; r++) {
      const order = orders[r] as Order;
      if (isWorking(order)) orders[w++] = order;
    }
    orders.length = w;
  }
}
