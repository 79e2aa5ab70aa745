import { computeMetrics, deflatedSharpeRatio, periodReturns } from '@alphintra/analytics';
import { runBacktest } from '@alphintra/engine';
import { describe, expect, it } from 'vitest';
import { parseObjective } from './objectives/objective.js';
import { optimize } from './optimize.js';
import { buildSpace } from './space/build-space.js';
import { smaCrossover, syntheticData, testEvaluator } from './testing/fixtures.js';

describe('optimize', () => {
  it('runs a grid search whose best trial is the best of the grid, with diagnostics', async () => {
    const data = syntheticData(1200, 5);
    const evaluator = testEvaluator(data);
    const space = buildSpace(smaCrossover.parameters, { fast: '5:20:5', slow: '30:90:30' });
    const report = await optimize(
      {
        space,
        constraints: ['fast < slow'],
        objectives: [parseObjective('sharpe')],
        search: { method: 'grid', seed: 1 },
      },
      evaluator,
    );
    const search = report.search!;
    expect(search.evaluated).toBe(12);
    const sharpes = search.trials.map((t) => t.metrics.sharpe ?? -Infinity);
    const best = search.best!;
    expect(best.values[0]).toBe(Math.max(...sharpes));
    // The best trial's metrics equal a plain backtest of its parameters.
    const direct = runBacktest({
      strategy: smaCrossover,
      data: [data],
      parameters: best.parameters,
      fees: { kind: 'percent', rate: 0.001 },
    });
    const metrics = computeMetrics({ time: direct.equity.time, equity: direct.equity.equity, trades: direct.trades });
    expect(best.metrics?.risk.sharpe).toBe(metrics.risk.sharpe);
    // The deflated Sharpe ratio uses the real trial count and the sample variance of the
    // trials' annualised Sharpe ratios, computed here by hand.
    const m = sharpes.reduce((a, b) => a + b, 0) / sharpes.length;
    const variance = sharpes.reduce((a, b) => a + (b - m) ** 2, 0) / (sharpes.length - 1);
    const dsr = search.diagnostics.deflatedSharpe;
    expect(dsr?.trials).toBe(12);
    expect(dsr?.sharpeVariance).toBeCloseTo(variance, 12);
    const returns = periodReturns(direct.equity.equity);
    expect(dsr?.deflatedSharpe).toBeCloseTo(deflatedSharpeRatio(returns, 12, variance, 252), 12);
    expect(dsr?.deflatedSharpe).toBeLessThan(dsr?.probabilisticSharpe as number);
    expect(search.diagnostics.pbo?.splits).toBe(12_870);
    expect(search.diagnostics.pbo?.trials).toBe(12);
  });

  it('finds the Pareto front of two objectives and selects a trial on it, the same on every run', async () => {
    const space = buildSpace(smaCrossover.parameters, { fast: '5:25:5', slow: '30:120:30' });
    const settings = {
      space,
      constraints: ['fast < slow'],
      objectives: [parseObjective('sharpe'), parseObjective('max-drawdown')],
      search: { method: 'grid' as const, seed: 1 },
    };
    const report = await optimize(settings, testEvaluator(syntheticData(1200, 5)));
    const trials = report.search?.trials ?? [];
    // Brute force: a trial is on the front when no other is at least as good on both and better on one.
    const better = (a: (typeof trials)[number], b: (typeof trials)[number]): boolean => {
      const [sa, da] = [a.values[0] ?? -Infinity, -(a.values[1] ?? Infinity)];
      const [sb, db] = [b.values[0] ?? -Infinity, -(b.values[1] ?? Infinity)];
      return sa >= sb && da >= db && (sa > sb || da > db);
    };
    const front = trials.filter((t) => !trials.some((o) => better(o, t))).map((t) => t.id);
    expect(report.search?.paretoFront).toEqual(front);
    expect(front).toContain(report.search?.best?.id);
    for (const t of trials) expect(t.paretoRank === 0).toBe(front.includes(t.id));
    const again = await optimize(settings, testEvaluator(syntheticData(1200, 5)));
    expect(JSON.stringify(again)).toBe(JSON.stringify(report));
  });
});
