import type { EquityRecorder } from '../backtest/equity-recorder.js';
import type { StrategyHandlers } from '../strategy/strategy.js';
import { type BarMatcher, STREAM_BARS } from './bar-matcher.js';
import type { HigherTimeframe } from './higher-timeframe.js';
import type { IndicatorFeed } from './indicator-feed.js';
import { accrueCarry, applyCorporateActions, type CarryBooks } from './kernel-carry.js';
import { fireTimers, type Timer, type TimerHost } from './kernel-timers.js';
import type { CorporateAction, KernelInstrument } from './kernel-types.js';
import type { MessageBus } from './message-bus.js';
import type { MutableBarView } from './mutable-bar-view.js';
import type { StrategyGuard } from './strategy-guard.js';
import type { TickHost } from './tick-delivery.js';

/** What replaying bars needs of the kernel. */
export interface BarReplayHost extends CarryBooks, TickHost, TimerHost {
  readonly bars: MutableBarView[];
  readonly bus: MessageBus;
  readonly equityCurve: EquityRecorder;
}

/**
 * The kernel's bar path: the four phases of a bar (begin, mark, deliver, end of slice), the
 * fused loops that run them for a block of one instrument's bars (`runBars`) or one timestamp
 * of many instruments (`runSlice`), and the state they read on every bar. The kernel owns one
 * and sets its mutable fields (strategy handlers, bar matcher, timers …) as a run is wired.
 */
export class BarReplay {
  /** The strategy's handlers, once started. */
  handlers: StrategyHandlers = {};
  /** The simulated venue's bar matcher, when there is one. */
  matcher: BarMatcher | undefined = undefined;
  /** The venue fills market orders at the bar's close (after `onBar`). */
  closeFills = false;
  /** Every instrument matched on bars, none carrying, no close fills: the fused loops apply. */
  plain = false;
  /** Higher timeframes registered on any instrument. */
  higherCount = 0;
  /** First corporate action not yet applied (`actions` is sorted by time). */
  nextAction = 0;
  readonly timers: Timer[] = [];
  readonly actions: CorporateAction[];
  /** When carry was last booked, per instrument (NaN before the first bar). */
  readonly lastCarry: Float64Array;
  /** 1 where an instrument books carry (funding, borrow) bar by bar. */
  readonly carries: Uint8Array;
  /** The stream (`STREAM_*`) the venue matches each instrument on. */
  readonly matchStream: Uint8Array;
  /** A simulated clock's cell, moved in place (null: a clock the kernel does not move). */
  readonly clockCell: Float64Array | null;
  readonly guard: StrategyGuard;
  readonly #host: BarReplayHost;
  readonly #times: Float64Array[];
  readonly #closes: Float64Array[];
  readonly #highs: Float64Array[];
  readonly #lows: Float64Array[];
  readonly #durations: Float64Array;
  readonly #scratch = new Float64Array(3);

  constructor(
    host: BarReplayHost,
    state: {
      readonly actions: CorporateAction[];
      readonly carries: Uint8Array;
      readonly matchStream: Uint8Array;
      readonly clockCell: Float64Array | null;
      readonly guard: StrategyGuard;
    },
  ) {
    this.#host = host;
    this.actions = state.actions;
    this.carries = state.carries;
    this.matchStream = state.matchStream;
    this.clockCell = state.clockCell;
    this.guard = state.guard;
    const instruments = host.instruments;
    this.lastCarry = new Float64Array(instruments.length).fill(Number.NaN);
    this.#times = instruments.map((i) => i.columns.time);
    this.#closes = instruments.map((i) => i.columns.close);
    this.#highs = instruments.map((i) => i.columns.high);
    this.#lows = instruments.map((i) => i.columns.low);
    this.#durations = Float64Array.from(instruments, (i) => i.duration);
  }

