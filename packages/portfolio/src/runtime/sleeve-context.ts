import { AlphintraError, type Timeframe } from '@alphintra/core';
import type {
  Fill,
  FillPath,
  HigherTimeframeOptions,
  HigherTimeframeView,
  IndicatorOptions,
  MarketSession,
  Order,
  OrderOptions,
  OrderRequest,
  OrderSize,
  PositionView,
  StrategyContext,
  StrategyLogger,
  TradingState,
} from '@alphintra/engine';
import type { OrderDesk } from './order-desk.js';
import type { OrderRouter } from './order-router.js';
import type { Account, SleeveState } from './sleeve-state.js';

type Field = 'time' | 'open' | 'high' | 'low' | 'close' | 'volume';
type IndicatorParams = Parameters<StrategyContext['indicator']>[1];
type StreamingIndicator = ReturnType<StrategyContext['indicator']>;

/** What a sleeve's context asks of the running portfolio. */
export interface SleeveHost {
  readonly account: Account;
  readonly desk: OrderDesk;
  readonly router: OrderRouter;
  /** Account index of the instrument whose event is being handled, −1 outside one. */
  readonly current: number;
  /** Whether the portfolio's drawdown limit has halted new exposure. */
  readonly halted: boolean;
}

/** The sleeve's position in one instrument, from its ledger (a live view). */
class SleevePosition implements PositionView {
  readonly instrument: string;
  readonly #sleeve: SleeveState;
  readonly #k: number;
  readonly #mark: PositionView;

  constructor(sleeve: SleeveState, k: number, mark: PositionView) {
    this.instrument = mark.instrument;
    this.#sleeve = sleeve;
    this.#k = k;
    this.#mark = mark;
  }

  get quantity(): number {
    return this.#sleeve.ledger.quantity(this.#k);
  }
  get averagePrice(): number {
    return this.#sleeve.ledger.book.averagePrice[this.#k] as number;
  }
  get lastPrice(): number {
    return this.#mark.lastPrice;
  }
  get unrealizedPnl(): number {
    const q = this.quantity;
    if (q === 0) return 0;
    const m = this.#sleeve.ledger.instruments[this.#k]?.multiplier as number;
    return q * (this.lastPrice - this.averagePrice) * m;
  }
  get realizedPnl(): number {
    return this.#sleeve.ledger.book.realized[this.#k] as number;
  }
}

/**
 * The {@link StrategyContext} a sleeve's strategy runs with: market data, indicators, history
 * and timers are the account's (restricted to the sleeve's instruments); equity, cash,
 * positions and open orders are the sleeve's own; orders go through the portfolio's desk, which
 * checks its limits and sizes them against the sleeve's capital.
 */
export class SleeveContext implements StrategyContext {
  readonly instruments: readonly string[];
  readonly log: StrategyLogger;
  readonly #host: SleeveHost;
  readonly #sleeve: SleeveState;
  readonly #positions: (SleevePosition | undefined)[];
  readonly #timerPrefix: string;

