// Bayesian search (TPE) against random search on a real strategy and real data: SMA crossover
// on ORCL 1995–2014 with 0.1 % fees, maximising the Sharpe ratio over fast 2…100 and slow
// 10…300 (fast < slow), 60 trials per search, ten seeds each.
import {
  BacktestTrialEvaluator,
  buildSpace,
  compileConstraint,
  parseObjective,
  prepareSearch,
  runSearch,
} from '@alphintra/optimize';
import { describe, expect, it } from 'vitest';
import strategy from '../examples/sma-crossover.js';
import { loadData } from './example-support.js';

// 1,200 backtests: generous on a busy shared machine.
describe('TPE on a real strategy', { timeout: 300_000 }, () => {
  it('finds a better Sharpe ratio than random search on average', async () => {
    const data = await loadData('data/samples/orcl-1995-2014.txt', 'ORCL');
    const evaluator = new BacktestTrialEvaluator({
      strategy,
      data: [data],
      config: { fees: { kind: 'percent', rate: 0.001 } },
    });
    const space = buildSpace(strategy.parameters, { fast: '2:100', slow: '10:300' });
    const constraints = [compileConstraint('fast < slow', space)];
    const objectives = [parseObjective('sharpe')];
    const window = { warmupStart: 0, start: 0, end: evaluator.timeline.length };
    const best = async (method: 'random' | 'bayes', seed: number): Promise<number> => {
      const prepared = prepareSearch(space, constraints, { method, seed, trials: 60 });
      const run = await runSearch({ space, objectives, prepared, window, evaluator });
      return Math.max(...run.trials.map((t) => t.values[0] ?? Number.NEGATIVE_INFINITY));
    };
    const random: number[] = [];
    const tpe: number[] = [];
    for (let seed = 1; seed <= 10; seed++) {
      random.push(await best('random', seed));
      tpe.push(await best('bayes', seed));
    }
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(tpe)).toBeGreaterThan(mean(random));
    expect(tpe.filter((v, i) => v > (random[i] as number)).length).toBeGreaterThanOrEqual(7);
  });
});
