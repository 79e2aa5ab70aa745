import { DEFAULT_SESSION_CALENDAR, type SessionCalendar } from '@alphintra/core';
import { OrderIdList } from '../orders/order-id-list.js';
import { BarSessions } from './bar-sessions.js';

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
  /** The instrument's sessions, and where the bar being matched stands in them. */
  readonly sessions: BarSessions;
  /** Range of the path since the last fill in this bar (or since its open). */
  sinceLow: number;
  sinceHigh: number;
  /** Where the path is heading (NaN: the fill is not on this bar's path), and the range after that. */
  to: number;
  aheadLow: number;
  aheadHigh: number;
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
  /** Trading sessions (default: around the clock, a session per UTC day). */
  readonly session?: SessionCalendar;
}

/** Creates the empty book of instrument `instrument`, registered at `index`. */
export function createBook(index: number, instrument: ExchangeInstrument): Book {
  return {
    index,
    instrument,
    orders: new OrderIdList(),
    bar: -1,
    available: 0,
    sided: false,
    availableBuy: 0,
    availableSell: 0,
    price: Number.NaN,
    sessions: new BarSessions(instrument.session ?? DEFAULT_SESSION_CALENDAR, instrument),
    sinceLow: Number.NaN,
    sinceHigh: Number.NaN,
    to: Number.NaN,
    aheadLow: Number.NaN,
    aheadHigh: Number.NaN,
  };
}