  constructor(host: SleeveHost, sleeve: SleeveState) {
    this.#host = host;
    this.#sleeve = sleeve;
    const account = host.account;
    this.instruments = sleeve.instruments.map((k) => account.ids[k] as string);
    this.#positions = account.ids.map((_, k) =>
      (sleeve.local[k] as number) >= 0
        ? new SleevePosition(sleeve, k, account.positions[k] as PositionView)
        : undefined,
    );
    this.#timerPrefix = `${sleeve.name}/`;
    const prefix = `[${sleeve.name}] `;
    this.log = {
      info: (message) => account.ctx.log.info(prefix + message),
      warn: (message) => account.ctx.log.warn(prefix + message),
      error: (message) => account.ctx.log.error(prefix + message),
    };
  }

  get time(): number {
    return this.#host.account.ctx.time;
  }
  get currency(): string {
    return this.#host.account.ctx.currency;
  }
  get equity(): number {
    return this.#sleeve.ledger.equity();
  }
  get cash(): number {
    return this.#sleeve.ledger.cash;
  }
  get tradingState(): TradingState {
    const state = this.#host.account.ctx.tradingState;
    return state === 'active' && this.#host.halted ? 'reducing' : state;
  }

  indicator(name: string, params?: IndicatorParams, options?: IndicatorOptions): StreamingIndicator {
    const id = this.#id(options?.instrument);
    return this.#host.account.ctx.indicator(name, params, { ...options, instrument: id });
  }

  timeframe(timeframe: Timeframe | string, options?: HigherTimeframeOptions): HigherTimeframeView {
    const id = this.#id(options?.instrument);
    return this.#host.account.ctx.timeframe(timeframe, { ...options, instrument: id });
  }

  value(field: Field, ago?: number, instrument?: string): number {
    return this.#host.account.ctx.value(field, ago, this.#id(instrument));
  }
  history(field: Field, instrument?: string): Float64Array {
    return this.#host.account.ctx.history(field, this.#id(instrument));
  }
  barCount(instrument?: string): number {
    return this.#host.account.ctx.barCount(this.#id(instrument));
  }

  /** The account's view of the instrument's market session (sessions belong to instruments, not sleeves). */
  session(instrument?: string): MarketSession {
    return this.#host.account.ctx.session(this.#id(instrument));
  }

  /** The account's path of one of the sleeve's own fills (another sleeve's fill is an error). */
  fillPath(fill: Readonly<Fill>): FillPath {
    this.#own(fill.orderId);
    return this.#host.account.ctx.fillPath(fill);
  }

  position(instrument?: string): PositionView {
    return this.#positions[this.resolve(instrument)] as SleevePosition;
  }
  quantity(instrument?: string): number {
    return this.#sleeve.ledger.quantity(this.resolve(instrument));
  }
  /** The sleeve's cash: a sleeve keeps its ledger in the account currency only. */
  balance(currency?: string): number {
    const own = this.#host.account.ctx.currency;
    if (currency !== undefined && currency !== own) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `sleeve ${this.#sleeve.name} holds cash in the account currency ${own} only, not ${currency}`,
      );
    }
    return this.#sleeve.ledger.cash;
  }
  rate(from: string, to?: string): number {
    return this.#host.account.ctx.rate(from, to);
  }

  submit(request: OrderRequest): Readonly<Order> {
    return this.#host.desk.submit(this.#sleeve, this.resolve(request.instrument), request);
  }
  buy(size: OrderSize, options?: OrderOptions): Readonly<Order> {
    return this.submit({ ...options, side: 'buy', size });
  }
  sell(size: OrderSize, options?: OrderOptions): Readonly<Order> {
    return this.submit({ ...options, side: 'sell', size });
  }
  targetQuantity(quantity: number, options?: OrderOptions): Readonly<Order> {
    return this.submit({ ...options, size: { targetQuantity: quantity } });
  }
  targetPercent(fraction: number, options?: OrderOptions): Readonly<Order> {
    return this.submit({ ...options, size: { targetPercent: fraction } });
  }
  closePosition(instrument?: string): Readonly<Order> | undefined {
    return this.#host.desk.close(this.#sleeve, this.resolve(instrument));
  }

  cancel(order: Readonly<Order> | number): void {
    this.#host.account.ctx.cancel(this.#own(order));
  }
  cancelAll(instrument?: string): void {
    for (const order of this.openOrders(instrument)) this.#host.account.ctx.cancel(order);
  }
  modify(
    order: Readonly<Order> | number,
    changes: { readonly limitPrice?: number; readonly stopPrice?: number; readonly quantity?: number },
  ): void {
    this.#host.account.ctx.modify(this.#own(order), changes);
  }
  oco(...orders: readonly (Readonly<Order> | number)[]): void {
    this.#host.account.ctx.oco(...orders.map((o) => this.#own(o)));
  }
  openOrders(instrument?: string): readonly Readonly<Order>[] {
    const k = instrument === undefined ? -1 : this.resolve(instrument);
    return this.#sleeve
      .liveOrders(k, this.#host.account.ids)
      .filter((o) => o.status === 'accepted' || o.status === 'partially-filled');
  }

  setTimer(name: string, time: number): void {
    this.#host.account.ctx.setTimer(this.#timerPrefix + name, time);
  }
  every(name: string, interval: number): void {
    this.#host.account.ctx.every(this.#timerPrefix + name, interval);
  }
  cancelTimer(name: string): void {
    this.#host.account.ctx.cancelTimer(this.#timerPrefix + name);
  }

  /**
   * Account index of an instrument the sleeve trades: the one named, else the one whose event
   * is being handled, else the sleeve's only one (the engine's own rule, within the sleeve).
   */
  resolve(instrument: string | undefined): number {
    const sleeve = this.#sleeve;
    if (instrument === undefined) {
      const current = this.#host.current;
      if (current >= 0 && (sleeve.local[current] as number) >= 0) return current;
      if (sleeve.instruments.length === 1) return sleeve.instruments[0] as number;
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `expected an instrument (sleeve ${sleeve.name} has ${sleeve.instruments.length}: ${this.instruments.slice(0, 5).join(', ')}${sleeve.instruments.length > 5 ? '…' : ''})`,
      );
    }
    const k = this.#host.account.byId.get(instrument);
    if (k === undefined) {
      throw new AlphintraError('INVALID_ARGUMENT', `unknown instrument ${instrument} (sleeve ${sleeve.name})`);
    }
    if ((sleeve.local[k] as number) < 0) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `instrument ${instrument} is not one of sleeve ${sleeve.name}'s (${this.instruments.join(', ')})`,
      );
    }
    return k;
  }

  #id(instrument: string | undefined): string {
    return this.#host.account.ids[this.resolve(instrument)] as string;
  }

  #own(order: Readonly<Order> | number): number {
    const id = typeof order === 'number' ? order : order.id;
    if (id <= 0) throw new AlphintraError('INVALID_ARGUMENT', `order ${id} was never sent (the portfolio answered it)`);
    const owner = this.#host.router.ownerOfId(id);
    this.#sleeve.checkOwns(id, owner);
    return id;
  }
}
