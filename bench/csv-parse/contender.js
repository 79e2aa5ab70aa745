// Runs one contender in a fresh process so its peak memory can be read in isolation.
// argv: <name> <csv> <dataset> <runs>
import { performance } from 'node:perf_hooks';
import { contenders } from './contenders.js';

const [name, csv, dataset, runsText] = process.argv.slice(2);
const run = contenders[name];
if (run === undefined) throw new Error(`unknown contender ${name}`);
const runs = Number(runsText);
const baselineRss = process.memoryUsage().rss;

// One timed run in its own frame, keeping only a summary, so that nothing holds the loaded
// data once it returns.
async function timedRun() {
  const t0 = performance.now();
  const r = await run(csv, dataset);
  const ms = performance.now() - t0;
  return { ms, rows: r.rows, check: r.check, sum: r.sum };
}

const times = [];
let summary;
let firstPeakRssKb = 0;
for (let i = 0; i < runs; i++) {
  // The previous run's data is collected first, so runs do not pile up; the event loop turns
  // once because a collected mapping is unmapped from a callback it runs.
  globalThis.gc?.();
  await new Promise((resolve) => setImmediate(resolve));
  summary = await timedRun();
  times.push(summary.ms);
  // Peak memory of one load, before any earlier load's memory could still be awaiting release.
  if (i === 0) firstPeakRssKb = process.resourceUsage().maxRSS;
}
const peakRssKb = process.resourceUsage().maxRSS;
process.stdout.write(
  JSON.stringify({
    name,
    times,
    rows: summary.rows,
    check: summary.check,
    sum: summary.sum,
    peakRss: firstPeakRssKb * 1024,
    peakRssAllRuns: peakRssKb * 1024,
    baselineRss,
  }),
);
