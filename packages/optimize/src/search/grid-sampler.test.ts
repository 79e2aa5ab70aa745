import { describe, expect, it } from 'vitest';
import { compileConstraint } from '../constraints/constraint.js';
import type { ParameterSpace } from '../space/dimension.js';
import { GridSampler } from './grid-sampler.js';

const space: ParameterSpace = {
  dimensions: [
    { kind: 'numeric', name: 'fast', integer: true, low: 5, high: 15, log: false, values: [5, 10, 15] },
    { kind: 'fixed', name: 'size', value: 'full' },
    { kind: 'numeric', name: 'slow', integer: true, low: 10, high: 20, log: false, values: [10, 20] },
  ],
};
const empty = { evaluated: [], scores: [], seen: new Set<string>() };

describe('grid search', () => {
  it('walks every combination with the first parameter slowest', () => {
    const grid = new GridSampler(space, []);
    expect(grid.size).toBe(6);
    expect(grid.propose(100, empty).map((p) => [p.fast, p.slow])).toEqual([
      [5, 10],
      [5, 20],
      [10, 10],
      [10, 20],
      [15, 10],
      [15, 20],
    ]);
    expect(grid.propose(10, empty)).toEqual([]);
  });

  it('skips points that break a constraint, in batches', () => {
    const grid = new GridSampler(space, [compileConstraint('fast < slow', space)]);
    expect(grid.size).toBe(4);
    expect(grid.propose(3, empty).map((p) => [p.fast, p.slow])).toEqual([
      [5, 10],
      [5, 20],
      [10, 20],
    ]);
    expect(grid.propose(3, empty).map((p) => [p.fast, p.slow])).toEqual([[15, 20]]);
    expect(grid.propose(3, empty)[0]?.size).toBeUndefined();
  });

  it('carries fixed parameters and refuses continuous ranges', () => {
    expect(new GridSampler(space, []).propose(1, empty)[0]).toEqual({ fast: 5, size: 'full', slow: 10 });
    const continuous: ParameterSpace = {
      dimensions: [{ kind: 'numeric', name: 'x', integer: false, low: 0, high: 1, log: false, values: null }],
    };
    expect(() => new GridSampler(continuous, [])).toThrow(
      /grid search needs a step for x: give low:high:step \(e\.g\. 0:1:0\.1\)/,
    );
  });

  it('refuses grids too large to walk', () => {
    const values = Array.from({ length: 3000 }, (_, i) => i);
    const huge: ParameterSpace = {
      dimensions: [
        { kind: 'numeric', name: 'a', integer: true, low: 0, high: 2999, log: false, values },
        { kind: 'numeric', name: 'b', integer: true, low: 0, high: 2999, log: false, values },
      ],
    };
    expect(() => new GridSampler(huge, [])).toThrow(/9,000,000 points; the limit is 5,000,000/);
  });
});
