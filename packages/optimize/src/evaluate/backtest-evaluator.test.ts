import { blockSummary, computeMetrics, periodReturns } from '@alphintra/analytics';
import { defineInstrument, type EquityInstrument, generateBars, timeframe } from '@alphintra/core';
import { defineStrategy, runBacktest } from '@alphintra/engine';
import { describe, expect, it } from 'vitest';
import { flattenMetrics } from '../objectives/metric-catalog.js';
import { smaCrossover, syntheticData, testEvaluator } from '../testing/fixtures.js';
import { BacktestTrialEvaluator, unionTimeline } from './backtest-evaluator.js';
import type { BarData } from './bar-data.js';

const fees = { kind: 'percent', rate: 0.001 } as const;

describe('the in-process trial evaluator', () => {
  it('measures a whole-data trial exactly as a backtest and computeMetrics do', async () => {
    const data = syntheticData(800, 3);
    const evaluator = testEvaluator(data);
    const [outcome] = await evaluator.evaluate({
      window: { warmupStart: 0, start: 0, end: 800 },
      parameterSets: [{ fast: 8, slow: 40 }],
    });
    const run = runBacktest({ strategy: smaCrossover, data: [data], parameters: { fast: 8, slow: 40 }, fees });
    const report = computeMetrics(
      { time: run.equity.time, equity: run.equity.equity, trades: run.trades },
      { bootstrap: false, monteCarlo: false },
    );
    expect(outcome?.metrics).toEqual(flattenMetrics(report));
    const blocks = blockSummary(periodReturns(run.equity.equity), 16);
    expect(outcome?.blocks?.sum).toEqual(Array.from(blocks.sum));
    expect(outcome?.blocks?.count.reduce((a, b) => a + b, 0)).toBe(799);
  });

  it('trades only inside a window and starts it with warm indicators and the starting cash', async () => {
    const data = syntheticData(800, 3);
    const evaluator = testEvaluator(data);
    const window = { warmupStart: 100, start: 400, end: 600 };
    const [outcome] = await evaluator.evaluate({ window, parameterSets: [{ fast: 5, slow: 50 }], detail: {} });
    const detail = outcome?.detail;
    const time = data.series.time;
    // The curve starts at the last warm-up bar, with the cash untouched, and ends at the window's last bar.
    expect(detail?.equity.time[0]).toBe(time[399]);
    expect(detail?.equity.equity[0]).toBe(100_000);
    expect(detail?.equity.time.at(-1)).toBe(time[599]);
    expect(detail?.equity.time).toHaveLength(201);
    expect(detail?.trades.every((t) => t.entryTime >= (time[400] as number))).toBe(true);
    expect(detail?.trades.length).toBeGreaterThan(0);
    expect(detail?.report.sample.bars).toBe(201);
    // The same as a plain backtest over bars 100 … 599 of a strategy written to ignore bars before 400.
    const start = time[400] as number;
    const inline = defineStrategy({
      ...smaCrossover,
      create(ctx, p) {
        const fast = ctx.indicator('SMA', { timeperiod: p.fast });
        const slow = ctx.indicator('SMA', { timeperiod: p.slow });
        return {
          onBar(bar) {
            if (bar.time < start || !slow.isReady) return;
            if (fast.value > slow.value) {
              if (ctx.quantity() <= 0) ctx.targetPercent(1);
            } else if (ctx.quantity() > 0) ctx.closePosition();
          },
        };
      },
    });
    const plain = runBacktest({
      strategy: inline,
      data: [{ ...data, series: data.series.slice(100, 600) }],
      parameters: { fast: 5, slow: 50 },
      fees,
    });
    expect(detail?.equity.equity).toEqual(Array.from(plain.equity.equity.subarray(299)));
    expect(detail?.orderListHash).toBe(plain.summary.orderListHash);
  });

  it('gives a window trial the same result whatever lies after the window', async () => {
    const data = syntheticData(800, 3);
    const cut: BarData = { ...data, series: data.series.slice(0, 600), hash: 'cut' };
    const window = { warmupStart: 0, start: 300, end: 600 };
    const [a] = await testEvaluator(data).evaluate({ window, parameterSets: [{ fast: 5, slow: 30 }] });
    const [b] = await testEvaluator(cut).evaluate({ window, parameterSets: [{ fast: 5, slow: 30 }] });
    expect(a).toEqual(b);
  });

  it('runs several instruments over the union of their timestamps', async () => {
    const day = 86_400_000_000;
    const make = (symbol: string, start: number, seed: number): BarData => ({
      instrument: defineInstrument<EquityInstrument>({ kind: 'equity', symbol, venue: 'SIM', currency: 'USD' }),
      series: generateBars({ bars: 300, seed, timeframe: timeframe('day'), start }),
    });
    const data = [make('A', 0, 1), make('B', 10 * day, 2)];
    const timeline = unionTimeline(data);
    expect(timeline.length).toBe(310);
    expect(timeline[0]).toBe(0);
    const evaluator = new BacktestTrialEvaluator({ strategy: smaCrossover, data: [data[0] as BarData] });
    expect(evaluator.timeline).toBe((data[0] as BarData).series.time);
  });

  it('gives a flat run null ratios and refuses bad windows', async () => {
    const evaluator = testEvaluator();
    // Slow SMA of 400 bars never ready in a 300-bar window without warm-up: no trade, flat equity.
    const [flat] = await evaluator.evaluate({
      window: { warmupStart: 0, start: 0, end: 300 },
      parameterSets: [{ fast: 5, slow: 400 }],
    });
    expect(flat?.metrics['risk.sharpe']).toBeNull();
    expect(flat?.metrics['returns.totalReturn']).toBe(0);
    await expect(
      evaluator.evaluate({ window: { warmupStart: 10, start: 5, end: 300 }, parameterSets: [{}] }),
    ).rejects.toThrow(/warm-up start ≤ start < end/);
    await expect(
      evaluator.evaluate({ window: { warmupStart: 0, start: 0, end: 99_999 }, parameterSets: [{}] }),
    ).rejects.toThrow(/end ≤ 1500/);
  });

  it('refuses tick data rather than leave it out', () => {
    const { instrument } = syntheticData();
    expect(() => new BacktestTrialEvaluator({ strategy: smaCrossover, data: [{ instrument }] })).toThrow(
      'expected bars for SYN.SIM: optimisation runs strategies on bars, not on trade or quote ticks',
    );
  });

  it('leaves the blocks out when the window has fewer returns than blocks', async () => {
    const [outcome] = await testEvaluator().evaluate({
      window: { warmupStart: 0, start: 0, end: 10 },
      parameterSets: [{ fast: 2, slow: 3 }],
    });
    expect(outcome?.blocks).toBeNull();
  });

  it('drops the trials not yet started once the signal is set', async () => {
    const signal = { aborted: false };
    const seen: number[] = [];
    const outcomes = await testEvaluator().evaluate(
      { window: { warmupStart: 0, start: 0, end: 300 }, parameterSets: [{ fast: 2 }, { fast: 3 }, { fast: 4 }] },
      {
        signal,
        onOutcome: (i) => {
          seen.push(i);
          signal.aborted = true;
        },
      },
    );
    expect(seen).toEqual([0]);
    expect(outcomes.map((o) => o === undefined)).toEqual([false, true, true]);
  });
});
