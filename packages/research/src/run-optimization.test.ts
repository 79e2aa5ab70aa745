import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSpace, type OptimizationSettings, parseObjective, parseWalkForward } from '@alphintra/optimize';
import { afterAll, describe, expect, it } from 'vitest';
import { JOURNAL_FILE } from './journal.js';
import { runOptimization } from './run-optimization.js';
import { SWEEP_STRATEGY_URL, testData, testJob, testStrategy } from './testing/fixtures.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'alphintra-research-'));
  dirs.push(d);
  return d;
};

async function settings(overrides: Partial<OptimizationSettings['search']> = {}): Promise<OptimizationSettings> {
  const strategy = await testStrategy();
  return {
    space: buildSpace(strategy.parameters, { fast: '2:40', slow: '10:200' }),
    constraints: ['fast < slow'],
    objectives: [parseObjective('sharpe')],
    search: { method: 'bayes', trials: 24, seed: 5, ...overrides },
  };
}

// Each case starts worker threads and runs several optimisations: generous on a busy machine.
describe('running an optimisation on worker threads', { timeout: 180_000 }, () => {
  it('gives the same trials and the same best result with 1 and 2 workers', async () => {
    const job = await testJob(await settings());
    const one = await runOptimization(job, { workers: 1 });
    const two = await runOptimization(job, { workers: 2 });
    expect(JSON.stringify(two.result)).toBe(JSON.stringify(one.result));
    expect(one.result.search?.evaluated).toBe(24);
    expect(one.complete).toBe(true);
    expect(one.result.manifest.strategy).toEqual({ name: 'research-test-sma', version: '1', codeHash: 'test-code' });
  });

  it('spreads sweep passes over the workers with the same result as one thread', async () => {
    const strategy = await testStrategy(SWEEP_STRATEGY_URL);
    const grid: OptimizationSettings = {
      space: buildSpace(strategy.parameters, { fast: '2:20:2', slow: '20:100:5' }),
      constraints: ['fast < slow'],
      objectives: [parseObjective('sharpe')],
      search: { method: 'grid', seed: 5 },
    };
    const job = await testJob(grid, testData(), SWEEP_STRATEGY_URL);
    const one = await runOptimization(job, { workers: 1, evaluator: 'sweep', verify: 3 });
    const two = await runOptimization(job, { workers: 2, evaluator: 'sweep', verify: 3 });
    expect(one.result.evaluator).toMatchObject({ used: 'sweep', verification: { agrees: true } });
    expect(JSON.stringify(two.result)).toBe(JSON.stringify(one.result));
    // The grid's every feasible point (10 × 17 but fast 20 / slow 20), in chunks of 32 on the two workers.
    expect(two.result.search?.evaluated).toBe(169);
    expect(two.complete).toBe(true);
  });

  it('stops cleanly, and a resumed run ends byte for byte as an uninterrupted one', async () => {
    const job = await testJob(await settings());
    const whole = await runOptimization(job, { workers: 2 });
    const dir = tempDir();
    const stop = { aborted: false };
    const first = await runOptimization(job, {
      workers: 2,
      outDir: dir,
      stop,
      onProgress: (p) => {
        if (p.done >= 10) stop.aborted = true;
      },
    });
    expect(first.complete).toBe(false);
    expect(first.result.complete).toBe(false);
    const journalled = readFileSync(join(dir, JOURNAL_FILE), 'utf8').trim().split('\n').length - 1;
    expect(journalled).toBeGreaterThanOrEqual(10);
    const second = await runOptimization(job, { workers: 1, outDir: dir, resume: true });
    expect(second.complete).toBe(true);
    expect(second.reused).toBe(journalled);
    expect(second.evaluated).toBe(24 - journalled);
    expect(JSON.stringify(second.result)).toBe(JSON.stringify(whole.result));
  });

  it('resumes after a hard stop that cut the journal mid-line', async () => {
    const job = await testJob(await settings({ method: 'random' }));
    const whole = await runOptimization(job, { workers: 2 });
    const dir = tempDir();
    const kill = new AbortController();
    const first = await runOptimization(job, {
      workers: 2,
      outDir: dir,
      kill: kill.signal,
      onProgress: (p) => {
        if (p.done >= 5) kill.abort();
      },
    });
    expect(first.complete).toBe(false);
    // Simulate a write cut short by the kill.
    const path = join(dir, JOURNAL_FILE);
    writeFileSync(path, `${readFileSync(path, 'utf8')}{"key":"abc","wind`);
    const second = await runOptimization(job, { workers: 2, outDir: dir, resume: true });
    expect(JSON.stringify(second.result)).toBe(JSON.stringify(whole.result));
  });

  it('refuses a journal of another run, and one it was not asked to resume', async () => {
    const dir = tempDir();
    const job = await testJob(await settings({ trials: 4 }));
    await runOptimization(job, { workers: 1, outDir: dir });
    await expect(runOptimization(job, { workers: 1, outDir: dir })).rejects.toThrow(
      /already holds an optimisation journal: add --resume to continue it, or choose another --out/,
    );
    await expect(
      runOptimization(await testJob(await settings({ seed: 6 })), { workers: 1, outDir: dir, resume: true }),
    ).rejects.toThrow(/cannot resume: the journal was written for a different run \(search settings/);
    await expect(
      runOptimization(await testJob(await settings({ trials: 4 }), testData(1000, 9)), {
        workers: 1,
        outDir: dir,
        resume: true,
      }),
    ).rejects.toThrow(/different run \(data\)/);
    const other = { ...job, strategy: { ...job.strategy, codeHash: 'changed' } };
    await expect(runOptimization(other, { workers: 1, outDir: dir, resume: true })).rejects.toThrow(
      /different run \(strategy code \(test-code there, changed now\)\)/,
    );
    await expect(runOptimization(job, { workers: 1, outDir: tempDir(), resume: true })).rejects.toThrow(
      /nothing to resume: .* holds no journal.ndjson/,
    );
    // A longer budget extends the same run.
    const longer = await runOptimization(await testJob(await settings({ trials: 8 })), {
      workers: 1,
      outDir: dir,
      resume: true,
    });
    expect(longer.reused).toBe(4);
    expect(longer.evaluated).toBe(4);
  });

  it('runs a walk-forward analysis through the workers as in process', async () => {
    const data = testData();
    const job = await testJob(
      {
        ...(await settings({ method: 'random', trials: 6 })),
        walkForward: parseWalkForward('anchored:train=400,test=200'),
      },
      data,
    );
    const run = await runOptimization(job, { workers: 2 });
    const wf = run.result.walkForward;
    expect(wf?.folds).toHaveLength(3);
    expect(wf?.stitched?.time[0]).toBe(data.series.time[399]);
  });
});
