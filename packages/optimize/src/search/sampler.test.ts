import { SeededRng } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { compileConstraint } from '../constraints/constraint.js';
import { type ParameterSpace, parameterKey } from '../space/dimension.js';
import { RandomSampler, sampleDimension } from './sampler.js';

const space: ParameterSpace = {
  dimensions: [
    {
      kind: 'numeric',
      name: 'fast',
      integer: true,
      low: 1,
      high: 10,
      log: false,
      values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    },
    {
      kind: 'numeric',
      name: 'slow',
      integer: true,
      low: 1,
      high: 10,
      log: false,
      values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    },
    { kind: 'choice', name: 'ma', values: ['sma', 'ema'] },
  ],
};
const history = (seen: string[] = []) => ({ evaluated: [], scores: [], seen: new Set(seen) });

describe('random search', () => {
  it('repeats itself for a seed and extends a shorter run', () => {
    const a = new RandomSampler(space, [], new SeededRng(5)).propose(30, history());
    const b = new RandomSampler(space, [], new SeededRng(5));
    const first = b.propose(10, history());
    const rest = b.propose(20, history(first.map((p) => parameterKey(space, p))));
    expect([...first, ...rest]).toEqual(a);
    expect(new RandomSampler(space, [], new SeededRng(6)).propose(30, history())).not.toEqual(a);
  });

  it('never repeats a point and respects constraints until the space is exhausted', () => {
    const constraints = [compileConstraint('fast < slow', space)];
    const points = new RandomSampler(space, constraints, new SeededRng(1)).propose(1000, history());
    // 45 pairs with fast < slow, times two choices.
    expect(points).toHaveLength(90);
    expect(new Set(points.map((p) => parameterKey(space, p))).size).toBe(90);
    expect(points.every((p) => (p.fast as number) < (p.slow as number))).toBe(true);
  });

  it('draws log ranges log-uniformly and rounds integers into range', () => {
    const rng = new SeededRng(2);
    const log = {
      kind: 'numeric',
      name: 'x',
      integer: false,
      low: 0.001,
      high: 1000,
      log: true,
      values: null,
    } as const;
    const xs = Array.from({ length: 20_000 }, () => sampleDimension(log, rng) as number);
    // Six decades, one third in [0.001, 0.1): a uniform draw would put almost none there.
    const share = xs.filter((x) => x < 0.1).length / xs.length;
    expect(share).toBeGreaterThan(0.31);
    expect(share).toBeLessThan(0.356);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0.001);
    expect(Math.max(...xs)).toBeLessThanOrEqual(1000);
    const int = { kind: 'numeric', name: 'n', integer: true, low: 2, high: 5, log: false, values: null } as const;
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 8000; i++) counts[(sampleDimension(int, rng) as number) - 2]++;
    // Every integer of [2, 5] about equally often (2000 each), the ends included.
    for (const c of counts) expect(Math.abs(c - 2000)).toBeLessThan(150);
  });
});
