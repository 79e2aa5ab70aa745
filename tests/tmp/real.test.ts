import { it } from 'vitest';
import { BacktestTrialEvaluator, buildSpace, compileConstraint, parseObjective, prepareSearch, runSearch } from '@alphintra/optimize';
import { loadData } from '../example-support.js';
import strategy from '../../examples/sma-crossover.js';

it('real', async () => {
  const data = await loadData('data/samples/orcl-1995-2014.txt', 'ORCL');
  const evaluator = new BacktestTrialEvaluator({ strategy, data: [data], config: { fees: { kind: 'percent', rate: 0.001 } } });
  const space = buildSpace(strategy.parameters, { fast: '2:100', slow: '10:300' });
  const constraints = [compileConstraint('fast < slow', space)];
  const objectives = [parseObjective('sharpe')];
  const budget = Number(process.env.N ?? 40);
  const res: Record<string, number[]> = { random: [], bayes: [] };
  for (let seed = 1; seed <= 10; seed++) {
    for (const method of ['random', 'bayes'] as const) {
      const prepared = prepareSearch(space, constraints, { method, seed, trials: budget });
      const run = await runSearch({ space, objectives, prepared, window: { warmupStart: 0, start: 0, end: evaluator.timeline.length }, evaluator });
      res[method]!.push(Math.max(...run.trials.map((t) => t.values[0] ?? -9)));
    }
  }
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(budget, 'random', avg(res.random!).toFixed(4), 'bayes', avg(res.bayes!).toFixed(4), 'wins', res.bayes!.filter((v, i) => v > res.random![i]!).length, res.random!.map(x=>x.toFixed(3)).join(' '), '|', res.bayes!.map(x=>x.toFixed(3)).join(' '));
});
