import { readFileSync, writeFileSync } from 'node:fs';
import { runBacktest } from '@alphintra/engine';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_RUNS, exampleOptions } from './example-support.js';

interface Golden {
  readonly trades: number;
  readonly orders: number;
  readonly finalEquity: number;
  readonly orderListHash: string;
}

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
        finalEquity: Math.round(result.summary.finalEquity * 100) / 100,
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
