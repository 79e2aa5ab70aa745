import type { BarView, StrategyHandlers } from '@alphintra/engine';

/** The quote view handlers receive (the engine's, read during the call). */
export type QuoteView = Parameters<NonNullable<StrategyHandlers['onQuote']>>[0];
/** The trade view handlers receive (the engine's, read during the call). */
export type TradeView = Parameters<NonNullable<StrategyHandlers['onTrade']>>[0];

/**
 * An engine view (bar, quote or trade) as a sleeve sees it: every field read through, except
 * `instrumentIndex`, which is the instrument's position in the sleeve's own `ctx.instruments`.
 * One per sleeve and instrument, pointed at the engine's (reused) view before each call, so
 * nothing is allocated per event.
 */
abstract class SleeveView<V extends { readonly instrument: string; readonly index: number; readonly time: number }> {
  source!: V;
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
}

/** A bar with the sleeve's instrument index (see {@link SleeveView}). */
export class SleeveBarView extends SleeveView<BarView> implements BarView {
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

/** A quote with the sleeve's instrument index (see {@link SleeveView}). */
export class SleeveQuoteView extends SleeveView<QuoteView> implements QuoteView {
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

/** A trade print with the sleeve's instrument index (see {@link SleeveView}). */
export class SleeveTradeView extends SleeveView<TradeView> implements TradeView {
  get price(): number {
    return this.source.price;
  }
  get size(): number {
    return this.source.size;
  }
}
