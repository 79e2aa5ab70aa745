// The event-driven optimiser's throughput: trials per second over the same grid with 1 and 2
// worker threads (plus the in-process evaluator, no threads, for reference), and the scaling
// ratio from 1 to 2 workers. Each trial is a full runBacktest + computeMetrics + CSCV block
// statistics. The sweep evaluator (one runSweep pass per batch of 64, the sweep-computable
// metrics and CSCV blocks per trial, in process) runs the same grid as a contender; then the
// sweep evaluator alone, in process and on 1 and 2 worker threads, over a bigger grid.
// Rounds alternate the contenders; the best round of each counts.
// Options: --quick (a smaller grid, fewer rounds).
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { defineInstrument } from '@alphintra/core';
import { readBars } from '@alphintra/data';
import {
  BacktestTrialEvaluator,
  buildSpace,
  compileConstraint,
  parseObjective,
  prepareSearch,
  runSearch,
  SWEEP_GRID_BATCH,
  SweepTrialEvaluator,
} from '@alphintra/optimize';
import { WorkerPoolEvaluator } from '@alphintra/research';
import { compileStrategyFile } from '../../packages/cli/dist/commands/backtest-strategy.js';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 2 : 3;
// The repository's SMA crossover example, compiled once as `alphintra optimize` compiles it.
const compiled = await compileStrategyFile(fileURLToPath(new URL('../../examples/sma-crossover.ts', import.meta.url)));
const { moduleUrl } = compiled;
const strategy = compiled.strategy.definition;
const file = fileURLToPath(new URL('../../data/samples/orcl-1995-2014.txt', import.meta.url));
const read = await readBars(file);
const data = [
  {
    instrument: defineInstrument({ kind: 'equity', symbol: 'ORCL', venue: 'SIM', currency: 'USD' }),
    series: read.series,
    hash: 'orcl-1995-2014',
  },
];
const config = { fees: { kind: 'percent', rate: 0.001 } };
const ranges = quick ? { fast: '5:50:10', slow: '20:200:20' } : { fast: '5:50:5', slow: '20:200:10' };
const space = buildSpace(strategy.parameters, ranges);
const constraints = [compileConstraint('fast < slow', space)];
const objectives = [parseObjective('sharpe')];
const window = { warmupStart: 0, start: 0, end: read.series.length };

/** One pass of a grid search (default: the small grid above, 64-trial batches) through `evaluator`. */
async function timeGrid(evaluator, grid = { space, constraints }) {
  const prepared = prepareSearch(grid.space, grid.constraints, {
    method: 'grid',
    seed: 1,
    ...(grid.batchSize === undefined ? {} : { batchSize: grid.batchSize }),
  });
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const run = await runSearch({ space: grid.space, objectives, prepared, window, evaluator });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  const best = Math.max(...run.trials.map((t) => t.values[0] ?? Number.NEGATIVE_INFINITY));
  // CPU seconds of every thread of this process over the pass: with N busy threads and N free
  // cores it approaches N × wall time; much less means the machine had no core to give.
  return { trials: run.trials.length, seconds, best, cpu: (used.user + used.system) / 1e6 };
}

// The ceiling: what the machine lets two threads do right now. A plain arithmetic loop split
// over 1 and 2 threads, timed in the same rounds; on a shared or busy machine it scales below 2x too.
const SPIN = `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (n) => { let x = 0; for (let i = 0; i < n; i++) x += Math.sqrt(i) * 1e-9; parentPort.postMessage(x); });`;
async function timeSpin(threads) {
  const total = quick ? 1e8 : 4e8;
  const workers = Array.from({ length: threads }, () => new Worker(SPIN, { eval: true }));
  const once = () =>
    Promise.all(
      workers.map(
        (w) =>
          new Promise((resolve) => {
            w.once('message', resolve);
            w.postMessage(total / threads);
          }),
      ),
    );
  await once();
  const start = process.hrtime.bigint();
  await once();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await Promise.all(workers.map((w) => w.terminate()));
  return seconds;
}

