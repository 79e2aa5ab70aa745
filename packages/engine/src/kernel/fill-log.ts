import { sideName } from '../orders/order-codes.js';
import type { Fill } from '../strategy/strategy.js';
import { grow } from '../support/columns.js';

/**
 * Every execution of a run, in typed columns (fill ids are row + 1); {@link FillLog.at} and
 * {@link FillLog.toArray} build `Fill`s on demand.
 */
export class FillLog {
  length = 0;
  readonly #instrumentIds: readonly string[];
  #order = new Int32Array(256);
  #instrument = new Int32Array(256);
  #side = new Int8Array(256);
  #quantity = new Float64Array(256);
  #price = new Float64Array(256);
  #fee = new Float64Array(256);
  /** 1 for maker, 0 for taker. */
  #maker = new Uint8Array(256);
  #time = new Float64Array(256);
  #trade = new Int32Array(256);
  /** Where each fill happened on its bar's path: four cells per fill (see `VenueListener.fillPath`). */
  #path = new Float64Array(256 * 4);
  /** The bar whose path `#path` describes (−1: a fill on no bar's path). */
  #bar = new Int32Array(256);
  /** Running total of fees. */
  fees = 0;

  /** Where the venue reports each fill's place on its bar's path (four cells, read at each push). */
  readonly #venuePath: Float64Array;

  constructor(instrumentIds: readonly string[], venuePath: Float64Array) {
    this.#instrumentIds = instrumentIds;
    this.#venuePath = venuePath;
  }

  /**
   * Appends a fill and returns its id. The venue's path cells (copied) tell where on bar `bar`'s
   * price path it happened (bar −1: on no bar's path).
   */
  push(
    orderId: number,
    instrument: number,
    side: number,
    quantity: number,
    price: number,
    fee: number,
    maker: boolean,
    time: number,
    tradeId: number,
    bar: number,
  ): number {
    const path = this.#venuePath;
    const i = this.length;
    if (i === this.#order.length) this.#grow();
    this.#order[i] = orderId;
    this.#instrument[i] = instrument;
    this.#side[i] = side;
    this.#quantity[i] = quantity;
    this.#price[i] = price;
    this.#fee[i] = fee;
    this.#maker[i] = maker ? 1 : 0;
    this.#time[i] = time;
    this.#trade[i] = tradeId;
    const p = this.#path;
    const o = i * 4;
    p[o] = path[0] as number;
    p[o + 1] = path[1] as number;
    p[o + 2] = path[2] as number;
    p[o + 3] = path[3] as number;
    this.#bar[i] = bar;
    this.length = i + 1;
    this.fees += fee;
    return i + 1;
  }

  /** Fill `i` (row, not id) as an object. */
  at(i: number): Fill {
    return {
      id: i + 1,
      orderId: this.#order[i] as number,
      instrument: this.#instrumentIds[this.#instrument[i] as number] as string,
      side: sideName(this.#side[i] as number),
      quantity: this.#quantity[i] as number,
      price: this.#price[i] as number,
      fee: this.#fee[i] as number,
      liquidity: this.#maker[i] === 1 ? 'maker' : 'taker',
      time: this.#time[i] as number,
      tradeId: this.#trade[i] as number,
    };
  }

  /** Order id of fill row `i`. */
  orderOf(i: number): number {
    return this.#order[i] as number;
  }

  /** Instrument index of fill row `i`. */
  instrumentOf(i: number): number {
    return this.#instrument[i] as number;
  }

  /** Cell `cell` (0–3, as in `VenueListener.fillPath`) of fill row `i`'s path. */
  pathOf(i: number, cell: number): number {
    return this.#path[i * 4 + cell] as number;
  }

  /** The bar on whose path fill row `i` happened (−1: none). */
  barOf(i: number): number {
    return this.#bar[i] as number;
  }

  /** Every fill, in order, as objects. */
  toArray(): Fill[] {
    const out: Fill[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.at(i);
    return out;
  }

  #grow(): void {
    const n = this.#order.length * 2;
    this.#order = grow(this.#order, n);
    this.#instrument = grow(this.#instrument, n);
    this.#side = grow(this.#side, n);
    this.#quantity = grow(this.#quantity, n);
    this.#price = grow(this.#price, n);
    this.#fee = grow(this.#fee, n);
    this.#maker = grow(this.#maker, n);
    this.#time = grow(this.#time, n);
    this.#trade = grow(this.#trade, n);
    this.#path = grow(this.#path, n * 4);
    this.#bar = grow(this.#bar, n);
  }
}
