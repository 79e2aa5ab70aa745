// The entry of a trial worker thread: loads the strategy module and the shared data once,
// then runs one trial per request through the same in-process evaluator the main thread has.
import { parentPort, workerData } from 'node:worker_threads';
import { type StrategyDefinition, StrategyError } from '@alphintra/engine';
import { BacktestTrialEvaluator } from '@alphintra/optimize';
import { openSharedData } from './shared-data.js';
import type { TrialRequest, WorkerMessage, WorkerSetup } from './worker-protocol.js';

const port = parentPort;
if (port === null) throw new Error('trial-worker.js runs as a worker thread');
const post = (message: WorkerMessage): void => port.postMessage(message);
const setup = workerData as WorkerSetup;

function describeParameters(parameters: Readonly<Record<string, unknown>>): string {
  return Object.entries(parameters)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
}

async function start(): Promise<BacktestTrialEvaluator> {
  process.setSourceMapsEnabled(true);
  const module = (await import(setup.strategyUrl)) as { default?: StrategyDefinition };
  const strategy = module.default;
  if (strategy === undefined || typeof strategy.create !== 'function')
    throw new Error(`${setup.strategyUrl} has no strategy as its default export`);
  return new BacktestTrialEvaluator({
    strategy,
    data: openSharedData(setup.data),
    config: setup.config,
    strategyCodeHash: setup.strategyCodeHash,
    measure: setup.measure,
  });
}

try {
  const evaluator = await start();
  port.on('message', (request: TrialRequest) => {
    const parameters = request.batch.parameterSets[0] ?? {};
    try {
      post({ kind: 'outcome', id: request.id, outcome: evaluator.run(parameters, request.batch) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // The strategy's own exception, when the engine caught one, has the stack that names
      // the line of the strategy file (the engine's report names handler, time and bar).
      const origin = error instanceof StrategyError && error.cause instanceof Error ? error.cause : error;
      post({
        kind: 'trial-failed',
        id: request.id,
        message: `trial ${describeParameters(parameters)} failed: ${message}`,
        stack: origin instanceof Error ? (origin.stack ?? '') : '',
      });
    }
  });
  post({ kind: 'ready' });
} catch (error) {
  post({ kind: 'failed-to-start', message: error instanceof Error ? error.message : String(error) });
}
