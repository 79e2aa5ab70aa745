// Technical indicators: Alphintra's batch kernels against TA-Lib's C code compiled with -O3,
// the talib addon, technicalindicators and trading-signals, over 1M and 10M bars; and the
// streaming update cost against trading-signals, with the garbage collections it causes.
// Goals (issue 3): batch within 1.5x of TA-Lib C on each; streaming faster than
// trading-signals on each; zero allocations per streaming update.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateBars, parseTimeframe } from '@alphintra/core';
import {
  alphintraKernel,
  alphintraStream,
  CASES,
  talibAddon,
  technicalIndicators,
  tradingSignals,
} from './contenders.js';
import { setupTalib } from './setup-talib.js';

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const SIZES = process.argv.includes('--streaming-only') ? [] : quick ? [100_000] : [1_000_000, 10_000_000];
const RUNS = quick ? 3 : 5;
const PEER_BUDGET_MS = 4_000; // a peer slower than this at one size is not run at the next
const benchData = join(here, '..', '..', '.bench-data');
mkdirSync(benchData, { recursive: true });
const { harness, addonPackage } = setupTalib(benchData, here);

// Two untimed runs first, so that every contender is measured after the JIT has optimised it.
function best(fn, runs = RUNS, warmups = 2) {
  for (let r = 0; r < warmups; r++) fn();
  let min = Number.POSITIVE_INFINITY;
  let result;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    result = fn();
    min = Math.min(min, performance.now() - t0);
  }
  return { ms: min, result };
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const fmt = (x) => (x === undefined ? '—' : x.toFixed(1));
const slowPeers = new Set();
let batchMisses = 0;
let streamMisses = 0;

for (const n of SIZES) {
  const series = generateBars({ seed: 7, bars: n, timeframe: parseTimeframe('1m'), symbols: ['BENCH'] });
  const bars = { open: series.open, high: series.high, low: series.low, close: series.close, volume: series.volume };
  const file = join(benchData, `indicators-${n}.f64`);
  // Rewritten every run: the C harness must read exactly the bars the JS contenders see.
  const all = new Float64Array(5 * n);
  ['open', 'high', 'low', 'close', 'volume'].forEach((k, i) => {
    all.set(bars[k], i * n);
  });
  writeFileSync(file, new Uint8Array(all.buffer));
  const cResults = Object.fromEntries(
    execFileSync(harness, [file, String(n), String(RUNS)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .map((r) => [r.name, r]),
  );

  console.log(`\n## batch, ${n.toLocaleString('en-US')} bars (best of ${RUNS}; ms)\n`);
  console.log(
    `${pad('indicator', 10)}${lpad('alphintra', 11)}${lpad('TA-Lib C', 10)}${lpad('vs C', 8)}${lpad('talib addon', 13)}${lpad('technicalind.', 15)}${lpad('trading-signals', 17)}`,
  );
  for (const name of Object.keys(CASES)) {
    const kernel = alphintraKernel(name, bars);
    const ours = kernel === undefined ? undefined : best(kernel);
    const c = cResults[name];
    const sum = kernel?.checksum();
    if (ours !== undefined && Math.abs(sum - c.checksum) > 1e-6 * Math.abs(c.checksum)) {
      console.log(`  ${name}: checksum differs from TA-Lib C (${sum} vs ${c.checksum})`);
      process.exitCode = 1;
    }
    const peer = (key, make) => {
      if (slowPeers.has(`${key}:${name}`)) return undefined;
      const fn = make();
      if (fn === undefined) return undefined;
      const r = best(fn, Math.min(RUNS, 3), 1);
      if (r.ms > PEER_BUDGET_MS / 10) slowPeers.add(`${key}:${name}`);
      return r.ms;
    };
    const addon = peer('addon', () => talibAddon(name, bars, addonPackage));
    const tiMs = peer('ti', () => technicalIndicators(name, bars));
    const tsMs = peer('ts', () => tradingSignals(name, bars));
    const ratio = ours === undefined ? undefined : ours.ms / c.ms;
    if (ratio === undefined || ratio > 1.5) batchMisses++;
    console.log(
      `${pad(name, 10)}${lpad(ours === undefined ? 'missing' : fmt(ours.ms), 11)}${lpad(fmt(c.ms), 10)}${lpad(ratio === undefined ? '—' : `${ratio.toFixed(2)}x`, 8)}` +
        `${lpad(fmt(addon), 13)}${lpad(tiMs === undefined ? 'skipped' : fmt(tiMs), 15)}${lpad(tsMs === undefined ? 'skipped' : fmt(tsMs), 17)}`,
    );
  }
}

// Streaming: ns per update, and garbage collections during the updates (zero means no allocation).
const n = quick ? 200_000 : 2_000_000;
const series = generateBars({ seed: 8, bars: n, timeframe: parseTimeframe('1m'), symbols: ['BENCH'] });
const bars = { high: series.high, low: series.low, close: series.close };
let gcCount = 0;
const observer = new PerformanceObserver((list) => {
  gcCount += list.getEntries().length;
});
observer.observe({ entryTypes: ['gc'] });
const gcsDuring = (fn) => {
  globalThis.gc?.();
  return new Promise((resolve) => {
    setTimeout(() => {
      const before = gcCount;
      const r = best(fn, 3);
      setTimeout(() => resolve({ ...r, gcs: gcCount - before }), 100);
    }, 100);
  });
};
console.log(
  `\n## streaming, ${n.toLocaleString('en-US')} updates (best of 3; ns per update; GCs during the timed runs)\n`,
);
console.log(
  `${pad('indicator', 10)}${lpad('alphintra', 11)}${lpad('GCs', 6)}${lpad('trading-signals', 17)}${lpad('GCs', 6)}${lpad('speed-up', 10)}`,
);
for (const name of Object.keys(CASES)) {
  const ours = alphintraStream(name, bars);
  const theirs = tradingSignals(name, bars);
  const a = ours === undefined ? undefined : await gcsDuring(ours);
  const b = theirs === undefined ? undefined : await gcsDuring(theirs);
  const nsA = a === undefined ? undefined : (a.ms * 1e6) / n;
  const nsB = b === undefined ? undefined : (b.ms * 1e6) / n;
  if (nsA === undefined || (nsB !== undefined && nsA >= nsB) || a.gcs > 0) streamMisses++;
  console.log(
    `${pad(name, 10)}${lpad(nsA === undefined ? 'missing' : nsA.toFixed(1), 11)}${lpad(a?.gcs ?? '—', 6)}${lpad(nsB === undefined ? '—' : nsB.toFixed(1), 17)}${lpad(b?.gcs ?? '—', 6)}` +
      `${lpad(nsA !== undefined && nsB !== undefined ? `${(nsB / nsA).toFixed(1)}x` : '—', 10)}`,
  );
}
observer.disconnect();
console.log(
  `\nbatch within 1.5x of TA-Lib C: ${SIZES.length === 0 ? 'not measured' : batchMisses === 0 ? 'MET' : `NOT MET (${batchMisses} misses)`}; streaming faster than trading-signals with no GC: ${streamMisses === 0 ? 'MET' : `NOT MET (${streamMisses} misses)`}`,
);
