import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sessionCalendar } from '@alphintra/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunResult, runCli as run } from '../testing/run-cli.js';
import { instrumentFrom, parseInstrumentOption } from './backtest-instruments.js';

// Buys 2 units on the first bar (filled at the second bar's open, 101) and holds.
const HOLD_TWO = `import { defineStrategy } from '@alphintra/engine';
export default defineStrategy({
  name: 'hold-two',
  parameters: {},
  create(ctx) {
    return { onBar(bar) { if (bar.index === 0) ctx.buy(2); } };
  },
});
`;

let work: string;
let strategy: string;
let bars: string;
const file = (name: string) => join(work, name);

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'alphintra-instruments-'));
  strategy = file('hold-two.ts');
  bars = file('wave.csv');
  await writeFile(strategy, HOLD_TWO);
  await writeFile(
    bars,
    'time,open,high,low,close,volume\n' +
      '2024-01-02,100,100,100,100,1000\n2024-01-03,101,102,100,101.5,1000\n2024-01-04,102,104,101,103.25,1000\n',
  );
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function json(...args: string[]): Promise<{ manifest: Record<string, never>; summary: Record<string, never> }> {
  const r = await run('backtest', strategy, '--data', bars, '--json', ...args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

/** Expects one error line with the given status and returns it. */
function oneLine(r: RunResult, status: number): string {
  expect(r.status).toBe(status);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0] as string;
}

describe('alphintra backtest --instrument', () => {
  it('trades a future with its multiplier and margin, and records its terms', async () => {
    // Long 2 from 101 to the last close 103.25, 50 per point: 2 × 50 × 2.25 = 225.
    const doc = await json('--instrument', 'WAVE:kind=future,multiplier=50,tick=0.25,margin=0.08,session=us-equity');
    expect(doc.summary.finalEquity).toBe(100_225);
    expect(doc.manifest.data[0]).toMatchObject({
      instrument: 'WAVE.SIM',
      kind: 'future',
      multiplier: 50,
      tickSize: 0.25,
      lotSize: 1,
      currency: 'USD',
      marginRate: 0.08,
      fundingRate: null,
      session: 'us-equity',
    });
    // Without terms the symbol is an equity: 2 × 2.25 = 4.5.
    const equity = await json();
    expect(equity.summary.finalEquity).toBe(100_004.5);
    expect(equity.manifest.data[0]).toMatchObject({
      kind: 'equity',
      multiplier: 1,
      marginRate: null,
      session: 'crypto-24x7',
    });
  });

  it('books funding on a perpetual at --funding-rate', async () => {
    // Held from bar 1 to bar 2: three 8-hour funding times at the 101.5 mark, longs pay 0.1 %:
    // 2 × 101.5 × 0.001 × 3 = 0.609.
    const doc = await json('--instrument', 'WAVE:kind=perpetual,base=WAV', '--funding-rate', '0.001');
    expect(doc.summary.finalEquity).toBeCloseTo(100_004.5 - 0.609, 9);
    expect(doc.manifest.data[0]).toMatchObject({ kind: 'perpetual', fundingRate: 0.001, marginRate: 0.1 });
  });

  it('reads --instruments files keyed by symbol or as a list, with custom sessions', async () => {
    const keyed = file('keyed.json');
    await writeFile(keyed, JSON.stringify({ WAVE: { kind: 'future', multiplier: 50, tick: 0.25 } }));
    const doc = await json('--instruments', keyed);
    expect(doc.summary.finalEquity).toBe(100_225);
    expect(doc.manifest.sources).toEqual({ strategy, data: [bars], instruments: keyed });
    const session = { name: 'wave-hours', timeZone: 'UTC', open: '00:00', close: '24:00', weekdays: [1, 2, 3, 4, 5] };
    const listed = file('listed.json');
    await writeFile(listed, JSON.stringify([{ symbol: 'WAVE', kind: 'etf', lot: 2, session }]));
    const etf = await json('--instruments', listed);
    expect(etf.manifest.data[0]).toMatchObject({ kind: 'etf', lotSize: 2, session });
  });

  it('sets leverage, shorting, borrow and the closed-market rule, and records them', async () => {
    const doc = await json('--leverage', '2', '--no-short', '--borrow-rate', '0.03', '--when-closed', 'reject');
    expect(doc.manifest.config).toMatchObject({
      leverage: 2,
      allowShort: false,
      borrowRate: 0.03,
      whenClosed: 'reject',
    });
    const allowed = await json('--allow-short');
    expect(allowed.manifest.config).toMatchObject({ allowShort: true, leverage: 1, whenClosed: 'wait' });
  });

  it('refuses bad terms with one clear line', async () => {
    const cli = (...args: string[]) => run('backtest', strategy, '--data', bars, ...args);
    expect(oneLine(await cli('--instrument', 'WAVE:colour=red'), 2)).toContain(
      '--instrument WAVE has no option colour= (options: kind=, multiplier=',
    );
    expect(oneLine(await cli('--instrument', 'kind=future'), 2)).toContain(
      'expected --instrument SYMBOL:key=value,…, got "kind=future"',
    );
    expect(oneLine(await cli('--instrument', 'WAVE:kind=bond'), 1)).toContain(
      'expected kind one of equity, etf, index, fx, crypto, future, perpetual in --instrument WAVE, got "bond"',
    );
    expect(oneLine(await cli('--instrument', 'WAVE:kind=future,multiplier=fifty'), 1)).toContain(
      'expected a positive number for multiplier in --instrument WAVE, got "fifty"',
    );
    expect(oneLine(await cli('--instrument', 'WAVE:margin=0.5'), 1)).toContain(
      'margin= applies to futures and perpetuals only (--instrument WAVE is equity)',
    );
    expect(oneLine(await cli('--instrument', 'WAVE:kind=future,margin=2'), 1)).toContain(
      'expected a fraction in (0, 1] for margin',
    );
    expect(oneLine(await cli('--instrument', 'WAVE:session=lse'), 1)).toContain(
      '--instrument WAVE: expected a session calendar among us-equity, crypto-24x7, fx-24x5',
    );
    expect(oneLine(await cli('--instrument', 'WAVE:kind=fx'), 1)).toContain('expected base=');
    expect(oneLine(await cli('--instrument', 'WAVE:kind=future,expiry=2024-02-30'), 1)).toContain(
      'expected expiry as YYYY-MM-DD, got "2024-02-30"',
    );
    expect(oneLine(await cli('--instrument', 'ES:kind=future'), 2)).toContain(
      '--instrument ES: no --data input has symbol ES (inputs: WAVE)',
    );
    expect(oneLine(await cli('--instrument', 'WAVE:lot=1', '--instrument', 'wave:lot=2'), 2)).toContain(
      'wave is described twice (--instrument WAVE and --instrument wave)',
    );
    expect(oneLine(await cli('--allow-short', '--no-short'), 2)).toContain('contradict');
    expect(oneLine(await cli('--funding-rate', '0.001'), 2)).toContain('--funding-rate applies to perpetuals');
    expect(oneLine(await cli('--leverage', '-1'), 2)).toContain('expected a positive number for --leverage');
    expect(oneLine(await cli('--borrow-rate', 'lots'), 2)).toContain('--borrow-rate');
    const broken = file('broken.json');
    await writeFile(broken, '{ "WAVE": ');
    expect(oneLine(await cli('--instruments', broken), 1)).toContain('expected JSON');
    expect(oneLine(await cli('--instruments', file('none.json')), 1)).toContain('no such instruments file');
  });
});

describe('instrument terms', () => {
  it('take the base currency of a pair from its symbol', () => {
    const eur = instrumentFrom('EUR/USD', parseInstrumentOption('EUR/USD:kind=fx,tick=0.00001,session=fx-24x5'), {
      venue: 'SIM',
      currency: 'USD',
    });
    expect(eur.instrument).toMatchObject({ kind: 'fx', baseCurrency: 'EUR', tickSize: 0.00001, id: 'EUR/USD.SIM' });
    expect(eur.session).toBe(sessionCalendar('fx-24x5'));
    const btc = instrumentFrom('BTCUSD', parseInstrumentOption('BTCUSD:kind=crypto,lot=0.0001'), {
      venue: 'SIM',
      currency: 'USD',
    });
    expect(btc.instrument).toMatchObject({ kind: 'crypto', baseCurrency: 'BTC', lotSize: 0.0001 });
  });

  it('give futures their underlying and expiry', () => {
    const es = instrumentFrom('ESZ4', parseInstrumentOption('ESZ4:kind=future,underlying=ES,expiry=2024-12-20'), {
      venue: 'CME',
      currency: 'USD',
    });
    expect(es.instrument).toMatchObject({ underlying: 'ES', expiry: Date.UTC(2024, 11, 20) * 1000 });
    expect(es.marginRate).toBe(0.1);
  });
});
