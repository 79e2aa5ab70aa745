import type { Timeframe } from '@alphintra/core';
import type { IndicatorParams, StreamingIndicator } from '@alphintra/indicators';
import type { Liquidity } from '../execution/fee-model.js';
import type { HigherTimeframeOptions, HigherTimeframeView } from '../kernel/higher-timeframe.js';
import type { Order, OrderRequest, OrderSize } from '../orders/order.js';
import type { TradingState } from '../risk/risk-engine.js';
import type { SweepFace } from '../sweep/sweep-face.js';
import type { ParameterSpecs, ParameterValues } from './parameters.js';

/**
 * The bar a strategy is handed. One object per instrument, updated in place before each
 * `onBar`, so the loop allocates nothing: read it during the call, do not keep it.
 */
export interface BarView {
  readonly instrument: string;
  /**
   * Position of the instrument in `ctx.instruments`: strategies with per-instrument state can
   * keep it in arrays indexed by this instead of looking the id up in a map on every bar.
   */
  readonly instrumentIndex: number;
  /** Position of the bar in its instrument's series. */
  readonly index: number;
  /** Open time (epoch µs, UTC). */
  readonly time: number;
  /** Close time: the clock time at which the strategy sees the bar. */
  readonly closeTime: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/** A change of the best bid and ask, as a strategy is handed it (a reused view: read it during the call). */
export interface QuoteView {
  readonly instrument: string;
  readonly instrumentIndex: number;
  /** Position of the quote in its instrument's quote ticks. */
  readonly index: number;
  readonly time: number;
  readonly bid: number;
  readonly ask: number;
  /** Displayed sizes (NaN when the data has none). */
  readonly bidSize: number;
  readonly askSize: number;
  readonly mid: number;
}

/** A trade print, as a strategy is handed it (a reused view: read it during the call). */
export interface TradeView {
  readonly instrument: string;
  readonly instrumentIndex: number;
  /** Position of the trade in its instrument's trade ticks. */
  readonly index: number;
  readonly time: number;
  readonly price: number;
  /** Units traded (NaN when the data has none). */
  readonly size: number;
}

/** An execution, as the strategy and the results see it. */
export interface Fill {
  readonly id: number;
  readonly orderId: number;
  readonly instrument: string;
  readonly side: 'buy' | 'sell';
  readonly quantity: number;
  readonly price: number;
  readonly fee: number;
  readonly liquidity: Liquidity;
  readonly time: number;
  /** Round trip this fill belongs to (the one it opened or added to, else the one it closed). */
  readonly tradeId: number;
}

/**
 * Where a fill happened on its bar's assumed price path (see {@link StrategyContext.fillPath}).
 * Prices are NaN where the venue does not know them (a broker's fill, a fill on a tick or
 * between bars), and the part after the fill stays NaN until its bar has closed.
 */
export interface FillPath {
  /** Lowest price the bar traded from the instrument's previous fill in it (or the bar's open) up to this fill. */
  readonly lowBefore: number;
  /** Highest price over the same stretch. */
  readonly highBefore: number;
  /** Lowest price the bar traded from this fill to its close (NaN while the bar is still open). */
  readonly lowAfter: number;
  /** Highest price over the same stretch. */
  readonly highAfter: number;
}

/** A live view of one position (no allocation per read). */
export interface PositionView {
  readonly instrument: string;
  /** Signed units (negative = short). */
  readonly quantity: number;
  /** Average entry price, NaN when flat. */
  readonly averagePrice: number;
  /** Latest mark. */
  readonly lastPrice: number;
  /** Open profit or loss at the mark, in the instrument's currency. */
  readonly unrealizedPnl: number;
  /** Profit or loss realised so far on this instrument (before fees), in the instrument's currency. */
  readonly realizedPnl: number;
}

/**
 * Where an instrument's market stands at the clock's time: open or closed, and when it next
 * opens and closes (regular session hours of its session calendar).
 */
export interface MarketSession {
  readonly instrument: string;
  /** Name of the instrument's session calendar (`us-equity`, `crypto-24x7` …). */
  readonly calendar: string;
  /** Whether the regular session is open now. */
  readonly isOpen: boolean;
  /** Open (epoch µs) of the session open now, or of the next one while closed. */
  readonly open: number;
  /** Close of that session (epoch µs); DAY orders placed now expire then. */
  readonly close: number;
  /** When the market next opens: `open` while closed, the following session's open while open. */
  readonly nextOpen: number;
  /** When the market next closes (`close`). */
  readonly nextClose: number;
  /** Whether that session closes early (a half day). */
  readonly earlyClose: boolean;
  /** Its trading day, `YYYY-MM-DD` (exchange-local date of its close). */
  readonly tradingDay: string;
}

/** Where a strategy's indicator reads its inputs. */
export interface IndicatorOptions {
  /** Instrument to follow; defaults to the only one (required with several). */
  readonly instrument?: string;
  /** Bar field feeding a single-input indicator (`real`); defaults to `close`. */
  readonly source?: 'open' | 'high' | 'low' | 'close' | 'volume';
}

/** Orders without `side` and `size` (the helper supplies them). */
export type OrderOptions = Omit<OrderRequest, 'side' | 'size'>;

/** Records a strategy's messages into the run's results. */
export interface StrategyLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Everything a strategy can see and do. It sees only what has happened by the clock's time:
 * history up to the current bar, the portfolio, its own orders.
 */
export interface StrategyContext {
  /** Ids of the instruments in the run, in their given order. */
  readonly instruments: readonly string[];
  /** The clock's time (epoch µs, UTC). */
  readonly time: number;
  /** The account currency: equity, cash, exposure and results are in it. */
  readonly currency: string;
  /** Cash plus every position at its mark, in the account currency. */
  readonly equity: number;
  /** Every cash balance converted into the account currency at current rates. */
  readonly cash: number;
  readonly tradingState: TradingState;
  readonly log: StrategyLogger;

