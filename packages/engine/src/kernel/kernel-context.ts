import { AlphintraError, DEFAULT_SESSION_CALENDAR, type Timeframe } from '@alphintra/core';
import type { IndicatorParams, StreamingIndicator } from '@alphintra/indicators';
import type { Order, OrderRequest, OrderSize } from '../orders/order.js';
import { isWorkingCode } from '../orders/order-codes.js';
import type { Portfolio } from '../portfolio/portfolio.js';
import type { RiskEngine, TradingState } from '../risk/risk-engine.js';
import type {
  Fill,
  FillPath,
  IndicatorOptions,
  MarketSession,
  OrderOptions,
  PositionView,
  StrategyContext,
  StrategyLogger,
} from '../strategy/strategy.js';
import type { Clock } from './clock.js';
import type { ExecutionEngine } from './execution-engine.js';
import { FillPathView } from './fill-path-view.js';
import { HigherTimeframe, type HigherTimeframeOptions, type HigherTimeframeView } from './higher-timeframe.js';
import type { IndicatorFeed } from './indicator-feed.js';
import type { KernelInstrument, LogEntry } from './kernel-types.js';
import { SessionView } from './session-view.js';

/** What the context needs from the kernel (the kernel implements it). */
export interface Kernel {
  readonly ids: readonly string[];
  readonly instruments: readonly KernelInstrument[];
  readonly clock: Clock;
  readonly portfolio: Portfolio;
  readonly risk: RiskEngine;
  readonly feeds: readonly IndicatorFeed[];
  readonly higher: readonly HigherTimeframe[][];
  registerHigher(k: number, timeframe: HigherTimeframe): void;
  readonly lastBar: Int32Array;
  readonly execution: ExecutionEngine;
  indexOf(id: string | undefined): number;
  log(level: LogEntry['level'], message: string): void;
  submit(request: OrderRequest): Order;
  cancel(id: number): void;
  modify(
    id: number,
    changes: { readonly limitPrice?: number; readonly stopPrice?: number; readonly quantity?: number },
  ): void;
  link(ids: readonly number[]): void;
  setTimer(name: string, time: number, interval: number): void;
  cancelTimer(name: string): void;
}

type Field = 'time' | 'open' | 'high' | 'low' | 'close' | 'volume';

class LivePosition implements PositionView {
  readonly #kernel: Kernel;
  readonly #index: number;
  readonly instrument: string;

  constructor(kernel: Kernel, index: number) {
    this.#kernel = kernel;
    this.#index = index;
    this.instrument = kernel.ids[index] as string;
  }

  get quantity(): number {
    return this.#kernel.portfolio.quantity[this.#index] as number;
  }

  get averagePrice(): number {
    return this.#kernel.portfolio.averagePrice[this.#index] as number;
  }

  get lastPrice(): number {
    return this.#kernel.portfolio.lastPrice[this.#index] as number;
  }

