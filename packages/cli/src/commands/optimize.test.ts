import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OptimizationResult } from '@alphintra/research';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run } from '../testing/run-cli.js';
import { optimizeCommand } from './optimize.js';
import { missingBestEquity } from './optimize-html.js';

const ORCL = new URL('../../../../data/samples/orcl-1995-2014.txt', import.meta.url).pathname;
const SMA = new URL('../../../../examples/sma-crossover.ts', import.meta.url).pathname;

const THROWS = `import { defineStrategy } from '@alphintra/engine';
export default defineStrategy({
  name: 'throws',
  parameters: { n: { type: 'integer', default: 5, min: 1, max: 10 } },
  create(ctx, p) {
    return {
      onBar() {
        if (p.n === 3 && ctx.barCount() > 10) throw new Error('n is three');
      },
    };
  },
});
`;

// The same failure in a sweep face (line 9 throws).
const THROWS_IN_SWEEP = `import { defineStrategy, HOLD } from '@alphintra/engine';
export default defineStrategy({
  name: 'throws-sweep',
  parameters: { n: { type: 'integer', default: 5, min: 1, max: 10 } },
  create: () => ({}),
  sweep: {
    indicators: () => ({}),
    decide(bar, _values, _held, p) {
      if (p.n === 3 && bar > 10) throw new Error('n is three');
      return HOLD;
    },
  },
});
`;

// The SMA crossover whose sweep face skips every seventh bar: it does not restate create.
const SKIPPING = `import { defineStrategy, HOLD } from '@alphintra/engine';
export default defineStrategy({
  name: 'skipping',
  parameters: {
    fast: { type: 'integer', default: 10, min: 2, max: 200 },
    slow: { type: 'integer', default: 30, min: 3, max: 400 },
  },
  create(ctx, p) {
    const fast = ctx.indicator('SMA', { timeperiod: p.fast });
    const slow = ctx.indicator('SMA', { timeperiod: p.slow });
    return {
      onBar() {
        if (!slow.isReady) return;
        if (fast.value > slow.value) {
          if (ctx.quantity() <= 0) ctx.targetPercent(1);
        } else if (ctx.quantity() > 0) ctx.closePosition();
      },
    };
  },
  sweep: {
    indicators: (p) => ({ fast: { name: 'SMA', params: { timeperiod: p.fast } }, slow: { name: 'SMA', params: { timeperiod: p.slow } } }),
    decide(bar, { fast, slow }, held) {
      const s = slow[bar];
      if (Number.isNaN(s) || bar % 7 === 0) return HOLD;
      if (fast[bar] > s) return held <= 0 ? 1 : HOLD;
      return held > 0 ? 0 : HOLD;
    },
  },
});
`;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'alphintra-optimize-'));
  await writeFile(join(work, 'throws.ts'), THROWS);
  await writeFile(join(work, 'throws-sweep.ts'), THROWS_IN_SWEEP);
  await writeFile(join(work, 'skipping.ts'), SKIPPING);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const grid = ['--param', 'fast=10:30:10', '--param', 'slow=50:150:50', '--fees', 'percent:0.001'];

