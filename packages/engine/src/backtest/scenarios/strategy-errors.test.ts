import { defineInstrument, type EquityInstrument } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { createFeeModel } from '../../execution/fee-model.js';
import { SimulatedClock } from '../../kernel/clock.js';
import { Kernel } from '../../kernel/kernel.js';
import { StrategyError } from '../../kernel/strategy-error.js';
import { defineStrategy, type StrategyContext, type StrategyHandlers } from '../../strategy/strategy.js';
import { dailyBars, TEST_EQUITY } from '../../testing/fixtures.js';
import { DAY_MICROS, FIRST_BAR, type ScenarioOptions, scenario } from '../../testing/scenario.js';
import { MS, tickScenario } from '../../testing/tick-scenario.js';
import type { BacktestResult } from '../results.js';
import { runBacktest } from '../run-backtest.js';

const ROWS = [
  [100, 100, 100, 100],
  [100, 106, 98, 104],
  [104, 108, 103, 107],
  [107, 109, 101, 102],
  [102, 103, 99, 100],
];

/** Runs a scenario that must fail, and returns its StrategyError. */
function failing(options: ScenarioOptions): StrategyError {
  try {
    scenario({ rows: ROWS, ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(StrategyError);
    return error as StrategyError;
  }
  throw new Error('expected the run to fail');
}

/** Checks that the results agree with themselves: fills, orders, positions and trades. */
function expectConsistent(result: BacktestResult): void {
  const held = result.fills.reduce((q, f) => q + (f.side === 'buy' ? f.quantity : -f.quantity), 0);
  expect(result.positions[0]?.quantity).toBe(held);
  for (const order of result.orders) {
    const filled = result.fills.filter((f) => f.orderId === order.id).reduce((q, f) => q + f.quantity, 0);
    expect(order.filledQuantity).toBe(filled);
    if (filled > 0) expect(['filled', 'partially-filled', 'cancelled']).toContain(order.status);
  }
  const fees = result.fills.reduce((sum, f) => sum + f.fee, 0);
  expect(result.summary.fees).toBeCloseTo(fees, 9);
  expect(result.summary.fills).toBe(result.fills.length);
  expect(result.summary.orders).toBe(result.orders.length);
  // Every event's order exists, and each order's last event is its status.
  for (const order of result.orders) {
    const events = result.events.filter((e) => e.orderId === order.id);
    expect(events.at(-1)?.status ?? 'submitted').toBe(order.status);
  }
}

describe('a strategy that throws', () => {
  it('in onBar stops the run with the handler, time, instrument and bar, and the results up to then', () => {
    const boom = new Error('boom at three');
    const error = failing({
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10);
        if (bar.index === 3) throw boom;
      },
    });
    expect(error.code).toBe('STRATEGY_ERROR');
    expect(error).toMatchObject({ handler: 'onBar', instrument: 'TEST.SIM', bar: 3, time: FIRST_BAR + 4 * DAY_MICROS });
    expect(error.cause).toBe(boom);
    expect(error.message).toBe(
      'strategy "scenario" threw in onBar at 2024-01-05T00:00:00Z (TEST.SIM bar 3): boom at three',
    );
    const result = error.result as BacktestResult;
    // Bars 0–2 completed their slices; bar 3 was being handled.
    expect(Array.from(result.equity.time)).toEqual([0, 1, 2].map((i) => FIRST_BAR + i * DAY_MICROS));
    expect(result.summary.bars).toBe(4);
    expect(result.fills.map((f) => [f.price, f.quantity])).toEqual([[100, 10]]);
    expect(result.equity.equity[2]).toBe(100_000 + 10 * (107 - 100));
    expectConsistent(result);
  });

  it('in onFill books the fill in full (bracket legs included), calls nothing more and stops the bar', () => {
    const updates: string[] = [];
    const error = failing({
      onBar: (ctx, bar) => {
        if (bar.index !== 0) return;
        ctx.buy(10, { bracket: { takeProfit: 120, stopLoss: 90 } });
        // Bar 1 reaches 105 after the open: this limit would fill, but the run stops first.
        ctx.sell(5, { kind: 'limit', limitPrice: 105 });
      },
      onOrderUpdate: (_ctx, order) => void updates.push(`${order.id}:${order.status}`),
      onFill: () => {
        throw new Error('no fills please');
      },
    });
    expect(error).toMatchObject({ handler: 'onFill', instrument: 'TEST.SIM', bar: 1, time: FIRST_BAR + DAY_MICROS });
    const result = error.result as BacktestResult;
    expect(result.fills.map((f) => [f.orderId, f.price])).toEqual([[1, 100]]);
    // The legs were placed and linked as the fill was booked; the limit never traded.
    expect(result.orders.map((o) => [o.id, o.status, o.tag])).toEqual([
      [1, 'filled', ''],
      [2, 'accepted', ''],
      [3, 'accepted', 'take-profit'],
      [4, 'accepted', 'stop-loss'],
    ]);
    // The legs were accepted before onFill ran; after it threw, no update came (not even
    // order 1's 'filled').
    expect(updates).toEqual(['1:accepted', '2:accepted', '3:accepted', '4:accepted']);
    expect(result.equity.time).toHaveLength(1);
    expect(result.positions[0]?.quantity).toBe(10);
    expectConsistent(result);
  });

  it('in onOrderUpdate stops the run even when the strategy catches the error, and refuses later orders', () => {
    let refused: unknown;
    const error = failing({
      onBar: (ctx, bar) => {
        if (bar.index !== 1) return;
        try {
          ctx.buy(10);
        } catch {
          // A strategy that swallows the failure still cannot trade on.
        }
        try {
          ctx.buy(5);
        } catch (e) {
          refused = e;
        }
      },
      onOrderUpdate: () => {
        throw new TypeError('cannot read status');
      },
    });
    expect(error).toMatchObject({ handler: 'onOrderUpdate', instrument: 'TEST.SIM', bar: 1 });
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(refused).toBe(error);
    const result = error.result as BacktestResult;
    expect(result.orders.map((o) => [o.id, o.status])).toEqual([[1, 'accepted']]);
    expect(result.equity.time).toHaveLength(1);
    expectConsistent(result);
  });

  it('in onTrade names the tick, and keeps the fills booked before it', () => {
    let error: StrategyError | undefined;
    try {
      tickScenario({
        trades: [
          [0, 100],
          [10, 101],
          [20, 102],
        ],
        onTrade: (ctx, tick) => {
          if (tick.index === 0) ctx.buy(5);
          if (tick.index === 1) throw new RangeError('tick 1');
        },
      });
    } catch (e) {
      error = e as StrategyError;
    }
    expect(error).toMatchObject({ handler: 'onTrade', instrument: 'TEST.SIM', bar: 1, time: FIRST_BAR + 10 * MS });
    expect(error?.result?.fills.map((f) => [f.price, f.quantity])).toEqual([[101, 5]]);
    expectConsistent(error?.result as BacktestResult);
  });

  it('in onBar of a multi-instrument run names the instrument, with the slices before it recorded', () => {
    const other = defineInstrument<EquityInstrument>({
      kind: 'equity',
      symbol: 'OTHER',
      venue: 'SIM',
      currency: 'USD',
    });
    const strategy = defineStrategy({
      name: 'pair',
      parameters: {},
      create: (ctx: StrategyContext): StrategyHandlers => ({
        onBar: (bar) => {
          if (bar.index === 0 && bar.instrumentIndex === 0) ctx.buy(1);
          if (bar.index === 2 && bar.instrument === 'OTHER.SIM') throw new Error('second leg');
        },
      }),
    });
    let error: StrategyError | undefined;
    try {
      runBacktest({
        strategy,
        data: [
          { instrument: TEST_EQUITY, series: dailyBars(ROWS) },
          { instrument: other, series: dailyBars(ROWS) },
        ],
      });
    } catch (e) {
      error = e as StrategyError;
    }
    expect(error).toMatchObject({ handler: 'onBar', instrument: 'OTHER.SIM', bar: 2 });
    expect(error?.result?.equity.time).toHaveLength(2);
    expect(error?.result?.summary.bars).toBe(6);
    expectConsistent(error?.result as BacktestResult);
  });

  it('in onTimer names the timer handler and no instrument', () => {
    const strategy = defineStrategy({
      name: 'timed',
      parameters: {},
      create(ctx: StrategyContext): StrategyHandlers {
        return {
          onStart: () => ctx.setTimer('rebalance', FIRST_BAR + 2 * DAY_MICROS),
          onTimer: () => {
            throw new Error('late');
          },
        };
      },
    });
    let error: StrategyError | undefined;
    try {
      runBacktest({ strategy, data: [{ instrument: TEST_EQUITY, series: dailyBars(ROWS) }] });
    } catch (e) {
      error = e as StrategyError;
    }
    expect(error).toMatchObject({
      handler: 'onTimer',
      instrument: undefined,
      bar: -1,
      time: FIRST_BAR + 2 * DAY_MICROS,
    });
    expect(error?.message).toBe('strategy "timed" threw in onTimer at 2024-01-03T00:00:00Z: late');
    expect(error?.result?.equity.time).toHaveLength(2);
  });

  it('in create, or with something that is not handlers, fails before the first bar', () => {
    const make = (create: () => unknown) =>
      defineStrategy({ name: 'broken', parameters: {}, create: create as () => StrategyHandlers });
    const run = (create: () => unknown): StrategyError => {
      try {
        runBacktest({ strategy: make(create), data: [{ instrument: TEST_EQUITY, series: dailyBars(ROWS) }] });
      } catch (e) {
        return e as StrategyError;
      }
      throw new Error('expected a failure');
    };
    const thrown = run(() => {
      throw new Error('no setup');
    });
    expect(thrown).toMatchObject({ code: 'STRATEGY_ERROR', handler: 'create' });
    expect(thrown.result?.summary.bars).toBe(0);
    expect(run(() => null).message).toBe(
      'strategy "broken": expected create to return an object of handlers (onBar, onFill …), got null',
    );
    expect(run(() => ({ onBar: 'yes' })).message).toBe(
      'strategy "broken": expected onBar to be a function, got string',
    );
  });

  it('calls handlers with their own object as this', () => {
    const strategy = defineStrategy({
      name: 'stateful',
      parameters: {},
      create: () => ({
        seen: 0,
        onBar(this: { seen: number }) {
          this.seen++;
        },
        onStop(this: { seen: number }) {
          if (this.seen !== ROWS.length) throw new Error(`saw ${this.seen} bars`);
        },
      }),
    });
    expect(runBacktest({ strategy, data: [{ instrument: TEST_EQUITY, series: dailyBars(ROWS) }] }).summary.bars).toBe(
      5,
    );
  });
});

