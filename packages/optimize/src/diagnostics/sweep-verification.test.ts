import { defineStrategy, HOLD, type StrategyDefinition } from '@alphintra/engine';
import { describe, expect, it } from 'vitest';
import type { SearchReport } from '../report/search-report.js';
import { smaCrossover, syntheticData } from '../testing/fixtures.js';
import { verificationSample, verifySweep } from './sweep-verification.js';

const fees = { kind: 'percent', rate: 0.001 } as const;

/** A search report holding just what the check reads: trials and their ranking. */
function searchOf(sets: readonly Record<string, number>[]): SearchReport {
  return {
    trials: sets.map((parameters, id) => ({ id, parameters, values: [], metrics: {}, paretoRank: null })),
    ranking: sets.map((_, id) => id),
  } as unknown as SearchReport;
}

const SETS = [
  { fast: 5, slow: 30 },
  { fast: 10, slow: 60 },
  { fast: 20, slow: 50 },
];

describe('checking a sweep against the engine', () => {
  it('re-runs the best trials and some spread over the ranking', () => {
    const ranking = Array.from({ length: 100 }, (_, i) => 100 + i);
    expect(verificationSample(ranking, 10)).toEqual([100, 101, 102, 103, 104, 123, 142, 161, 180, 199]);
    expect(verificationSample(ranking, 1)).toEqual([100]);
    expect(verificationSample([3, 1, 2], 10)).toEqual([3, 1, 2]);
    expect(verificationSample(ranking, 0)).toEqual([]);
  });

  it('agrees for a face that restates create, over all the data and over a window with warm-up', () => {
    const setup = { strategy: smaCrossover, data: [syntheticData(700, 4)], config: { fees } };
    const check = verifySweep(
      setup,
      [
        { fold: null, window: { warmupStart: 0, start: 0, end: 700 }, search: searchOf(SETS) },
        { fold: 0, window: { warmupStart: 100, start: 300, end: 600 }, search: searchOf(SETS) },
      ],
      2,
    );
    expect(check.agrees).toBe(true);
    expect(check.trials).toBe(4);
    expect(check.searches.map((s) => s.trials)).toEqual([
      [0, 2],
      [0, 2],
    ]);
  });

  it('lists the figures of a face that does not restate create, by trial', () => {
    // The face skips every seventh bar, which create does not: a different strategy.
    const face = smaCrossover.sweep as NonNullable<StrategyDefinition['sweep']>;
    const late = defineStrategy({
      ...smaCrossover,
      sweep: {
        ...face,
        decide: (bar, values, held, params, bars) =>
          bar % 7 === 0 ? HOLD : face.decide(bar, values, held, params, bars),
      },
    } as StrategyDefinition);
    const check = verifySweep(
      { strategy: late, data: [syntheticData(700, 4)], config: { fees } },
      [{ fold: null, window: { warmupStart: 0, start: 0, end: 700 }, search: searchOf(SETS) }],
      3,
    );
    expect(check.agrees).toBe(false);
    const divergences = check.searches[0]?.divergences ?? [];
    expect(divergences.length).toBeGreaterThan(0);
    expect(new Set(divergences.map((d) => d.metric)).has('finalEquity')).toBe(true);
    expect(divergences.every((d) => d.trial === d.run && d.difference === d.sweep - d.engine)).toBe(true);
  });
});