/**
 * Times every contender over `grid` in `ROUNDS` alternating rounds (each pass after an untimed
 * warm-up pass, so every thread runs compiled code), with the arithmetic ceiling on 1 and 2
 * threads in each round; returns each contender's best round and the ceiling.
 */
async function measureRounds(contenders, grid) {
  const results = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  const spin = { 1: [], 2: [] };
  for (let round = 0; round < ROUNDS; round++) {
    spin[1].push(await timeSpin(1));
    spin[2].push(await timeSpin(2));
    for (const [name, start] of Object.entries(contenders)) {
      const evaluator = await start();
      try {
        await timeGrid(evaluator, grid); // warm-up pass: every thread compiles its hot code first
        results[name].push(await timeGrid(evaluator, grid));
      } finally {
        await evaluator.close();
      }
    }
  }
  const best = (name) => results[name].reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return { best, ceiling: Math.min(...spin[1]) / Math.min(...spin[2]) };
}

/** Prints each contender's best round as a table row; whether they all found the same best Sharpe. */
function printTable(contenders, best, msDigits) {
  console.log('| contender | trials | best s | trials/s | CPU s | CPU / wall | CPU ms / trial | best Sharpe |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const name of Object.keys(contenders)) {
    const r = best(name);
    console.log(
      `| ${name} | ${r.trials} | ${r.seconds.toFixed(3)} | ${(r.trials / r.seconds).toFixed(1)} | ${r.cpu.toFixed(2)} | ${(r.cpu / r.seconds).toFixed(2)} | ${((1000 * r.cpu) / r.trials).toFixed(msDigits)} | ${r.best.toFixed(4)} |`,
    );
  }
  return new Set(Object.keys(contenders).map((n) => best(n).best)).size === 1;
}

const pool = (workers, evaluator) =>
  WorkerPoolEvaluator.start({ strategy: { moduleUrl, codeHash: 'bench' }, data, config, workers, evaluator });

const contenders = {
  'in-process (no threads)': async () => new BacktestTrialEvaluator({ strategy, data, config }),
  '1 worker thread': () => pool(1, 'engine'),
  '2 worker threads': () => pool(2, 'engine'),
  'sweep evaluator (in-process)': async () => new SweepTrialEvaluator({ strategy, data, config }),
};

console.log(
  `SMA crossover on ORCL (${read.series.length.toLocaleString('en-US')} daily bars, 0.1 % fees), grid fast=${ranges.fast} × slow=${ranges.slow} with fast < slow; ${availableParallelism()} cores; best of ${ROUNDS} alternating rounds, each timed after an untimed warm-up pass over the same grid\n`,
);
const { best, ceiling } = await measureRounds(contenders);
const same = printTable(contenders, best, 2);
const one = best('1 worker thread');
const two = best('2 worker threads');
const inProcess = best('in-process (no threads)');
const scaling = one.seconds / two.seconds;
console.log(`\nscaling 1 → 2 workers: ${scaling.toFixed(2)}x (ideal 2.00x)`);
console.log(
  `ceiling, a plain arithmetic loop on 1 → 2 threads in the same rounds: ${ceiling.toFixed(2)}x (what the machine allowed); optimiser ÷ ceiling ${(scaling / ceiling).toFixed(2)}`,
);
console.log(`1 worker vs in-process: ${(inProcess.seconds / one.seconds).toFixed(2)}x (thread and message overhead)`);
const sweep = best('sweep evaluator (in-process)');
console.log(
  `sweep evaluator vs in-process engine evaluator: ${(inProcess.seconds / sweep.seconds).toFixed(1)}x the trials/s, ${(inProcess.cpu / sweep.cpu).toFixed(1)}x less CPU per trial; vs 2 workers: ${(two.seconds / sweep.seconds).toFixed(1)}x the trials/s`,
);
// CPU time does not depend on how busy the machine is: with two free cores, two workers could
// at best finish in their CPU time halved, so this bounds the speed-up the design allows.
console.log(
  `CPU per trial, 2 workers vs 1: ${(two.cpu / one.cpu).toFixed(2)}x; speed-up bound with two free cores: ${((2 * one.cpu) / two.cpu).toFixed(2)}x`,
);
console.log(`best Sharpe ${same ? 'agrees' : 'DIFFERS'} across contenders`);
if (!same) process.exitCode = 1;

