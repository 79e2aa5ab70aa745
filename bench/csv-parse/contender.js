// Runs one contender in a fresh process so its peak memory can be read in isolation.
// argv: <name> <csv> <dataset> <runs>
import { performance } from 'node:perf_hooks';
import { contenders } from './contenders.js';

const [name, csv, dataset, runsText] = process.argv.slice(2);
const run = contenders[name];
if (run === undefined) throw new Error(`unknown contender ${name}`);
const runs = Number(runsText);
const baselineRss = process.memoryUsage().rss;
const times = [];
let result;
for (let i = 0; i < runs; i++) {
  globalThis.gc?.();
  const t0 = performance.now();
  result = await run(csv, dataset);
  times.push(performance.now() - t0);
}
const peakRssKb = process.resourceUsage().maxRSS;
process.stdout.write(
  JSON.stringify({ name, times, rows: result.rows, check: result.check, peakRss: peakRssKb * 1024, baselineRss }),
);
