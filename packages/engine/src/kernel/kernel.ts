import { AlphintraError } from '@alphintra/core';
import { EquityRecorder } from '../backtest/equity-recorder.js';
import type { ExecutionVenue } from '../execution/venue.js';
import type { Order, OrderRequest } from '../orders/order.js';
import type { CurrencyPlan } from '../portfolio/currency-plan.js';
import type { Portfolio } from '../portfolio/portfolio.js';
import type { TradeTracker } from '../portfolio/trade-tracker.js';
import type { RiskEngine } from '../risk/risk-engine.js';
import type { ParameterSpecs, ParameterValues } from '../strategy/parameters.js';
import type { StrategyDefinition } from '../strategy/strategy.js';
import { type BarMatcher, STREAM_BARS } from './bar-matcher.js';
import { BarReplay } from './bar-replay.js';
import { type Clock, SimulatedClock } from './clock.js';
import { ExecutionEngine } from './execution-engine.js';
import type { HigherTimeframe } from './higher-timeframe.js';
import { IndicatorFeed } from './indicator-feed.js';
import { createKernelAccount } from './kernel-account.js';
import { accrueCarry } from './kernel-carry.js';
import { KernelContext } from './kernel-context.js';
import { instrumentIndex, startStrategy, stopStrategy } from './kernel-lifecycle.js';
import { advanceClockCell, cancelTimer, setTimer } from './kernel-timers.js';
import type { KernelConfig, KernelInstrument, LogEntry } from './kernel-types.js';
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

  readonly #byId = new Map<string, number>();
  readonly context: KernelContext;
  /** One row per timestamp: equity, cash and exposure after each slice. */
  readonly equityCurve: EquityRecorder;
  /** The bar path and the state it reads on every bar. */
  readonly replay: BarReplay;
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
    const matchStream = Uint8Array.from(instruments, (i) => streamCode(i.matching ?? 'bars'));
    this.feeds = instruments.map((i) => new IndicatorFeed(i.columns));
    this.higher = instruments.map(() => []);
    this.bars = instruments.map((i, k) => new MutableBarView(i.instrument.id, k, i.columns, i.duration));
    this.#ticks = new TickDelivery(this, matchStream);
    for (const action of config.corporateActions) {
      if (!this.#byId.has(action.instrument)) {
        throw new AlphintraError('INVALID_ARGUMENT', `corporate action for unknown instrument ${action.instrument}`);
      }
    }
    // Once a strategy has failed, nothing is being matched or handled any more.
    const guard = new StrategyGuard(clock, this.ids, () => {
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
      guard,
    });
    this.context = new KernelContext(this);
    this.equityCurve = new EquityRecorder(config.equityCapacity ?? 1024);
    this.replay = new BarReplay(this, {
      actions: [...config.corporateActions].sort((a, b) => a.time - b.time),
      // 1 where bars can book carry (funding on perpetuals, borrow on shorts of cash instruments).
      carries: Uint8Array.from(instruments, (i) =>
        i.instrument.kind === 'perpetual' ? 1 : config.borrowRate > 0 && i.instrument.kind !== 'future' ? 1 : 0,
      ),
      matchStream,
      clockCell: clock instanceof SimulatedClock ? clock.cell : null,
      guard,
    });
  }

  /** Connects the execution venue (and, for a simulated one, its bar matcher). */
  connect(venue: ExecutionVenue, matcher?: BarMatcher & { readonly fillsAtClose?: boolean }): void {
    this.execution.connect(venue);
    const replay = this.replay;
    replay.matcher = matcher;
    replay.closeFills = matcher?.fillsAtClose === true;
    // Every bar needs only the common steps when instruments are matched on bars, none books
    // carry and nothing fills at the close.
    let plain = !replay.closeFills;
    for (let k = 0; k < this.instruments.length; k++) {
      if (replay.matchStream[k] !== STREAM_BARS || replay.carries[k] !== 0) plain = false;
    }
    replay.plain = plain;
  }

  /** Adds a higher timeframe built from instrument `k`'s bars. */
  registerHigher(k: number, timeframe: HigherTimeframe): void {
    (this.higher[k] as HigherTimeframe[]).push(timeframe);
    this.replay.higherCount++;
  }

  /** Index of an instrument id; throws a clear error for an unknown one. */
  indexOf(id: string | undefined): number {
    return instrumentIndex(this.ids, this.#byId, this.current, id);
  }

  /** The strategy failure that stopped the run, if one did. */
  get failure(): StrategyError | undefined {
    return this.replay.guard.failure;
  }

  /**
   * Creates the strategy's handlers and calls `onStart`. Throws {@link StrategyError} when
   * `create` or `onStart` throws, or `create` returns something that is not handlers.
   */
  start<P extends ParameterSpecs>(strategy: StrategyDefinition<P>, parameters: ParameterValues<P>): void {
    startStrategy(this.replay.guard, strategy, this.context, parameters, (handlers) => {
      this.replay.handlers = handlers;
      this.execution.handlers = handlers;
    });
  }

  /** Fires every timer due by `time` (in time order) and moves the clock there. */
  advanceTime(time: number): void {
    const replay = this.replay;
    replay.guard.check();
    if (replay.timers.length > 0) replay.fireTimers(time);
    advanceClockCell(replay.clockCell, time);
  }

  /** {@link advanceTime} to the open of bar `j` of instrument `k` (no number crosses a call). */
  advanceToBar(k: number, j: number): void {
    this.replay.advanceToBar(k, j);
  }

  /**
   * All four steps for bar `j` of an instrument that is alone at its timestamp (one call per
   * bar for single-instrument replays).
   */
  stepBar(k: number, j: number): void {
    this.replay.stepBar(k, j);
  }

  /** {@link stepBar} for bars `from` … `to − 1` of the only instrument (see {@link BarReplay.runBars}). */
  runBars(from: number, to: number): void {
    this.replay.runBars(from, to);
  }

  /** One timestamp of a multi-instrument bar replay (see {@link BarReplay.runSlice}). */
  runSlice(due: Int32Array, count: number, cursor: Int32Array): void {
    this.replay.runSlice(due, count, cursor);
  }

  /**
   * Phase one of a bar: corporate actions, carry, matching at the venue. With several
   * instruments at one timestamp every one is matched before any is marked at its close
   * ({@link markBar}): an order sized at an open must not see another instrument's close.
   */
  beginBar(k: number, j: number): void {
    this.replay.beginBar(k, j);
  }

  /** Phase two of a bar: its close becomes the mark, and the open trade's excursions take its range. */
  markBar(k: number, j: number): void {
    this.replay.markBar(k, j);
  }

  /** Phase three: the strategy sees the closed bar (indicators first), then close fills. */
  deliverBar(k: number, j: number): void {
    this.replay.deliverBar(k, j);
  }

  /**
   * One tick of instrument `k`: quote `i` (`STREAM_QUOTES`) or trade `i` (`STREAM_TRADES`). The
   * clock moves to the tick; if the venue matches this instrument on the stream, it matches the
   * working orders and the position is marked (quotes at the mid); if the instrument's columns
   * come from the stream, indicators, higher timeframes and history advance; then the strategy
   * sees it (`onQuote` / `onTrade`).
   */
  tickEvent(k: number, stream: number, i: number): void {
    const replay = this.replay;
    replay.guard.check();
    const ticks = this.#ticks;
    const time = ticks.view(k, stream).timeAt(i);
    if (replay.timers.length > 0) replay.fireTimers(time);
    advanceClockCell(replay.clockCell, time);
    if (ticks.feedsFrom(k, stream)) {
      if (replay.nextAction < replay.actions.length) replay.applyActions(k, i);
      if (replay.carries[k] === 1) {
        if (this.portfolio.quantity[k] !== 0) accrueCarry(this, replay.lastCarry, k, i);
        else replay.lastCarry[k] = time;
      }
    }
    ticks.deliver(k, stream, i, replay.matcher, replay.handlers, replay.guard);
  }

  /**
   * Ends a slice of the event timeline (every event at one time): the cross-sectional handler,
   * then one row of the equity curve stamped `time`.
   */
  endSliceAt(time: number): void {
    this.replay.endSlice(time);
  }

  /**
   * Ends the timestamp of bar `j` of instrument `k`: the cross-sectional handler, then one
   * row of the equity curve.
   */
  endSlice(k: number, j: number): void {
    this.replay.endSlice((this.instruments[k] as KernelInstrument).columns.time[j] as number);
  }

  /** Calls `onStop`. */
  stop(): void {
    this.replay.guard.check();
    this.current = -1;
    stopStrategy(this.replay.guard, this.replay.handlers);
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
    setTimer(this.replay.timers, name, time, interval);
  }

  cancelTimer(name: string): void {
    cancelTimer(this.replay.timers, name);
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
}
