import { AlphintraError, BarSeries, defineInstrument, type FutureInstrument, type Timeframe } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { StrategyError } from '../kernel/strategy-error.js';
import { defineStrategy } from '../strategy/strategy.js';
import { dailyBars, flatBars, syntheticBars, TEST_EQUITY } from '../testing/fixtures.js';
import { scriptedStrategy } from '../testing/scripted-strategy.js';
import { runSweep, unsupportedBySweep } from './run-sweep.js';
import { HOLD } from './sweep-face.js';
import type { SweepOptions } from './sweep-options.js';
import { sweepRow } from './sweep-result.js';

const H = Number.NaN;

/** The same bars labelled with another timeframe. */
function relabel(series: BarSeries, timeframe: Timeframe): BarSeries {
  return BarSeries.fromColumns(series.columns(), { timeframe });
}

/** Open = previous close except where given; high and low bracket open and close. */
const ROWS = [
  [10, 10, 10, 10],
  [10, 11, 10, 11],
  [11, 12, 11, 12],
  [12, 12, 9, 9],
  [10, 10, 10, 10],
];

/** Straightforward sample Sharpe of an equity list, × √252. */
function sharpeOf(equity: readonly number[]): number {
  const returns = equity.slice(1).map((e, i) => e / (equity[i] as number) - 1);
  const mean = returns.reduce((a, b) => a + b, 0) / returns.length;
  const variance = returns.reduce((a, r) => a + (r - mean) ** 2, 0) / (returns.length - 1);
  return (mean / Math.sqrt(variance)) * Math.sqrt(252);
}

function sweepOf(targets: readonly number[], extra: Partial<SweepOptions> = {}, rows = ROWS) {
  return runSweep({
    cash: 1_000,
    fees: { kind: 'percent', rate: 0.01 },
    strategy: scriptedStrategy(Float64Array.from(targets)),
    data: [{ instrument: TEST_EQUITY, series: dailyBars(rows) }],
    parameterSets: [{}],
    ...extra,
  });
}

