import { AlphintraError, InvariantError, MICROS_PER_DAY } from '@alphintra/core';
import { EquityRecorder } from '../backtest/equity-recorder.js';
import type { Liquidity } from '../execution/fee-model.js';
import { trailingLevel } from '../execution/order-levels.js';
import { roundToLots } from '../execution/prices.js';
import type { ExecutionVenue, VenueListener } from '../execution/venue.js';
import { isFinal, isWorking, type Order, type OrderRequest, sideSign } from '../orders/order.js';
import { checkRequest, createOrder, isRelativeSize, quantityOf } from '../orders/order-factory.js';
import { nextOrderStatus, type OrderTransition } from '../orders/order-state.js';
import { Portfolio } from '../portfolio/portfolio.js';
import { TradeTracker } from '../portfolio/trade-tracker.js';
import { RiskEngine } from '../risk/risk-engine.js';
import type { ParameterSpecs, ParameterValues } from '../strategy/parameters.js';
import type { Fill, StrategyDefinition, StrategyHandlers } from '../strategy/strategy.js';
import { type Clock, SimulatedClock } from './clock.js';
import type { HigherTimeframe } from './higher-timeframe.js';
import { IndicatorFeed } from './indicator-feed.js';
import { KernelContext } from './kernel-context.js';
import type { CorporateAction, KernelConfig, KernelInstrument, LogEntry, OrderEvent } from './kernel-types.js';
import { MessageBus } from './message-bus.js';
import { MutableBarView } from './mutable-bar-view.js';

/** The venue's bar-matching face, present when the venue is simulated (backtest and paper). */
export interface BarMatcher {
  matchBar(instrumentIndex: number, bar: number): void;
  fillAtClose(instrumentIndex: number, bar: number): void;
}

const YEAR_MICROS = 365.25 * MICROS_PER_DAY;
// checkFill reads only the side of the order it is asked about.
const BUY_PROBE = { side: 'buy' } as Order;
const SELL_PROBE = { side: 'sell' } as Order;

/**
 * The event-driven kernel: strategy, portfolio, risk engine and execution wired together.
 * It does no I/O and keeps no hidden state: a driver feeds it bars (a replay of stored data
 * in a backtest, a feed in paper and live trading) and advances its clock; a venue executes
 * its orders. The driver calls, per timestamp: {@link advanceTime}, then {@link beginBar}
 * for each instrument with a bar, then {@link deliverBar} for each, then {@link endSlice}.
 */
export class Kernel implements VenueListener {
  readonly instruments: readonly KernelInstrument[];
  readonly ids: readonly string[];
  readonly config: KernelConfig;
  readonly clock: Clock;
  readonly portfolio: Portfolio;
  readonly trades: TradeTracker;
  readonly risk: RiskEngine;
  readonly orders: Order[] = [];
  readonly fills: Fill[] = [];
  readonly events: OrderEvent[] = [];
  readonly logs: LogEntry[] = [];
  droppedLogs = 0;
  /** Index of the last bar handed to the strategy, per instrument (−1 before the first). */
  readonly lastBar: Int32Array;
  /** Bar being matched by the venue, per instrument (−1 outside matching). */
  readonly matchingBar: Int32Array;
  readonly feeds: IndicatorFeed[];
  /** Higher timeframes built from each instrument's bars. */
  readonly higher: HigherTimeframe[][];
  readonly bars: MutableBarView[];
  /** Instrument whose bar is being handled (−1 when none). */
  current = -1;
  readonly working = new Set<Order>();
  /** Where the kernel publishes order events, fills, logs and bars for whoever watches. */
  readonly bus = new MessageBus();

  #venue: ExecutionVenue | undefined;
  #matcher: BarMatcher | undefined;
  #handlers: StrategyHandlers = {};
  readonly #byId = new Map<string, number>();
  readonly #actions: CorporateAction[];
  #nextAction = 0;
  readonly #lastCarry: Float64Array;
  readonly #timers: { name: string; time: number; interval: number }[] = [];
  #nextFill = 1;
  readonly context: KernelContext;
  /** One row per timestamp: equity, cash and exposure after each slice. */
  readonly equityCurve: EquityRecorder;
  readonly #clockCell: Float64Array | null;
  readonly #scratch = new Float64Array(3);
  /** 1 where bars can book carry (funding on perpetuals, borrow on shorts of cash instruments). */
  readonly #carries: Uint8Array;
  #closeFills = false;

