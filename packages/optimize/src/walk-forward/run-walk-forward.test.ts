import { BarSeries, SeededRng } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import type { BarData } from '../evaluate/bar-data.js';
import { parseObjective } from '../objectives/objective.js';
import { type OptimizationReport, optimize } from '../optimize.js';
import { buildSpace } from '../space/build-space.js';
import { smaCrossover, syntheticData, testEvaluator } from '../testing/fixtures.js';
import type { WalkForwardReport } from './run-walk-forward.js';
import { parseWalkForward } from './walk-forward-plan.js';

const space = buildSpace(smaCrossover.parameters, { fast: '5:20:5', slow: '30:90:30' });
const settings = {
  space,
  constraints: ['fast < slow'],
  objectives: [parseObjective('sharpe'), parseObjective('max-drawdown')],
  search: { method: 'grid' as const, seed: 1 },
  walkForward: parseWalkForward('rolling:train=400,test=200'),
};

async function walk(data: BarData): Promise<WalkForwardReport> {
  const report: OptimizationReport = await optimize(settings, testEvaluator(data));
  return report.walkForward as WalkForwardReport;
}

describe('walk-forward runs', () => {
  it('chooses each fold in sample, carries the capital and stitches the test curves', async () => {
    const data = syntheticData(1300, 21);
    const wf = await walk(data);
    expect(wf.folds).toHaveLength(5);
    expect(wf.complete).toBe(true);
    const time = data.series.time;
    for (const [k, fold] of wf.folds.entries()) {
      // The chosen set is the in-sample best by Sharpe (drawdown breaks ties).
      const sharpes = fold.search.trials.map((t) => t.values[0] ?? Number.NEGATIVE_INFINITY);
      const best = fold.search.trials.find((t) => t.id === fold.search.best?.id);
      expect(best?.values[0]).toBe(Math.max(...sharpes));
      expect(fold.chosen).toEqual(best?.parameters);
      expect(fold.test.start).toBe(time[400 + 200 * k]);
      // Capital carried: each test run starts with the equity the previous one ended with.
      if (k > 0) expect(fold.outOfSample?.startEquity).toBe(wf.folds[k - 1]?.outOfSample?.endEquity);
    }
    expect(wf.folds[0]?.outOfSample?.startEquity).toBe(100_000);
    const stitched = wf.stitched;
    // One starting row (bar 399) and then every test bar once: 1 + 5 × 200 − 100 (the last fold is partial).
    expect(stitched?.time).toHaveLength(1 + 4 * 200 + 100);
    expect(stitched?.time[0]).toBe(time[399]);
    expect(new Set(stitched?.time).size).toBe(stitched?.time.length);
    expect(stitched?.equity.at(-1)).toBe(wf.folds.at(-1)?.outOfSample?.endEquity);
    // The stitched return compounds the folds' returns.
    const compounded = wf.folds.reduce(
      (g, f) => g * ((f.outOfSample?.endEquity ?? 0) / (f.outOfSample?.startEquity ?? 1)),
      1,
    );
    expect(stitched?.metrics.returns.totalReturn).toBeCloseTo(compounded - 1, 12);
  });

  it('reports efficiency and stability as defined', async () => {
    const wf = await walk(syntheticData(1300, 21));
    for (const fold of wf.folds) {
      const is = fold.inSample?.annualisedReturn ?? null;
      const oos = fold.outOfSample?.annualisedReturn ?? null;
      expect(fold.efficiency?.return).toBe(is !== null && oos !== null && is > 0 ? oos / is : null);
    }
    const isReturns = wf.folds.map((f) => f.inSample?.annualisedReturn as number);
    const meanIs = isReturns.reduce((a, b) => a + b, 0) / isReturns.length;
    const stitchedReturn = wf.stitched?.metrics.returns.annualisedReturn as number;
    expect(wf.efficiency?.return).toBe(meanIs > 0 ? stitchedReturn / meanIs : null);
    const meanOf = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const sharpeIs = meanOf(wf.folds.map((f) => f.inSample?.values[0] as number));
    const sharpeOos = meanOf(wf.folds.map((f) => f.outOfSample?.values[0] as number));
    expect(wf.efficiency?.objectives[0]).toBe(sharpeIs > 0 ? sharpeOos / sharpeIs : null);

    const fasts = wf.folds.map((f) => f.chosen?.fast as number);
    const fast = wf.stability?.parameters.find((p) => p.parameter === 'fast');
    expect(fast?.values).toEqual(fasts);
    const m = meanOf(fasts);
    const std = Math.sqrt(meanOf(fasts.map((x) => (x - m) ** 2)));
    expect(fast?.mean).toBeCloseTo(m, 12);
    expect(fast?.std).toBeCloseTo(std, 12);
    expect(fast?.rangeDispersion).toBeCloseTo(std / 15, 12);
    let changes = 0;
    for (let k = 1; k < wf.folds.length; k++)
      if (JSON.stringify(wf.folds[k]?.chosen) !== JSON.stringify(wf.folds[k - 1]?.chosen)) changes++;
    expect(wf.stability?.setChanges).toBe(changes);
    expect(wf.stability?.setChangeRate).toBe(changes / 4);
  });

  it('never lets test data influence a choice: perturbing later bars leaves earlier folds unchanged', async () => {
    const data = syntheticData(1300, 21);
    const base = await walk(data);
    // Scramble every bar from 600 on (fold 1's test window onward) with new random prices.
    const c = data.series.columns();
    const rng = new SeededRng(99);
    const close = Float64Array.from(c.close);
    const open = Float64Array.from(c.open);
    const high = Float64Array.from(c.high);
    const low = Float64Array.from(c.low);
    for (let i = 600; i < close.length; i++) {
      const factor = Math.exp(0.3 * rng.nextNormal());
      open[i] = (open[i] as number) * factor;
      close[i] = (close[i] as number) * factor;
      high[i] = Math.max(open[i] as number, close[i] as number, (high[i] as number) * factor);
      low[i] = Math.min(open[i] as number, close[i] as number, (low[i] as number) * factor);
    }
    const perturbed: BarData = {
      ...data,
      series: BarSeries.fromColumns({ ...c, open, high, low, close }, data.series.meta),
      hash: 'perturbed',
    };
    const other = await walk(perturbed);
    // Folds 0 and 1 train on bars before 600: same trials, same choice.
    for (const k of [0, 1]) {
      expect(other.folds[k]?.search.trials).toEqual(base.folds[k]?.search.trials);
      expect(other.folds[k]?.chosen).toEqual(base.folds[k]?.chosen);
    }
    // Fold 0's test window ends before bar 600 too, so its test run is unchanged; fold 1's is not.
    expect(other.folds[0]?.outOfSample).toEqual(base.folds[0]?.outOfSample);
    expect(other.folds[1]?.outOfSample).not.toEqual(base.folds[1]?.outOfSample);
    // Later folds train on scrambled bars and differ.
    expect(other.folds[3]?.search.trials).not.toEqual(base.folds[3]?.search.trials);
  });
});
