// The entry of a trial worker thread: loads the strategy module and the shared data once,
// then runs the trials of each request through the same in-process evaluator the main thread
// has: one trial per request through the engine, or a chunk of trials per request through the
// one-pass sweep.
import { parentPort, workerData } from 'node:worker_threads';
import { formatParameters, type StrategyDefinition, StrategyError } from '@alphintra/engine';
import { BacktestTrialEvaluator, SweepTrialEvaluator } from '@alphintra/optimize';
import { openSharedData } from './shared-data.js';
import type { TrialRequest, WorkerMessage, WorkerSetup } from './worker-protocol.js';

const port = parentPort;
if (port === null) throw new Error('trial-worker.js runs as a worker thread');
const post = (message: WorkerMessage): void => port.postMessage(message);
const setup = workerData as WorkerSetup;

async function start(): Promise<BacktestTrialEvaluator | SweepTrialEvaluator> {
  process.setSourceMapsEnabled(true);
  const module = (await import(setup.strategyUrl)) as { default?: StrategyDefinition };
  const strategy = module.default;
  if (strategy === undefined || typeof strategy.create !== 'function')
    throw new Error(`${setup.strategyUrl} has no strategy as its default export`);
  const evaluatorSetup = {
    strategy,
    data: openSharedData(setup.data),
    config: setup.config,
    strategyCodeHash: setup.strategyCodeHash,
    measure: setup.measure,
  };
  return setup.evaluator === 'sweep'
    ? new SweepTrialEvaluator(evaluatorSetup)
    : new BacktestTrialEvaluator(evaluatorSetup);
}

/**
 * Posts a failed request, its message prefixed with `what` failed (nothing when empty): the
 * strategy's own stack when the engine caught its exception.
 */
function postFailure(id: number, what: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  // The strategy's own exception, when the engine caught one, has the stack that names
  // the line of the strategy file (the engine's report names handler, time and bar).
  const origin = error instanceof StrategyError && error.cause instanceof Error ? error.cause : error;
  post({
    kind: 'trial-failed',
    id,
    message: what === '' ? message : `${what} failed: ${message}`,
    stack: origin instanceof Error ? (origin.stack ?? '') : '',
  });
}

try {
  const evaluator = await start();
  if (evaluator instanceof SweepTrialEvaluator) {
    // Requests are handled one at a time (the pool sends the next only after the answer).
    port.on('message', (request: TrialRequest) => {
      const sets = request.batch.parameterSets;
      evaluator.evaluate(request.batch).then(
        (outcomes) => post({ kind: 'outcomes', id: request.id, outcomes }),
        // The sweep's StrategyError names the run that threw; anything else names the chunk.
        (error: unknown) =>
          postFailure(
            request.id,
            error instanceof StrategyError
              ? ''
              : `a sweep of ${sets.length} trial${sets.length === 1 ? '' : 's'} (from ${formatParameters(sets[0] ?? {})})`,
            error,
          ),
      );
    });
  } else {
    port.on('message', (request: TrialRequest) => {
      const parameters = request.batch.parameterSets[0] ?? {};
      try {
        post({ kind: 'outcome', id: request.id, outcome: evaluator.run(parameters, request.batch) });
      } catch (error) {
        postFailure(request.id, `trial ${formatParameters(parameters)}`, error);
      }
    });
  }
  post({ kind: 'ready' });
} catch (error) {
  post({ kind: 'failed-to-start', message: error instanceof Error ? error.message : String(error) });
}
