import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AlphintraError } from '@alphintra/core';
import type { BacktestConfig, BacktestData } from '@alphintra/engine';
import {
  type EvaluationBatch,
  type EvaluationControl,
  type MeasureOptions,
  requireBars,
  type TrialEvaluator,
  type TrialOutcome,
  unionTimeline,
} from '@alphintra/optimize';
import { shareData } from './shared-data.js';
import type { TrialRequest, WorkerMessage, WorkerSetup } from './worker-protocol.js';

/** A strategy run by a trial worker: the compiled module it imports, and its code hash. */
export interface WorkerStrategy {
  /** URL (file:) of an ES module whose default export is the strategy definition. */
  readonly moduleUrl: string;
  readonly codeHash: string;
}

/** A trial failed inside a worker (the strategy threw, or the engine refused its orders). */
export class TrialError extends Error {
  /** The stack of the original error, inside the worker. */
  readonly workerStack: string;
  constructor(message: string, workerStack: string) {
    super(message);
    this.name = 'TrialError';
    this.workerStack = workerStack;
    // The useful stack is the strategy's, inside the worker (with source-mapped lines).
    if (workerStack !== '') this.stack = workerStack;
  }
}

/** One request: the trials of `batch` (a part of the caller's), resolved all at once. */
interface Task {
  readonly id: number;
  readonly batch: EvaluationBatch;
  /** Outcomes in the order of `batch.parameterSets`; undefined when the task was dropped. */
  readonly resolve: (outcomes: readonly (TrialOutcome | undefined)[] | undefined) => void;
  readonly reject: (error: Error) => void;
  readonly signal: { readonly aborted: boolean } | undefined;
}

/** Which evaluator the workers run. */
export type PoolEvaluator = 'engine' | 'sweep';

/**
 * Trials per sweep request: about four requests per worker, so that the workers stay busy to the
 * end of a batch, but at least 32 trials (or the batch's share per worker, when smaller), so that
 * a pass still shares its indicators among many parameter sets.
 */
export function sweepChunkSize(trials: number, workers: number): number {
  return Math.max(1, Math.min(32, Math.ceil(trials / workers)), Math.ceil(trials / (workers * 4)));
}

// The worker is always the compiled one: from src/ (tests) and from dist/ this is dist/.
const WORKER_FILE = new URL('../dist/trial-worker.js', import.meta.url);

/**
 * Evaluates trials on worker threads, each request to whichever worker is free: one trial per
 * request through the engine (`evaluator: 'engine'`, the default), or a chunk of trials per
 * request through the one-pass sweep (`'sweep'`: each worker runs a `SweepTrialEvaluator`; see
 * {@link sweepChunkSize}). The data is copied once into shared memory that every worker maps.
 * Outcomes come back in batch order, and each equals the in-process evaluator's, so results do
 * not depend on the number of workers. `terminate` stops every worker at once and drops the
 * trials in flight.
 *
 * @example
 * const pool = await WorkerPoolEvaluator.start({ strategy: { moduleUrl, codeHash }, data, config: { fees }, workers: 2 });
 * const outcomes = await pool.evaluate({ window, parameterSets });
 * await pool.close();
 */
export class WorkerPoolEvaluator implements TrialEvaluator {
  readonly timeline: Float64Array;
  readonly blocks: number;
  readonly #workers: Worker[];
  readonly #idle: Worker[] = [];
  readonly #queue: Task[] = [];
  readonly #running = new Map<Worker, Task>();
  readonly #evaluator: PoolEvaluator;
  #nextId = 0;
  #closed = false;
  #failure: Error | undefined;

  private constructor(timeline: Float64Array, blocks: number, workers: Worker[], evaluator: PoolEvaluator) {
    this.timeline = timeline;
    this.blocks = blocks;
    this.#workers = workers;
    this.#evaluator = evaluator;
  }