  constructor(instruments: readonly KernelInstrument[], config: KernelConfig, clock: Clock) {
    if (instruments.length === 0) throw new AlphintraError('INVALID_ARGUMENT', 'expected at least one instrument');
    this.instruments = instruments;
    this.ids = instruments.map((i) => i.instrument.id);
    this.ids.forEach((id, index) => {
      if (this.#byId.has(id)) throw new AlphintraError('INVALID_ARGUMENT', `instrument ${id} is given twice`);
      this.#byId.set(id, index);
    });
    this.config = config;
    this.clock = clock;
    this.portfolio = new Portfolio(
      instruments.map((i) => ({
        id: i.instrument.id,
        multiplier: i.instrument.multiplier,
        margined: i.instrument.kind === 'future' || i.instrument.kind === 'perpetual',
        marginRate: i.marginRate ?? 0.1,
      })),
      config.account,
    );
    this.trades = new TradeTracker(
      this.ids,
      instruments.map((i) => i.instrument.multiplier),
    );
    this.risk = new RiskEngine(config.risk);
    this.lastBar = new Int32Array(instruments.length).fill(-1);
    this.matchingBar = new Int32Array(instruments.length).fill(-1);
    this.feeds = instruments.map((i) => new IndicatorFeed(i.columns));
    this.higher = instruments.map(() => []);
    this.bars = instruments.map((i) => new MutableBarView(i.instrument.id));
    for (const action of config.corporateActions) {
      if (!this.#byId.has(action.instrument)) {
        throw new AlphintraError('INVALID_ARGUMENT', `corporate action for unknown instrument ${action.instrument}`);
      }
    }
    this.#actions = [...config.corporateActions].sort((a, b) => a.time - b.time);
    this.#lastCarry = new Float64Array(instruments.length).fill(Number.NaN);
    this.context = new KernelContext(this);
    this.equityCurve = new EquityRecorder(config.equityCapacity ?? 1024);
    this.#clockCell = clock instanceof SimulatedClock ? clock.cell : null;
    this.#carries = Uint8Array.from(instruments, (i) =>
      i.instrument.kind === 'perpetual' ? 1 : config.borrowRate > 0 && i.instrument.kind !== 'future' ? 1 : 0,
    );
  }

  /** Connects the execution venue (and, for a simulated one, its bar matcher). */
  connect(venue: ExecutionVenue, matcher?: BarMatcher & { readonly fillsAtClose?: boolean }): void {
    this.#venue = venue;
    this.#matcher = matcher;
    this.#closeFills = matcher?.fillsAtClose === true;
  }