// Each case starts worker threads and runs real optimisations: generous on a busy machine.
describe('alphintra optimize', { timeout: 180_000 }, () => {
  it('runs a grid, whose best trial agrees with a plain backtest of its parameters', async () => {
    const r = await run('optimize', SMA, '--data', ORCL, ...grid, '--workers', '2', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as OptimizationResult;
    const search = result.search;
    expect(search?.evaluated).toBe(9);
    expect(result.settings.method).toBe('grid');
    const best = search?.best;
    expect(best?.values[0]).toBe(Math.max(...(search?.trials ?? []).map((t) => t.values[0] ?? -Infinity)));
    const b = await run(
      'backtest',
      SMA,
      '--data',
      ORCL,
      '--fees',
      'percent:0.001',
      '--param',
      `fast=${String(best?.parameters.fast)}`,
      '--param',
      `slow=${String(best?.parameters.slow)}`,
      '--json',
    );
    const backtest = JSON.parse(b.stdout) as {
      metrics: { risk: { sharpe: number } };
      summary: { orderListHash: string };
    };
    expect(best?.metrics?.risk.sharpe).toBe(backtest.metrics.risk.sharpe);
    expect(best?.orderListHash).toBe(backtest.summary.orderListHash);
    expect(search?.diagnostics.deflatedSharpe?.trials).toBe(9);
    expect(search?.diagnostics.pbo?.splits).toBe(12_870);
    expect(result.manifest.data[0]?.bars).toBe(5036);
  });

  it('prints a summary with the top trials, the best, deflated Sharpe and PBO', async () => {
    const r = await run('optimize', SMA, '--data', ORCL, ...grid, '--workers', '1', '--top', '3');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('top 3 of 9 trials');
    expect(r.stdout).toMatch(/best\s+fast=\d+ slow=\d+/);
    expect(r.stdout).toContain('deflated Sharpe');
    expect(r.stdout).toContain('PBO');
  });

  it('writes a self-contained HTML report of a small grid and prints its path', async () => {
    const report = join(work, 'reports', 'grid.html');
    const r = await run('optimize', SMA, '--data', ORCL, ...grid, '--workers', '2', '--report', report);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').find((l) => l.trimStart().startsWith('written'))).toContain(report);
    const page = await readFile(report, 'utf8');
    expect(page).toContain('<title>Optimisation: sma-crossover 1</title>');
    for (const id of ['best', 'trials', 'overfitting', 'sensitivity', 'run'])
      expect(page).toContain(`<section id="${id}">`);
    const best = /best +fast=(\d+) slow=(\d+)/.exec(r.stdout);
    expect(page).toContain(`<dt>parameters</dt><dd>fast=${best?.[1]} slow=${best?.[2]}</dd>`);
    expect(page).toContain('<dt>trials behind the choice</dt><dd>9</dd>');
    expect(page).toContain('16 blocks, 12,870 splits');
    expect(page).toContain('id="sensitivity-map-0"');
    expect(page).toContain(`<dt>strategy file</dt><dd>${SMA}</dd>`);
    expect(page).not.toContain('class="notice"');
    // Nothing to fetch: the same checks as the backtest report's.
    expect(page.includes(`content="default-src 'none'; script-src 'sha256-`)).toBe(true);
    expect(/<link|<script[^>]+src=|<img[^>]+src=|@import|url\(\s*["']?(https?:)?\/\//i.test(page)).toBe(false);
    expect(/\s(src|href|action)=["']?(https?:)?\/\//i.test(page)).toBe(false);
  });

  it('re-runs the best trial in-process for its equity when the result lacks it, as the workers ran it', async () => {
    const command = await optimizeCommand(SMA, {
      data: [ORCL],
      param: ['fast=10:30:10', 'slow=50:150:50'],
      fees: 'percent:0.001',
      workers: '1',
      quiet: true,
    });
    const search = command.run.result.search;
    const best = search?.best;
    if (search === null || search === undefined || best === null || best === undefined)
      throw new Error('expected a best trial');
    expect(await missingBestEquity(command)).toBeNull();
    const stripped = {
      ...command,
      run: {
        ...command.run,
        result: { ...command.run.result, search: { ...search, best: { ...best, equity: null } } },
      },
    };
    const equity = await missingBestEquity(stripped);
    expect(equity?.equity).toHaveLength(5036);
    expect(equity).toEqual(best.equity);
  });

  it('writes the same files with one worker and with two', async () => {
    const texts: string[][] = [];
    for (const workers of ['1', '2']) {
      const out = join(work, `same-${workers}`);
      const r = await run(
        'optimize',
        SMA,
        '--data',
        ORCL,
        '--param',
        'fast=5:30',
        '--param',
        'slow=50:150',
        '--method',
        'bayes',
        '--trials',
        '12',
        '--workers',
        workers,
        '--evaluator',
        'engine',
        '--out',
        out,
        '--quiet',
      );
      expect(r.status).toBe(0);
      texts.push([await readFile(join(out, 'result.json'), 'utf8'), await readFile(join(out, 'trials.csv'), 'utf8')]);
    }
    expect(texts[1]).toEqual(texts[0]);
    const csv = (texts[0]?.[1] ?? '').trim().split('\n');
    expect(csv[0]).toBe(
      'fold,trial,rank,fast,slow,objective_sharpe,pareto_rank,sharpe,sortino,calmar,cagr,annualised_return,total_return,annualised_volatility,max_drawdown,count,win_rate,profit_factor,failure',
    );
    expect(csv).toHaveLength(13);
  });

  it('runs a walk-forward analysis and prints its folds', async () => {
    const r = await run(
      'optimize',
      SMA,
      '--data',
      ORCL,
      ...grid,
      '--walk-forward',
      'anchored:train=10y,test=5y',
      '--workers',
      '2',
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('walk-forward (anchored, train 10y, test 5y, step 5y');
    expect(r.stdout).toMatch(/\n1 +1995-01-03 → 2004-12-31 +2005-01-03 → 2009-12-31/);
    expect(r.stdout).toContain('out of sample');
    expect(r.stdout).toContain('efficiency');
  });

  it('says clearly what is wrong with the options', async () => {
    const cases: [string[], number, RegExp][] = [
      [['--param', 'fsat=1:5'], 2, /strategy "sma-crossover" has no parameter fsat \(parameters: fast, slow\)/],
      [['--param', 'fast=1:50'], 1, /expected the range of fast to start at or above its declared minimum 2, got 1/],
      [['--param', 'fast=5:50', '--objective', 'sharpness'], 1, /unknown objective "sharpness"/],
      [
        ['--param', 'fast=5:50', '--method', 'grid', '--param', 'slow=20:50', '--trials', '3'],
        1,
        /the grid has .* points but --trials is 3/,
      ],
      [['--param', 'fast=5:50', '--constraint', 'fast < slwo'], 1, /unknown parameter slwo/],
      [['--param', 'fast=5:50', '--walk-forward', 'rolling:train=2y'], 1, /expected --walk-forward rolling\|anchored/],
      [['--param', 'fast=5:50', '--resume'], 2, /--resume needs the --out folder/],
      [['--param', 'fast=5:50', '--workers', '0'], 2, /expected a positive integer for --workers, got "0"/],
      [['--param', 'fast=5:50', '--blocks', '7'], 2, /expected an even --blocks from 2 to 24, got 7/],
      [['--param', 'fast=5:50', '--fees', 'percent'], 2, /fees/],
    ];
    for (const [args, status, message] of cases) {
      const r = await run('optimize', SMA, '--data', ORCL, ...args);
      expect(r.status, args.join(' ')).toBe(status);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('fails in one line naming the trial when the strategy throws in a worker', async () => {
    const r = await run('optimize', join(work, 'throws.ts'), '--data', ORCL, '--param', 'n=1:5', '--workers', '2');
    expect(r.status).toBe(1);
    // The strategy file's line, then the trial, then the engine's report of handler, time and
    // bar, naming the strategy once.
    expect(r.stderr).toMatch(
      /^alphintra: error: \S+throws\.ts:\d+: trial n=3 failed: strategy "throws" threw in onBar at \S+ \(ORCL\.SIM bar \d+\): n is three/,
    );
    expect(r.stderr.match(/strategy "throws"/g)).toHaveLength(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('fails in one line naming the run when a sweep face throws, in this thread and in a worker', async () => {
    for (const workers of ['1', '2']) {
      const r = await run(
        'optimize',
        join(work, 'throws-sweep.ts'),
        '--data',
        ORCL,
        '--param',
        'n=1:5',
        '--workers',
        workers,
      );
      expect(r.status, workers).toBe(1);
      expect(r.stderr).toMatch(
        /^alphintra: error: \S+throws-sweep\.ts:9: strategy "throws-sweep": threw in sweep\.decide \(ORCL\.SIM, run with n=3\): n is three/,
      );
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('runs the sweep under auto when it can, says so, and checks it against the engine', async () => {
    const r = await run('optimize', SMA, '--data', ORCL, ...grid, '--json');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as OptimizationResult;
    expect(result.evaluator).toMatchObject({ requested: 'auto', used: 'sweep' });
    expect(result.evaluator.verification).toMatchObject({ trials: 9, agrees: true, tolerance: 1e-9 });
    expect(result.evaluator.verification?.searches[0]?.trials).toEqual(result.search?.ranking);
    const text = await run('optimize', SMA, '--data', ORCL, ...grid, '--verify', '4', '--quiet');
    expect(text.stdout).toMatch(
      /evaluator +sweep \(runSweep passes over chunks of each batch; the best trial and test runs by the engine\): auto, /,
    );
    expect(text.stdout).toContain('sweep agrees with the engine on 4 trials');
    // An objective the sweep does not compute sends auto to the engine, which is then not checked.
    const pf = await run('optimize', SMA, '--data', ORCL, ...grid, '--objective', 'average-mae', '--workers', '1');
    expect(pf.status).toBe(0);
    expect(pf.stdout).toMatch(
      /evaluator +engine \(one backtest per trial\): auto, the sweep does not compute trades\.averageMae/,
    );
    expect(pf.stdout).not.toContain('sweep agrees');
    // A trade statistic the sweep computes (the profit factor) keeps auto on the sweep.
    const byProfit = await run('optimize', SMA, '--data', ORCL, ...grid, '--objective', 'profit-factor', '--quiet');
    expect(byProfit.stdout).toMatch(/evaluator +sweep .*: auto, /);
  });

  it('refuses --evaluator sweep where the sweep cannot give the engine’s answers', async () => {
    const cases: [string, string[], RegExp][] = [
      [
        SMA,
        ['--param', 'fast=5:50', '--objective', 'average-mfe'],
        /cannot compute trades\.averageMfe \(objective averageMfe\)/,
      ],
      [SMA, ['--param', 'fast=5:50', '--volume-limit', '0.1'], /cannot run this: a volume limit/],
      [join(work, 'throws.ts'), ['--param', 'n=1:5'], /cannot run this: strategy throws has no sweep face/],
    ];
    for (const [file, args, message] of cases) {
      const r = await run('optimize', file, '--data', ORCL, ...args, '--evaluator', 'sweep');
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/--evaluator engine/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('prints the divergence table and warns, exiting 0, when the face does not restate create', async () => {
    const out = join(work, 'skipping-run');
    const r = await run(
      'optimize',
      join(work, 'skipping.ts'),
      '--data',
      ORCL,
      ...grid,
      '--evaluator',
      'sweep',
      '--verify',
      '3',
      '--out',
      out,
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning: the sweep evaluator disagrees with the event-driven engine/);
    expect(r.stdout).toMatch(/sweep DISAGREES with the engine: \d+ figures of 3 re-run trials/);
    expect(r.stdout).toMatch(/trial +run +parameters +metric +engine +sweep +difference/);
    const result = JSON.parse(await readFile(join(out, 'result.json'), 'utf8')) as OptimizationResult;
    const check = result.evaluator.verification;
    expect(check?.agrees).toBe(false);
    expect(check?.searches[0]?.divergences.some((d) => d.metric === 'finalEquity')).toBe(true);
  });
});
