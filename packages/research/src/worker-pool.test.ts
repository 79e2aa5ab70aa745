import { BacktestTrialEvaluator, type TrialWindow } from '@alphintra/optimize';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_CONFIG, testData, testPools, testStrategy } from './testing/fixtures.js';
import { TrialError, WorkerPoolEvaluator } from './worker-pool.js';

const config = TEST_CONFIG;
const pools = testPools();
afterEach(() => pools.closeAll());
const pool = (workers: number): Promise<WorkerPoolEvaluator> => pools.start(workers);

const sets = Array.from({ length: 12 }, (_, i) => ({ fast: 3 + i, slow: 40 + 5 * i }));

describe('the worker pool', { timeout: 120_000 }, () => {
  it('gives the same outcomes as the in-process evaluator, in batch order, with 1 and 2 workers', async () => {
    const window: TrialWindow = { warmupStart: 100, start: 300, end: 900 };
    const local = new BacktestTrialEvaluator({ strategy: await testStrategy(), data: [testData()], config });
    const expected = await local.evaluate({ window, parameterSets: sets });
    for (const workers of [1, 2]) {
      const p = await pool(workers);
      expect(p.size).toBe(workers);
      const order: number[] = [];
      const outcomes = await p.evaluate({ window, parameterSets: sets }, { onOutcome: (i) => order.push(i) });
      expect(outcomes).toEqual(expected);
      expect(order.sort((a, b) => a - b)).toEqual(sets.map((_, i) => i));
    }
  });

  it('returns detail runs with equity and trades, and honours the starting cash', async () => {
    const p = await pool(2);
    const [outcome] = await p.evaluate({
      window: { warmupStart: 0, start: 200, end: 600 },
      parameterSets: [{ fast: 5, slow: 50 }],
      cash: 12_345,
      detail: {},
    });
    expect(outcome?.detail?.equity.equity[0]).toBe(12_345);
    expect(outcome?.detail?.report.sample.bars).toBe(401);
  });

  it('drops trials not yet started when the signal is set', async () => {
    const p = await pool(1);
    const signal = { aborted: false };
    const outcomes = await p.evaluate(
      { window: { warmupStart: 0, start: 0, end: 1000 }, parameterSets: sets },
      {
        signal,
        onOutcome: () => {
          signal.aborted = true;
        },
      },
    );
    // One worker: the first trial finishes, sets the signal, and the queued rest are dropped.
    expect(outcomes.filter((o) => o !== undefined)).toHaveLength(1);
    expect(outcomes[0]).toBeDefined();
  });

  it('fails the batch with the trial and the strategy message when the strategy throws', async () => {
    const p = await pool(2);
    const run = p.evaluate({
      window: { warmupStart: 0, start: 0, end: 1000 },
      parameterSets: [
        { fast: 5, slow: 50 },
        { fast: 5, slow: 50, explode: true },
      ],
    });
    await expect(run).rejects.toThrow(TrialError);
    // The engine's message names the handler, time and bar before the strategy's own.
    await expect(run).rejects.toThrow(/trial fast=5 slow=50 explode=true failed: strategy ".+" threw in \w+ .*: boom$/);
  });

  it('refuses to start on a module that is not a strategy', async () => {
    await expect(
      WorkerPoolEvaluator.start({
        strategy: { moduleUrl: 'data:text/javascript,export default 42', codeHash: 'x' },
        data: [testData()],
        workers: 1,
      }),
    ).rejects.toThrow(/a trial worker could not load the strategy: .* has no strategy as its default export/);
  });

  it('terminates at once, dropping the trials in flight', async () => {
    const p = await pool(2);
    const run = p.evaluate({ window: { warmupStart: 0, start: 0, end: 1000 }, parameterSets: sets });
    await p.terminate();
    const outcomes = await run;
    expect(outcomes.every((o) => o === undefined)).toBe(true);
  });
});