  /** Index of an instrument id; throws a clear error for an unknown one. */
  indexOf(id: string | undefined): number {
    if (id === undefined) {
      if (this.current >= 0) return this.current;
      if (this.ids.length === 1) return 0;
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `expected an instrument (the run has ${this.ids.length}: ${this.ids.slice(0, 5).join(', ')}…)`,
      );
    }
    const index = this.#byId.get(id);
    if (index === undefined)
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `unknown instrument ${id} (the run has ${this.ids.slice(0, 5).join(', ')}${this.ids.length > 5 ? '…' : ''})`,
      );
    return index;
  }

  /** Creates the strategy's handlers and calls `onStart`. */
  start<P extends ParameterSpecs>(strategy: StrategyDefinition<P>, parameters: ParameterValues<P>): void {
    this.#handlers = strategy.create(this.context, parameters);
    this.#handlers.onStart?.();
  }

  /** Fires every timer due by `time` (in time order) and moves the clock there. */
  advanceTime(time: number): void {
    if (this.#timers.length > 0) this.#fireTimers(time);
    this.#advanceClock(time);
  }

  /** {@link advanceTime} to the open of bar `j` of instrument `k` (no number crosses a call). */
  advanceToBar(k: number, j: number): void {
    const time = (this.instruments[k] as KernelInstrument).columns.time[j] as number;
    if (this.#timers.length > 0) this.#fireTimers(time);
    const cell = this.#clockCell;
    if (cell !== null && time > (cell[0] as number)) cell[0] = time;
  }

  /**
   * All four steps for bar `j` of an instrument that is alone at its timestamp (one call per
   * bar for single-instrument replays).
   */
  stepBar(k: number, j: number): void {
    this.advanceToBar(k, j);
    this.beginBar(k, j);
    this.deliverBar(k, j);
    this.endSlice(k, j);
  }

  /** Phase one of a bar: corporate actions, carry, matching at the venue, marks. */
  beginBar(k: number, j: number): void {
    const c = (this.instruments[k] as KernelInstrument).columns;
    if (this.#nextAction < this.#actions.length) this.#applyActions(k, j);
    if (this.#carries[k] === 1 && this.portfolio.quantity[k] !== 0) this.#accrueCarry(k, j);
    else this.#lastCarry[k] = c.time[j] as number;
    const matcher = this.#matcher;
    if (matcher !== undefined) {
      this.matchingBar[k] = j;
      matcher.matchBar(k, j);
      this.matchingBar[k] = -1;
    }
    this.portfolio.lastPrice[k] = c.close[j] as number;
    this.trades.onBar(k, c.high, c.low, j);
  }

  /** Phase two: the strategy sees the closed bar (indicators first), then close fills. */
  deliverBar(k: number, j: number): void {
    const ins = this.instruments[k] as KernelInstrument;
    const c = ins.columns;
    const time = c.time[j] as number;
    const closeTime = time + ins.duration;
    const cell = this.#clockCell;
    if (cell !== null && closeTime > (cell[0] as number)) cell[0] = closeTime;
    this.lastBar[k] = j;
    this.current = k;
    const feed = this.feeds[k] as IndicatorFeed;
    if (feed.size > 0) feed.update(j);
    const higher = this.higher[k] as HigherTimeframe[];
    for (let h = 0; h < higher.length; h++) (higher[h] as HigherTimeframe).onSourceBar(c, j, closeTime);
    if (this.bus.has('bar')) this.bus.publish('bar', { instrument: ins.instrument.id, index: j, time });
    const handler = this.#handlers.onBar;
    if (handler !== undefined) {
      const view = this.bars[k] as MutableBarView;
      view.index = j;
      view.time = time;
      view.closeTime = closeTime;
      view.open = c.open[j] as number;
      view.high = c.high[j] as number;
      view.low = c.low[j] as number;
      view.close = c.close[j] as number;
      view.volume = c.volume[j] as number;
      handler(view);
    }
    if (this.#closeFills) (this.#matcher as BarMatcher).fillAtClose(k, j);
    this.current = -1;
  }

  /**
   * Ends the timestamp of bar `j` of instrument `k`: the cross-sectional handler, then one
   * row of the equity curve.
   */
  endSlice(k: number, j: number): void {
    const time = (this.instruments[k] as KernelInstrument).columns.time[j] as number;
    const onSlice = this.#handlers.onSlice;
    if (onSlice !== undefined) {
      this.current = -1;
      onSlice(time);
    }
    const scratch = this.#scratch;
    this.portfolio.snapshot(scratch);
    const r = this.equityCurve;
    if (r.length === r.capacity) r.reserve();
    const i = r.length++;
    const equity = scratch[0] as number;
    r.time[i] = time;
    r.equity[i] = equity;
    r.cash[i] = this.portfolio.cash;
    r.net[i] = equity !== 0 ? (scratch[1] as number) / equity : 0;
    r.gross[i] = equity !== 0 ? (scratch[2] as number) / equity : 0;
  }

  #fireTimers(time: number): void {
    const timers = this.#timers;
    while (timers.length > 0) {
      let first = 0;
      for (let i = 1; i < timers.length; i++) {
        if ((timers[i]?.time as number) < (timers[first]?.time as number)) first = i;
      }
      const timer = timers[first] as { name: string; time: number; interval: number };
      if (timer.time > time) break;
      this.#advanceClock(timer.time);
      if (timer.interval > 0) timer.time += timer.interval;
      else timers.splice(first, 1);
      this.current = -1;
      this.#handlers.onTimer?.(timer.name, this.clock.now());
    }
  }

  /** Calls `onStop`. */
  stop(): void {
    this.current = -1;
    this.#handlers.onStop?.();
  }

  /** Appends to the strategy log. */
  log(level: LogEntry['level'], message: string): void {
    const entry: LogEntry = { time: this.clock.now(), level, message: String(message) };
    if (this.logs.length < this.config.maxLogEntries) this.logs.push(entry);
    else this.droppedLogs++;
    if (this.bus.has('log')) this.bus.publish('log', entry);
  }

  /** Registers a timer. */
  setTimer(name: string, time: number, interval: number): void {
    if (!Number.isFinite(time))
      throw new AlphintraError('INVALID_ARGUMENT', `expected a finite timer time, got ${time}`);
    if (!(interval >= 0 && Number.isFinite(interval)))
      throw new AlphintraError('INVALID_ARGUMENT', `expected a positive timer interval, got ${interval}`);
    this.cancelTimer(name);
    this.#timers.push({ name, time, interval });
  }

  cancelTimer(name: string): void {
    const i = this.#timers.findIndex((t) => t.name === name);
    if (i >= 0) this.#timers.splice(i, 1);
  }

  /** Validates, risk-checks and sends a strategy order. */
  submit(request: OrderRequest): Order {
    const order = this.#prepare(request, 0);
    if (order.status === 'submitted') this.#send(order);
    return order;
  }

  #send(order: Order): void {
    if (this.#venue === undefined) throw new InvariantError('the kernel has no execution venue connected');
    this.#venue.submit(order, this.indexOf(order.instrument));
  }

  /** Creates an order and runs the checks; it comes back `submitted` if it may go to the venue. */
  #prepare(request: OrderRequest, parentId: number): Order {
    const now = this.clock.now();
    let k = -1;
    if (request.instrument === undefined) {
      k = this.current >= 0 ? this.current : this.ids.length === 1 ? 0 : -1;
    } else {
      k = this.#byId.get(request.instrument) ?? -1;
    }
    const problem = k < 0 ? 'UNKNOWN_INSTRUMENT' : checkRequest(request);
    const instrumentId = k >= 0 ? (this.ids[k] as string) : String(request.instrument ?? '');
    const lot = k >= 0 ? (this.instruments[k] as KernelInstrument).instrument.lotSize : 1;
    let quantity = isRelativeSize(request.size) ? Number.NaN : roundToLots(quantityOf(request.size), lot);
    const matching = k >= 0 ? (this.matchingBar[k] as number) : -1;
    const lastPrice = k >= 0 ? (this.portfolio.lastPrice[k] as number) : Number.NaN;
    let estimate = 0;
    if (problem === '' && k >= 0) {
      estimate = Number.isNaN(quantity) ? this.#estimateSigned(request, k) : quantity * sideSign(request.side ?? 'buy');
    }
    const order = createOrder(request, {
      id: this.orders.length + 1,
      instrument: instrumentId,
      time: now,
      // During matching (a fill callback), a new order may trade on the rest of that bar.
      eligibleBar: matching >= 0 ? matching : k >= 0 ? (this.lastBar[k] as number) + 1 : 0,
      day: Math.floor(now / MICROS_PER_DAY),
      quantity,
      side: estimate < 0 ? 'sell' : 'buy',
      lastPrice,
      parentId,
    });
    // A reduce-only order can only ever close what is held (the venue clips it at the fill),
    // so risk sees the clipped size: it never opens a short nor grows a position.
    if (order.reduceOnly && k >= 0) {
      const held = this.portfolio.quantity[k] as number;
      const reducible = estimate > 0 ? Math.max(0, -held) : Math.max(0, held);
      estimate = Math.sign(estimate) * Math.min(Math.abs(estimate), reducible);
    }
    if (order.kind === 'trailing-stop') order.stopPrice = trailingLevel(order);
    this.orders.push(order);
    if (problem === '' && quantity === 0) quantity = Number.NaN;
    if (problem !== '' || (!Number.isNaN(order.quantity) && order.quantity <= 0)) {
      this.#transition(order, 'reject', problem === '' ? 'INVALID_QUANTITY' : problem, now);
      this.log('warn', `order ${order.id} rejected: ${problem === '' ? 'INVALID_QUANTITY (below one lot)' : problem}`);
      return order;
    }
    const ins = this.instruments[k] as KernelInstrument;
    const margined = ins.instrument.kind === 'future' || ins.instrument.kind === 'perpetual';
    const orderPrice =
      order.kind === 'limit' || order.kind === 'stop-limit'
        ? order.limitPrice
        : order.kind === 'stop'
          ? order.stopPrice
          : Number.NaN;
    const denial = this.risk.check({
      signedQuantity: estimate,
      lastPrice,
      orderPrice,
      multiplier: ins.instrument.multiplier,
      position: this.portfolio.quantity[k] as number,
      equity: this.risk.needsExposure ? this.portfolio.equity() : Number.NaN,
      grossExposure: this.risk.needsExposure ? this.portfolio.grossExposure() : Number.NaN,
      shortAllowed: margined || this.config.account.allowShort,
      time: now,
    });
    if (denial !== '') this.#transition(order, 'deny', denial, now);
    return order;
  }

  /** Requests cancellation of a working order. */
  cancel(order: Order, reason = 'CANCELLED_BY_STRATEGY'): void {
    if (!isWorking(order)) return;
    order.updateTime = this.clock.now();
    this.#venue?.cancel(order, this.indexOf(order.instrument), reason);
  }

  /** Applies changes to a working order. */
  modify(
    order: Order,
    changes: { readonly limitPrice?: number; readonly stopPrice?: number; readonly quantity?: number },
  ): void {
    if (!isWorking(order)) return;
    const bad = (x: number | undefined): boolean => x !== undefined && !(Number.isFinite(x) && x > 0);
    if (bad(changes.limitPrice) || bad(changes.stopPrice) || bad(changes.quantity)) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `expected positive prices and quantity to modify order ${order.id}, got ${JSON.stringify(changes)}`,
      );
    }
    if (changes.limitPrice !== undefined) order.limitPrice = changes.limitPrice;
    if (changes.stopPrice !== undefined && order.kind !== 'trailing-stop') order.stopPrice = changes.stopPrice;
    if (changes.quantity !== undefined) {
      const k = this.indexOf(order.instrument);
      const q = roundToLots(changes.quantity, (this.instruments[k] as KernelInstrument).instrument.lotSize);
      order.quantity = Math.max(q, order.filledQuantity);
    }
    const k = this.indexOf(order.instrument);
    this.#venue?.modify(order, k);
    const now = this.clock.now();
    if (order.quantity <= order.filledQuantity)
      this.#transition(order, order.filledQuantity > 0 ? 'cancel' : 'cancel', 'MODIFIED_TO_FILLED_QUANTITY', now);
    else this.#transition(order, 'modify', '', now);
  }

  /** Links orders as one-cancels-other. */
  link(orders: readonly Order[]): void {
    for (const order of orders) {
      if (isFinal(order.status))
        throw new AlphintraError('INVALID_ARGUMENT', `cannot link order ${order.id}: it is already ${order.status}`);
    }
    const ids = orders.map((o) => o.id);
    for (const order of orders) order.links.ocoIds = ids.filter((id) => id !== order.id);
  }

  // ---- VenueListener -------------------------------------------------------------------

  positionOf(instrumentIndex: number): number {
    return this.portfolio.quantity[instrumentIndex] as number;
  }

  resolveQuantity(order: Order, k: number, price: number): number {
    const p = this.portfolio;
    const ins = (this.instruments[k] as KernelInstrument).instrument;
    const unit = price * ins.multiplier;
    const position = p.quantity[k] as number;
    const equity = this.#equityAt(k, price);
    const size = order.size;
    let signed: number;
    if (typeof size === 'number' || 'quantity' in size) signed = quantityOf(size) * sideSign(order.side);
    else if ('notional' in size) signed = (size.notional / unit) * sideSign(order.side);
    else if ('equityFraction' in size) signed = ((size.equityFraction * equity) / unit) * sideSign(order.side);
    else if ('cashFraction' in size) {
      const base = order.side === 'buy' ? Math.max(0, p.cash) : Math.max(0, equity);
      signed = ((size.cashFraction * base) / unit) * sideSign(order.side);
    } else if ('targetQuantity' in size) signed = size.targetQuantity - position;
    else signed = roundToLots((size.targetPercent * equity) / unit, ins.lotSize) - position;
    signed = roundToLots(signed, ins.lotSize);
    return this.#fitBuyingPower(k, signed, price);
  }

  checkFill(order: Order, k: number, quantity: number, price: number, fee: number): string {
    const signed = quantity * sideSign(order.side);
    const position = this.portfolio.quantity[k] as number;
    const after = position + signed;
    const ins = this.instruments[k] as KernelInstrument;
    const margined = ins.instrument.kind === 'future' || ins.instrument.kind === 'perpetual';
    if (!margined && !this.config.account.allowShort && after < 0) return 'SHORT_NOT_ALLOWED';
    if (Math.abs(after) <= Math.abs(position) && Math.sign(after) * Math.sign(position) >= 0) return '';
    const required = this.portfolio.requiredEquity(k, after, price);
    const available = this.#equityAt(k, price) - fee;
    return required <= available + 1e-9 * Math.abs(available) ? '' : 'INSUFFICIENT_BUYING_POWER';
  }

  onOrderTransition(order: Order, transition: OrderTransition, reason: string, time: number): void {
    this.#transition(order, transition, reason, time);
  }

  onFill(
    order: Order,
    k: number,
    quantity: number,
    price: number,
    fee: number,
    liquidity: Liquidity,
    time: number,
  ): void {
    const signed = quantity * sideSign(order.side);
    const before = this.portfolio.quantity[k] as number;
    const realized = this.portfolio.applyFill(k, signed, price, fee);
    this.trades.onFill(k, before, signed, price, fee, realized, time);
    const filled = order.filledQuantity + quantity;
    order.averagePrice =
      order.filledQuantity === 0 ? price : (order.averagePrice * order.filledQuantity + price * quantity) / filled;
    order.filledQuantity = filled;
    order.fees += fee;
    const tradeId = this.trades.openTradeId(k) || (this.trades.trades[this.trades.trades.length - 1]?.id ?? 0);
    const fill: Fill = {
      id: this.#nextFill++,
      orderId: order.id,
      instrument: order.instrument,
      side: order.side,
      quantity,
      price,
      fee,
      liquidity,
      time,
      tradeId,
    };
    this.fills.push(fill);
    const complete = filled >= order.quantity - 1e-12 * order.quantity;
    order.status = nextOrderStatus(order.status, complete ? 'fill' : 'fill-partially');
    order.updateTime = time;
    const event: OrderEvent = {
      time,
      orderId: order.id,
      transition: complete ? 'fill' : 'fill-partially',
      status: order.status,
      reason: '',
    };
    this.events.push(event);
    if (this.bus.has('fill')) this.bus.publish('fill', fill);
    if (this.bus.has('order')) this.bus.publish('order', { event, order });
    if (complete) this.working.delete(order);
    this.#cancelSiblings(order, time);
    if (complete && order.bracket !== null) this.#placeLegs(order, k);
    this.#handlers.onFill?.(fill, order);
    this.#handlers.onOrderUpdate?.(order);
  }

  // ---- internals -----------------------------------------------------------------------

  #advanceClock(time: number): void {
    const cell = this.#clockCell;
    if (cell !== null && time > (cell[0] as number)) cell[0] = time;
  }

  #transition(order: Order, transition: OrderTransition, reason: string, time: number): void {
    order.status = nextOrderStatus(order.status, transition);
    if (reason !== '') order.reason = reason;
    order.updateTime = time;
    const event: OrderEvent = { time, orderId: order.id, transition, status: order.status, reason };
    this.events.push(event);
    if (this.bus.has('order')) this.bus.publish('order', { event, order });
    if (transition === 'accept') this.working.add(order);
    if (isFinal(order.status)) {
      this.working.delete(order);
      this.#cancelSiblings(order, time);
      if (order.bracket !== null && order.filledQuantity > 0) this.#placeLegs(order, this.indexOf(order.instrument));
    }
    this.#handlers.onOrderUpdate?.(order);
  }

  #cancelSiblings(order: Order, time: number): void {
    const siblings = order.links.ocoIds;
    if (siblings === null) return;
    order.links.ocoIds = null;
    for (const id of siblings) {
      const other = this.orders[id - 1];
      if (other !== undefined && other.status === 'submitted') {
        other.links.ocoIds = null;
        this.#transition(other, 'cancel', 'OCO_CANCELLED', time);
      } else if (other !== undefined && isWorking(other)) {
        other.links.ocoIds = null;
        other.updateTime = time;
        this.#venue?.cancel(other, this.indexOf(other.instrument), 'OCO_CANCELLED');
      }
    }
  }

  #placeLegs(parent: Order, k: number): void {
    const bracket = parent.bracket;
    if (bracket === null) return;
    (parent as { bracket: unknown }).bracket = null; // legs are placed once
    const side = parent.side === 'buy' ? 'sell' : 'buy';
    const legs: Order[] = [];
    const base = { instrument: parent.instrument, side, size: parent.filledQuantity, reduceOnly: true } as const;
    if (bracket.takeProfit !== undefined) {
      legs.push(
        this.#prepare({ ...base, kind: 'limit', limitPrice: bracket.takeProfit, tag: 'take-profit' }, parent.id),
      );
    }
    if (bracket.stopLoss !== undefined) {
      legs.push(this.#prepare({ ...base, kind: 'stop', stopPrice: bracket.stopLoss, tag: 'stop-loss' }, parent.id));
    }
    // Link before sending: a leg can fill the moment it reaches the venue (the price is
    // already through it), and its sibling must then never trade.
    const live = legs.filter((leg) => leg.status === 'submitted');
    if (live.length > 1) this.link(live);
    for (const leg of live) if (leg.status === 'submitted') this.#send(leg);
    void k;
  }

  #equityAt(k: number, price: number): number {
    const p = this.portfolio;
    const q = p.quantity[k] as number;
    if (q === 0) return p.equity();
    const ins = p.instruments[k] as { multiplier: number; margined: boolean };
    const valueAtPrice = ins.margined
      ? q * (price - (p.averagePrice[k] as number)) * ins.multiplier
      : q * price * ins.multiplier;
    return p.equity() - p.positionValue(k) + valueAtPrice;
  }

  #estimateSigned(request: OrderRequest, k: number): number {
    const last = this.portfolio.lastPrice[k] as number;
    if (!(last > 0)) return 0;
    const probe = { size: request.size, side: request.side ?? 'buy', reduceOnly: false } as unknown as Order;
    return this.resolveQuantity(probe, k, last);
  }

  /** Shrinks an exposure-increasing relative order until the account can carry it, fees included. */
  #fitBuyingPower(k: number, signed: number, price: number): number {
    if (signed === 0) return 0;
    if (this.#fits(k, signed, price)) return signed;
    const lot = (this.instruments[k] as KernelInstrument).instrument.lotSize;
    // The largest position the account can carry at this price, then down a lot at a time.
    const position = this.portfolio.quantity[k] as number;
    const others = this.portfolio.requiredEquity(k, 0, price);
    const perUnit = this.portfolio.requiredEquity(k, 1, price) - others;
    const room = this.#equityAt(k, price) - this.#feeOf(k, signed, price) - others;
    const direction = Math.sign(position + signed);
    const largest = perUnit > 0 ? Math.max(0, room / perUnit) : 0;
    let q = roundToLots(direction * largest - position, lot);
    for (let attempt = 0; attempt < 16; attempt++) {
      if (q === 0 || Math.sign(q) !== Math.sign(signed)) return 0;
      if (this.#fits(k, q, price)) return q;
      q = roundToLots(q - Math.sign(q) * lot, lot);
    }
    return q;
  }

  #feeOf(k: number, q: number, price: number): number {
    const ins = (this.instruments[k] as KernelInstrument).instrument;
    const quantity = Math.abs(q);
    return this.config.fees({
      instrument: ins.id,
      quantity,
      price,
      notional: quantity * price * ins.multiplier,
      liquidity: 'taker',
      cumulativeNotional: 0,
    });
  }

  #fits(k: number, q: number, price: number): boolean {
    const probe = q > 0 ? BUY_PROBE : SELL_PROBE;
    return this.checkFill(probe, k, Math.abs(q), price, this.#feeOf(k, q, price)) !== 'INSUFFICIENT_BUYING_POWER';
  }

  #applyActions(k: number, j: number): void {
    const time = (this.instruments[k] as KernelInstrument).columns.time[j] as number;
    const id = this.ids[k];
    for (let i = this.#nextAction; i < this.#actions.length; i++) {
      const action = this.#actions[i] as CorporateAction;
      if (action.time > time) break;
      if (action.instrument !== id) continue;
      const q = this.portfolio.quantity[k] as number;
      if (action.kind === 'dividend') {
        if (q !== 0) {
          const amount = q * action.amount * (this.instruments[k] as KernelInstrument).instrument.multiplier;
          this.portfolio.applyCarry(k, amount);
          this.trades.onCarry(k, amount);
        }
      } else {
        this.portfolio.applySplit(k, action.ratio);
        this.trades.onSplit(k, action.ratio);
        for (const order of this.working) {
          if (order.instrument !== id) continue;
          if (!Number.isNaN(order.quantity)) order.quantity *= action.ratio;
          order.filledQuantity *= action.ratio;
          order.limitPrice /= action.ratio;
          order.stopPrice /= action.ratio;
          order.watermark /= action.ratio;
        }
      }
      // Mark applied by swapping it out of the pending range.
      this.#actions.splice(i, 1);
      this.#actions.splice(this.#nextAction, 0, action);
      this.#nextAction++;
    }
  }

  #accrueCarry(k: number, j: number): void {
    const time = (this.instruments[k] as KernelInstrument).columns.time[j] as number;
    const previous = this.#lastCarry[k] as number;
    this.#lastCarry[k] = time;
    if (Number.isNaN(previous) || time <= previous) return;
    const ins = this.instruments[k] as KernelInstrument;
    const p = this.portfolio;
    const q = p.quantity[k] as number;
    const mark = p.lastPrice[k] as number;
    const m = ins.instrument.multiplier;
    if (ins.instrument.kind === 'perpetual') {
      const interval = this.config.fundingInterval;
      const crossings = Math.floor(time / interval) - Math.floor(previous / interval);
      if (crossings > 0) {
        const rate =
          typeof ins.fundingRate === 'number'
            ? ins.fundingRate
            : ins.fundingRate === undefined
              ? 0
              : (ins.fundingRate[j] as number);
        if (rate !== 0 && Number.isFinite(rate)) {
          const amount = -q * mark * m * rate * crossings;
          p.applyCarry(k, amount);
          this.trades.onCarry(k, amount);
        }
      }
    } else if (q < 0 && this.config.borrowRate > 0 && ins.instrument.kind !== 'future') {
      const amount = q * mark * m * this.config.borrowRate * ((time - previous) / YEAR_MICROS);
      p.applyCarry(k, amount);
      this.trades.onCarry(k, amount);
    }
  }
}
