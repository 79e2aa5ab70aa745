// Child process: builds the workload, times one contender `runs` times, prints JSON.
import { contenders } from './contenders.js';
import { manySeries, singleSeries } from './workloads.js';

const [name, caseJson, runsText] = process.argv.slice(2);
const size = JSON.parse(caseJson);
const runs = Number(runsText);
const series = size.symbols === 1 ? singleSeries(size.bars) : manySeries(size.symbols, size.bars);
const run = contenders[name];
globalThis.gc?.();
const before = process.memoryUsage();
const times = [];
let out;
let peakDelta = 0;
for (let r = 0; r < runs; r++) {
  globalThis.gc?.();
  const start = process.hrtime.bigint();
  out = run(series);
  times.push(Number(process.hrtime.bigint() - start) / 1e9);
  const now = process.memoryUsage();
  const delta = now.heapUsed + now.arrayBuffers - before.heapUsed - before.arrayBuffers;
  if (delta > peakDelta) peakDelta = delta;
}
// Retained memory of one run, results included (measured while `out` holds them).
globalThis.gc?.();
const held = run(series);
const after = process.memoryUsage();
const retained = after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers;
void held;
process.stdout.write(JSON.stringify({ name, times, ...out, retained, peakDelta }));