  /** Creates a streaming indicator the engine updates before each of the instrument's bars. */
  indicator(name: string, params?: IndicatorParams, options?: IndicatorOptions): StreamingIndicator;
  /**
   * Bars of a higher timeframe (`'1h'`, `'1d'`, `'1w'` …) built from an instrument's bars; a
   * bar appears only once closed. Call it while setting up (in `create` or `onStart`).
   */
  timeframe(timeframe: Timeframe | string, options?: HigherTimeframeOptions): HigherTimeframeView;
  /** A bar field `ago` bars back (0 = the current bar), NaN before the first bar. */
  value(field: 'time' | 'open' | 'high' | 'low' | 'close' | 'volume', ago?: number, instrument?: string): number;
  /** A zero-copy view of a bar field from the first bar up to the current one. */
  history(field: 'time' | 'open' | 'high' | 'low' | 'close' | 'volume', instrument?: string): Float64Array;
  /** Number of bars of the instrument seen so far. */
  barCount(instrument?: string): number;
  /**
   * Whether the instrument's market is open now and when it next opens and closes. One object
   * per instrument, updated on each call: read it, do not keep it.
   */
  session(instrument?: string): MarketSession;

  /**
   * Where `fill` happened on its bar's price path: the range traded before it (since the
   * instrument's previous fill in that bar, or the open) and, once the bar has closed, the range
   * traded after it. One object, updated on each call: read it, do not keep it.
   *
   * @example
   * onFill(fill) {
   *   const path = ctx.fillPath(fill);
   *   ctx.log.info(`filled at ${fill.price}, the bar had reached ${path.lowBefore}…${path.highBefore} before`);
   * }
   */
  fillPath(fill: Readonly<Fill>): FillPath;

  /** The position on an instrument (a live view). */
  position(instrument?: string): PositionView;
  /** Signed units held (cheaper than `position().quantity`). */
  quantity(instrument?: string): number;
  /**
   * Cash held in one currency, in that currency (default: the account currency); negative
   * when the account has borrowed it. Throws for a currency the account does not hold.
   */
  balance(currency?: string): number;
  /**
   * Value of one unit of `from` in `to` (default: the account currency) at the clock time,
   * NaN while a rate on the way is not known yet.
   */
  rate(from: string, to?: string): number;

