import { buyAndHoldEquity, computeMetrics, type MetricsReport } from '@alphintra/analytics';
import { type BarSeries, defineInstrument, type EquityInstrument, generateBars, timeframe } from '@alphintra/core';
import { type BacktestResult, defineStrategy, runBacktest } from '@alphintra/engine';
import type { BacktestReportOptions } from '../backtest/report-input.js';

/** A backtest to report on, with everything `renderBacktestReport` takes. */
export interface SampleRun {
  readonly result: BacktestResult;
  readonly metrics: MetricsReport;
  readonly options: BacktestReportOptions;
  readonly bars: readonly BarSeries[];
}

/** Goes long on even weeks and short on odd ones, on every instrument, so it trades both ways. */
const weekly = defineStrategy({
  name: 'weekly-flip',
  version: '1.0.0',
  parameters: { hold: { type: 'integer', default: 5, min: 1, max: 50 } },
  create(ctx, p) {
    return {
      onBar(bar) {
        const want = Math.floor(bar.index / p.hold) % 2 === 0 ? 1 : -1;
        const held = Math.sign(ctx.quantity(bar.instrument));
        if (held !== want)
          ctx.targetPercent(want * 0.4, { instrument: bar.instrument, tag: want > 0 ? 'long' : 'short' });
      },
    };
  },
});

/**
 * Test helper: a real backtest over seeded synthetic daily bars of `instruments` equities, with
 * its metrics against buy and hold of the first, as the CLI computes them.
 */
export function sampleRun(bars = 400, instruments = 1): SampleRun {
  const series = Array.from({ length: instruments }, (_, k) =>
    generateBars({ bars, seed: 11 + k, timeframe: timeframe('day'), volatility: 0.3 }),
  );
  const data = series.map((s, k) => ({
    instrument: defineInstrument<EquityInstrument>({ kind: 'equity', symbol: `S${k}`, venue: 'SIM', currency: 'USD' }),
    series: s,
  }));
  const result = runBacktest({ strategy: weekly, data, cash: 100_000 });
  const benchmark = buyAndHoldEquity(result.equity.time, series[0] as BarSeries, result.summary.startEquity);
  const metrics = computeMetrics(
    { ...result.equity, trades: result.trades, benchmark: { equity: benchmark } },
    { includeSeries: true, bootstrap: { samples: 50 }, monteCarlo: { simulations: 50 } },
  );
  return {
    result,
    metrics,
    bars: series,
    options: {
      prices: data.map((d) => ({ instrument: d.instrument.id, bars: d.series })),
      benchmark: { name: 'buy and hold S0.SIM', equity: benchmark },
      sources: { strategy: 'weekly-flip.ts', data: series.map((_, k) => `s${k}.csv`) },
    },
  };
}
