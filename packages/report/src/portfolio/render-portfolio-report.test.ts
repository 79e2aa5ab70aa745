import { buyAndHoldEquity, computeMetrics } from '@alphintra/analytics';
import { type BarSeries, defineInstrument, type EquityInstrument, generateBars, timeframe } from '@alphintra/core';
import { defineStrategy } from '@alphintra/engine';
import { definePortfolio, runPortfolio, sleeveMetrics } from '@alphintra/portfolio';
import { describe, expect, it } from 'vitest';
import type { ReportData, ValueSeriesSpec } from '../charts/chart-spec.js';
import { renderPortfolioReport } from './render-portfolio-report.js';

const flip = defineStrategy({
  name: 'flip',
  parameters: { hold: { type: 'integer', default: 10, min: 1, max: 50 } },
  create(ctx, p) {
    return {
      onBar(bar) {
        const want = Math.floor(bar.index / p.hold) % 2 === 0 ? 0.9 : 0;
        if ((ctx.quantity() > 0 ? 0.9 : 0) !== want) ctx.targetPercent(want);
      },
    };
  },
});
const series = [0, 1].map((k) =>
  generateBars({ bars: 300, seed: 3 + k, timeframe: timeframe('day'), volatility: 0.3 }),
);
const data = series.map((s, k) => ({
  instrument: defineInstrument<EquityInstrument>({ kind: 'equity', symbol: `S${k}`, venue: 'SIM', currency: 'USD' }),
  series: s,
}));
const result = runPortfolio({
  portfolio: definePortfolio({
    name: 'pair <of> sleeves',
    sleeves: [
      { name: 'first', strategy: flip, instruments: ['S0'] },
      { name: 'second', strategy: flip, parameters: { hold: 7 }, instruments: ['S1'] },
    ],
    allocation: { method: 'inverse-volatility', lookback: 30 },
    rebalance: { schedule: 'monthly' },
  }),
  data,
  cash: 100_000,
});
const benchmark = buyAndHoldEquity(result.backtest.equity.time, series[0] as BarSeries, 100_000);
const fast = { includeSeries: true, bootstrap: false, monteCarlo: false } as const;
const metrics = computeMetrics(
  { ...result.backtest.equity, trades: result.backtest.trades, benchmark: { equity: benchmark } },
  fast,
);
const bySleeve = sleeveMetrics(result, { ...fast, benchmark });
const options = {
  prices: data.map((d) => ({ instrument: d.instrument.id, bars: d.series })),
  benchmark: { name: 'buy and hold S0.SIM', equity: benchmark },
};
const page = renderPortfolioReport(result, metrics, bySleeve, options);

function chartData(text: string): ReportData {
  const start = text.indexOf('<script type="application/json" id="report-data">');
  return JSON.parse(text.slice(text.indexOf('>', start) + 1, text.indexOf('</script>', start))) as ReportData;
}

describe('renderPortfolioReport', () => {
  const charts = chartData(page).charts;
  const values = (id: string, name: string): readonly (number | null)[] =>
    ((charts.find((c) => c.id === id)?.series ?? []).find((s) => s.name === name) as ValueSeriesSpec).values;

  it('places the portfolio charts first, then the prices', () => {
    expect(charts.map((c) => c.id)).toEqual([
      'equity-chart',
      'drawdown-chart',
      'sleeve-value-chart',
      'weights-chart',
      'price-chart-0',
      'price-chart-1',
    ]);
  });

  it("draws the portfolio with each sleeve's capital, which add up to it", () => {
    const portfolio = values('equity-chart', 'portfolio');
    const first = values('equity-chart', 'first');
    const second = values('equity-chart', 'second');
    for (let i = 0; i < portfolio.length; i++) {
      expect(((first[i] as number) + (second[i] as number)) / (portfolio[i] as number)).toBeCloseTo(1, 6);
    }
  });

  it('stacks the weights: the top band is always 1, the lower one is the first sleeve', () => {
    const top = values('weights-chart', 'second');
    const bottom = values('weights-chart', 'first');
    expect(top.every((v) => Math.abs((v as number) - 1) < 1e-7)).toBe(true);
    expect(bottom).toEqual(Array.from(result.sleeves[0]?.weight ?? [], (w) => Number(w.toPrecision(8))));
  });

  it('shows the metrics side by side, the correlations, the rebalance log and every sleeve', () => {
    expect(page).toContain('id="sleeve-comparison"');
    expect(page).toContain('id="correlation-heat-map"');
    expect(page).toContain('id="rebalance-table"');
    expect(page).toContain('id="sleeve-first"');
    expect(page).toContain('id="sleeve-second"');
    expect(page).toContain('No portfolio limit was reached.');
    expect(page).toContain('Portfolio: pair &lt;of&gt; sleeves');
    expect(page).not.toContain('pair <of>');
  });

  it('is the same bytes for the same run, and refuses metrics of another run', () => {
    expect(renderPortfolioReport(result, metrics, bySleeve, options)).toBe(page);
    const short = computeMetrics(
      { time: result.backtest.equity.time.subarray(1), equity: result.backtest.equity.equity.subarray(1) },
      fast,
    );
    expect(() => renderPortfolioReport(result, short, bySleeve, options)).toThrow(/299 equity rows|300 equity rows/);
    expect(() => renderPortfolioReport(result, metrics, {}, options)).toThrow('expected metrics of sleeve first');
  });
});
