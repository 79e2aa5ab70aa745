import { AlphintraError, type QuoteTicks, type TradeTicks } from '@alphintra/core';
import type { QuoteView, TradeView } from '../strategy/strategy.js';
import type { KernelInstrument } from './kernel-types.js';

/** The code of a market-data stream name (`STREAM_BARS`, `STREAM_QUOTES`, `STREAM_TRADES` in bar-matcher.ts). */
export function streamCode(stream: 'bars' | 'quotes' | 'trades'): number {
  switch (stream) {
    case 'bars':
      return 0;
    case 'quotes':
      return 1;
    case 'trades':
      return 2;
    default:
      throw new AlphintraError('INVALID_ARGUMENT', `unknown market-data stream ${String(stream)}`);
  }
}

/**
 * The kernel's reusable {@link QuoteView}: one per instrument, pointed at the current quote
 * before each `onQuote`; fields read the quote columns on demand.
 */
export class MutableQuoteView implements QuoteView {
  readonly instrument: string;
  readonly instrumentIndex: number;
  index = -1;
  readonly #ticks: QuoteTicks;

  constructor(instrument: KernelInstrument, ticks: QuoteTicks) {
    this.instrument = instrument.instrument.id;
    this.instrumentIndex = instrument.index ?? 0;
    this.#ticks = ticks;
  }

  /** Time of quote `i`. */
  timeAt(i: number): number {
    return this.#ticks.time[i] as number;
  }
  /** Mid price of quote `i`, the mark of a position. */
  markAt(i: number): number {
    return ((this.#ticks.bid[i] as number) + (this.#ticks.ask[i] as number)) / 2;
  }

  get time(): number {
    return this.#ticks.time[this.index] as number;
  }
  get bid(): number {
    return this.#ticks.bid[this.index] as number;
  }
  get ask(): number {
    return this.#ticks.ask[this.index] as number;
  }
  get bidSize(): number {
    return this.#ticks.bidSize[this.index] as number;
  }
  get askSize(): number {
    return this.#ticks.askSize[this.index] as number;
  }
  get mid(): number {
    return this.markAt(this.index);
  }

  toJSON(): Record<string, unknown> {
    const { instrument, instrumentIndex, index, time, bid, ask, bidSize, askSize } = this;
    return { instrument, instrumentIndex, index, time, bid, ask, bidSize, askSize };
  }
}

/**
 * The kernel's reusable {@link TradeView}: one per instrument, pointed at the current trade
 * before each `onTrade`; fields read the trade columns on demand.
 */
export class MutableTradeView implements TradeView {
  readonly instrument: string;
  readonly instrumentIndex: number;
  index = -1;
  readonly #ticks: TradeTicks;

  constructor(instrument: KernelInstrument, ticks: TradeTicks) {
    this.instrument = instrument.instrument.id;
    this.instrumentIndex = instrument.index ?? 0;
    this.#ticks = ticks;
  }

  /** Time of trade `i`. */
  timeAt(i: number): number {
    return this.#ticks.time[i] as number;
  }
  /** Price of trade `i`, the mark of a position. */
  markAt(i: number): number {
    return this.#ticks.price[i] as number;
  }

  get time(): number {
    return this.#ticks.time[this.index] as number;
  }
  get price(): number {
    return this.#ticks.price[this.index] as number;
  }
  get size(): number {
    return this.#ticks.size[this.index] as number;
  }

  toJSON(): Record<string, unknown> {
    const { instrument, instrumentIndex, index, time, price, size } = this;
    return { instrument, instrumentIndex, index, time, price, size };
  }
}