describe('runSweep', () => {
  it('buys at the next open in whole shares with the fee reserved, and sells at the open after the exit', () => {
    // Bar 0 asks for 100 % at the open of bar 1 (10): 100 shares would leave nothing for the
    // 1 % fee, so 99 (990 + 9.90 fee; 0.10 cash left). Bar 3 asks to close: 99 at 10 less 9.90.
    const result = sweepOf([1, H, H, 0, H]);
    const equity = [1_000, 0.1 + 99 * 11, 0.1 + 99 * 12, 0.1 + 99 * 9, 0.1 + 990 - 9.9];
    expect(result.trades[0]).toBe(1);
    expect(result.finalEquity[0]).toBeCloseTo(980.2, 9);
    expect(result.totalReturn[0]).toBeCloseTo(980.2 / 1_000 - 1, 12);
    expect(result.maxDrawdown[0]).toBeCloseTo(1 - 891.1 / 1188.1, 12);
    expect(result.sharpe[0]).toBeCloseTo(sharpeOf(equity), 10);
    expect(result.firstEquity[0]).toBe(1_000);
  });

  it('fills at the close of the deciding bar in close fill timing', () => {
    // Buy 99 at the close of bar 0 (10), sell 99 at the close of bar 3 (9) less 8.91 fee.
    const result = sweepOf([1, H, H, 0, H], { fillTiming: 'close' });
    expect(result.trades[0]).toBe(1);
    expect(result.finalEquity[0]).toBeCloseTo(0.1 + 891 - 8.91, 9);
    // The fill at bar 0's close already moved the first bar's equity: the fee is gone.
    expect(result.firstEquity[0]).toBeCloseTo(0.1 + 99 * 10, 9);
  });

  it('never fills an order decided on the last bar', () => {
    const result = sweepOf([H, H, H, H, 1]);
    expect([result.trades[0], result.finalEquity[0], result.maxDrawdown[0]]).toEqual([0, 1_000, 0]);
    expect(result.sharpe[0]).toBeNaN();
  });

  it('reports a run without trades as flat: starting cash, no drawdown, no Sharpe', () => {
    const result = sweepOf([H, H, H, H, H]);
    expect(sweepRow(result, 0)).toEqual({
      parameters: { scale: 1 },
      trades: 0,
      finalEquity: 1_000,
      totalReturn: 0,
      sharpe: Number.NaN,
      maxDrawdown: 0,
      // Without trades, counts and sums are 0 and every mean or ratio is undefined, as analytics has them.
      winners: 0,
      losers: 0,
      longCount: 0,
      winRate: Number.NaN,
      grossProfit: 0,
      grossLoss: 0,
      profitFactor: Number.NaN,
      netProfit: 0,
      expectancy: Number.NaN,
      averageReturn: Number.NaN,
      averageWin: Number.NaN,
      averageLoss: Number.NaN,
      payoffRatio: Number.NaN,
      largestWin: Number.NaN,
      largestLoss: Number.NaN,
      sqn: Number.NaN,
      kellyFraction: Number.NaN,
      totalFees: 0,
      averageBars: Number.NaN,
      averageDurationMicros: Number.NaN,
      maxDurationMicros: Number.NaN,
      timeInTrades: 0,
      exposureTime: 0,
      longestWinStreak: 0,
      longestLossStreak: 0,
    });
  });

  it('handles one bar, and no parameter sets at all', () => {
    const one = sweepOf([1], {}, [[10, 10, 10, 10]]);
    expect([one.bars, one.trades[0], one.finalEquity[0]]).toEqual([1, 0, 1_000]);
    expect(one.sharpe[0]).toBeNaN();
    const none = sweepOf([1, H, H, 0, H], { parameterSets: [] });
    expect([none.runs, none.finalEquity.length]).toEqual([0, 0]);
  });

  it('keeps results in the order of the parameter sets, with defaults filled in', () => {
    const result = sweepOf([1, H, H, 0, H], { parameterSets: [{ scale: 0 }, {}, { scale: '0.5' }] });
    expect(result.parameters).toEqual([{ scale: 0 }, { scale: 1 }, { scale: 0.5 }]);
    expect(result.trades[0]).toBe(0);
    expect(result.trades[1]).toBe(1);
    expect(result.finalEquity[2]).not.toBe(result.finalEquity[1]);
  });

  it('writes the per-bar returns into a given buffer when it is long enough, with the same figures', () => {
    const series = syntheticBars(200, 4);
    const targets = Float64Array.from({ length: 200 }, (_, i) => (i % 17 === 0 ? (i % 34 === 0 ? 1 : 0) : H));
    const sweep = (returnsBuffer?: Float64Array) =>
      runSweep({
        strategy: scriptedStrategy(targets),
        data: [{ instrument: TEST_EQUITY, series }],
        parameterSets: [{}, { scale: 0.5 }],
        barReturns: true,
        ...(returnsBuffer === undefined ? {} : { returnsBuffer }),
      });
    const fresh = sweep();
    // A used buffer, longer than needed: its first 2 × 199 cells are overwritten, the rest left alone.
    const buffer = new Float64Array(500).fill(7);
    const reused = sweep(buffer);
    expect(reused.barReturns?.buffer).toBe(buffer.buffer);
    expect(reused.barReturns).toEqual(fresh.barReturns);
    expect([reused.sharpe, reused.finalEquity]).toEqual([fresh.sharpe, fresh.finalEquity]);
    expect(buffer[2 * 199]).toBe(7);
    // Too short: a new array.
    const short = new Float64Array(10);
    expect(sweep(short).barReturns?.buffer).not.toBe(short.buffer);
  });

  it('returns per-bar returns that compound to the total, and block sums of them', () => {
    const series = syntheticBars(200, 4);
    const targets = Float64Array.from({ length: 200 }, (_, i) => (i % 17 === 0 ? (i % 34 === 0 ? 1 : 0) : H));
    const result = runSweep({
      strategy: scriptedStrategy(targets),
      data: [{ instrument: TEST_EQUITY, series }],
      parameterSets: [{}, { scale: 0.5 }],
      barReturns: true,
      returnBlocks: 3,
    });
    const returns = result.barReturns as Float64Array;
    const blocks = result.returnBlocks;
    expect(returns.length).toBe(2 * 199);
    expect(Array.from(blocks?.bounds ?? [])).toEqual([0, 66, 133, 199]);
    for (let run = 0; run < 2; run++) {
      const row = returns.subarray(run * 199, (run + 1) * 199);
      const growth = row.reduce((g, r) => g * (1 + r), 1);
      expect(growth * 100_000).toBeCloseTo(result.finalEquity[run] as number, 6);
      for (let b = 0; b < 3; b++) {
        const part = row.subarray(blocks?.bounds[b], blocks?.bounds[b + 1]);
        expect(blocks?.sum[run * 3 + b]).toBeCloseTo(
          part.reduce((a, r) => a + r, 0),
          14,
        );
        expect(blocks?.sumOfSquares[run * 3 + b]).toBeCloseTo(
          part.reduce((a, r) => a + r * r, 0),
          14,
        );
      }
    }
    const onlyBlocks = runSweep({
      strategy: scriptedStrategy(targets),
      data: [{ instrument: TEST_EQUITY, series }],
      parameterSets: [{}, { scale: 0.5 }],
      returnBlocks: 3,
    });
    expect(onlyBlocks.barReturns).toBeUndefined();
    expect(onlyBlocks.returnBlocks).toEqual(blocks);
  });

  it('computes each distinct indicator once for all parameter sets', () => {
    const strategy = defineStrategy({
      name: 'two-averages',
      parameters: { a: { type: 'integer', default: 5 }, b: { type: 'integer', default: 30 } },
      create: () => ({}),
      sweep: {
        indicators: (p) => ({
          a: { name: 'SMA', params: { timeperiod: p.a } },
          b: { name: 'sma', params: { timeperiod: p.b } },
          c: { name: 'MACD', output: 'macdsignal' },
          d: { name: 'MACD', params: { fastperiod: 12 }, output: 'macdhist' },
        }),
        decide: () => HOLD,
      },
    });
    const result = runSweep({
      strategy,
      data: [{ instrument: TEST_EQUITY, series: syntheticBars(100) }],
      parameterSets: [{ a: 5, b: 30 }, { a: 30, b: 5 }, { a: 5 }, { b: 7 }],
    });
    // SMA 5, 30 and 7, and one MACD with default parameters.
    expect(result.indicatorComputations).toBe(4);
  });

  it('refuses a face that names different indicators for different parameter sets', () => {
    const strategy = defineStrategy({
      name: 'shifty',
      parameters: { a: { type: 'integer', default: 5 } },
      create: () => ({}),
      sweep: {
        indicators: (p): Record<string, { name: string }> =>
          p.a > 5 ? { x: { name: 'RSI' } } : { y: { name: 'RSI' } },
        decide: () => HOLD,
      },
    });
    expect(() =>
      runSweep({
        strategy,
        data: [{ instrument: TEST_EQUITY, series: syntheticBars(50) }],
        parameterSets: [{ a: 5 }, { a: 6 }],
      }),
    ).toThrow('expected the sweep face to name the same indicators for every parameter set (y), got x for set 1');
  });

  it('stops with a StrategyError naming the run when the face throws, the exception as its cause', () => {
    const boom = new Error('boom');
    const strategy = defineStrategy({
      name: 'fragile',
      parameters: { a: { type: 'integer', default: 5 } },
      create: () => ({}),
      sweep: {
        indicators: () => ({}),
        decide: (bar, _values, _position, p) => {
          if (p.a === 7 && bar === 3) throw boom;
          return HOLD;
        },
      },
    });
    let caught: unknown;
    try {
      runSweep({
        strategy,
        data: [{ instrument: TEST_EQUITY, series: syntheticBars(50) }],
        parameterSets: [{ a: 5 }, { a: 7 }],
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StrategyError);
    const error = caught as StrategyError;
    expect(error.cause).toBe(boom);
    expect(error.handler).toBe('sweep.decide');
    expect(error.message).toBe(`strategy "fragile": threw in sweep.decide (${TEST_EQUITY.id}, run with a=7): boom`);
  });

  it('reports progress and stops when the signal is raised', () => {
    const seen: number[] = [];
    const signal = { aborted: false };
    const options = {
      strategy: scriptedStrategy(Float64Array.of(1, H, 0)),
      data: [{ instrument: TEST_EQUITY, series: flatBars(3) }],
      parameterSets: Array.from({ length: 10 }, () => ({})),
      progressInterval: 4,
      onProgress: (done: number) => {
        seen.push(done);
        if (done >= 8) signal.aborted = true;
      },
      signal,
    };
    expect(() => runSweep(options)).not.toThrow();
    expect(seen).toEqual([4, 8, 10]);
    seen.length = 0;
    expect(() => runSweep(options)).toThrow('sweep cancelled after 4 of 10 runs');
  });

  it('asks for periods per year on bars that are not daily', () => {
    const series = dailyBars(ROWS);
    const options = { strategy: scriptedStrategy(new Float64Array(5)), parameterSets: [{}] };
    expect(runSweep({ ...options, data: [{ instrument: TEST_EQUITY, series }] }).periodsPerYear).toBe(252);
    const minutes = relabel(series, { unit: 'minute', count: 5 });
    expect(
      runSweep({ ...options, data: [{ instrument: TEST_EQUITY, series: minutes }], periodsPerYear: 19_656 })
        .periodsPerYear,
    ).toBe(19_656);
    expect(() => runSweep({ ...options, data: [{ instrument: TEST_EQUITY, series: minutes }] })).toThrow(
      'expected periodsPerYear for bars of 5minute (the default, 252, is for daily bars)',
    );
  });

  it('rejects bad options with clear errors', () => {
    const base = {
      strategy: scriptedStrategy(new Float64Array(5)),
      data: [{ instrument: TEST_EQUITY, series: dailyBars(ROWS) }],
      parameterSets: [{}],
    };
    expect(() => runSweep({ ...base, parameterSets: [{ speed: 1 }] })).toThrow('unknown parameter speed');
    // A name every object inherits is no parameter either.
    expect(() => runSweep({ ...base, parameterSets: [{ toString: 1 }] })).toThrow('unknown parameter toString');
    expect(() => runSweep({ ...base, periodsPerYear: 0 })).toThrow('expected positive periodsPerYear, got 0');
    expect(() => runSweep({ ...base, returnBlocks: 1.5 })).toThrow(
      'expected a whole number of return blocks ≥ 1, got 1.5',
    );
    expect(() => runSweep({ ...base, returnBlocks: 9 })).toThrow('expected at most 4 return blocks over 5 bars, got 9');
    expect(() => runSweep({ ...base, cash: -1 })).toThrow('expected positive starting cash, got -1');
    expect(() => runSweep({ ...base, data: [] })).toThrow('expected data for one instrument');
  });
});

describe('what runSweep refuses', () => {
  const base = {
    strategy: scriptedStrategy(new Float64Array(5)),
    data: [{ instrument: TEST_EQUITY, series: dailyBars(ROWS) }],
    parameterSets: [{}],
  };
  const refusal = (options: SweepOptions): string => {
    try {
      runSweep(options);
    } catch (error) {
      if (error instanceof AlphintraError && error.code === 'SWEEP_UNSUPPORTED') return error.message;
      throw error;
    }
    return 'accepted';
  };

  it('accepts the configurations it reproduces', () => {
    expect(unsupportedBySweep(base)).toEqual([]);
    expect(unsupportedBySweep({ ...base, risk: { tradingState: 'active' }, latency: { fixed: 0 } })).toEqual([]);
  });

  it('names every unsupported part of a configuration in one error', () => {
    const future = defineInstrument<FutureInstrument>({
      kind: 'future',
      symbol: 'ES',
      venue: 'SIM',
      currency: 'USD',
      underlying: 'SPX',
      expiry: 0,
      multiplier: 50,
    });
    const message = refusal({
      ...base,
      strategy: defineStrategy({ name: 'limits', parameters: {}, create: () => ({}) }),
      data: [{ instrument: future, series: dailyBars(ROWS), fundingRate: 0.001 }],
      latency: { fixed: 1_000, jitter: 5 },
      volumeLimit: 0.1,
      risk: { maxOrderNotional: 5_000, maxLeverage: 2 },
      corporateActions: [{ kind: 'split', instrument: future.id, time: 0, ratio: 2 }],
    });
    expect(message).toBe(
      'the sweep fast path cannot reproduce strategy limits has no sweep face; corporate actions (1); a volume limit (0.1 of bar volume); order latency; risk limits (maxOrderNotional, maxLeverage); a margined instrument (future); funding rates; run the event-driven engine (runBacktest) instead',
    );
  });

  it('refuses several instruments, custom latency, ticks, a halted account, non-positive prices and overlapping bars', () => {
    const second = { instrument: { ...TEST_EQUITY, id: 'OTHER' }, series: dailyBars(ROWS) };
    expect(refusal({ ...base, data: [...base.data, second] })).toContain('several instruments (2)');
    expect(refusal({ ...base, latency: () => 5 })).toContain('a custom latency model');
    const trades = { time: Float64Array.of(1, 2), price: Float64Array.of(10, 11), size: Float64Array.of(1, 1) };
    expect(refusal({ ...base, data: [{ instrument: TEST_EQUITY, trades }] })).toContain(
      'tick data (trades or quotes); data without bars',
    );
    expect(refusal({ ...base, risk: { tradingState: 'halted' } })).toContain('trading state halted');
    expect(refusal({ ...base, currency: 'EUR', fxRates: { 'EUR/USD': 1.1 } })).toContain(
      'an account in EUR for an instrument quoted in USD',
    );
    const zero = dailyBars([
      [10, 10, 10, 10],
      [0.5, 1, 0, 0],
    ]);
    expect(refusal({ ...base, data: [{ instrument: TEST_EQUITY, series: zero }] })).toContain(
      'a non-positive open or close (bar 1)',
    );
    const squeezed = relabel(dailyBars(ROWS), { unit: 'week', count: 1 });
    expect(refusal({ ...base, data: [{ instrument: TEST_EQUITY, series: squeezed }], periodsPerYear: 52 })).toContain(
      'bar 1 opening before bar 0 closes (orders would wait more than one bar)',
    );
    expect(
      refusal({
        ...base,
        data: [{ instrument: TEST_EQUITY, series: squeezed }],
        periodsPerYear: 52,
        fillTiming: 'close',
      }),
    ).toBe('accepted');
  });
});
