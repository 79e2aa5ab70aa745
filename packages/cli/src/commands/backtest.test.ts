import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMA_CROSS, useBacktestWorkspace, waveCsv } from '../testing/backtest-fixtures.js';
import { runCli as run } from '../testing/run-cli.js';

const workspace = useBacktestWorkspace('alphintra-backtest-');
let work: string;
let strategy: string;
let wave: string;
beforeAll(() => {
  ({ dir: work, strategy, wave } = workspace);
  process.env.ALPHINTRA_HOME = join(work, 'home');
});
afterAll(() => {
  delete process.env.ALPHINTRA_HOME;
});

describe('alphintra backtest', () => {
  it('prints a readable summary by default', async () => {
    const r = await run('backtest', strategy, '--data', wave);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const label of ['period', 'bars', 'final equity', 'total return', 'max drawdown', 'trades', 'fees'])
      expect(r.stdout).toContain(label);
    expect(r.stdout).toContain('sma-cross 1.2.0');
    expect(r.stdout).toContain('WAVE.SIM');
    expect(r.stdout).toMatch(/order-list hash\s+[0-9a-f]{64}/);
  });

  it('prints one JSON object with the manifest, summary, metrics and trades', async () => {
    const r = await run(
      'backtest',
      strategy,
      '--data',
      wave,
      '--json',
      '--fees',
      'percent:0.001',
      '--slippage',
      'bps:5',
    );
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['manifest', 'summary', 'metrics', 'trades', 'balances']);
    const { manifest, summary, metrics, trades } = doc;
    expect(metrics.returns.totalReturn).toBeCloseTo(summary.totalReturn, 12);
    expect(metrics.drawdown.maxDrawdown).toBeCloseTo(summary.maxDrawdown, 12);
    expect(metrics.trades.count).toBe(summary.trades);
    expect(manifest.strategy).toMatchObject({ name: 'sma-cross', version: '1.2.0' });
    expect(manifest.strategy.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.parameters).toEqual({ fast: 5, slow: 20 });
    expect(manifest.config.fees).toEqual({ kind: 'percent', rate: 0.001 });
    expect(manifest.config.slippage).toEqual({ kind: 'fixed-bps', bps: 5 });
    expect(manifest.data).toHaveLength(1);
    expect(manifest.data[0]).toMatchObject({ instrument: 'WAVE.SIM', bars: 300 });
    expect(manifest.sources).toEqual({ strategy, data: [wave] });
    expect(summary.bars).toBe(300);
    expect(summary.start).toBe('2020-01-01T00:00:00Z');
    expect(summary.trades).toBeGreaterThan(3);
    expect(summary.fees).toBeGreaterThan(0);
    expect(summary.winRate).toBeCloseTo(summary.winningTrades / summary.trades, 12);
    expect(summary.orderListHash).toMatch(/^[0-9a-f]{64}$/);
    expect(trades).toHaveLength(summary.trades);
    const first = trades[0];
    expect(typeof first.entryTime).toBe('number');
    expect(first.entryTimeIso).toMatch(/^2020-\d\d-\d\dT00:00:00Z$/);
    expect(first.exitTimeIso).toMatch(/^20\d\d-/);
  });

  it('records the same dataset hash as data inspect, and the sha-256 of the strategy source', async () => {
    const doc = JSON.parse((await run('backtest', strategy, '--data', wave, '--json')).stdout);
    const inspect = JSON.parse((await run('data', 'inspect', wave, '--json')).stdout);
    expect(doc.manifest.data[0].hash).toBe(inspect.hash);
    const { createHash } = await import('node:crypto');
    expect(doc.manifest.strategy.codeHash).toBe(createHash('sha256').update(SMA_CROSS).digest('hex'));
  });

  it('passes --param values to the strategy, checked and typed by the engine', async () => {
    const base = JSON.parse((await run('backtest', strategy, '--data', wave, '--json')).stdout);
    const r = await run('backtest', strategy, '--data', wave, '--param', 'fast=3', '--param', 'slow=40', '--json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.manifest.parameters).toEqual({ fast: 3, slow: 40 });
    expect(doc.summary.orderListHash).not.toBe(base.summary.orderListHash);
  });

  it('applies the execution options and records them in the manifest', async () => {
    const r = await run(
      'backtest',
      strategy,
      '--data',
      wave,
      '--json',
      '--cash',
      '50000',
      '--fees',
      'per-share:0.005,min=1,max-percent=0.01',
      '--slippage',
      'spread:10,random',
      '--fill',
      'close',
      '--bar-path',
      'optimistic',
      '--volume-limit',
      '0.5',
      '--latency-ms',
      '20',
      '--seed',
      '9',
    );
    expect(r.status).toBe(0);
    const { manifest, summary } = JSON.parse(r.stdout);
    expect(manifest.config).toMatchObject({
      cash: 50_000,
      fees: { kind: 'per-share', perShare: 0.005, minimum: 1, maximumPercent: 0.01 },
      slippage: { kind: 'spread', spreadBps: 10, random: true },
      fillTiming: 'close',
      barPath: 'optimistic',
      volumeLimit: 0.5,
      latency: { fixed: 20_000 },
    });
    expect(manifest.seed).toBe(9);
    expect(summary.startEquity).toBe(50_000);
  });

  it('writes result.json, trades.csv, equity.csv, orders.csv, manifest.json and metrics.json with --out', async () => {
    const dir = join(work, 'run-out');
    const r = await run('backtest', strategy, '--data', wave, '--out', dir, '--fees', 'percent:0.001');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(join(dir, 'result.json'));
    const result = JSON.parse(await readFile(join(dir, 'result.json'), 'utf8'));
    expect(Object.keys(result)).toEqual([
      'manifest',
      'summary',
      'orders',
      'fills',
      'trades',
      'positions',
      'balances',
      'equity',
      'events',
      'logs',
    ]);
    const trades = (await readFile(join(dir, 'trades.csv'), 'utf8')).trim().split('\n');
    expect(trades[0]).toBe(
      'id,instrument,side,entry_time,entry_price,quantity,exit_time,exit_price,pnl,return,fees,bars,duration_us,mae,mfe',
    );
    expect(trades).toHaveLength(result.summary.trades + 1);
    expect(trades[1]).toMatch(/^1,WAVE\.SIM,long,2020-/);
    const equity = (await readFile(join(dir, 'equity.csv'), 'utf8')).trim().split('\n');
    expect(equity[0]).toBe('time,equity,cash,net_exposure,gross_exposure');
    expect(equity).toHaveLength(301);
    expect(equity[1]).toBe('2020-01-01T00:00:00Z,100000,100000,0,0');
    const orders = (await readFile(join(dir, 'orders.csv'), 'utf8')).trim().split('\n');
    expect(orders[0]?.startsWith('id,instrument,side,kind,quantity,filled_quantity,average_price')).toBe(true);
    expect(orders).toHaveLength(result.summary.orders + 1);
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toEqual({
      ...result.manifest,
      sources: { strategy, data: [wave] },
      benchmark: { name: 'buy and hold WAVE.SIM', input: null },
    });
    const metrics = JSON.parse(await readFile(join(dir, 'metrics.json'), 'utf8'));
    expect(metrics.sample.bars).toBe(300);
    expect(metrics.returns.totalReturn).toBeCloseTo(result.summary.totalReturn, 12);
  });

  it('writes byte-identical result.json for two runs of the same command', async () => {
    const args = ['--data', wave, '--slippage', 'spread:10,random', '--latency-ms', '1', '--latency-jitter-ms', '5'];
    expect((await run('backtest', strategy, ...args, '--out', join(work, 'same-a'))).status).toBe(0);
    expect((await run('backtest', strategy, ...args, '--out', join(work, 'same-b'))).status).toBe(0);
    for (const file of ['result.json', 'trades.csv', 'equity.csv', 'orders.csv', 'manifest.json', 'metrics.json']) {
      const a = await readFile(join(work, 'same-a', file));
      const b = await readFile(join(work, 'same-b', file));
      expect(a.equals(b)).toBe(true);
    }
  });

  it('runs several instruments together, named by --symbol', async () => {
    const second = join(work, 'second.csv');
    await writeFile(second, waveCsv(250, 1.5));
    const multi = join(work, 'multi.ts');
    await writeFile(
      multi,
      `import { defineStrategy } from '@alphintra/engine';
export default defineStrategy({
  name: 'equal-weight',
  parameters: {},
  create(ctx) {
    return {
      onSlice() {
        for (const id of ctx.instruments) if (ctx.quantity(id) === 0) ctx.submit({ instrument: id, side: 'buy', size: { kind: 'quantity', quantity: 10 } } as never);
      },
    };
  },
});
`,
    );
    const r = await run(
      'backtest',
      multi,
      '--data',
      wave,
      '--data',
      second,
      '--symbol',
      'AAA',
      '--symbol',
      'BBB',
      '--json',
    );
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc.manifest.data.map((d: { instrument: string }) => d.instrument)).toEqual(['AAA.SIM', 'BBB.SIM']);
    expect(doc.summary.bars).toBe(550);
  });

  it('reads .alph datasets and catalog names like data inspect does', async () => {
    const put = JSON.parse(
      (await run('data', 'import', wave, '--name', 'wave-daily', '--symbol', 'WAVY', '--json')).stdout,
    );
    const r = await run('backtest', strategy, '--data', 'wave-daily', '--json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.manifest.data[0]).toMatchObject({ instrument: 'WAVY.SIM', hash: put.hash });
  });

  it('runs the example strategy from examples/ on real daily data', async () => {
    const example = fileURLToPath(new URL('../../../../examples/sma-crossover.ts', import.meta.url));
    const orcl = fileURLToPath(new URL('../../../../data/samples/orcl-1995-2014.txt', import.meta.url));
    const r = await run('backtest', example, '--data', orcl, '--symbol', 'ORCL', '--json');
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc.manifest.strategy.name).toBe('sma-crossover');
    expect(doc.manifest.data[0]).toMatchObject({ instrument: 'ORCL.SIM', bars: 5036 });
    expect(doc.summary.trades).toBeGreaterThan(50);
  });

  it('loads a plain JavaScript strategy', async () => {
    const js = join(work, 'plain.mjs');
    await writeFile(
      js,
      `import { defineStrategy } from '@alphintra/engine';
export default defineStrategy({ name: 'plain', parameters: {}, create: (ctx) => ({ onBar: () => { if (ctx.quantity() === 0) ctx.targetPercent(0.5); } }) });
`,
    );
    const doc = JSON.parse((await run('backtest', js, '--data', wave, '--json')).stdout);
    expect(doc.summary.fills).toBe(1);
  });

  it('documents the fee and slippage syntax in --help', async () => {
    const r = await run('backtest', '--help');
    expect(r.status).toBe(0);
    for (const text of [
      'percent:0.001',
      'per-share:0.005',
      'maker-taker:',
      'bps:5',
      'spread:10',
      'volume-share:',
      'sqrt:',
    ])
      expect(r.stdout).toContain(text);
  });
});
