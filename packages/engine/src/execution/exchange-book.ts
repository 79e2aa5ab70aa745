import type { OrderIdList } from '../orders/order-id-list.js';

/** The simulated venue's book for one instrument: its working orders and where matching is. */
export interface Book {
  readonly index: number;
  readonly instrument: ExchangeInstrument;
  /** Working order ids, in arrival order. */
  readonly orders: OrderIdList;
  /** Bar (or tick) being matched (−1 outside matching). */
  bar: number;
  /** Units still fillable in the current bar under the volume limit. */
  available: number;
  /** Whether fills are limited per side (quotes: the displayed ask for buys, bid for sells). */
  sided: boolean;
  availableBuy: number;
  availableSell: number;
  /** Price where the current bar's path has got to. */
  price: number;
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
  /** Bar length in µs (its close time is `time + duration`); 0 for ticks. */
  readonly duration: number;
  /**
   * What the venue matches against: bars (the default), trade ticks or quote ticks. For ticks
   * the columns above hold one row per tick: `high` the price a buy gets (the ask, or the trade
   * price), `low` the price a sell gets (the bid, or the trade price), `close` the mark, `volume`
   * the trade size; `askSize`/`bidSize` the displayed sizes of quotes.
   */
  readonly matching?: 'bars' | 'trades' | 'quotes';
  readonly askSize?: Float64Array;
  readonly bidSize?: Float64Array;
  /** Bars of a day or longer: each bar is a whole session. */
  readonly sessionBars: boolean;
}
