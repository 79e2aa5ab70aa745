import { BarSeries, type Instrument, timeframe } from '@alphintra/core';
import type { BacktestData } from '../backtest/backtest-config.js';
import type { BacktestResult } from '../backtest/results.js';
import { type BacktestOptions, runBacktest } from '../backtest/run-backtest.js';
import type { Order } from '../orders/order.js';
import { type BarView, defineStrategy, type Fill, type StrategyContext } from '../strategy/strategy.js';
import { dailyBars, TEST_EQUITY } from './fixtures.js';

/** What a scenario strategy does on each bar; it gets the context and the bar. */
export type ScenarioBar = (ctx: StrategyContext, bar: BarView) => void;

/** A hand-built scenario: bars (rows or a series), what the strategy does, and config overrides. */
export interface ScenarioOptions extends Partial<Omit<BacktestOptions, 'strategy' | 'data'>> {
  readonly rows?: readonly (readonly number[])[];
  readonly series?: BarSeries;
  readonly instrument?: Instrument;
  readonly extra?: Partial<Omit<BacktestData, 'instrument' | 'series'>>;
  readonly onBar?: ScenarioBar;
  readonly onFill?: (ctx: StrategyContext, fill: Fill, order: Readonly<Order>) => void;
  readonly onOrderUpdate?: (ctx: StrategyContext, order: Readonly<Order>) => void;
}

/** A result plus every order update the strategy saw (a snapshot of status and reason). */
export interface ScenarioResult extends BacktestResult {
  readonly updates: readonly { readonly id: number; readonly status: string; readonly reason: string }[];
}

/**
 * Runs one scenario on one instrument (TEST_EQUITY and daily bars unless given).
 *
 * @example
 * scenario({ rows: [[100, 101, 99, 100], [101, 102, 100, 101]], onBar: (ctx, bar) => bar.index === 0 && ctx.buy(10) });
 */
export function scenario(options: ScenarioOptions): ScenarioResult {
  const { rows, series, instrument, extra, ...rest } = options;
  return scenarioMany({
    ...rest,
    data: [{ instrument: instrument ?? TEST_EQUITY, series: series ?? dailyBars(rows ?? []), ...extra }],
  });
}

/** A scenario over several instruments: their data, handlers and config overrides. */
export interface ManyScenarioOptions extends Partial<Omit<BacktestOptions, 'strategy' | 'data'>> {
  readonly data: readonly BacktestData[];
  readonly onBar?: ScenarioBar;
  /** Runs once every instrument's bar of a timestamp was handed out. */
  readonly onSlice?: (ctx: StrategyContext, time: number) => void;
  readonly onFill?: (ctx: StrategyContext, fill: Fill, order: Readonly<Order>) => void;
  readonly onOrderUpdate?: (ctx: StrategyContext, order: Readonly<Order>) => void;
}

/**
 * Runs one scenario over every instrument of `data` (cash 100,000 unless given).
 *
 * @example
 * scenarioMany({ data: [{ instrument: a, series: dailyBars(rowsA) }, { instrument: b, series: dailyBars(rowsB) }], onSlice: (ctx) => ctx.buy(1, { instrument: a.id }) });
 */
export function scenarioMany(options: ManyScenarioOptions): ScenarioResult {
  const { data, onBar, onSlice, onFill, onOrderUpdate, ...config } = options;
  const updates: { id: number; status: string; reason: string }[] = [];
  const strategy = defineStrategy({
    name: 'scenario',
    parameters: {},
    create(ctx) {
      return {
        onBar: (bar) => onBar?.(ctx, bar),
        onSlice: (time) => onSlice?.(ctx, time),
        onFill: (fill, order) => onFill?.(ctx, fill, order),
        onOrderUpdate: (order) => {
          updates.push({ id: order.id, status: order.status, reason: order.reason });
          onOrderUpdate?.(ctx, order);
        },
      };
    },
  });
  const result = runBacktest({ cash: 100_000, ...config, strategy, data });
  return { ...result, updates };
}

/** One day in µs. */
export const DAY_MICROS = 86_400_000_000;
/** Open time of the first fixture bar (2024-01-01, UTC) in µs. */
export const FIRST_BAR = Date.UTC(2024, 0, 1) * 1000;

/** One hour in µs. */
export const HOUR_MICROS = 3_600_000_000;

/**
 * Hourly bars from rows `[open, high, low, close, volume?]`, starting at `start` (default
 * 2024-01-01 00:00 UTC).
 */
export function hourlyBars(rows: readonly (readonly number[])[], start = FIRST_BAR): BarSeries {
  const n = rows.length;
  const col = (): Float64Array => new Float64Array(n);
  const [time, open, high, low, close, volume] = [col(), col(), col(), col(), col(), col()];
  rows.forEach((r, i) => {
    time[i] = start + i * HOUR_MICROS;
    open[i] = r[0] as number;
    high[i] = r[1] as number;
    low[i] = r[2] as number;
    close[i] = r[3] as number;
    volume[i] = r[4] ?? 1_000_000;
  });
  return BarSeries.fromColumns(
    { time, open, high, low, close, volume },
    { symbol: 'TEST', timeframe: timeframe('hour') },
  );
}
