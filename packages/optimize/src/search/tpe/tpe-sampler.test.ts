import { SeededRng } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { compileConstraint } from '../../constraints/constraint.js';
import { parseObjective } from '../../objectives/objective.js';
import { type ParameterSet, type ParameterSpace, parameterKey } from '../../space/dimension.js';
import { FunctionEvaluator } from '../../testing/function-evaluator.js';
import { prepareSearch, runSearch, type SearchMethod } from '../run-search.js';
import { TpeSampler } from './tpe-sampler.js';

/** A mixed space: two reals, a log-uniform real, a choice and an integer list. */
const space: ParameterSpace = {
  dimensions: [
    { kind: 'numeric', name: 'x', integer: false, low: -5, high: 10, log: false, values: null },
    { kind: 'numeric', name: 'y', integer: false, low: 0, high: 15, log: false, values: null },
    { kind: 'numeric', name: 'k', integer: false, low: 1, high: 1000, log: true, values: null },
    { kind: 'choice', name: 'c', values: ['a', 'b', 'c'] },
    {
      kind: 'numeric',
      name: 'n',
      integer: true,
      low: 1,
      high: 50,
      log: false,
      values: Array.from({ length: 50 }, (_, i) => i + 1),
    },
  ],
};

/** Branin (minimum 0.397887 at three points) plus a bowl in each other dimension: maximise its negative. */
function score(p: ParameterSet): number {
  const x = p.x as number;
  const y = p.y as number;
  const b = 5.1 / (4 * Math.PI ** 2);
  const branin = (y - b * x * x + (5 / Math.PI) * x - 6) ** 2 + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x) + 10;
  return -(branin + (Math.log10(p.k as number) - 1) ** 2 + (p.c === 'b' ? 0 : 1) + (((p.n as number) - 17) / 10) ** 2);
}

async function bestOf(method: SearchMethod, seed: number, trials: number): Promise<number> {
  const prepared = prepareSearch(space, [], { method, seed, trials });
  const run = await runSearch({
    space,
    objectives: [parseObjective('sharpe')],
    prepared,
    window: { warmupStart: 0, start: 0, end: 100 },
    evaluator: new FunctionEvaluator(score),
  });
  return Math.max(...run.trials.map((t) => t.values[0] as number));
}

describe('Tree-structured Parzen Estimator', () => {
  it('beats random search on average on a seeded test function', async () => {
    const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
    const random = await Promise.all(seeds.map((s) => bestOf('random', s, 80)));
    const tpe = await Promise.all(seeds.map((s) => bestOf('bayes', s, 80)));
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(tpe)).toBeGreaterThan(mean(random));
    expect(tpe.filter((v, i) => v > (random[i] as number)).length).toBeGreaterThanOrEqual(13);
  });

  it('is deterministic for a seed and history', () => {
    const history = { evaluated: [] as ParameterSet[], scores: [] as number[][], seen: new Set<string>() };
    const rng = new SeededRng(9);
    for (let i = 0; i < 30; i++) {
      const p = new TpeSampler(space, [], new SeededRng(100 + i)).propose(1, history)[0] as ParameterSet;
      history.evaluated.push(p);
      history.scores.push([score(p) + 0.01 * rng.nextNormal()]);
      history.seen.add(parameterKey(space, p));
    }
    const a = new TpeSampler(space, [], new SeededRng(1)).propose(8, history);
    const b = new TpeSampler(space, [], new SeededRng(1)).propose(8, history);
    expect(a).toEqual(b);
    expect(a).toHaveLength(8);
    // A batch never repeats a point, nor one already seen.
    const keys = a.map((p) => parameterKey(space, p));
    expect(new Set(keys).size).toBe(8);
    expect(keys.some((k) => history.seen.has(k))).toBe(false);
  });

  it('keeps to constraints, integer values and list values', async () => {
    const s: ParameterSpace = {
      dimensions: [
        { kind: 'numeric', name: 'fast', integer: true, low: 2, high: 60, log: false, values: null },
        { kind: 'numeric', name: 'slow', integer: true, low: 10, high: 200, log: true, values: null },
        {
          kind: 'numeric',
          name: 'z',
          integer: false,
          low: 0.1,
          high: 0.5,
          log: false,
          values: [0.1, 0.2, 0.3, 0.4, 0.5],
        },
      ],
    };
    const constraints = [compileConstraint('slow - fast >= 10', s)];
    const run = await runSearch({
      space: s,
      objectives: [parseObjective('sharpe')],
      prepared: prepareSearch(s, constraints, { method: 'bayes', seed: 3, trials: 60 }),
      window: { warmupStart: 0, start: 0, end: 100 },
      evaluator: new FunctionEvaluator(
        (p) => -Math.abs((p.fast as number) - 20) - Math.abs((p.slow as number) - 50) + (p.z as number),
      ),
    });
    expect(run.trials).toHaveLength(60);
    for (const t of run.trials) {
      const { fast, slow, z } = t.parameters as { fast: number; slow: number; z: number };
      expect(Number.isInteger(fast) && Number.isInteger(slow)).toBe(true);
      expect(slow - fast).toBeGreaterThanOrEqual(10);
      expect([0.1, 0.2, 0.3, 0.4, 0.5]).toContain(z);
      expect(fast >= 2 && fast <= 60 && slow >= 10 && slow <= 200).toBe(true);
    }
  });

  it('proposes towards the Pareto front with two objectives', async () => {
    const s: ParameterSpace = {
      dimensions: [{ kind: 'numeric', name: 'x', integer: false, low: 0, high: 10, log: false, values: null }],
    };
    const run = await runSearch({
      space: s,
      objectives: [parseObjective('sharpe'), parseObjective('max-drawdown')],
      prepared: prepareSearch(s, [], { method: 'bayes', seed: 2, trials: 40 }),
      window: { warmupStart: 0, start: 0, end: 100 },
      // Sharpe rises with x up to 5, drawdown rises from x = 3: the front is x in [3, 5].
      evaluator: new FunctionEvaluator(
        (p) => Math.min(p.x as number, 5),
        (p) => Math.max(p.x as number, 3),
      ),
    });
    const late = run.trials.slice(20).map((t) => t.parameters.x as number);
    const onFront = late.filter((x) => x >= 2.5 && x <= 5.5).length;
    // The front is a fifth of the range; the model should put far more than a fifth there.
    expect(onFront / late.length).toBeGreaterThan(0.5);
  });
});
