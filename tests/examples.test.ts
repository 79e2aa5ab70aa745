import { readFileSync, writeFileSync } from 'node:fs';
import { runBacktest } from '@alphintra/engine';
import { runPortfolio } from '@alphintra/portfolio';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_PORTFOLIOS, EXAMPLE_RUNS, exampleOptions, examplePortfolioOptions } from './example-support.js';

interface Golden {
  readonly trades: number;
  readonly orders: number;
  readonly finalEquity: number;
  readonly orderListHash: string;
  /** Portfolios: each sleeve's final capital and trades, and the number of rebalances. */
  readonly sleeves?: Readonly<Record<string, { readonly finalEquity: number; readonly trades: number }>>;
  readonly rebalances?: number;
}

const cents = (x: number): number => Math.round(x * 100) / 100;

const GOLDEN_FILE = new URL('../examples/golden.json', import.meta.url);
const golden = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Record<string, Golden>;
const update = process.env.UPDATE_GOLDEN === '1';
const fresh: Record<string, Golden> = {};

describe('example strategies reproduce their golden results', () => {
  for (const run of EXAMPLE_RUNS) {
    it(`${run.name} matches examples/golden.json`, async () => {
      const result = runBacktest(await exampleOptions(run));
      const actual: Golden = {
        trades: result.summary.trades,
        orders: result.summary.orders,
        finalEquity: cents(result.summary.finalEquity),
        orderListHash: result.summary.orderListHash,
      };
      expect(result.summary.trades).toBeGreaterThan(2);
      fresh[run.name] = actual;
      if (update) {
        writeFileSync(GOLDEN_FILE, `${JSON.stringify({ ...golden, ...fresh }, null, 2)}\n`);
        return;
      }
      expect(actual).toEqual(golden[run.name]);
    });
  }
});

describe('example portfolios reproduce their golden results', () => {
  for (const run of EXAMPLE_PORTFOLIOS) {
    it(`${run.name} matches examples/golden.json`, async () => {
      const result = runPortfolio(await examplePortfolioOptions(run));
      const summary = result.backtest.summary;
      const actual: Golden = {
        trades: summary.trades,
        orders: summary.orders,
        finalEquity: cents(summary.finalEquity),
        orderListHash: summary.orderListHash,
        sleeves: Object.fromEntries(
          result.sleeves.map((s) => [s.name, { finalEquity: cents(s.finalEquity), trades: s.trades.length }]),
        ),
        rebalances: result.rebalances.length,
      };
      for (const sleeve of result.sleeves) expect(sleeve.trades.length).toBeGreaterThan(2);
      const key = `portfolio:${run.name}`;
      fresh[key] = actual;
      if (update) {
        writeFileSync(GOLDEN_FILE, `${JSON.stringify({ ...golden, ...fresh }, null, 2)}\n`);
        return;
      }
      expect(actual).toEqual(golden[key]);
    });
  }
});
