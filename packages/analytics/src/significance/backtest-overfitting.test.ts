import { SeededRng } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { seededReturns } from '../testing/seeded-series.js';
import {
  binomial,
  blockSummary,
  probabilityOfBacktestOverfitting,
  sharpeFromSums,
  stackBlockSummaries,
} from './backtest-overfitting.js';

/** CSCV written the plain way: concatenate the raw returns of each half and rank Sharpe ratios. */
function naivePbo(series: Float64Array[], blocks: number): { pbo: number; logits: number[] } {
  const n = (series[0] as Float64Array).length;
  const pieces = series.map((r) =>
    Array.from({ length: blocks }, (_, b) =>
      Array.from(r.slice(Math.floor((b * n) / blocks), Math.floor(((b + 1) * n) / blocks))),
    ),
  );
  const sharpe = (xs: number[]): number => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
    return m / sd;
  };
  const combos: number[][] = [];
  const pick = (start: number, chosen: number[]): void => {
    if (chosen.length === blocks / 2) {
      combos.push([...chosen]);
      return;
    }
    for (let b = start; b < blocks; b++) pick(b + 1, [...chosen, b]);
  };
  pick(0, []);
  const logits: number[] = [];
  for (const combo of combos) {
    const inSample = pieces.map((p) => sharpe(combo.flatMap((b) => p[b] as number[])));
    const outSample = pieces.map((p) =>
      sharpe(
        Array.from({ length: blocks }, (_, b) => b)
          .filter((b) => !combo.includes(b))
          .flatMap((b) => p[b] as number[]),
      ),
    );
    const best = inSample.indexOf(Math.max(...inSample));
    const sorted = [...outSample].sort((a, b) => a - b);
    const rank = sorted.indexOf(outSample[best] as number) + 1; // no ties in continuous noise
    const omega = rank / (series.length + 1);
    logits.push(Math.log(omega / (1 - omega)));
  }
  return { pbo: logits.filter((l) => l <= 0).length / logits.length, logits };
}

function noiseTrials(count: number, n: number, seed: number): Float64Array[] {
  return Array.from({ length: count }, (_, t) => seededReturns(seed * 1000 + t, n, 0, 0.01));
}

const stack = (series: Float64Array[], blocks: number) =>
  stackBlockSummaries(series.map((r) => blockSummary(r, blocks)));

