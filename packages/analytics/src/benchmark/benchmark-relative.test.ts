import { SeededRng } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { seededReturns } from '../testing/seeded-series.js';
import { benchmarkFigures } from './benchmark-relative.js';

describe('benchmark-relative figures', () => {
  it('recover an exact linear relation r = 2b + 0.001', () => {
    const b = seededReturns(1, 400);
    const r = b.map((x) => 2 * x + 0.001);
    const figures = benchmarkFigures(r, b, 252, 0);
    expect(figures.beta).toBeCloseTo(2, 12);
    expect(figures.alpha).toBeCloseTo(0.001 * 252, 10);
    expect(figures.correlation).toBeCloseTo(1, 12);
    // Active return b + 0.001: its std is the benchmark's.
    const xs = Array.from(b);
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
    expect(figures.trackingError).toBeCloseTo(sd * Math.sqrt(252), 12);
    expect(figures.informationRatio).toBeCloseTo(((m + 0.001) / sd) * Math.sqrt(252), 9);
    expect(figures.treynor).toBeCloseTo(((2 * m + 0.001) * 252) / 2, 10);
  });

  it('equals a least-squares regression and naive capture ratios on seeded noise', () => {
    const rng = new SeededRng(9);
    for (let trial = 0; trial < 10; trial++) {
      const b = seededReturns(trial + 20, 300);
      const r = b.map((x) => 0.7 * x + 0.005 * rng.nextNormal());
      let sx = 0;
      let sy = 0;
      let sxy = 0;
      let sxx = 0;
      const n = b.length;
      for (let i = 0; i < n; i++) {
        sx += b[i]!;
        sy += r[i]!;
        sxy += b[i]! * r[i]!;
        sxx += b[i]! * b[i]!;
      }
      const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
      const intercept = (sy - slope * sx) / n;
      const up = Array.from(b.keys()).filter((i) => b[i]! > 0);
      const down = Array.from(b.keys()).filter((i) => b[i]! < 0);
      const avg = (idx: number[], xs: Float64Array): number => idx.reduce((s, i) => s + xs[i]!, 0) / idx.length;
      const figures = benchmarkFigures(r, b, 252, 0);
      expect(figures.beta).toBeCloseTo(slope, 10);
      expect(figures.alpha).toBeCloseTo(intercept * 252, 9);
      expect(figures.upCapture).toBeCloseTo(avg(up, r) / avg(up, b), 10);
      expect(figures.downCapture).toBeCloseTo(avg(down, r) / avg(down, b), 10);
    }
  });

  it('leaves beta, Treynor and correlation undefined against a flat benchmark', () => {
    const figures = benchmarkFigures(seededReturns(2, 50), new Float64Array(50), 252, 0);
    expect(figures.beta).toBeNaN();
    expect(figures.treynor).toBeNaN();
    expect(figures.correlation).toBeNaN();
    expect(figures.upCapture).toBeNaN();
    expect(figures.benchmarkTotalReturn).toBe(0);
  });
});