// The sweep evaluator on worker threads: a bigger grid (the sweep is ~20x faster per trial, so
// the small grid above is over before threads matter), in process and on 1 and 2 workers, each
// worker running runSweep over chunks of the batch. Rounds alternate, best round counts.
const sweepRanges = quick ? { fast: '2:40:2', slow: '20:200:4' } : { fast: '2:60', slow: '20:300:2' };
const sweepSpace = buildSpace(strategy.parameters, sweepRanges);
const sweepConstraints = [compileConstraint('fast < slow', sweepSpace)];
// Batches as `alphintra optimize` proposes them to the sweep (SWEEP_GRID_BATCH trials).
const sweepGrid = { space: sweepSpace, constraints: sweepConstraints, batchSize: SWEEP_GRID_BATCH };
const sweepContenders = {
  'sweep, in-process': async () => new SweepTrialEvaluator({ strategy, data, config }),
  'sweep, 1 worker thread': () => pool(1, 'sweep'),
  'sweep, 2 worker threads': () => pool(2, 'sweep'),
};
const { best: bestSweep, ceiling: sweepCeiling } = await measureRounds(sweepContenders, sweepGrid);
console.log(`
sweep evaluator on worker threads, grid fast=${sweepRanges.fast} × slow=${sweepRanges.slow} with fast < slow:
`);
const sweepSame = printTable(sweepContenders, bestSweep, 3);
const sweepOne = bestSweep('sweep, 1 worker thread');
const sweepTwo = bestSweep('sweep, 2 worker threads');
const sweepLocal = bestSweep('sweep, in-process');
const sweepScaling = sweepOne.seconds / sweepTwo.seconds;
console.log(
  `
sweep scaling 1 → 2 workers: ${sweepScaling.toFixed(2)}x; ceiling in the same rounds ${sweepCeiling.toFixed(2)}x; sweep ÷ ceiling ${(sweepScaling / sweepCeiling).toFixed(2)}; 2 workers vs in-process: ${(sweepLocal.seconds / sweepTwo.seconds).toFixed(2)}x`,
);
console.log(`best Sharpe ${sweepSame ? 'agrees' : 'DIFFERS'} across the sweep contenders`);
if (!sweepSame) process.exitCode = 1;

// Search quality (not speed): the best Sharpe found by TPE and by random search with the same
// budget, over several seeds, on the in-process evaluator. Deterministic for the seeds.
const budget = 60;
const seeds = quick ? 4 : 10;
const wide = buildSpace(strategy.parameters, { fast: '2:100', slow: '10:300' });
const wideConstraints = [compileConstraint('fast < slow', wide)];
const local = new BacktestTrialEvaluator({ strategy, data, config });
const found = { random: [], bayes: [] };
for (let seed = 1; seed <= seeds; seed++) {
  for (const method of ['random', 'bayes']) {
    const prepared = prepareSearch(wide, wideConstraints, { method, seed, trials: budget });
    const run = await runSearch({ space: wide, objectives, prepared, window, evaluator: local });
    found[method].push(Math.max(...run.trials.map((t) => t.values[0] ?? Number.NEGATIVE_INFINITY)));
  }
}
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const wins = found.bayes.filter((v, i) => v > found.random[i]).length;
console.log(
  `\nsearch quality, fast 2…100 × slow 10…300 (fast < slow), ${budget} trials, seeds 1…${seeds}: mean best Sharpe TPE ${mean(found.bayes).toFixed(4)} vs random ${mean(found.random).toFixed(4)}; TPE better in ${wins} of ${seeds}`,
);
await compiled.dispose();