describe('a kernel whose strategy failed', () => {
  it('throws the same error on every later call from its driver', () => {
    const series = dailyBars(ROWS);
    const clock = new SimulatedClock();
    const kernel = new Kernel(
      [{ instrument: TEST_EQUITY, columns: series.columns(), duration: DAY_MICROS, sessionBars: true }],
      {
        account: { cash: 1_000, leverage: 1, allowShort: true },
        risk: {},
        fees: createFeeModel({ kind: 'none' }),
        borrowRate: 0,
        fundingInterval: 8 * 3_600_000_000,
        corporateActions: [],
        maxLogEntries: 10,
      },
      clock,
    );
    kernel.start(
      defineStrategy({
        name: 'once',
        parameters: {},
        create: () => ({
          onBar: () => {
            throw new Error('first bar');
          },
        }),
      }),
      {},
    );
    kernel.advanceToBar(0, 0);
    kernel.beginBar(0, 0);
    let first: unknown;
    try {
      kernel.deliverBar(0, 0);
    } catch (error) {
      first = error;
    }
    expect(first).toBeInstanceOf(StrategyError);
    expect(kernel.failure).toBe(first);
    expect(kernel.current).toBe(-1);
    expect(() => kernel.advanceToBar(0, 1)).toThrow(first as Error);
    expect(() => kernel.beginBar(0, 1)).toThrow(first as Error);
    expect(() => kernel.stop()).toThrow(first as Error);
  });
});