  /** Fires the timers due by the open of bar `j` of instrument `k` and moves the clock there. */
  advanceToBar(k: number, j: number): void {
    this.guard.check();
    const time = (this.#host.instruments[k] as KernelInstrument).columns.time[j] as number;
    if (this.timers.length > 0) this.fireTimers(time);
    const cell = this.clockCell;
    if (cell !== null && time > (cell[0] as number)) cell[0] = time;
  }

  /** Fires every timer due by `time`, in time order. */
  fireTimers(time: number): void {
    fireTimers(this.timers, time, this.#host, this.clockCell, this.handlers, this.guard);
  }

  /** All steps of bar `j` of an instrument that is alone at its timestamp. */
  stepBar(k: number, j: number): void {
    this.advanceToBar(k, j);
    this.beginBar(k, j);
    this.markBar(k, j);
    this.deliverBar(k, j);
    this.endSlice((this.#host.instruments[k] as KernelInstrument).columns.time[j] as number);
  }

  /**
   * {@link stepBar} for bars `from` … `to − 1` of the only instrument: the same steps, with the
   * state they read loaded once. A bar that needs more than the common steps (timers, corporate
   * actions, carry, higher timeframes, bar listeners, close fills, a cross-sectional handler)
   * goes through `stepBar` itself.
   */
  runBars(from: number, to: number): void {
    const guard = this.guard;
    guard.check();
    const host = this.#host;
    const ins = host.instruments[0] as KernelInstrument;
    const c = ins.columns;
    const { time, high, low, close } = c;
    const duration = ins.duration;
    const cell = this.clockCell;
    const feed = host.feeds[0] as IndicatorFeed;
    const view = host.bars[0] as MutableBarView;
    const portfolio = host.portfolio;
    const trades = host.trades;
    const matcher = this.matcher;
    const lastBar = host.lastBar;
    const lastMatched = host.lastMatched;
    const matchingBar = host.matchingBar;
    const plain = this.plain;
    for (let j = from; j < to; j++) {
      if (
        !plain ||
        cell === null ||
        this.timers.length > 0 ||
        this.nextAction < this.actions.length ||
        this.higherCount > 0 ||
        host.bus.has('bar') ||
        this.handlers.onSlice !== undefined
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
      host.current = 0;
      if (feed.size > 0) feed.update(j);
      const handlers = this.handlers;
      if (handlers.onBar !== undefined) {
        view.index = j;
        try {
          handlers.onBar(view);
        } catch (error) {
          guard.fail(error, 'onBar', 0, j);
        }
        if (guard.failure !== undefined) guard.check();
      }
      host.current = -1;
      this.#record(t);
    }
  }

  /**
   * One timestamp of a multi-instrument bar replay: `advanceToBar`, `beginBar` for each of the
   * `count` instruments in `due` (at their bars `cursor[k]`), `markBar` and `deliverBar` for
   * each, then `endSlice` — with the per-instrument columns read from flat arrays. Slices that
   * need more than the common steps take the general calls.
   */
  runSlice(due: Int32Array, count: number, cursor: Int32Array): void {
    const guard = this.guard;
    guard.check();
    const host = this.#host;
    const k0 = due[0] as number;
    const j0 = cursor[k0] as number;
    const cell = this.clockCell;
    if (
      !this.plain ||
      cell === null ||
      this.timers.length > 0 ||
      this.nextAction < this.actions.length ||
      this.higherCount > 0 ||
      host.bus.has('bar')
    ) {
      this.advanceToBar(k0, j0);
      for (let i = 0; i < count; i++) this.beginBar(due[i] as number, cursor[due[i] as number] as number);
      for (let i = 0; i < count; i++) this.markBar(due[i] as number, cursor[due[i] as number] as number);
      for (let i = 0; i < count; i++) this.deliverBar(due[i] as number, cursor[due[i] as number] as number);
      this.endSlice((host.instruments[k0] as KernelInstrument).columns.time[j0] as number);
      return;
    }
    const times = this.#times;
    const t = (times[k0] as Float64Array)[j0] as number;
    if (t > (cell[0] as number)) cell[0] = t;
    const matcher = this.matcher;
    const portfolio = host.portfolio;
    const trades = host.trades;
    const closes = this.#closes;
    const matchingBar = host.matchingBar;
    for (let i = 0; i < count; i++) {
      const k = due[i] as number;
      const j = cursor[k] as number;
      if (matcher !== undefined) {
        matchingBar[k] = j;
        matcher.matchBar(k, j);
        matchingBar[k] = -1;
      }
    }
    for (let i = 0; i < count; i++) {
      const k = due[i] as number;
      const j = cursor[k] as number;
      portfolio.mark(k, (closes[k] as Float64Array)[j] as number);
      trades.onBar(k, this.#highs[k] as Float64Array, this.#lows[k] as Float64Array, j);
    }
    const durations = this.#durations;
    const feeds = host.feeds;
    const bars = host.bars;
    const lastBar = host.lastBar;
    const lastMatched = host.lastMatched;
    for (let i = 0; i < count; i++) {
      const k = due[i] as number;
      const j = cursor[k] as number;
      const closeTime = ((times[k] as Float64Array)[j] as number) + (durations[k] as number);
      if (closeTime > (cell[0] as number)) cell[0] = closeTime;
      lastBar[k] = j;
      lastMatched[k] = j;
      host.current = k;
      const feed = feeds[k] as IndicatorFeed;
      if (feed.size > 0) feed.update(j);
      const handlers = this.handlers;
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
      host.current = -1;
    }
    this.endSlice(t);
  }

  /**
   * Phase one of a bar: corporate actions, carry, matching at the venue. With several
   * instruments at one timestamp every one is matched before any is marked at its close
   * ({@link markBar}): an order sized at an open must not see another instrument's close.
   */
  beginBar(k: number, j: number): void {
    this.guard.check();
    const host = this.#host;
    const c = (host.instruments[k] as KernelInstrument).columns;
    if (this.nextAction < this.actions.length) this.applyActions(k, j);
    if (this.carries[k] === 1) {
      if (host.portfolio.quantity[k] !== 0) accrueCarry(host, this.lastCarry, k, j);
      else this.lastCarry[k] = c.time[j] as number;
    }
    if (this.matchStream[k] !== STREAM_BARS) return; // this instrument trades on its ticks
    const matcher = this.matcher;
    if (matcher !== undefined) {
      host.matchingBar[k] = j;
      matcher.matchBar(k, j);
      host.matchingBar[k] = -1;
    }
  }

  /** Phase two of a bar: its close becomes the mark, and the open trade's excursions take its range. */
  markBar(k: number, j: number): void {
    if (this.matchStream[k] !== STREAM_BARS) return; // marked by its ticks
    const host = this.#host;
    const c = (host.instruments[k] as KernelInstrument).columns;
    host.portfolio.mark(k, c.close[j] as number);
    host.trades.onBar(k, c.high, c.low, j);
  }

  /** Phase three: the strategy sees the closed bar (indicators first), then close fills. */
  deliverBar(k: number, j: number): void {
    const host = this.#host;
    const ins = host.instruments[k] as KernelInstrument;
    const c = ins.columns;
    const time = c.time[j] as number;
    const closeTime = time + ins.duration;
    const cell = this.clockCell;
    if (cell !== null && closeTime > (cell[0] as number)) cell[0] = closeTime;
    host.lastBar[k] = j;
    if (this.matchStream[k] === STREAM_BARS) host.lastMatched[k] = j;
    host.current = k;
    const feed = host.feeds[k] as IndicatorFeed;
    if (feed.size > 0) feed.update(j);
    const higher = host.higher[k] as HigherTimeframe[];
    for (let h = 0; h < higher.length; h++) (higher[h] as HigherTimeframe).onSourceBar(c, j, closeTime);
    if (host.bus.has('bar')) host.bus.publish('bar', { instrument: ins.instrument.id, index: j, time });
    const handlers = this.handlers;
    if (handlers.onBar !== undefined) {
      const view = host.bars[k] as MutableBarView;
      view.index = j;
      try {
        handlers.onBar(view);
      } catch (error) {
        this.guard.fail(error, 'onBar', k, j);
      }
      this.guard.check();
    }
    if (this.closeFills) (this.matcher as BarMatcher).fillAtClose(k, j);
    host.current = -1;
  }

  /** Ends a slice of the timeline: the cross-sectional handler, then one equity row stamped `time`. */
  endSlice(time: number): void {
    const handlers = this.handlers;
    if (handlers.onSlice !== undefined) {
      this.#host.current = -1;
      try {
        handlers.onSlice(time);
      } catch (error) {
        throw this.guard.fail(error, 'onSlice', -1, -1);
      }
      this.guard.check();
    }
    this.#record(time);
  }

  /** Applies the pending corporate actions of instrument `k` due by its bar (or tick) `j`. */
  applyActions(k: number, j: number): void {
    this.nextAction = applyCorporateActions(this.#host, this.actions, this.nextAction, k, j);
  }

  /** Appends one row to the equity curve. */
  #record(time: number): void {
    const scratch = this.#scratch;
    const portfolio = this.#host.portfolio;
    portfolio.snapshot(scratch);
    const r = this.#host.equityCurve;
    if (r.length === r.capacity) r.reserve();
    const i = r.length++;
    const equity = scratch[0] as number;
    r.time[i] = time;
    r.equity[i] = equity;
    r.cash[i] = portfolio.cash;
    r.net[i] = equity !== 0 ? (scratch[1] as number) / equity : 0;
    r.gross[i] = equity !== 0 ? (scratch[2] as number) / equity : 0;
  }
}
