import { AlphintraError } from '@alphintra/core';
import { EquityRecorder } from '../backtest/equity-recorder.js';
import type { ExecutionVenue } from '../execution/venue.js';
import type { Order, OrderRequest } from '../orders/order.js';
import type { CurrencyPlan } from '../portfolio/currency-plan.js';
import type { Portfolio } from '../portfolio/portfolio.js';
import type { TradeTracker } from '../portfolio/trade-tracker.js';
import type { RiskEngine } from '../risk/risk-engine.js';
import type { ParameterSpecs, ParameterValues } from '../strategy/parameters.js';
import type { StrategyDefinition, StrategyHandlers } from '../strategy/strategy.js';
import { type BarMatcher, STREAM_BARS } from './bar-matcher.js';
import { type Clock, SimulatedClock } from './clock.js';
import { ExecutionEngine } from './execution-engine.js';
import type { HigherTimeframe } from './higher-timeframe.js';
import { IndicatorFeed } from './indicator-feed.js';
import { createKernelAccount } from './kernel-account.js';
import { accrueCarry, applyCorporateActions } from './kernel-carry.js';
import { KernelContext } from './kernel-context.js';
import { instrumentIndex, startStrategy, stopStrategy } from './kernel-lifecycle.js';
import { advanceClockCell, cancelTimer, fireTimers, setTimer, type Timer } from './kernel-timers.js';
import type { CorporateAction, KernelConfig, KernelInstrument, LogEntry } from './kernel-types.js';
import { MessageBus } from './message-bus.js';
import { MutableBarView } from './mutable-bar-view.js';
import type { StrategyError } from './strategy-error.js';
import { StrategyGuard } from './strategy-guard.js';
import { TickDelivery } from './tick-delivery.js';
import { streamCode } from './tick-views.js';

/**
 * The event-driven kernel: strategy, portfolio, risk engine and execution wired together.
 * It does no I/O and keeps no hidden state: a driver feeds it bars (a replay of stored data
 * in a backtest, a feed in paper and live trading) and advances its clock; a venue executes
 * its orders. The driver calls, per timestamp: {@link advanceTime}, then {@link beginBar}
 * for each instrument with a bar, then {@link markBar} for each, then {@link deliverBar} for
 * each, then {@link endSlice}.
 *
 * An exception thrown by a strategy handler never escapes half-way through an event: the
 * kernel books the event in full, calls no further handler, and the driver's call throws a
 * {@link StrategyError} (as does every later call). The run has stopped; its state is what
 * it was when the handler threw.
 */
export class Kernel {
  readonly instruments: readonly KernelInstrument[];
  readonly ids: readonly string[];
  readonly config: KernelConfig;
  readonly clock: Clock;
  readonly portfolio: Portfolio;
  /** The account's currencies and where each one's rate comes from. */
  readonly currencyPlan: CurrencyPlan;
  readonly trades: TradeTracker;
  readonly risk: RiskEngine;
  /** Orders, fills and order events, and what turns requests into orders. */
  readonly execution: ExecutionEngine;
  readonly logs: LogEntry[] = [];
  droppedLogs = 0;
  /** Index of the last bar handed to the strategy, per instrument (−1 before the first). */
  readonly lastBar: Int32Array;
  /** Bar being matched by the venue, per instrument (−1 outside matching). */
  readonly matchingBar: Int32Array;
  /**
   * Index of the last bar or tick the venue has matched and the strategy has seen, per
   * instrument, in the stream the venue matches on: an order placed now may trade from the next.
   */
  readonly lastMatched: Int32Array;
  readonly feeds: IndicatorFeed[];
  /** Higher timeframes built from each instrument's bars. */
  readonly higher: HigherTimeframe[][];
  readonly bars: MutableBarView[];
  /** Instrument whose bar is being handled (−1 when none). */
  current = -1;
  /** Where the kernel publishes order events, fills, logs and bars for whoever watches. */
  readonly bus = new MessageBus();