describe('probability of backtest overfitting (CSCV)', () => {
  it('cuts a series into blocks of nearly equal length and sums them', () => {
    const s = blockSummary(Float64Array.of(1, 2, 3, 4, 5, 6, 7), 3);
    // Blocks [0, 2), [2, 4), [4, 7).
    expect(Array.from(s.count)).toEqual([2, 2, 3]);
    expect(Array.from(s.sum)).toEqual([3, 7, 18]);
    expect(Array.from(s.sumSquares)).toEqual([5, 25, 110]);
    expect(() => blockSummary(Float64Array.of(1, 2), 3)).toThrow(/at least 3 returns/);
  });

  it('computes the Sharpe ratio from sums as from the series', () => {
    const r = seededReturns(3, 200);
    const s = blockSummary(r, 1);
    const xs = Array.from(r);
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
    expect(sharpeFromSums(s.count[0] as number, s.sum[0] as number, s.sumSquares[0] as number)).toBeCloseTo(m / sd, 10);
    expect(sharpeFromSums(5, 0, 0)).toBe(0);
    expect(sharpeFromSums(1, 0.1, 0.01)).toBeNaN();
  });

  it('counts C(S, S/2) splits', () => {
    expect(binomial(16, 8)).toBe(12_870);
    expect(binomial(4, 2)).toBe(6);
    const report = probabilityOfBacktestOverfitting(stack(noiseTrials(5, 120, 1), 6));
    expect(report.splits).toBe(20);
  });

  it('agrees with a plain implementation over raw return series', () => {
    for (const [trials, blocks, seed] of [
      [6, 4, 1],
      [10, 8, 2],
      [25, 6, 3],
    ] as const) {
      const series = noiseTrials(trials, 240, seed);
      const fast = probabilityOfBacktestOverfitting(stack(series, blocks));
      const slow = naivePbo(series, blocks);
      expect(fast.pbo).toBeCloseTo(slow.pbo, 12);
      expect(fast.meanLogit).toBeCloseTo(slow.logits.reduce((a, b) => a + b, 0) / slow.logits.length, 10);
      expect(fast.histogram.counts.reduce((a, b) => a + b, 0)).toBe(slow.logits.length);
    }
  });

  it('gives, bit for bit, what measuring every split on its own from the block sums gives', () => {
    // Each split's complement is measured in the same pass; this recomputes every split alone.
    const direct = (series: Float64Array[], blocks: number) => {
      const summaries = series.map((r) => blockSummary(r, blocks));
      const logits: number[] = [];
      const pairs: [number, number][] = [];
      const sharpeOf = (summary: ReturnType<typeof blockSummary>, inside: (b: number) => boolean) => {
        let n = 0;
        let sum = 0;
        let squares = 0;
        for (let b = 0; b < blocks; b++) {
          if (!inside(b)) continue;
          n += summary.count[b] as number;
          sum += summary.sum[b] as number;
          squares += summary.sumSquares[b] as number;
        }
        return sharpeFromSums(n, sum, squares);
      };
      for (let mask = 0; mask < 1 << blocks; mask++) {
        let bits = 0;
        for (let b = 0; b < blocks; b++) bits += (mask >>> b) & 1;
        if (bits !== blocks / 2) continue; // ascending masks: the order Gosper's walk gives
        const inSample = summaries.map((x) => sharpeOf(x, (b) => ((mask >>> b) & 1) === 1));
        const outSample = summaries.map((x) => sharpeOf(x, (b) => ((mask >>> b) & 1) === 0));
        let best = 0;
        for (let t = 1; t < series.length; t++) if ((inSample[t] as number) > (inSample[best] as number)) best = t;
        const chosen = outSample[best] as number;
        const below = outSample.filter((v, t) => t !== best && v < chosen).length;
        const ties = outSample.filter((v, t) => t !== best && v === chosen).length;
        const omega = (1 + below + ties / 2) / (series.length + 1);
        logits.push(Math.log(omega / (1 - omega)));
        pairs.push([inSample[best] as number, chosen]);
      }
      return { logits, pairs };
    };
    for (const [trials, blocks, seed] of [
      [7, 8, 4],
      [30, 10, 5],
    ] as const) {
      const series = noiseTrials(trials, 300, seed);
      series.push(Float64Array.from(series[0] as Float64Array)); // a tie
      const report = probabilityOfBacktestOverfitting(stack(series, blocks));
      const { logits, pairs } = direct(series, blocks);
      expect(report.pbo).toBe(logits.filter((l) => l <= 0).length / logits.length);
      expect(report.meanLogit).toBe(logits.reduce((a, b) => a + b, 0) / logits.length);
      expect(report.probabilityOfLoss).toBe(pairs.filter(([, o]) => o < 0).length / pairs.length);
      const n = pairs.length;
      let mx = 0;
      let my = 0;
      for (const [x, y] of pairs) {
        mx += x / n;
        my += y / n;
      }
      let sxy = 0;
      let sxx = 0;
      for (const [x, y] of pairs) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
      }
      expect(report.degradation.slope).toBe(sxy / sxx);
      expect(report.degradation.intercept).toBe(my - (sxy / sxx) * mx);
    }
  });

  it('finds a PBO near one half for skill-less trials', () => {
    // One data set's PBO varies a lot (its splits share blocks), so average over 40 of them.
    const pbos: number[] = [];
    for (let seed = 1; seed <= 40; seed++) {
      pbos.push(probabilityOfBacktestOverfitting(stack(noiseTrials(40, 800, seed), 10)).pbo);
    }
    const average = pbos.reduce((a, b) => a + b, 0) / pbos.length;
    expect(average).toBeGreaterThan(0.4);
    expect(average).toBeLessThan(0.6);
  });

  it('finds a PBO near zero when one trial truly dominates', () => {
    const series = noiseTrials(30, 800, 9);
    const rng = new SeededRng(77);
    series[17] = Float64Array.from({ length: 800 }, () => 0.004 + 0.01 * rng.nextNormal());
    const report = probabilityOfBacktestOverfitting(stack(series, 10));
    expect(report.pbo).toBeLessThan(0.02);
    expect(report.meanLogit).toBeGreaterThan(2);
    expect(report.probabilityOfLoss).toBeLessThan(0.02);
  });

  it('finds a PBO near one when the in-sample winner is built to lose out of sample', () => {
    // Trial t shines exactly in the blocks where the others are middling: each trial has one
    // lucky half (alternating blocks) and pays it back in the other, so in-sample
    // winners systematically revert.
    const blocks = 4;
    const n = 400;
    const series = Array.from({ length: 6 }, (_, t) => {
      const rng = new SeededRng(100 + t);
      return Float64Array.from({ length: n }, (_, i) => {
        const b = Math.floor((i * blocks) / n);
        const lucky = (b + t) % 2 === 0 ? 1 : -1;
        return 0.002 * lucky * (1 + (t % 3)) + 0.001 * rng.nextNormal();
      });
    });
    const report = probabilityOfBacktestOverfitting(stack(series, blocks));
    expect(report.pbo).toBeGreaterThan(0.6);
  });

  it('reports an undefined PBO for a single trial and refuses odd block counts', () => {
    const one = probabilityOfBacktestOverfitting(stack(noiseTrials(1, 100, 4), 4));
    expect(one.pbo).toBeNaN();
    expect(() => probabilityOfBacktestOverfitting(stack(noiseTrials(3, 100, 4), 5))).toThrow(/even number of blocks/);
  });
});
