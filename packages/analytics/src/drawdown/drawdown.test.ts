import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equityFromReturns } from '../inputs.js';
import { seededReturns } from '../testing/seeded-series.js';
import { drawdownEpisodes, drawdownFigures, underwaterCurve } from './drawdown.js';

const indexTime = (n: number): Float64Array => Float64Array.from({ length: n }, (_, i) => i * 10);

/** The deepest fall from any earlier high to any later low, by brute force over all pairs. */
function naiveMaxDrawdown(equity: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < equity.length; i++) {
    for (let j = i + 1; j < equity.length; j++) {
      worst = Math.max(worst, 1 - (equity[j] as number) / (equity[i] as number));
    }
  }
  return worst;
}

describe('drawdowns', () => {
  it('match a hand-computed curve with one recovered and one open episode', () => {
    // 100 110 99 108.9 119.79 | 95 100: a 10 % fall from 110 recovered at index 4, then a
    // fall from 119.79 to 95 (20.69 %) still open at the end.
    const equity = Float64Array.of(100, 110, 99, 108.9, 119.79, 95, 100);
    const episodes = drawdownEpisodes({ time: indexTime(7), equity });
    expect(episodes).toHaveLength(2);
    expect(episodes[0]).toMatchObject({ peakIndex: 1, troughIndex: 2, recoveryIndex: 4, durationBars: 3 });
    expect(episodes[0]?.depth).toBeCloseTo(0.1, 12);
    expect(episodes[1]).toMatchObject({ peakIndex: 4, troughIndex: 5, recoveryIndex: -1, durationBars: 2 });
    expect(episodes[1]?.recoveryTime).toBeNaN();
    const figures = drawdownFigures({ time: indexTime(7), equity });
    expect(figures.maxDrawdown).toBeCloseTo(1 - 95 / 119.79, 12);
    expect(figures.worst?.peakTime).toBe(40);
    expect(figures.averageDrawdown).toBeCloseTo((0.1 + (1 - 95 / 119.79)) / 2, 12);
    expect(figures.averageDurationBars).toBe(2.5);
    expect(figures.longestDurationMicros).toBe(30);
    expect(figures.currentDrawdown).toBeCloseTo(1 - 100 / 119.79, 12);
  });

  it('compute the underwater curve and the Ulcer index by hand', () => {
    // Underwater of 100 110 99 108.9 119.79: 0, 0, −0.1, −0.01, 0 → Ulcer √(0.0101 / 5).
    const equity = Float64Array.of(100, 110, 99, 108.9, 119.79);
    const underwater = Array.from(underwaterCurve(equity));
    expect(underwater.map((x) => Number(x.toFixed(12)))).toEqual([0, 0, -0.1, -0.01, 0]);
    expect(drawdownFigures({ time: indexTime(5), equity }).ulcerIndex).toBeCloseTo(Math.sqrt(0.0101 / 5), 12);
  });

  it('are zero for a curve that never falls, and for a single bar', () => {
    const rising = drawdownFigures({ time: indexTime(3), equity: Float64Array.of(1, 1, 2) });
    expect(rising).toMatchObject({ maxDrawdown: 0, worst: null, episodes: 0, averageDrawdown: 0, ulcerIndex: 0 });
    expect(drawdownFigures({ time: indexTime(1), equity: Float64Array.of(7) }).maxDrawdown).toBe(0);
  });

  it('find the same maximum as a brute-force search over all pairs on seeded curves', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const equity = equityFromReturns(seededReturns(seed, 300, 0, 0.02), 100);
      const figures = drawdownFigures({ time: indexTime(equity.length), equity });
      expect(figures.maxDrawdown).toBeCloseTo(naiveMaxDrawdown(equity), 12);
      expect(-Math.min(...underwaterCurve(equity))).toBeCloseTo(figures.maxDrawdown, 12);
    }
  });

  it('stay in [0, 1) with a trough after its peak and a recovery after its trough', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1000, noNaN: true }), { minLength: 1, maxLength: 300, size: 'max' }),
        (xs) => {
          const equity = Float64Array.from(xs);
          const figures = drawdownFigures({ time: indexTime(xs.length), equity });
          const ordered = drawdownEpisodes({ time: indexTime(xs.length), equity }).every(
            (e) => e.peakIndex < e.troughIndex && (e.recoveryIndex === -1 || e.recoveryIndex > e.troughIndex),
          );
          return figures.maxDrawdown >= 0 && figures.maxDrawdown < 1 && ordered;
        },
      ),
    );
  });
});
