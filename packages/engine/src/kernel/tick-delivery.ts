import type { Portfolio } from '../portfolio/portfolio.js';
import type { TradeTracker } from '../portfolio/trade-tracker.js';
import type { StrategyHandlers } from '../strategy/strategy.js';
import type { BarMatcher } from './bar-matcher.js';
import { STREAM_QUOTES } from './bar-matcher.js';
import type { HigherTimeframe } from './higher-timeframe.js';
import type { IndicatorFeed } from './indicator-feed.js';
import type { KernelInstrument } from './kernel-types.js';
import type { StrategyGuard } from './strategy-guard.js';
import { MutableQuoteView, MutableTradeView, streamCode } from './tick-views.js';

/** What delivering a tick needs of the kernel. */
export interface TickHost {
  readonly instruments: readonly KernelInstrument[];
  readonly portfolio: Portfolio;
  readonly trades: TradeTracker;
  readonly lastBar: Int32Array;
  readonly lastMatched: Int32Array;
  readonly matchingBar: Int32Array;
  readonly feeds: IndicatorFeed[];
  readonly higher: HigherTimeframe[][];
  /** Instrument whose event is being handled (−1 when none). */
  current: number;
}

/**
 * The kernel's tick streams (quotes and trades): each instrument's views of them, the stream its
 * columns come from, and what a tick does once the clock is at it and carry is booked — matching
 * and marking on the stream the venue matches on, indicators and higher timeframes on the stream
 * the columns come from, then the strategy's `onQuote` or `onTrade`.
 */
export class TickDelivery {
  readonly #host: TickHost;
  readonly #quotes: (MutableQuoteView | null)[];
  readonly #tradeViews: (MutableTradeView | null)[];
  /** The stream (`STREAM_*`) the venue matches each instrument on, and the one its columns come from. */
  readonly #matchStream: Uint8Array;
  readonly #feedStream: Uint8Array;

  constructor(host: TickHost, matchStream: Uint8Array) {
    const instruments = host.instruments;
    this.#host = host;
    this.#matchStream = matchStream;
    this.#feedStream = Uint8Array.from(instruments, (i) => streamCode(i.feedFrom ?? 'bars'));
    this.#quotes = instruments.map((i) => (i.quotes === undefined ? null : new MutableQuoteView(i, i.quotes)));
    this.#tradeViews = instruments.map((i) => (i.trades === undefined ? null : new MutableTradeView(i, i.trades)));
  }

  /** The view of instrument `k`'s quotes (`STREAM_QUOTES`) or trades. */
  view(k: number, stream: number): MutableQuoteView | MutableTradeView {
    return stream === STREAM_QUOTES ? (this.#quotes[k] as MutableQuoteView) : (this.#tradeViews[k] as MutableTradeView);
  }

  /** Whether instrument `k`'s columns (and so its indicators and carry) come from `stream`. */
  feedsFrom(k: number, stream: number): boolean {
    return this.#feedStream[k] === stream;
  }

  /** Matches, marks, feeds and hands to the strategy tick `i` of instrument `k` (see `Kernel.tickEvent`). */
  deliver(
    k: number,
    stream: number,
    i: number,
    matcher: BarMatcher | undefined,
    handlers: StrategyHandlers,
    guard: StrategyGuard,
  ): void {
    const host = this.#host;
    const quote = stream === STREAM_QUOTES;
    const view = this.view(k, stream);
    const feedStream = this.#feedStream[k] === stream;
    if (this.#matchStream[k] === stream) {
      if (matcher !== undefined) {
        host.matchingBar[k] = i;
        matcher.matchTick(k, i);
        host.matchingBar[k] = -1;
      }
      host.portfolio.mark(k, view.markAt(i));
      const c = (host.instruments[k] as KernelInstrument).columns;
      if (feedStream) host.trades.onBar(k, c.high, c.low, i);
      else host.trades.onPrice(k, view.markAt(i));
      host.lastMatched[k] = i;
    }
    host.current = k;
    if (feedStream) {
      const ins = host.instruments[k] as KernelInstrument;
      host.lastBar[k] = i;
      const feed = host.feeds[k] as IndicatorFeed;
      if (feed.size > 0) feed.update(i);
      const higher = host.higher[k] as HigherTimeframe[];
      const time = view.timeAt(i);
      for (let h = 0; h < higher.length; h++) (higher[h] as HigherTimeframe).onSourceBar(ins.columns, i, time);
    }
    view.index = i;
    try {
      if (quote) handlers.onQuote?.(view as MutableQuoteView);
      else handlers.onTrade?.(view as MutableTradeView);
    } catch (error) {
      guard.fail(error, quote ? 'onQuote' : 'onTrade', k, i);
    }
    guard.check();
    host.current = -1;
  }
}
