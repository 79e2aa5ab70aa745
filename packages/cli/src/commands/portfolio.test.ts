import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBacktestWorkspace, waveCsv } from '../testing/backtest-fixtures.js';
import { runCli as run } from '../testing/run-cli.js';

const workspace = useBacktestWorkspace('alphintra-portfolio-');
let dir: string;
let wave: string;
let wave2: string;
let portfolio: string;

const DOCUMENT = {
  name: 'two-waves',
  version: '2',
  sleeves: [
    { name: 'fast', strategy: 'sma-cross.ts', parameters: { fast: 3, slow: 12 }, instruments: ['WAVE'] },
    { name: 'slow', strategy: 'sma-cross.ts', instruments: ['SECOND'] },
  ],
  allocation: { method: 'inverse-volatility', lookback: 20 },
  rebalance: { schedule: { everyBars: 21 } },
  risk: { maxWeight: 0.7 },
};

beforeAll(async () => {
  ({ dir, wave } = workspace);
  wave2 = join(dir, 'second.csv');
  await writeFile(wave2, waveCsv(300, 1.7));
  portfolio = join(dir, 'two-waves.json');
  await writeFile(portfolio, JSON.stringify(DOCUMENT));
});

describe('alphintra portfolio', () => {
  it('prints the account, a table of the sleeves and their correlations', async () => {
    const r = await run('portfolio', portfolio, '--data', wave, '--data', wave2);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('two-waves 2');
    expect(r.stdout).toMatch(/parameters\s+fast\.fast=3 fast\.slow=12 slow\.fast=5 slow\.slow=20/);
    expect(r.stdout).toMatch(/rebalances\s+\d+ \(\d+ schedule/);
    expect(r.stdout).toMatch(/\nfast\s+sma-cross 1\.2\.0\s+WAVE\.SIM\s/);
    expect(r.stdout).toMatch(/\nslow\s+sma-cross 1\.2\.0\s+SECOND\.SIM\s/);
    expect(r.stdout).toContain('correlation of sleeve returns');
  });

  it('prints one JSON document whose sleeves add up to the account', async () => {
    const r = await run('portfolio', portfolio, '--data', wave, '--data', wave2, '--json', '--param', 'slow.fast=4');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual([
      'manifest',
      'summary',
      'metrics',
      'sleeves',
      'correlation',
      'rebalances',
      'riskEvents',
      'trades',
    ]);
    expect(doc.manifest.parameters).toEqual({ 'fast.fast': 3, 'fast.slow': 12, 'slow.fast': 4, 'slow.slow': 20 });
    expect(doc.manifest.portfolio.allocation).toEqual({ kind: 'inverse-volatility', lookback: 20 });
    expect(doc.manifest.portfolio.risk).toEqual({ maxGrossLeverage: null, maxDrawdown: null, maxWeight: 0.7 });
    expect(doc.sleeves.map((s: { name: string }) => s.name)).toEqual(['fast', 'slow']);
    expect(doc.sleeves[1].parameters).toEqual({ fast: 4, slow: 20 });
    expect(doc.sleeves[0].strategy.file).toBe(join(dir, 'sma-cross.ts'));
    const total = doc.sleeves.reduce((sum: number, s: { finalEquity: number }) => sum + s.finalEquity, 0);
    expect(total).toBeCloseTo(doc.summary.finalEquity, 6);
    expect(doc.sleeves[0].metrics.trades.count).toBe(doc.sleeves[0].trades.length);
    expect(doc.correlation.names).toEqual(['fast', 'slow']);
    expect(doc.rebalances[0].reason).toBe('start');
    expect(
      doc.rebalances.slice(1).every((e: { weights?: unknown; after: number[] }) => Math.max(...e.after) <= 0.7 + 1e-12),
    ).toBe(true);
  });

  it('writes the same files twice, byte for byte, and a report', async () => {
    const out = (n: number): string => join(dir, `out-${n}`);
    for (const n of [1, 2]) {
      const r = await run(
        'portfolio',
        portfolio,
        '--data',
        wave,
        '--data',
        wave2,
        '--out',
        out(n),
        '--report',
        join(out(n), 'report.html'),
      );
      expect(r.status).toBe(0);
    }
    for (const file of ['result.json', 'equity.csv', 'sleeves.csv', 'portfolio.json', 'metrics.json', 'report.html']) {
      expect(await readFile(join(out(1), file), 'utf8')).toBe(await readFile(join(out(2), file), 'utf8'));
    }
    const sleeves = (await readFile(join(out(1), 'sleeves.csv'), 'utf8')).split('\n');
    expect(sleeves[0]).toBe(
      'time,fast_equity,fast_weight,fast_target,fast_value,slow_equity,slow_weight,slow_target,slow_value',
    );
    expect(sleeves).toHaveLength(302);
    const html = await readFile(join(out(1), 'report.html'), 'utf8');
    for (const part of [
      'Portfolio and sleeves',
      'Weights over time (stacked)',
      'Correlation of sleeve returns',
      'sleeve-comparison',
    ]) {
      expect(html).toContain(part);
    }
  });

  it('runs a TypeScript portfolio whose default export is definePortfolio', async () => {
    const file = join(dir, 'inline.ts');
    await writeFile(
      file,
      `import { defineStrategy } from '@alphintra/engine';
import { definePortfolio } from '@alphintra/portfolio';
const hold = defineStrategy({ name: 'hold', parameters: {}, create: (ctx) => ({ onBar() { if (ctx.quantity() === 0) ctx.targetPercent(1); } }) });
export default definePortfolio({ name: 'inline', sleeves: [{ name: 'a', strategy: hold, instruments: ['WAVE'] }, { name: 'b', strategy: hold, instruments: ['SECOND'] }], allocation: { method: 'fixed', weights: [0.25, 0.75] } });
`,
    );
    const r = await run('portfolio', file, '--data', wave, '--data', wave2, '--json');
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc.sleeves.map((s: { startEquity: number }) => s.startEquity)).toEqual([25_000, 75_000]);
  });

  it.each([
    [
      ['--param', 'fast.speed=2'],
      2,
      'strategy "two-waves" has no parameter fast.speed (parameters: fast.fast, fast.slow, slow.fast, slow.slow)',
    ],
    [['--param', 'fast.fast=1'], 1, 'expected parameter fast.fast ≥ 2, got 1'],
  ])('refuses bad parameters (%s)', async (args, status, message) => {
    const r = await run('portfolio', portfolio, '--data', wave, '--data', wave2, ...args);
    expect(r.status).toBe(status);
    expect(r.stderr).toContain(message);
  });

  it.each([
    ['{ "sleeves": ', 'invalid JSON'],
    ['{ "sleeves": [], "name": "x" }', 'expected sleeves: a list of at least one sleeve'],
    [
      '{ "sleeves": [{ "name": "a", "strategy": "sma-cross.ts" }], "rebalence": {} }',
      'unknown portfolio key rebalence',
    ],
    ['{ "sleeves": [{ "name": "a", "strategy": "missing.ts" }] }', 'no such strategy file'],
    [
      '{ "sleeves": [{ "name": "a", "strategy": "sma-cross.ts" }], "allocation": { "method": "fixed", "weights": [2] } }',
      'expected fixed weights summing to 1, got 2',
    ],
  ])('names the file and the problem of a bad portfolio file (%#)', async (text, message) => {
    const file = join(dir, 'bad.json');
    await writeFile(file, text);
    const r = await run('portfolio', file, '--data', wave);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a file that is neither JSON nor a module', async () => {
    const r = await run('portfolio', join(dir, 'portfolio.yaml'), '--data', wave);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('expected a .json, .ts, .mts, .js or .mjs portfolio file');
  });
});
