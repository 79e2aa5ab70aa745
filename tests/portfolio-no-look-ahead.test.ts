import { type PortfolioResult, type PortfolioRunOptions, runPortfolio } from '@alphintra/portfolio';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutData, EXAMPLE_PORTFOLIOS, examplePortfolioOptions, timeline } from './example-support.js';

const prefix = (a: Float64Array, n: number): number[] => Array.from(a.subarray(0, n));

/** Asserts that the portfolio run cut after timeline index `at` is a prefix of `full`. */
function expectPrefix(options: PortfolioRunOptions, full: PortfolioResult, times: readonly number[], at: number): void {
  const cut = times[at - 1] as number;
  const part = runPortfolio({ ...options, data: cutData(options.data, cut) });
  const n = part.backtest.equity.time.length;
  expect(n).toBe(at);
  expect(Array.from(part.backtest.equity.equity)).toEqual(prefix(full.backtest.equity.equity, n));
  expect(part.backtest.fills).toEqual(full.backtest.fills.slice(0, part.backtest.fills.length));
  for (const [i, sleeve] of part.sleeves.entries()) {
    const whole = full.sleeves[i] as PortfolioResult['sleeves'][number];
    expect(Array.from(sleeve.equity)).toEqual(prefix(whole.equity, n));
    expect(Array.from(sleeve.value)).toEqual(prefix(whole.value, n));
    expect(Array.from(sleeve.targetWeight)).toEqual(prefix(whole.targetWeight, n));
    expect(sleeve.trades).toEqual(whole.trades.slice(0, sleeve.trades.length));
  }
  expect(part.rebalances).toEqual(full.rebalances.slice(0, part.rebalances.length));
  const next = full.rebalances[part.rebalances.length];
  if (next !== undefined) expect(next.time).toBeGreaterThan(cut);
  expect(part.riskEvents).toEqual(full.riskEvents.slice(0, part.riskEvents.length));
}

describe('no look-ahead: a portfolio run on data cut at T is a prefix of the run on all the data', () => {
  for (const run of EXAMPLE_PORTFOLIOS) {
    it(`holds for ${run.name}: account, sleeves, weights and rebalances`, async () => {
      const options = await examplePortfolioOptions(run);
      const full = runPortfolio(options);
      const times = timeline(options.data);
      fc.assert(
        fc.property(fc.integer({ min: 1, max: times.length - 1 }), (at) => expectPrefix(options, full, times, at)),
        { numRuns: 4 },
      );
    });
  }
});
