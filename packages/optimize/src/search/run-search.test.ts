import { describe, expect, it } from 'vitest';
import type { EvaluationBatch, EvaluationControl, TrialEvaluator, TrialOutcome } from '../evaluate/trial-evaluator.js';
import { parseObjective } from '../objectives/objective.js';
import { type ParameterSet, type ParameterSpace, parameterKey } from '../space/dimension.js';
import { FunctionEvaluator } from '../testing/function-evaluator.js';
import { prepareSearch, runSearch, type SearchMethod } from './run-search.js';

const space: ParameterSpace = {
  dimensions: [
    { kind: 'numeric', name: 'a', integer: true, low: 0, high: 30, log: false, values: null },
    { kind: 'numeric', name: 'b', integer: false, low: 0, high: 1, log: false, values: null },
  ],
};
const f = (p: ParameterSet): number => -(((p.a as number) - 12) ** 2) - 10 * ((p.b as number) - 0.3) ** 2;
const window = { warmupStart: 0, start: 0, end: 100 };
const objectives = [parseObjective('sharpe')];

/** Answers from a cache where it can (as a resumed run does from its journal), else evaluates. */
class CachingEvaluator implements TrialEvaluator {
  readonly timeline: Float64Array;
  readonly blocks: number;
  readonly cache: Map<string, TrialOutcome>;
  readonly inner: TrialEvaluator;
  fresh = 0;
  constructor(inner: TrialEvaluator, cache: Map<string, TrialOutcome>) {
    this.inner = inner;
    this.cache = cache;
    this.timeline = inner.timeline;
    this.blocks = inner.blocks;
  }
  async evaluate(batch: EvaluationBatch, control: EvaluationControl = {}): Promise<(TrialOutcome | undefined)[]> {
    const out: (TrialOutcome | undefined)[] = [];
    for (const p of batch.parameterSets) {
      const key = parameterKey(space, p);
      const hit = this.cache.get(key);
      if (hit !== undefined) {
        out.push(hit);
        continue;
      }
      const [outcome] = await this.inner.evaluate({ ...batch, parameterSets: [p] }, control);
      if (outcome !== undefined) {
        this.fresh++;
        this.cache.set(key, outcome);
      }
      out.push(outcome);
    }
    return out;
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

async function search(method: SearchMethod, evaluator: TrialEvaluator, stop?: { aborted: boolean }, trials = 40) {
  return runSearch({
    space,
    objectives,
    prepared: prepareSearch(space, [], { method, seed: 4, trials }),
    window,
    evaluator,
    ...(stop === undefined ? {} : { control: { stop } }),
  });
}

describe('running a search', () => {
  it('numbers trials in proposal order and scores them', async () => {
    const run = await search('random', new FunctionEvaluator(f));
    expect(run.complete).toBe(true);
    expect(run.trials.map((t) => t.id)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    for (const t of run.trials) expect(t.values[0]).toBe(f(t.parameters));
  });

  it('stops between trials and, resumed from what finished, ends exactly as an uninterrupted run', async () => {
    for (const method of ['random', 'bayes'] as const) {
      const whole = await search(method, new FunctionEvaluator(f));
      const stop = { aborted: false };
      const cache = new Map<string, TrialOutcome>();
      const counting = new FunctionEvaluator((p) => {
        if (counting.calls === 13) stop.aborted = true;
        return f(p);
      });
      const first = await search(method, new CachingEvaluator(counting, cache), stop);
      expect(first.complete).toBe(false);
      expect(first.trials).toHaveLength(13);
      const resumed = new CachingEvaluator(new FunctionEvaluator(f), cache);
      const second = await search(method, resumed);
      expect(second.complete).toBe(true);
      expect(resumed.fresh).toBe(27);
      expect(second.trials).toEqual(whole.trials);
    }
  });

  it('stops when a small space is exhausted', async () => {
    const small: ParameterSpace = {
      dimensions: [{ kind: 'numeric', name: 'a', integer: true, low: 1, high: 3, log: false, values: [1, 2, 3] }],
    };
    const run = await runSearch({
      space: small,
      objectives,
      prepared: prepareSearch(small, [], { method: 'bayes', seed: 1, trials: 50 }),
      window,
      evaluator: new FunctionEvaluator((p) => p.a as number),
    });
    expect(run.trials.map((t) => t.parameters.a).sort()).toEqual([1, 2, 3]);
    expect(run.complete).toBe(true);
  });

  it('checks the settings before any run', () => {
    expect(() => prepareSearch(space, [], { method: 'random', seed: 1, trials: 0 })).toThrow(
      /positive integer number of trials/,
    );
    expect(() => prepareSearch(space, [], { method: 'bayes', seed: 1, batchSize: 0 })).toThrow(/batch size/);
    expect(() => prepareSearch(space, [], { method: 'grid', seed: 1 })).toThrow(/grid search needs a step for a/);
    const grid: ParameterSpace = {
      dimensions: [{ kind: 'numeric', name: 'a', integer: true, low: 1, high: 3, log: false, values: [1, 2, 3] }],
    };
    expect(() => prepareSearch(grid, [], { method: 'grid', seed: 1, trials: 2 })).toThrow(
      'the grid has 3 points but --trials is 2: drop --trials, or use --method random or bayes',
    );
    expect(prepareSearch(grid, [], { method: 'grid', seed: 1 }).planned).toBe(3);
    expect(prepareSearch(space, [], { method: 'bayes', seed: 1 })).toMatchObject({ planned: 100, batchSize: 8 });
  });
});
