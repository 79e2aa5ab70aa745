import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run } from '../testing/run-cli.js';
import { loadFxRates, parseFxRateFlags } from './backtest-fx-rates.js';

const HOLD = `import { defineStrategy } from '@alphintra/engine';
export default defineStrategy({
  name: 'hold',
  parameters: {},
  create(ctx) {
    return { onBar() { if (ctx.quantity() === 0) ctx.buy(10); } };
  },
});
`;

const DAY = 86_400_000_000;
const JAN_1 = Date.UTC(2024, 0, 1) * 1000;

let work: string;
let strategy: string;
let bars: string;
let eurusd: string;
const file = (name: string) => join(work, name);

function csv(closes: readonly number[]): string {
  const rows = closes.map((c, i) => `2024-01-${String(i + 1).padStart(2, '0')},${c},${c},${c},${c},1000`);
  return `time,open,high,low,close,volume\n${rows.join('\n')}\n`;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'alphintra-fx-rates-'));
  process.env.ALPHINTRA_HOME = join(work, 'home');
  strategy = file('hold.ts');
  bars = file('bars.csv');
  eurusd = file('eurusd.csv');
  await writeFile(strategy, HOLD);
  await writeFile(bars, csv([50, 51, 52, 53, 54]));
  await writeFile(eurusd, csv([1.1, 1.12, 1.15]));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  delete process.env.ALPHINTRA_HOME;
});

describe('parseFxRateFlags', () => {
  it('reads a number as a constant rate and anything else as bars to read', () => {
    expect(parseFxRateFlags(['EUR/USD=1.1', 'USD/JPY=rates/usdjpy.csv', 'GBP/USD=.8e0'])).toEqual([
      { pair: 'EUR/USD', kind: 'constant', rate: 1.1 },
      { pair: 'USD/JPY', kind: 'file', input: 'rates/usdjpy.csv' },
      { pair: 'GBP/USD', kind: 'constant', rate: 0.8 },
    ]);
  });

  it('refuses a malformed entry, a bad pair, a pair given twice and a rate that is not positive', () => {
    expect(() => parseFxRateFlags(['EUR/USD'])).toThrowError(
      'expected --fx-rate PAIR=RATE or PAIR=FILE, got "EUR/USD"',
    );
    expect(() => parseFxRateFlags(['EURUSD=1.1'])).toThrowError(
      '--fx-rate: expected a currency pair like EUR/USD, got "EURUSD"',
    );
    expect(() => parseFxRateFlags(['EUR/USD=1.1', 'EUR/USD=x.csv'])).toThrowError('--fx-rate EUR/USD is given twice');
    expect(() => parseFxRateFlags(['EUR/USD=-1'])).toThrowError(
      'expected a positive rate in --fx-rate EUR/USD, got -1',
    );
    expect(() => parseFxRateFlags(['EUR/USD=0'])).toThrowError('got 0');
  });
});

describe('loadFxRates', () => {
  it("takes each bar's close as the rate, known from the bar's close time", async () => {
    const loaded = await loadFxRates(
      [
        { pair: 'EUR/USD', kind: 'file', input: eurusd },
        { pair: 'USD/JPY', kind: 'constant', rate: 150 },
      ],
      {},
      true,
    );
    const series = loaded.table['EUR/USD'] as { time: Float64Array; rate: Float64Array };
    // Daily bars opening at midnight: each close is known at the next midnight.
    expect(Array.from(series.time)).toEqual([JAN_1 + DAY, JAN_1 + 2 * DAY, JAN_1 + 3 * DAY]);
    expect(Array.from(series.rate)).toEqual([1.1, 1.12, 1.15]);
    expect(loaded.table['USD/JPY']).toBe(150);
    expect(loaded.files).toEqual({ 'EUR/USD': eurusd });
  });

  it('names the option and the pair when a file holds a rate the engine refuses', async () => {
    const bad = file('zero.csv');
    await writeFile(bad, csv([1.1, 0, 1.2]));
    await expect(loadFxRates([{ pair: 'EUR/USD', kind: 'file', input: bad }], {}, true)).rejects.toThrowError(
      "--fx-rate: expected positive rates in fxRates['EUR/USD'], got 0 at 1",
    );
  });
});

describe('alphintra backtest --currency and --fx-rate', () => {
  it('records the account currency, the rates and the files they came from', async () => {
    const r = await run(
      'backtest',
      strategy,
      '--data',
      bars,
      '--currency',
      'EUR',
      '--fx-rate',
      `EUR/USD=${eurusd}`,
      '--fx-rate',
      'USD/JPY=150',
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.manifest.data[0].instrument).toBe('BARS.SIM');
    expect(doc.manifest.currencies).toEqual({ account: 'EUR', balances: ['EUR'], rates: [] });
    expect(doc.manifest.config.currency).toBe('EUR');
    expect(doc.manifest.config.fxRates).toEqual({
      'EUR/USD': { points: 3, start: JAN_1 + DAY, end: JAN_1 + 3 * DAY, hash: expect.stringMatching(/^cols1:/) },
      'USD/JPY': 150,
    });
    expect(doc.manifest.sources.fxRates).toEqual({ 'EUR/USD': eurusd });
    // Bought 10 at 51 (bar 1's open): 100,000 − 510 EUR.
    expect(doc.balances).toEqual([{ currency: 'EUR', amount: 99_490, rate: 1, value: 99_490 }]);
  });

  it('fails with one line on a bad --fx-rate, before reading any data', async () => {
    const r = await run('backtest', strategy, '--data', file('missing.csv'), '--fx-rate', 'EUR-USD=1');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--fx-rate: expected a currency pair like EUR/USD, got "EUR-USD"');
  });

  it('fails with one line when a rate file cannot be read', async () => {
    const r = await run('backtest', strategy, '--data', bars, '--fx-rate', `EUR/USD=${file('nope.csv')}`);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('nope.csv');
  });
});
