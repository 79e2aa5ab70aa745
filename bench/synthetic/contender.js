// Runs one contender in a fresh process, so that neither the JIT's nor the collector's state
// of one contender affects another. argv: <name> <size as JSON> <runs> [core module path]
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { contenders } from './contenders.js';

const [name, sizeText, runsText, corePath] = process.argv.slice(2);
const run = contenders[name];
if (run === undefined) throw new Error(`unknown contender ${name}`);
const core = corePath === undefined ? await import('@alphintra/core') : await import(pathToFileURL(corePath).href);
const size = JSON.parse(sizeText);
const runs = Number(runsText);
const times = [];
let result;
for (let i = 0; i < runs; i++) {
  globalThis.gc?.();
  const t0 = performance.now();
  result = run(core, size);
  times.push(performance.now() - t0);
}
process.stdout.write(JSON.stringify({ name, times, bars: result.bars, check: result.check }));
