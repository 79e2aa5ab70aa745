import { SeededRng } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { dominates, paretoRanking, rankOrder } from './pareto.js';

/** Fronts by repeated peeling: the plain definition, O(N³). */
function peel(points: number[][]): number[] {
  const rank = new Array<number>(points.length).fill(-1);
  let level = 0;
  let left = points.map((_, i) => i);
  while (left.length > 0) {
    const front = left.filter((i) => !left.some((j) => j !== i && dominates(points[j]!, points[i]!)));
    for (const i of front) rank[i] = level;
    left = left.filter((i) => !front.includes(i));
    level++;
  }
  return rank;
}

describe('Pareto ranking', () => {
  it('finds fronts by hand', () => {
    const points = [
      [1, 0],
      [0, 1],
      [0.5, 0.5],
      [0, 0],
      [0.4, 0.4],
      [0.5, 0.5],
    ];
    expect(Array.from(paretoRanking(points).rank)).toEqual([0, 0, 0, 2, 1, 0]);
    expect(dominates([1, 1], [1, 0])).toBe(true);
    expect(dominates([1, 1], [1, 1])).toBe(false);
  });

  it('agrees with peeling fronts off one by one on random points', () => {
    const rng = new SeededRng(3);
    for (let round = 0; round < 20; round++) {
      const points = Array.from({ length: 40 }, () => [rng.nextInt(6), rng.nextInt(6), rng.nextInt(6)]);
      expect(Array.from(paretoRanking(points).rank)).toEqual(peel(points));
    }
  });

  it('gives the extremes of a front infinite crowding and the inner points their neighbour gaps', () => {
    // Front on x + y = 4: sorted by x, neighbours of (1, 3) are (0, 4) and (2, 2):
    // gaps 2/4 on x and 2/4 on y → 1.
    const { crowding } = paretoRanking([
      [0, 4],
      [1, 3],
      [2, 2],
      [4, 0],
    ]);
    expect(crowding[0]).toBe(Number.POSITIVE_INFINITY);
    expect(crowding[1]).toBeCloseTo(1, 12);
    expect(crowding[2]).toBeCloseTo(1.5, 12);
    expect(crowding[3]).toBe(Number.POSITIVE_INFINITY);
  });

  it('orders one objective by score with ties to the earlier point, several by front then crowding', () => {
    expect(rankOrder([[1], [3], [3], [Number.NEGATIVE_INFINITY], [2]])).toEqual([1, 2, 4, 0, 3]);
    const order = rankOrder([
      [0, 0],
      [0, 4],
      [1, 3],
      [2, 2],
      [4, 0],
    ]);
    expect(order[order.length - 1]).toBe(0);
    expect(order.slice(0, 2)).toEqual([4, 1]);
  });
});
