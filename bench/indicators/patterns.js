// Candlestick patterns: every pattern's batch kernel against TA-Lib's C function compiled
// with -O3, on seeded synthetic 1-minute bars. Each kernel runs in the same process, one
// after another, as an application computing many patterns would; the signals' sum and
// first index must match TA-Lib C. Goal: every pattern within 2x of C.
// Usage: node bench/indicators/patterns.js [--quick] [--only=CDLDOJI,CDLHAMMER]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateBars, parseTimeframe } from '@alphintra/core';
import { listIndicators } from '@alphintra/indicators';
import { setupTalib } from './setup-talib.js';

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const BARS = quick ? 100_000 : 1_000_000;
const RUNS = quick ? 3 : 5;
const GOAL = 2;
const benchData = join(here, '..', '..', '.bench-data');
mkdirSync(benchData, { recursive: true });
setupTalib(benchData, here);

// Builds the C harness next to TA-Lib's static library (rebuilt when the source is newer).
function patternsHarness() {
  const root = join(benchData, 'talib');
  const lib = join(root, 'package', 'src', 'lib');
  const source = join(here, 'patterns-harness.c');
  const binary = join(root, 'patterns-harness-O3');
  if (!existsSync(binary) || statSync(binary).mtimeMs < statSync(source).mtimeMs) {
    const includes = ['-I', join(lib, 'include'), '-I', join(lib, 'src', 'ta_common')];
    execFileSync('gcc', ['-O3', ...includes, source, join(root, 'libta-O3.a'), '-lm', '-o', binary], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return binary;
}

function best(fn) {
  for (let r = 0; r < 2; r++) fn(); // two untimed runs so the JIT has optimised the kernel
  let min = Number.POSITIVE_INFINITY;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

const series = generateBars({ seed: 7, bars: BARS, timeframe: parseTimeframe('1m'), symbols: ['BENCH'] });
const columns = [series.open, series.high, series.low, series.close];
// Written on every run, so that C always reads the very bars the kernels see.
const file = join(benchData, `patterns-${BARS}.f64`);
const all = new Float64Array(5 * BARS);
for (const [k, column] of [...columns, series.volume].entries()) all.set(column, k * BARS);
writeFileSync(file, new Uint8Array(all.buffer));
const c = new Map(
  execFileSync(patternsHarness(), [file, String(BARS), String(RUNS)], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .map((r) => [r.name, r]),
);

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
console.log(`\n## candlestick patterns, batch, ${BARS.toLocaleString('en-US')} bars (best of ${RUNS}; ms)\n`);
console.log(`${pad('pattern', 22)}${lpad('alphintra', 11)}${lpad('TA-Lib C', 10)}${lpad('vs C', 8)}`);
const out = new Float64Array(BARS);
let worst = { name: '', ratio: 0 };
let misses = 0;
for (const definition of listIndicators().filter((d) => d.group === 'pattern')) {
  if (only !== undefined && !only.includes(definition.name)) continue;
  const reference = c.get(definition.name);
  const params = Object.fromEntries(definition.parameters.map((p) => [p.name, p.default]));
  const ms = best(() => definition.compute(columns, params, [out]));
  let sum = 0;
  let begin = -1;
  for (let i = 0; i < BARS; i++) {
    if (Number.isNaN(out[i])) continue;
    if (begin < 0) begin = i;
    sum += out[i];
  }
  if (reference === undefined || sum !== reference.checksum || begin !== reference.begin) {
    console.log(`  ${definition.name}: output differs from TA-Lib C (sum ${sum}, first ${begin})`);
    process.exitCode = 1;
  }
  const ratio = ms / (reference?.ms ?? Number.NaN);
  if (ratio > worst.ratio) worst = { name: definition.name, ratio };
  if (ratio > GOAL) misses++;
  const flag = ratio > GOAL ? '  ✗' : '';
  console.log(
    `${pad(definition.name, 22)}${lpad(ms.toFixed(2), 11)}${lpad(reference?.ms.toFixed(2), 10)}${lpad(`${ratio.toFixed(2)}x`, 8)}${flag}`,
  );
}
console.log(`\nworst: ${worst.name} at ${worst.ratio.toFixed(2)}x C; ${misses} pattern(s) over the ${GOAL}x goal`);