  get unrealizedPnl(): number {
    const p = this.#kernel.portfolio;
    const q = p.quantity[this.#index] as number;
    if (q === 0) return 0;
    const m = (p.instruments[this.#index] as { multiplier: number }).multiplier;
    return q * ((p.lastPrice[this.#index] as number) - (p.averagePrice[this.#index] as number)) * m;
  }

  get realizedPnl(): number {
    return this.#kernel.portfolio.realized[this.#index] as number;
  }
}

/**
 * The {@link StrategyContext} the kernel hands a strategy. Reads are bounded by what the
 * kernel has delivered (`lastBar`), which is what makes look-ahead impossible from here.
 */
export class KernelContext implements StrategyContext {
  readonly #kernel: Kernel;
  readonly #positions: LivePosition[];
  readonly #sessions: SessionView[];
  readonly #fillPath: FillPathView;
  readonly log: StrategyLogger;

  constructor(kernel: Kernel) {
    this.#kernel = kernel;
    this.#positions = kernel.ids.map((_, i) => new LivePosition(kernel, i));
    this.#sessions = kernel.instruments.map(
      (i) => new SessionView(i.instrument.id, i.session ?? DEFAULT_SESSION_CALENDAR),
    );
    this.#fillPath = new FillPathView(kernel.execution.fills, kernel.lastBar);
    this.log = {
      info: (message) => kernel.log('info', message),
      warn: (message) => kernel.log('warn', message),
      error: (message) => kernel.log('error', message),
    };
  }

  get instruments(): readonly string[] {
    return this.#kernel.ids;
  }

  get time(): number {
    return this.#kernel.clock.now();
  }

  get currency(): string {
    return this.#kernel.portfolio.currencies[0] as string;
  }

  get equity(): number {
    return this.#kernel.portfolio.equity();
  }

  get cash(): number {
    return this.#kernel.portfolio.cash;
  }

  get tradingState(): TradingState {
    return this.#kernel.risk.tradingState;
  }

  indicator(name: string, params?: IndicatorParams, options?: IndicatorOptions): StreamingIndicator {
    const k = this.#kernel.indexOf(options?.instrument);
    const feed = this.#kernel.feeds[k];
    if (feed === undefined) throw new AlphintraError('INVALID_ARGUMENT', `unknown instrument ${options?.instrument}`);
    return feed.add(name, params, options);
  }

  timeframe(timeframe: Timeframe | string, options?: HigherTimeframeOptions): HigherTimeframeView {
    const k = this.#kernel.indexOf(options?.instrument);
    const source = this.#kernel.instruments[k]?.timeframe;
    const view = new HigherTimeframe(timeframe, source, options);
    this.#kernel.registerHigher(k, view);
    return view;
  }

  value(field: Field, ago = 0, instrument?: string): number {
    const k = this.#kernel.indexOf(instrument);
    const at = (this.#kernel.lastBar[k] as number) - ago;
    if (!(ago >= 0) || at < 0) return Number.NaN;
    return this.#column(k, field)[at] as number;
  }

  history(field: Field, instrument?: string): Float64Array {
    const k = this.#kernel.indexOf(instrument);
    return this.#column(k, field).subarray(0, (this.#kernel.lastBar[k] as number) + 1);
  }

  barCount(instrument?: string): number {
    return (this.#kernel.lastBar[this.#kernel.indexOf(instrument)] as number) + 1;
  }

  session(instrument?: string): MarketSession {
    return (this.#sessions[this.#kernel.indexOf(instrument)] as SessionView).at(this.#kernel.clock.now());
  }

  fillPath(fill: Readonly<Fill>): FillPath {
    return this.#fillPath.load(fill);
  }

  position(instrument?: string): PositionView {
    return this.#positions[this.#kernel.indexOf(instrument)] as LivePosition;
  }

  quantity(instrument?: string): number {
    return this.#kernel.portfolio.quantity[this.#kernel.indexOf(instrument)] as number;
  }

  balance(currency?: string): number {
    const p = this.#kernel.portfolio;
    return p.balance(currency === undefined ? 0 : this.#currency(currency));
  }

  rate(from: string, to?: string): number {
    const p = this.#kernel.portfolio;
    const value = p.rate(this.#currency(from));
    return to === undefined ? value : value / p.rate(this.#currency(to));
  }

  submit(request: OrderRequest): Readonly<Order> {
    return this.#kernel.submit(request);
  }

  buy(size: OrderSize, options?: OrderOptions): Readonly<Order> {
    return this.#kernel.submit(options === undefined ? { side: 'buy', size } : { ...options, side: 'buy', size });
  }

  sell(size: OrderSize, options?: OrderOptions): Readonly<Order> {
    return this.#kernel.submit(options === undefined ? { side: 'sell', size } : { ...options, side: 'sell', size });
  }

  targetQuantity(quantity: number, options?: OrderOptions): Readonly<Order> {
    const size = { targetQuantity: quantity };
    return this.#kernel.submit(options === undefined ? { size } : { ...options, size });
  }

  targetPercent(fraction: number, options?: OrderOptions): Readonly<Order> {
    const size = { targetPercent: fraction };
    return this.#kernel.submit(options === undefined ? { size } : { ...options, size });
  }

  closePosition(instrument?: string): Readonly<Order> | undefined {
    const k = this.#kernel.indexOf(instrument);
    const q = this.#kernel.portfolio.quantity[k] as number;
    if (q === 0) return undefined;
    return this.#kernel.execution.submitFor(k, { size: { targetQuantity: 0 }, tag: 'close' });
  }

  cancel(order: Readonly<Order> | number): void {
    this.#kernel.cancel(this.#order(order));
  }

  cancelAll(instrument?: string): void {
    for (const id of this.#working(instrument)) this.#kernel.cancel(id);
  }

  modify(
    order: Readonly<Order> | number,
    changes: { readonly limitPrice?: number; readonly stopPrice?: number; readonly quantity?: number },
  ): void {
    this.#kernel.modify(this.#order(order), changes);
  }

  oco(...orders: readonly (Readonly<Order> | number)[]): void {
    const resolved = orders.map((o) => this.#order(o));
    if (resolved.length < 2)
      throw new AlphintraError('INVALID_ARGUMENT', `expected at least two orders to link, got ${resolved.length}`);
    const status = this.#kernel.execution.orders.status;
    this.#kernel.link(resolved.filter((id) => isWorkingCode(status[id] as number)));
  }

  openOrders(instrument?: string): readonly Readonly<Order>[] {
    const views = this.#kernel.execution.views;
    return this.#working(instrument).map((id) => views.get(id));
  }

  setTimer(name: string, time: number): void {
    this.#kernel.setTimer(name, time, 0);
  }

  every(name: string, interval: number): void {
    if (!(interval > 0)) throw new AlphintraError('INVALID_ARGUMENT', `expected a positive interval, got ${interval}`);
    this.#kernel.setTimer(name, this.#kernel.clock.now() + interval, interval);
  }

  cancelTimer(name: string): void {
    this.#kernel.cancelTimer(name);
  }

  #column(k: number, field: Field): Float64Array {
    const columns = this.#kernel.instruments[k]?.columns;
    if (columns === undefined) throw new AlphintraError('INVALID_ARGUMENT', `unknown instrument index ${k}`);
    const column = columns[field];
    if (column === undefined) throw new AlphintraError('INVALID_ARGUMENT', `unknown bar field ${String(field)}`);
    return column;
  }

  /** Index of a currency the account holds; throws a clear error for any other. */
  #currency(code: string): number {
    const currencies = this.#kernel.portfolio.currencies;
    const c = currencies.indexOf(code);
    if (c < 0) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `unknown currency ${code} (the account holds ${currencies.join(', ')})`,
      );
    }
    return c;
  }

  /** Ids of the working orders (of one instrument, or all), in acceptance order. */
  #working(instrument?: string): number[] {
    const k = instrument === undefined ? -1 : this.#kernel.indexOf(instrument);
    const store = this.#kernel.execution.orders;
    return this.#kernel.execution.working
      .toArray()
      .filter((id) => isWorkingCode(store.status[id] as number) && (k < 0 || store.instrument[id] === k));
  }

  #order(order: Readonly<Order> | number): number {
    const id = typeof order === 'number' ? order : order.id;
    if (!this.#kernel.execution.orders.has(id)) throw new AlphintraError('INVALID_ARGUMENT', `unknown order ${id}`);
    return id;
  }
}
