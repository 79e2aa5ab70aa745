import type { SensitivityAxis, SensitivityMap, SensitivityProfile } from '@alphintra/optimize';
import { describe, expect, it } from 'vitest';
import { cellOf, chosenMaps, importance, MAX_MAPS } from './sensitivity-section.js';

const axis = (parameter: string): SensitivityAxis => ({ parameter, labels: [1, 2], edges: null });
const profile = (parameter: string, mean: (number | null)[]): SensitivityProfile => ({
  x: axis(parameter),
  cells: { mean, best: mean, atBest: mean, count: mean.map(() => 1) },
});
const map = (x: string, y: string): SensitivityMap => ({
  x: axis(x),
  y: axis(y),
  cells: { mean: [[0]], best: [[0]], atBest: [[0]], count: [[1]] },
});

describe('the sensitivity section', () => {
  it('finds the cell of a listed value and of a binned one', () => {
    expect(cellOf({ parameter: 'p', labels: ['sma', 'ema'], edges: null }, 'ema')).toBe(1);
    expect(cellOf({ parameter: 'p', labels: [1, 2], edges: null }, 3)).toBe(-1);
    const binned = { parameter: 'p', labels: [0.5, 1.5, 2.5], edges: [0, 1, 2, 3] };
    expect(cellOf(binned, 0)).toBe(0);
    expect(cellOf(binned, 1)).toBe(1);
    expect(cellOf(binned, 2.99)).toBe(2);
    expect(cellOf(binned, 3)).toBe(2);
    expect(cellOf(binned, undefined)).toBe(-1);
  });

  it('draws every map up to the limit, beyond it only the two most important parameters’ map', () => {
    // Four parameters give six maps: all drawn.
    const four = ['a', 'b', 'c', 'd'];
    const fourMaps = four.flatMap((x, i) => four.slice(i + 1).map((y) => map(x, y)));
    expect(fourMaps).toHaveLength(MAX_MAPS);
    expect(chosenMaps([], fourMaps)).toHaveLength(MAX_MAPS);
    // Five give ten: only the pair whose mean objective moves most.
    const five = [...four, 'e'];
    const fiveMaps = five.flatMap((x, i) => five.slice(i + 1).map((y) => map(x, y)));
    const profiles = [
      profile('a', [0, 0.1]),
      profile('b', [0, 2]),
      profile('c', [null, 0.5]),
      profile('d', [1, -1]),
      profile('e', [0, 0]),
    ];
    expect(importance(profiles[3] as SensitivityProfile)).toBe(2);
    expect(importance(profiles[2] as SensitivityProfile)).toBe(0);
    expect(chosenMaps(profiles, fiveMaps).map((m) => [m.x.parameter, m.y.parameter])).toEqual([['b', 'd']]);
  });
});
