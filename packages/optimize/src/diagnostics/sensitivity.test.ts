import { describe, expect, it } from 'vitest';
import { parseObjective } from '../objectives/objective.js';
import type { ParameterSpace } from '../space/dimension.js';
import { sensitivityReport } from './sensitivity.js';

const space: ParameterSpace = {
  dimensions: [
    { kind: 'numeric', name: 'a', integer: true, low: 1, high: 2, log: false, values: [1, 2] },
    { kind: 'choice', name: 'm', values: ['x', 'y'] },
    { kind: 'numeric', name: 'b', integer: true, low: 10, high: 30, log: false, values: [10, 20, 30] },
    { kind: 'fixed', name: 'f', value: 7 },
  ],
};

/** Every grid point with value a · 100 + b + (m = y ? 1000 : 0). */
const trials = [1, 2].flatMap((a) =>
  ['x', 'y'].flatMap((m) =>
    [10, 20, 30].map((b) => ({ parameters: { a, m, b, f: 7 }, value: a * 100 + b + (m === 'y' ? 1000 : 0) })),
  ),
);

describe('sensitivity maps', () => {
  const report = sensitivityReport(space, parseObjective('sharpe'), trials, { a: 2, m: 'y', b: 30, f: 7 });

  it('profiles each searched parameter: mean over the others, best, and at the best set', () => {
    expect(report.profiles.map((p) => p.x.parameter)).toEqual(['a', 'm', 'b']);
    const a = report.profiles[0];
    // a = 1: mean of 100 + {10, 20, 30} + {0, 1000} = 120 + 500 = 620; a = 2: 720.
    expect(a?.cells.mean).toEqual([620, 720]);
    expect(a?.cells.best).toEqual([1130, 1230]);
    expect(a?.cells.atBest).toEqual([1130, 1230]);
    expect(a?.cells.count).toEqual([6, 6]);
  });

  it('maps each pair as rows of the second parameter and columns of the first', () => {
    expect(report.maps.map((m) => `${m.x.parameter}×${m.y.parameter}`)).toEqual(['a×m', 'a×b', 'm×b']);
    const ab = report.maps[1];
    expect(ab?.x.labels).toEqual([1, 2]);
    expect(ab?.y.labels).toEqual([10, 20, 30]);
    // Cell (a = 1, b = 10): mean of 110 and 1110.
    expect(ab?.cells.mean).toEqual([
      [610, 710],
      [620, 720],
      [630, 730],
    ]);
    expect(ab?.cells.atBest).toEqual([
      [1110, 1210],
      [1120, 1220],
      [1130, 1230],
    ]);
    expect(ab?.cells.count.flat()).toEqual([2, 2, 2, 2, 2, 2]);
  });

  it('bins wide and continuous ranges, and takes the best as the smallest when minimising', () => {
    const wide: ParameterSpace = {
      dimensions: [{ kind: 'numeric', name: 'x', integer: false, low: 1, high: 1000, log: true, values: null }],
    };
    const r = sensitivityReport(
      wide,
      parseObjective('max-drawdown'),
      [
        { parameters: { x: 1.5 }, value: 0.3 },
        { parameters: { x: 1.9 }, value: 0.1 },
        { parameters: { x: 999 }, value: 0.2 },
        { parameters: { x: 500 }, value: null },
      ],
      { x: 1.9 },
    );
    const p = r.profiles[0];
    expect(p?.x.edges?.[0]).toBe(1);
    expect(p?.x.edges?.[10]).toBe(1000);
    // Log bins of 0.3 decades: 1.5 and 1.9 both fall in [1, 1.995).
    expect(p?.cells.count[0]).toBe(2);
    expect(p?.cells.mean[0]).toBeCloseTo(0.2, 12);
    expect(p?.cells.best[0]).toBe(0.1);
    expect(p?.cells.count[9]).toBe(1);
    expect(r.maps).toEqual([]);
  });
});
