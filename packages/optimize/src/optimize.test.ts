import { computeMetrics } from '@alphintra/analytics';
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
    expect(search.diagnostics.deflatedSharpe?.trials).toBe(12);
    expect(search.diagnostics.pbo?.splits).toBe(12_870);
    console.log(JSON.stringify(search.diagnostics.deflatedSharpe), search.diagnostics.pbo?.pbo);
  });
});
