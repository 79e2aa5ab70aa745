import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMA_CROSS, waveCsv } from '../testing/backtest-fixtures.js';
import { runCli as run } from '../testing/run-cli.js';
import { printDemoTable } from './demo.js';
import { type DemoRun, reportFileName } from './demo-backtests.js';

let work: string;
let examples: string;
let samples: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'alphintra-demo-'));
  examples = join(work, 'examples');
  samples = join(work, 'samples');
  await mkdir(examples);
  await mkdir(samples);
  await writeFile(join(examples, 'sma-cross.ts'), SMA_CROSS);
  await writeFile(join(samples, 'wave-2020.csv'), waveCsv(300));
  await writeFile(join(samples, 'tide-2020.csv'), waveCsv(300, 2));
  await writeFile(
    join(examples, 'catalog.ts'),
    `import type { BacktestConfig } from '@alphintra/engine';
const costs: Partial<BacktestConfig> = { cash: 50_000, fees: { kind: 'percent', rate: 0.001 } };
export const EXAMPLE_RUNS = [
  { name: 'fast cross', strategy: 'sma-cross.ts', data: [{ file: 'data/samples/wave-2020.csv', symbol: 'WAVE' }], config: costs, parameters: { fast: 3 } },
  { name: 'tide', strategy: 'sma-cross.ts', data: [{ file: 'elsewhere/tide-2020.csv', symbol: 'TIDE' }], config: costs },
];
`,
  );
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('alphintra demo', () => {
  it('backtests every run of the catalog on the samples folder and writes a report each', async () => {
    const out = join(work, 'reports');
    const r = await run('demo', '--examples', examples, '--samples', samples, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Backtests of the 2 example strategies');
    expect(r.stdout).toMatch(/^fast cross +WAVE +\d+ +-?[\d.]+% +-?[\d.]+% +-?[\d.]+ +[\d.]+% +[\d,]+\.\d\d$/m);
    expect(r.stdout).toMatch(/^tide +TIDE /m);
    expect(r.stdout).toContain(join(out, 'fast-cross.html'));
    expect((await readdir(out)).sort()).toEqual(['fast-cross.html', 'tide.html']);
  });

  it('passes the catalog’s parameters and costs to the run, as backtest would', async () => {
    const args = ['--symbol', 'WAVE', '--cash', '50000', '--fees', 'percent:0.001', '--param', 'fast=3', '--json'];
    const single = await run(
      'backtest',
      join(examples, 'sma-cross.ts'),
      '--data',
      join(samples, 'wave-2020.csv'),
      ...args,
    );
    const equity = JSON.parse(single.stdout).summary.finalEquity as number;
    const money = equity.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const r = await run('demo', '--examples', examples, '--samples', samples, '--out', join(work, 'again'));
    expect(r.stdout).toMatch(new RegExp(`^fast cross .* ${money.replace(/\./g, '\\.')}$`, 'm'));
  });

  it('fails with one line when the examples folder has no catalog', async () => {
    const r = await run('demo', '--examples', samples, '--samples', samples, '--out', join(work, 'none'));
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('no such example catalog file');
  });

  it('fails with one line on a catalog of the wrong shape', async () => {
    const bad = join(work, 'bad');
    await mkdir(bad);
    await writeFile(
      join(bad, 'catalog.ts'),
      `export const EXAMPLE_RUNS = [{ name: 'x', strategy: 'x.ts', data: [], config: {} }];\n`,
    );
    const r = await run('demo', '--examples', bad, '--out', join(work, 'bad-out'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('expected EXAMPLE_RUNS[0] to have data: [{ file, symbol }, …]');
  });

  it('fails with one line on a catalog whose portfolios or optimisations have the wrong shape', async () => {
    const cases: [string, string][] = [
      ['EXAMPLE_PORTFOLIOS = {}', 'expected EXAMPLE_PORTFOLIOS to be an array'],
      [
        "EXAMPLE_PORTFOLIOS = [{ name: 'p', data: [], config: {} }]",
        'expected EXAMPLE_PORTFOLIOS[0] to have a portfolio file name',
      ],
      [
        "EXAMPLE_OPTIMIZATIONS = [{ name: 'o', strategy: 's.ts', data: [{ file: 'a.csv', symbol: 'A' }], ranges: { fast: 5 } }]",
        'expected EXAMPLE_OPTIMIZATIONS[0] to have ranges: { name: "from:to:step", … }',
      ],
    ];
    for (const [i, [exported, message]] of cases.entries()) {
      const dir = join(work, `bad-extra-${i}`);
      await mkdir(dir);
      await writeFile(join(dir, 'catalog.ts'), `export const EXAMPLE_RUNS = [];\nexport const ${exported};\n`);
      const r = await run('demo', '--examples', dir, '--samples', samples, '--out', join(work, `bad-extra-out-${i}`));
      expect(r.status).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(message);
    }
  });

  it('shows no annualised figures for a run shorter than 30 days, and says why', () => {
    const run = (name: string, days: number): DemoRun => ({
      name,
      instruments: ['X'],
      trades: 3,
      totalReturn: 0.01,
      cagr: 0.5,
      sharpe: 2.5,
      maxDrawdown: 0.02,
      finalEquity: 101_000,
      days,
      report: `${name}.html`,
    });
    const lines: string[] = [];
    printDemoTable([run('year', 365), run('minutes', 0.002)], (l) => lines.push(l));
    expect(lines.find((l) => l.startsWith('year'))).toMatch(/50\.00% +2\.50 /);
    expect(lines.find((l) => l.startsWith('minutes'))).toMatch(/ n\/a\* +n\/a\* /);
    expect(lines.at(-1)).toMatch(/^\* spans less than 30 days/);
    const only: string[] = [];
    printDemoTable([run('year', 365)], (l) => only.push(l));
    expect(only.some((l) => l.startsWith('*'))).toBe(false);
  });

  it('names report files after the run, without characters a file system may refuse', () => {
    expect(reportFileName('sma-crossover')).toBe('sma-crossover.html');
    expect(reportFileName('a/b: c*')).toBe('a-b-c-.html');
  });
});