  /** Starts `workers` threads and waits until each has loaded the strategy and the data. */
  static async start(options: {
    readonly strategy: WorkerStrategy;
    readonly data: readonly BacktestData[];
    readonly config?: Partial<BacktestConfig>;
    readonly measure?: MeasureOptions;
    readonly workers: number;
    /** What each worker runs: `engine` (default) or `sweep` (the strategy must have a sweep face). */
    readonly evaluator?: PoolEvaluator;
  }): Promise<WorkerPoolEvaluator> {
    const { workers: count } = options;
    if (!(Number.isInteger(count) && count >= 1))
      throw new AlphintraError('INVALID_ARGUMENT', `expected a positive integer number of workers, got ${count}`);
    if (!existsSync(fileURLToPath(WORKER_FILE)))
      throw new AlphintraError('FILE_NOT_FOUND', 'the trial worker is not built: run `npm run build` first', {
        file: fileURLToPath(WORKER_FILE),
      });
    const measure = options.measure ?? {};
    const setup: WorkerSetup = {
      strategyUrl: options.strategy.moduleUrl,
      strategyCodeHash: options.strategy.codeHash,
      data: shareData(options.data),
      config: options.config ?? {},
      measure,
      evaluator: options.evaluator ?? 'engine',
    };
    // No inherited Node options: a worker always runs the compiled packages, even when its
    // parent runs sources through an export condition (tests), and some options (--expose-gc)
    // are refused by workers.
    const workers = Array.from({ length: count }, () => new Worker(WORKER_FILE, { workerData: setup, execArgv: [] }));
    const pool = new WorkerPoolEvaluator(
      unionTimeline(requireBars(options.data)),
      measure.blocks ?? 16,
      workers,
      setup.evaluator,
    );
    try {
      await Promise.all(workers.map((w) => pool.#ready(w)));
    } catch (error) {
      await pool.terminate();
      throw error;
    }
    return pool;
  }

  /** Number of worker threads. */
  get size(): number {
    return this.#workers.length;
  }

  #ready(worker: Worker): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      worker.once('error', onError);
      worker.once('message', (message: WorkerMessage) => {
        worker.off('error', onError);
        if (message.kind !== 'ready') {
          reject(
            new AlphintraError(
              'INVALID_ARGUMENT',
              `a trial worker could not load the strategy: ${message.kind === 'failed-to-start' ? message.message : message.kind}`,
            ),
          );
          return;
        }
        worker.on('message', (m: WorkerMessage) => this.#onMessage(worker, m));
        worker.on('error', (e: Error) => this.#fail(e));
        worker.on('exit', (code) => {
          if (!this.#closed)
            this.#fail(new AlphintraError('IO_ERROR', `a trial worker stopped unexpectedly (exit code ${code})`));
        });
        this.#idle.push(worker);
        resolve();
      });
    });
  }

  /** What the workers run. */
  get evaluator(): PoolEvaluator {
    return this.#evaluator;
  }

  evaluate(batch: EvaluationBatch, control: EvaluationControl = {}): Promise<(TrialOutcome | undefined)[]> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    const sets = batch.parameterSets;
    if (this.#closed) return Promise.resolve(sets.map(() => undefined));
    // Detail runs go through the engine one by one, in sweep mode too.
    const size = this.#evaluator === 'sweep' && batch.detail === undefined ? sweepChunkSize(sets.length, this.size) : 1;
    const parts: Promise<readonly (TrialOutcome | undefined)[]>[] = [];
    for (let from = 0; from < sets.length; from += size) {
      const part = sets.slice(from, from + size);
      parts.push(
        new Promise((resolve, reject) => {
          this.#queue.push({
            id: this.#nextId++,
            batch: { ...batch, parameterSets: part },
            resolve: (outcomes) => {
              const out = outcomes ?? part.map(() => undefined);
              out.forEach((outcome, k) => {
                if (outcome !== undefined) control.onOutcome?.(from + k, outcome);
              });
              resolve(out);
            },
            reject,
            signal: control.signal,
          });
        }),
      );
    }
    this.#dispatch();
    return Promise.all(parts).then((all) => all.flat());
  }

  #dispatch(): void {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const task = this.#queue.shift() as Task;
      if (task.signal?.aborted === true) {
        task.resolve(undefined);
        continue;
      }
      const worker = this.#idle.shift() as Worker;
      this.#running.set(worker, task);
      const request: TrialRequest = { id: task.id, batch: task.batch };
      worker.postMessage(request);
    }
    // Tasks of a stopped batch that no worker will take are dropped now.
    for (let i = this.#queue.length - 1; i >= 0; i--) {
      const task = this.#queue[i] as Task;
      if (task.signal?.aborted === true) {
        this.#queue.splice(i, 1);
        task.resolve(undefined);
      }
    }
  }

  #onMessage(worker: Worker, message: WorkerMessage): void {
    const task = this.#running.get(worker);
    if (task === undefined) return;
    this.#running.delete(worker);
    this.#idle.push(worker);
    if (message.kind === 'outcome') task.resolve([message.outcome]);
    else if (message.kind === 'outcomes') task.resolve(message.outcomes);
    else if (message.kind === 'trial-failed') {
      const error = new TrialError(message.message, message.stack);
      // A failing strategy fails the run: drop what is queued rather than fail the same way again.
      for (const queued of this.#queue.splice(0)) queued.reject(error);
      task.reject(error);
    }
    this.#dispatch();
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const task of [...this.#queue.splice(0), ...this.#running.values()]) task.reject(error);
    this.#running.clear();
  }

  /** Stops every worker at once; trials in flight or queued resolve as dropped (undefined). */
  async terminate(): Promise<void> {
    this.#closed = true;
    for (const task of [...this.#queue.splice(0), ...this.#running.values()]) task.resolve(undefined);
    this.#running.clear();
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }

  /** Lets the workers finish and stops them. */
  async close(): Promise<void> {
    if (this.#closed) return;
    await this.terminate();
  }
}