  #matcher: BarMatcher | undefined;
  #handlers: StrategyHandlers = {};
  readonly #byId = new Map<string, number>();
  readonly #actions: CorporateAction[];
  #nextAction = 0;
  readonly #lastCarry: Float64Array;
  readonly #timers: Timer[] = [];
  readonly context: KernelContext;
  /** One row per timestamp: equity, cash and exposure after each slice. */
  readonly equityCurve: EquityRecorder;
  readonly #clockCell: Float64Array | null;
  readonly #scratch = new Float64Array(3);
  /** 1 where bars can book carry (funding on perpetuals, borrow on shorts of cash instruments). */
  readonly #carries: Uint8Array;
  /** Each instrument's bar columns and bar length, side by side (one load fewer per access). */
  readonly #times: Float64Array[];
  readonly #closes: Float64Array[];
  readonly #highs: Float64Array[];
  readonly #lows: Float64Array[];
  readonly #durations: Float64Array;
  /**
   * Whether every bar needs only the common steps: instruments matched on bars, none booking
   * carry, no fills at the close (set when the venue connects).
   */
  #plain = false;
  #higherCount = 0;
  #closeFills = false;
  readonly #guard: StrategyGuard;
  /** The stream (`STREAM_*`) the venue matches each instrument on. */
  readonly #matchStream: Uint8Array;
  /** Quotes and trades of instruments that have them. */
  readonly #ticks: TickDelivery;

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
    this.lastBar = new Int32Array(instruments.length).fill(-1);
    const account = createKernelAccount(instruments, this.ids, config, clock, this.lastBar);
    this.portfolio = account.portfolio;
    this.currencyPlan = account.currencyPlan;
    this.trades = account.trades;
    this.risk = account.risk;
    this.matchingBar = new Int32Array(instruments.length).fill(-1);
    this.lastMatched = new Int32Array(instruments.length).fill(-1);
    this.#matchStream = Uint8Array.from(instruments, (i) => streamCode(i.matching ?? 'bars'));
    this.#times = instruments.map((i) => i.columns.time);
    this.#closes = instruments.map((i) => i.columns.close);
    this.#highs = instruments.map((i) => i.columns.high);
    this.#lows = instruments.map((i) => i.columns.low);
    this.#durations = Float64Array.from(instruments, (i) => i.duration);
    this.feeds = instruments.map((i) => new IndicatorFeed(i.columns));
    this.higher = instruments.map(() => []);
    this.bars = instruments.map((i, k) => new MutableBarView(i.instrument.id, k, i.columns, i.duration));
    this.#ticks = new TickDelivery(this, this.#matchStream);
    for (const action of config.corporateActions) {
      if (!this.#byId.has(action.instrument)) {
        throw new AlphintraError('INVALID_ARGUMENT', `corporate action for unknown instrument ${action.instrument}`);
      }
    }
    this.#actions = [...config.corporateActions].sort((a, b) => a.time - b.time);
    this.#lastCarry = new Float64Array(instruments.length).fill(Number.NaN);
    // Once a strategy has failed, nothing is being matched or handled any more.
    this.#guard = new StrategyGuard(clock, this.ids, () => {
      this.matchingBar.fill(-1);
      this.current = -1;
    });
    this.execution = new ExecutionEngine({
      instruments,
      ids: this.ids,
      byId: this.#byId,
      allowShort: config.account.allowShort,
      clock,
      portfolio: this.portfolio,
      trades: this.trades,
      risk: this.risk,
      buyingPower: account.buyingPower,
      bus: this.bus,
      lastMatched: this.lastMatched,
      matchingBar: this.matchingBar,
      current: () => this.current,
      log: (level, message) => this.log(level, message),
      guard: this.#guard,
    });
    this.context = new KernelContext(this);
    this.equityCurve = new EquityRecorder(config.equityCapacity ?? 1024);
    this.#clockCell = clock instanceof SimulatedClock ? clock.cell : null;
    this.#carries = Uint8Array.from(instruments, (i) =>
      i.instrument.kind === 'perpetual' ? 1 : config.borrowRate > 0 && i.instrument.kind !== 'future' ? 1 : 0,
    );
  }

  /** Connects the execution venue (and, for a simulated one, its bar matcher). */
  connect(venue: ExecutionVenue, matcher?: BarMatcher & { readonly fillsAtClose?: boolean }): void {
    this.execution.connect(venue);
    this.#matcher = matcher;
    this.#closeFills = matcher?.fillsAtClose === true;
    let plain = !this.#closeFills;
    for (let k = 0; k < this.instruments.length; k++) {
      if (this.#matchStream[k] !== STREAM_BARS || this.#carries[k] !== 0) plain = false;
    }
    this.#plain = plain;
  }

  /** Adds a higher timeframe built from instrument `k`'s bars. */
  registerHigher(k: number, timeframe: HigherTimeframe): void {
    (this.higher[k] as HigherTimeframe[]).push(timeframe);
    this.#higherCount++;
  }

  /** Index of an instrument id; throws a clear error for an unknown one. */
  indexOf(id: string | undefined): number {
    return instrumentIndex(this.ids, this.#byId, this.current, id);
  }

  /** The strategy failure that stopped the run, if one did. */
  get failure(): StrategyError | undefined {
    return this.#guard.failure;
  }

  /**
   * Creates the strategy's handlers and calls `onStart`. Throws {@link StrategyError} when
   * `create` or `onStart` throws, or `create` returns something that is not handlers.
   */
  start<P extends ParameterSpecs>(strategy: StrategyDefinition<P>, parameters: ParameterValues<P>): void {
    startStrategy(this.#guard, strategy, this.context, parameters, (handlers) => {
      this.#handlers = handlers;
      this.execution.handlers = handlers;
    });
  }

  /** Fires every timer due by `time` (in time order) and moves the clock there. */
  advanceTime(time: number): void {
    this.#guard.check();
    if (this.#timers.length > 0) this.#fireTimers(time);
    this.#advanceClock(time);
  }

  /** {@link advanceTime} to the open of bar `j` of instrument `k` (no number crosses a call). */
  advanceToBar(k: number, j: number): void {
    this.#guard.check();
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
    this.markBar(k, j);
    this.deliverBar(k, j);
    this.endSlice(k, j);
  }

  /**
   * {@link stepBar} for bars `from` … `to − 1` of the only instrument: the same steps, with the
   * state they read loaded once. A bar that needs more than the common steps (timers, corporate
   * actions, carry, higher timeframes, bar listeners, close fills, a cross-sectional handler)
   * goes through `stepBar` itself.
   */
  runBars(from: number, to: number): void {
    const guard = this.#guard;
    guard.check();
    const ins = this.instruments[0] as KernelInstrument;
    const c = ins.columns;
    const { time, high, low, close } = c;
    const duration = ins.duration;
    const cell = this.#clockCell;
    const feed = this.feeds[0] as IndicatorFeed;
    const view = this.bars[0] as MutableBarView;
    const portfolio = this.portfolio;
    const trades = this.trades;
    const matcher = this.#matcher;
    const lastBar = this.lastBar;
    const lastMatched = this.lastMatched;
    const matchingBar = this.matchingBar;
    const plain = this.#plain;
    for (let j = from; j < to; j++) {
      if (
        !plain ||
        cell === null ||
        this.#timers.length > 0 ||
        this.#nextAction < this.#actions.length ||
        this.#higherCount > 0 ||
        this.bus.has('bar') ||
        this.#handlers.onSlice !== undefined
      ) {
        this.stepBar(0, j);
        continue;
      }
      const t = time[j] as number;
      if (t > (cell[0] as number)) cell[0] = t;
      if (matcher !== undefined) {
        matchingBar[0] = j;
        matcher.matchBar(0, j);
        matchingBar[0] = -1;
      }
      portfolio.mark(0, close[j] as number);
      trades.onBar(0, high, low, j);
      const closeTime = t + duration;
      if (closeTime > (cell[0] as number)) cell[0] = closeTime;
      lastBar[0] = j;
      lastMatched[0] = j;
      this.current = 0;
      if (feed.size > 0) feed.update(j);
      const handlers = this.#handlers;
      if (handlers.onBar !== undefined) {
        view.index = j;
        try {
          handlers.onBar(view);
        } catch (error) {
          guard.fail(error, 'onBar', 0, j);
        }
        if (guard.failure !== undefined) guard.check();
      }
      this.current = -1;
      this.#record(t);
    }
  }

  /**
   * One timestamp of a multi-instrument bar replay: `advanceToBar`, `beginBar` for each of the
   * `count` instruments in `due` (at their bars `cursor[k]`), `deliverBar` for each, then
   * `endSlice` — with the per-instrument columns read from flat arrays. Slices that need more
   * than the common steps take the general calls.
   */
  runSlice(due: Int32Array, count: number, cursor: Int32Array): void {
    const guard = this.#guard;
    guard.check();
    const k0 = due[0] as number;
    const j0 = cursor[k0] as number;
    const cell = this.#clockCell;
    if (
      !this.#plain ||
      cell === null ||
      this.#timers.length > 0 ||
      this.#nextAction < this.#actions.length ||
      this.#higherCount > 0 ||
      this.bus.has('bar')
    ) {
      this.advanceToBar(k0, j0);
      for (let i = 0; i < count; i++) this.beginBar(due[i] as number, cursor[due[i] as number] as number);
      for (let i = 0; i < count; i++) this.markBar(due[i] as number, cursor[due[i] as number] as number);
      for (let i = 0; i < count; i++) this.deliverBar(due[i] as number, cursor[due[i] as number] as number);
      this.endSlice(k0, j0);
      return;
    }
    const times = this.#times;
    const t = (times[k0] as Float64Array)[j0] as number;
    if (t > (cell[0] as number)) cell[0] = t;
    const matcher = this.#matcher;
    const portfolio = this.portfolio;
    const trades = this.trades;
    const closes = this.#closes;
    for (let i = 0; i < count; i++) {
      const k = due[i] as number;
      const j = cursor[k] as number;
      if (matcher !== undefined) {
        this.matchingBar[k] = j;
        matcher.matchBar(k, j);
        this.matchingBar[k] = -1;
      }
    }
    for (let i = 0; i < count; i++) {
      const k = due[i] as number;
      const j = cursor[k] as number;
      portfolio.mark(k, (closes[k] as Float64Array)[j] as number);
      trades.onBar(k, this.#highs[k] as Float64Array, this.#lows[k] as Float64Array, j);
    }
    const durations = this.#durations;
    const feeds = this.feeds;
    const bars = this.bars;
    for (let i = 0; i < count; i++) {
      const k = due[i] as number;
      const j = cursor[k] as number;
      const closeTime = ((times[k] as Float64Array)[j] as number) + (durations[k] as number);
      if (closeTime > (cell[0] as number)) cell[0] = closeTime;
      this.lastBar[k] = j;
      this.lastMatched[k] = j;
      this.current = k;
      const feed = feeds[k] as IndicatorFeed;
      if (feed.size > 0) feed.update(j);
      const handlers = this.#handlers;
      if (handlers.onBar !== undefined) {
        const view = bars[k] as MutableBarView;
        view.index = j;
        try {
          handlers.onBar(view);
        } catch (error) {
          guard.fail(error, 'onBar', k, j);
        }
        if (guard.failure !== undefined) guard.check();
      }
      this.current = -1;
    }
    this.#endSlice(t);
  }

  /**
   * Phase one of a bar: corporate actions, carry, matching at the venue. With several
   * instruments at one timestamp every one is matched before any is marked at its close
   * ({@link markBar}): an order sized at an open must not see another instrument's close.
   */
  beginBar(k: number, j: number): void {
    this.#guard.check();
    const c = (this.instruments[k] as KernelInstrument).columns;
    if (this.#nextAction < this.#actions.length) this.#applyActions(k, j);
    if (this.#carries[k] === 1) {
      if (this.portfolio.quantity[k] !== 0) this.#accrueCarry(k, j);
      else this.#lastCarry[k] = c.time[j] as number;
    }
    if (this.#matchStream[k] !== STREAM_BARS) return; // this instrument trades on its ticks
    const matcher = this.#matcher;
    if (matcher !== undefined) {
      this.matchingBar[k] = j;
      matcher.matchBar(k, j);
      this.matchingBar[k] = -1;
    }
  }

  /** Phase two of a bar: its close becomes the mark, and the open trade's excursions take its range. */
  markBar(k: number, j: number): void {
    if (this.#matchStream[k] !== STREAM_BARS) return; // marked by its ticks
    const c = (this.instruments[k] as KernelInstrument).columns;
    this.portfolio.mark(k, c.close[j] as number);
    this.trades.onBar(k, c.high, c.low, j);
  }

  /** Phase three: the strategy sees the closed bar (indicators first), then close fills. */
  deliverBar(k: number, j: number): void {
    const ins = this.instruments[k] as KernelInstrument;
    const c = ins.columns;
    const time = c.time[j] as number;
    const closeTime = time + ins.duration;
    const cell = this.#clockCell;
    if (cell !== null && closeTime > (cell[0] as number)) cell[0] = closeTime;
    this.lastBar[k] = j;
    if (this.#matchStream[k] === STREAM_BARS) this.lastMatched[k] = j;
    this.current = k;
    const feed = this.feeds[k] as IndicatorFeed;
    if (feed.size > 0) feed.update(j);
    const higher = this.higher[k] as HigherTimeframe[];
    for (let h = 0; h < higher.length; h++) (higher[h] as HigherTimeframe).onSourceBar(c, j, closeTime);
    if (this.bus.has('bar')) this.bus.publish('bar', { instrument: ins.instrument.id, index: j, time });
    const handlers = this.#handlers;
    if (handlers.onBar !== undefined) {
      const view = this.bars[k] as MutableBarView;
      view.index = j;
      try {
        handlers.onBar(view);
      } catch (error) {
        this.#guard.fail(error, 'onBar', k, j);
      }
      this.#guard.check();
    }
    if (this.#closeFills) (this.#matcher as BarMatcher).fillAtClose(k, j);
    this.current = -1;
  }

  /**
   * One tick of instrument `k`: quote `i` (`STREAM_QUOTES`) or trade `i` (`STREAM_TRADES`). The
   * clock moves to the tick; if the venue matches this instrument on the stream, it matches the
   * working orders and the position is marked (quotes at the mid); if the instrument's columns
   * come from the stream, indicators, higher timeframes and history advance; then the strategy
   * sees it (`onQuote` / `onTrade`).
   */
  tickEvent(k: number, stream: number, i: number): void {
    this.#guard.check();
    const ticks = this.#ticks;
    const time = ticks.view(k, stream).timeAt(i);
    if (this.#timers.length > 0) this.#fireTimers(time);
    this.#advanceClock(time);
    if (ticks.feedsFrom(k, stream)) {
      if (this.#nextAction < this.#actions.length) this.#applyActions(k, i);
      if (this.#carries[k] === 1) {
        if (this.portfolio.quantity[k] !== 0) this.#accrueCarry(k, i);
        else this.#lastCarry[k] = time;
      }
    }
    ticks.deliver(k, stream, i, this.#matcher, this.#handlers, this.#guard);
  }

  /**
   * Ends a slice of the event timeline (every event at one time): the cross-sectional handler,
   * then one row of the equity curve stamped `time`.
   */
  endSliceAt(time: number): void {
    this.#endSlice(time);
  }

  /**
   * Ends the timestamp of bar `j` of instrument `k`: the cross-sectional handler, then one
   * row of the equity curve.
   */
  endSlice(k: number, j: number): void {
    this.#endSlice((this.instruments[k] as KernelInstrument).columns.time[j] as number);
  }

  #endSlice(time: number): void {
    const handlers = this.#handlers;
    if (handlers.onSlice !== undefined) {
      this.current = -1;
      try {
        handlers.onSlice(time);
      } catch (error) {
        throw this.#guard.fail(error, 'onSlice', -1, -1);
      }
      this.#guard.check();
    }
    this.#record(time);
  }

  /** Appends one row to the equity curve. */
  #record(time: number): void {
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
    fireTimers(this.#timers, time, this, this.#clockCell, this.#handlers, this.#guard);
  }

  /** Calls `onStop`. */
  stop(): void {
    this.#guard.check();
    this.current = -1;
    stopStrategy(this.#guard, this.#handlers);
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
    setTimer(this.#timers, name, time, interval);
  }

  cancelTimer(name: string): void {
    cancelTimer(this.#timers, name);
  }

  /** Validates, risk-checks and sends a strategy order; returns its view. */
  submit(request: OrderRequest): Order {
    return this.execution.submit(request);
  }

  /** Requests cancellation of a working order. */
  cancel(id: number, reason = 'CANCELLED_BY_STRATEGY'): void {
    this.execution.cancel(id, reason);
  }

  /** Applies changes to a working order. */
  modify(
    id: number,
    changes: { readonly limitPrice?: number; readonly stopPrice?: number; readonly quantity?: number },
  ): void {
    this.execution.modify(id, changes);
  }

  /** Links orders as one-cancels-other. */
  link(ids: readonly number[]): void {
    this.execution.link(ids);
  }

  // ---- internals -----------------------------------------------------------------------

  #advanceClock(time: number): void {
    advanceClockCell(this.#clockCell, time);
  }

  #applyActions(k: number, j: number): void {
    this.#nextAction = applyCorporateActions(this, this.#actions, this.#nextAction, k, j);
  }

  #accrueCarry(k: number, j: number): void {
    accrueCarry(this, this.#lastCarry, k, j);
  }
}
