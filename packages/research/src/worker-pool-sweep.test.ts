import { SweepTrialEvaluator, type TrialWindow } from '@alphintra/optimize';
import { afterEach, describe, expect, it } from 'vitest';
import { SWEEP_STRATEGY_URL, TEST_CONFIG, testData, testPools, testStrategy } from './testing/fixtures.js';
import { sweepChunkSize, TrialError, type WorkerPoolEvaluator } from './worker-pool.js';

const config = TEST_CONFIG;
const pools = testPools();
afterEach(() => pools.closeAll());
const sweepPool = (workers: number): Promise<WorkerPoolEvaluator> => pools.start(workers, 'sweep');

// 90 sets: three chunks of 32 / 30 with two workers (see sweepChunkSize).
const sets = Array.from({ length: 90 }, (_, i) => ({ fast: 2 + (i % 15), slow: 20 + 7 * Math.floor(i / 15) }));

describe('sweepChunkSize', () => {
  it('gives about four chunks per worker, at least 32 trials, and no more than a worker’s share', () => {
    expect(sweepChunkSize(10_000, 2)).toBe(1250);
    expect(sweepChunkSize(174, 2)).toBe(32);
    expect(sweepChunkSize(90, 2)).toBe(32);
    expect(sweepChunkSize(10, 2)).toBe(5);
    expect(sweepChunkSize(1, 4)).toBe(1);
    expect(sweepChunkSize(0, 2)).toBe(1);
  });
});

describe('the worker pool with the sweep evaluator', { timeout: 120_000 }, () => {
  it('gives the in-process sweep evaluator’s outcomes, in batch order, with 1 and 2 workers', async () => {
    const window: TrialWindow = { warmupStart: 100, start: 300, end: 900 };
    const local = new SweepTrialEvaluator({
      strategy: await testStrategy(SWEEP_STRATEGY_URL),
      data: [testData()],
      config,
    });
    const expected = await local.evaluate({ window, parameterSets: sets });
    expect(expected.every((o) => o !== undefined && o.metrics['risk.sharpe'] !== undefined)).toBe(true);
    for (const workers of [1, 2]) {
      const p = await sweepPool(workers);
      expect(p.evaluator).toBe('sweep');
      const seen: number[] = [];
      const outcomes = await p.evaluate({ window, parameterSets: sets }, { onOutcome: (i) => seen.push(i) });
      expect(outcomes).toEqual(expected);
      // Every outcome reported once, by its index in the batch.
      expect(seen.sort((a, b) => a - b)).toEqual(sets.map((_, i) => i));
    }
  });

  it('runs detail batches through the engine, one trial per request', async () => {
    const p = await sweepPool(2);
    const outcomes = await p.evaluate({
      window: { warmupStart: 0, start: 200, end: 600 },
      parameterSets: [
        { fast: 5, slow: 50 },
        { fast: 8, slow: 40 },
      ],
      cash: 12_345,
      detail: {},
    });
    for (const outcome of outcomes) {
      expect(outcome?.detail?.equity.equity[0]).toBe(12_345);
      expect(outcome?.detail?.report.sample.bars).toBe(401);
    }
  });

  it('drops the chunks not yet started when the signal is set', async () => {
    const p = await sweepPool(1);
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
    // One worker: the first chunk (32 trials) finishes, sets the signal, and the rest are dropped.
    expect(outcomes.filter((o) => o !== undefined)).toHaveLength(32);
    expect(outcomes.slice(0, 32).every((o) => o !== undefined)).toBe(true);
  });

  it('fails the batch naming the run and the strategy message when the face throws', async () => {
    const p = await sweepPool(2);
    const run = p.evaluate({
      window: { warmupStart: 0, start: 0, end: 1000 },
      parameterSets: [
        { fast: 5, slow: 50 },
        { fast: 5, slow: 50, explode: true },
      ],
    });
    await expect(run).rejects.toThrow(TrialError);
    await expect(run).rejects.toThrow(
      /^strategy "research-test-sma-sweep": threw in sweep\.decide \(\S+, run with fast=5 slow=50 explode=true\): boom$/,
    );
  });
});
