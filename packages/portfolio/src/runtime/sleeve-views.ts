import type { BarView, StrategyHandlers } from '@alphintra/engine';

/** The quote view handlers receive (the engine's, read during the call). */
export type QuoteView = Parameters<NonNullable<StrategyHandlers['onQuote']>>[0];
/** The trade view handlers receive (the engine's, read during the call). */
export type TradeView = Parameters<NonNullable<StrategyHandlers['onTrade']>>[0];

/**
 * The engine's bar view as a sleeve sees it: every field read through, except `instrumentIndex`,
 * which is the instrument's position in the sleeve's own `ctx.instruments`. One per sleeve and
 * instrument, pointed at the engine's (reused) view before each call, so nothing is allocated per bar.
 */
export class SleeveBarView implements BarView {
  source!: BarView;
  readonly instrumentIndex: number;

  constructor(instrumentIndex: number) {
    this.instrumentIndex = instrumentIndex;
  }

  get instrument(): string {
    return this.source.instrument;
  }
  get index(): number {
    return this.source.index;
  }
  get time(): number {
    return this.source.time;
  }
  get closeTime(): number {
    return this.source.closeTime;
  }
  get open(): number {
    return this.source.open;
  }
  get high(): number {
    return this.source.high;
  }
  get low(): number {
    return this.source.low;
  }
  get close(): number {
    return this.source.close;
  }
  get volume(): number {
    return this.source.volume;
  }
}

/** The engine's quote view with the sleeve's `instrumentIndex` (see {@link SleeveBarView}). */
export class SleeveQuoteView implements QuoteView {
  source!: QuoteView;
  readonly instrumentIndex: number;

  constructor(instrumentIndex: number) {
    this.instrumentIndex = instrumentIndex;
  }

  get instrument(): string {
    return this.source.instrument;
  }
  get index(): number {
    return this.source.index;
  }
  get time(): number {
    return this.source.time;
  }
  get bid(): number {
    return this.source.bid;
  }
  get ask(): number {
    return this.source.ask;
  }
  get bidSize(): number {
    return this.source.bidSize;
  }
  get askSize(): number {
    return this.source.askSize;
  }
  get mid(): number {
    return this.source.mid;
  }
}

/** The engine's trade view with the sleeve's `instrumentIndex` (see {@link SleeveBarView}). */
export class SleeveTradeView implements TradeView {
  source!: TradeView;
  readonly instrumentIndex: number;

  constructor(instrumentIndex: number) {
    this.instrumentIndex = instrumentIndex;
  }

  get instrument(): string {
    return this.source.instrument;
  }
  get index(): number {
    return this.source.index;
  }
  get time(): number {
    return this.source.time;
  }
  get price(): number {
    return this.source.price;
  }
  get size(): number {
    return this.source.size;
  }
}
