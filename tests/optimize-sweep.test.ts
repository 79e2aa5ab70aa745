// The sweep evaluator against the engine evaluator on a real strategy and real data: the SMA
// crossover example on ORCL 1995–2014 with 0.1 % fees. Both evaluate the same grid; the sweep's
// outcomes must equal the engine's, restricted to the metrics the sweep carries (trade
// statistics included), bit for bit (toEqual on numbers: no tolerance). Same for a whole
// walk-forward analysis.
import {
  BacktestTrialEvaluator,
  buildSpace,
  GridSampler,
  type OptimizationReport,
  optimize,
  parseObjective,
  parseWalkForward,
  SWEEP_METRICS,
  SweepTrialEvaluator,
  type TrialOutcome,
} from '@alphintra/optimize';
import { describe, expect, it } from 'vitest';
import strategy from '../examples/sma-crossover.js';
import { loadData } from './example-support.js';

const fees = { kind: 'percent', rate: 0.001 } as const;

function restricted(outcome: TrialOutcome | undefined): TrialOutcome {
  const metrics: Record<string, number | null> = {};
  for (const name of SWEEP_METRICS) metrics[name] = outcome?.metrics[name] ?? null;
  return { metrics, blocks: outcome?.blocks ?? null };
}

async function evaluators() {
  const data = await loadData('data/samples/orcl-1995-2014.txt', 'ORCL');
  const setup = { strategy, data: [data], config: { fees } };
  return { sweep: new SweepTrialEvaluator(setup), engine: new BacktestTrialEvaluator(setup) };
}

describe('the sweep evaluator on ORCL', { timeout: 300_000 }, () => {
  it('gives the engine evaluator’s outcomes on a grid, bit for bit', async () => {
    const { sweep, engine } = await evaluators();
    const space = buildSpace(strategy.parameters, { fast: '2:42:8', slow: '20:260:40' });
    const grid = new GridSampler(space, []);
    const sets = grid.propose(grid.size, { evaluated: [], scores: [], seen: new Set() });
    expect(sets).toHaveLength(42);
    for (const window of [
      { warmupStart: 0, start: 0, end: sweep.timeline.length },
      { warmupStart: 1000, start: 2260, end: 4000 },
    ]) {
      const s = await sweep.evaluate({ window, parameterSets: sets });
      const e = await engine.evaluate({ window, parameterSets: sets });
      expect(s).toEqual(e.map(restricted));
      // The trade statistics are there (not null) and are the engine's, bit for bit.
      for (const name of ['trades.winRate', 'trades.profitFactor', 'trades.expectancy', 'trades.totalFees']) {
        expect(s.filter((o) => o?.metrics[name] === null).length, name).toBeLessThan(3);
        expect(
          s.map((o) => o?.metrics[name]),
          name,
        ).toEqual(e.map((o) => o?.metrics[name]));
      }
      // Not vacuous: the runs trade, and the parameters matter.
      expect(Math.min(...s.map((o) => o?.metrics['trades.count'] ?? 0))).toBeGreaterThan(0);
      expect(new Set(s.map((o) => o?.metrics['risk.sharpe'])).size).toBeGreaterThan(30);
    }
  });

  it('gives the same walk-forward analysis as the engine evaluator', async () => {
    const { sweep, engine } = await evaluators();
    const settings = {
      space: buildSpace(strategy.parameters, { fast: '5:45:10', slow: '50:250:50' }),
      constraints: ['fast < slow'],
      objectives: [parseObjective('sharpe'), parseObjective('max-drawdown')],
      search: { method: 'grid' as const, seed: 1 },
      walkForward: parseWalkForward('rolling:train=6y,test=3y,warmup=250'),
    };
    const a = await optimize(settings, sweep);
    const b = await optimize(settings, engine);
    // Trial records keep the headline metrics, win rate and profit factor included: all equal.
    expect(a).toEqual(b);
    const records = (r: OptimizationReport) => r.walkForward?.folds.flatMap((f) => f.search.trials) ?? [];
    expect(
      records(a).filter((t) => t.metrics.winRate !== null && t.metrics.profitFactor !== null).length,
    ).toBeGreaterThan(records(a).length / 2);
    expect(a.walkForward?.folds.length).toBeGreaterThanOrEqual(4);
    expect(a.walkForward?.stitched?.metrics.risk.sharpe).toBe(b.walkForward?.stitched?.metrics.risk.sharpe);
    // Each fold's best trial and test run went to the engine; every search trial was swept.
    const trials = a.walkForward?.folds.reduce((n, f) => n + f.search.evaluated, 0) ?? 0;
    expect(sweep.swept).toBe(trials);
    expect(sweep.delegated).toBe(2 * (a.walkForward?.folds.length ?? 0));
  });
});
