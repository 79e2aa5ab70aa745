import {
  DAY,
  FOK,
  GTD,
  IOC,
  isWorkingCode,
  MARKET,
  MARKET_ON_CLOSE,
  MARKET_ON_OPEN,
  STOP,
  STOP_LIMIT,
  T_CANCEL,
  T_EXPIRE,
  T_REJECT,
  T_TRIGGER,
  TRAILING_STOP,
} from '../orders/order-codes.js';
import type { OrderStore } from '../orders/order-store.js';
import type { CloseMatching } from './close-matching.js';
import type { Book } from './exchange-book.js';
import { type ExchangeFills, volumeBudget } from './exchange-fills.js';
import { advanceWatermark, orderActive, orderEligible, restsAsLimit, trailingLevel } from './order-levels.js';
import type { SimulatedExchangeConfig } from './simulated-exchange-config.js';
import type { VenueListener } from './venue.js';

/**
 * The simulated venue on instruments that trade on ticks (trades or quotes) rather than bars:
 * each tick is one price per side, and the book fills within the tick's displayed size or the
 * volume limit's share of the print.
 */
export class TickMatching {
  readonly #config: SimulatedExchangeConfig;
  readonly #listener: VenueListener;
  readonly #store: OrderStore;
  readonly #fills: ExchangeFills;
  readonly #closes: CloseMatching;

  constructor(config: SimulatedExchangeConfig, listener: VenueListener, fills: ExchangeFills, closes: CloseMatching) {
    this.#config = config;
    this.#listener = listener;
    this.#store = listener.orders;
    this.#fills = fills;
    this.#closes = closes;
  }

  /** Matches the book's working orders against its tick `i` (see the exchange's `matchTick`). */
  matchTick(book: Book, i: number): void {
    const s = this.#store;
    book.orders.keepWorking(s.status);
    const ins = book.instrument;
    const time = ins.time[i] as number;
    const sessions = book.sessions;
    sessions.classify(i);
    const inSession = sessions.inSession;
    book.bar = i;
    book.to = Number.NaN; // a tick is its own path: excursions take the tick's prices
    this.#tickLiquidity(book, i);
    const orders = book.orders;

    // Expiry, and market-on-close orders whose session ended before this tick.
    for (let n = 0; n < orders.length; n++) {
      const id = orders.ids[n] as number;
      if (!orderEligible(this.#store, id, i)) continue;
      const tif = s.timeInForce[id];
      if (tif === GTD && time >= (s.expireTime[id] as number)) {
        this.#listener.onOrderTransition(id, T_EXPIRE, 'GTD_EXPIRED', time);
      } else if (tif === DAY && time >= (s.sessionClose[id] as number)) {
        this.#listener.onOrderTransition(id, T_EXPIRE, 'DAY_EXPIRED', time);
      } else if (s.kind[id] === MARKET_ON_CLOSE && time >= (s.sessionClose[id] as number)) {
        this.#closes.lateMarketOnClose(book, id, i);
      }
    }

    for (let n = 0; n < orders.length; n++) {
      const id = orders.ids[n] as number;
      if (!orderActive(this.#store, id, i, inSession) || (s.arrivalTime[id] as number) > time) continue;
      const price = (s.side[id] as number) > 0 ? (ins.high[i] as number) : (ins.low[i] as number);
      book.price = price;
      const kind = s.kind[id];
      if (kind === MARKET || (kind === MARKET_ON_OPEN && sessions.first))
        this.#fills.fill(book, id, price, false, time, i);
      else this.checkAtTick(book, id, price, time, i);
      const tif = s.timeInForce[id];
      if (isWorkingCode(s.status[id] as number) && (tif === IOC || tif === FOK)) {
        this.#listener.onOrderTransition(id, T_CANCEL, tif === IOC ? 'IOC_UNFILLED' : 'FOK_UNFILLED', time);
      }
    }
    // Trailing stops follow the price their exit would get: the bid for sells, the ask for buys.
    for (let n = 0; n < orders.length; n++) {
      const id = orders.ids[n] as number;
      if (inSession || s.extendedHours[id] === 1) {
        advanceWatermark(s, id, ins.high[i] as number, ins.low[i] as number, ins.tickSize);
      }
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
      book.available = volumeBudget(ins.volume[i] as number, this.#config.volumeLimit);
    }
  }

  /** Checks a resting order against one tick's price for its side (see {@link matchTick}). */
  checkAtTick(book: Book, id: number, price: number, time: number, i: number): void {
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
      this.#fills.fill(book, id, resting ? limit : price, resting, time, i);
      return;
    }
    if (kind === STOP) {
      if (buy ? price >= stop : price <= stop) this.#fills.fill(book, id, price, false, time, i);
    } else if (kind === TRAILING_STOP) {
      const level = trailingLevel(s, id, book.instrument.tickSize);
      if (buy ? price >= level : price <= level) this.#fills.fill(book, id, price, false, time, i);
    }
  }
}