  /** Sends an order through the risk checks to the venue; the result is the order (final if denied). */
  submit(request: OrderRequest): Readonly<Order>;
  buy(size: OrderSize, options?: OrderOptions): Readonly<Order>;
  sell(size: OrderSize, options?: OrderOptions): Readonly<Order>;
  /** Trades to a target position in units (signed). */
  targetQuantity(quantity: number, options?: OrderOptions): Readonly<Order>;
  /** Trades to a target position as a signed fraction of equity. */
  targetPercent(fraction: number, options?: OrderOptions): Readonly<Order>;
  /** Flattens the position with a market order (no order when already flat). */
  closePosition(instrument?: string): Readonly<Order> | undefined;
  /** Requests cancellation of a working order. */
  cancel(order: Readonly<Order> | number): void;
  /** Cancels every working order (of one instrument, or all). */
  cancelAll(instrument?: string): void;
  /** Changes a working order's prices or quantity. */
  modify(
    order: Readonly<Order> | number,
    changes: { readonly limitPrice?: number; readonly stopPrice?: number; readonly quantity?: number },
  ): void;
  /** Links working orders so that a fill of one cancels the others (one-cancels-other). */
  oco(...orders: readonly (Readonly<Order> | number)[]): void;
  /** Working orders (of one instrument, or all). */
  openOrders(instrument?: string): readonly Readonly<Order>[];

  /** Fires `onTimer(name)` at `time`. */
  setTimer(name: string, time: number): void;
  /** Fires `onTimer(name)` every `interval` µs from now. */
  every(name: string, interval: number): void;
  cancelTimer(name: string): void;
}

/** The names of every handler a strategy may define (see {@link StrategyHandlers}). */
export const HANDLER_NAMES = [
  'onStart',
  'onBar',
  'onQuote',
  'onTrade',
  'onSlice',
  'onOrderUpdate',
  'onFill',
  'onTimer',
  'onStop',
] as const satisfies readonly (keyof StrategyHandlers)[];

/** What a strategy does at each event; every handler is optional. */
export interface StrategyHandlers {
  onStart?(): void;
  /** A bar of one instrument has closed. */
  onBar?(bar: BarView): void;
  /** The best bid or ask of an instrument changed (runs with quote ticks). */
  onQuote?(quote: QuoteView): void;
  /** A trade printed on an instrument (runs with trade ticks). */
  onTrade?(trade: TradeView): void;
  /** Every instrument's bars at one timestamp have been handed out (cross-sectional logic). */
  onSlice?(time: number): void;
  onOrderUpdate?(order: Readonly<Order>): void;
  onFill?(fill: Fill, order: Readonly<Order>): void;
  onTimer?(name: string, time: number): void;
  onStop?(): void;
}

/**
 * A strategy: metadata, typed parameters, and a factory that wires handlers to a context.
 * `create` is the source of truth; `sweep`, when given, states the same logic in a form
 * `runSweep` evaluates for many parameter sets in one pass (see {@link SweepFace}).
 */
export interface StrategyDefinition<P extends ParameterSpecs = ParameterSpecs, K extends string = string> {
  readonly name: string;
  readonly description?: string;
  readonly version?: string;
  readonly parameters: P;
  create(ctx: StrategyContext, params: ParameterValues<P>): StrategyHandlers;
  /** The vectorised face for parameter sweeps; optional. */
  readonly sweep?: SweepFace<P, K>;
}

/**
 * Declares a strategy. The same definition runs in backtest, paper and live.
 *
 * @example
 * export default defineStrategy({
 *   name: 'sma-crossover',
 *   parameters: { fast: { type: 'integer', default: 10, min: 2, max: 100 }, slow: { type: 'integer', default: 30, min: 5, max: 400 } },
 *   create(ctx, p) {
 *     const fast = ctx.indicator('SMA', { timeperiod: p.fast });
 *     const slow = ctx.indicator('SMA', { timeperiod: p.slow });
 *     return {
 *       onBar() {
 *         if (!slow.isReady) return;
 *         const want = fast.value > slow.value ? 1 : 0;
 *         if (want === 1 && ctx.quantity() <= 0) ctx.targetPercent(1);
 *         else if (want === 0 && ctx.quantity() > 0) ctx.closePosition();
 *       },
 *     };
 *   },
 * });
 */
export function defineStrategy<P extends ParameterSpecs, K extends string = string>(
  definition: StrategyDefinition<P, K>,
): StrategyDefinition<P, K> {
  return definition;
}
