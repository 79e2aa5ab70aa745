// Generating seeded synthetic bars: Alphintra's market generator against the floor, a minimal
// hand-written Gaussian random walk on the same RNG with OHLC from four sub-steps.
// Goal: ≥ 10 M bars/s for one symbol with default options (1-minute bars).
// Options: --quick (10x fewer bars), --baseline=<path to another build's core/dist/index.js>
// to time that build's generator in the same run (before/after comparisons).
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contenders } from './contenders.js';

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const baselineArgument = process.argv.find((a) => a.startsWith('--baseline='));
const baseline = baselineArgument === undefined ? undefined : resolve(baselineArgument.slice('--baseline='.length));
const RUNS = quick ? 3 : 5;
const GOAL = 10; // M bars/s, one symbol
const CHUNK = 65_536; // the chunk `alphintra data generate` uses
const cases = [
  { label: 'one symbol', size: { symbols: 1, bars: quick ? 1_000_000 : 10_000_000 }, inOneChunk: true },
  { label: '10 symbols', size: { symbols: 10, bars: quick ? 100_000 : 1_000_000 }, inOneChunk: false },
];
const FLOOR = 'floor (SeededRng.nextNormal)';

function measure(name, size, corePath) {
  const args = ['--expose-gc', join(here, 'contender.js'), name, JSON.stringify(size), String(RUNS)];
  if (corePath !== undefined) args.push(corePath);
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) {
    console.log(`${name}: FAILED\n${child.stderr}`);
    process.exitCode = 1;
    return undefined;
  }
  const r = JSON.parse(child.stdout);
  return { ...r, best: Math.min(...r.times) };
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
let oneSymbolRate;
for (const { label, size: base, inOneChunk } of cases) {
  const size = { ...base, chunk: inOneChunk ? base.bars : CHUNK };
  const total = size.symbols * size.bars;
  const how = inOneChunk ? 'generateBars, one chunk' : `SyntheticMarket, chunks of ${CHUNK.toLocaleString('en-US')}`;
  console.log(
    `\n## ${label}: ${size.symbols} × ${size.bars.toLocaleString('en-US')} one-minute bars (${how}; best of ${RUNS}, one process per contender)\n`,
  );
  const results = [];
  for (const name of Object.keys(contenders)) {
    const r = measure(name, size);
    if (r !== undefined) results.push(r);
  }
  if (baseline !== undefined) {
    const r = measure('alphintra generator', size, baseline);
    if (r !== undefined) results.push({ ...r, name: 'baseline generator' });
  }
  for (const r of results) {
    if (r.bars !== total || !Number.isFinite(r.check)) {
      console.log(`${r.name} made ${r.bars} bars (expected ${total}), checksum ${r.check}`);
      process.exitCode = 1;
    }
  }
  const floor = results.find((r) => r.name === FLOOR);
  console.log(`${pad('contender', 34)}${lpad('best ms', 10)}${lpad('M bars/s', 10)}${lpad('vs floor', 10)}`);
  for (const r of results) {
    const rate = total / 1e3 / r.best;
    const ratio = floor === undefined ? '—' : `${(floor.best / r.best).toFixed(2)}x`;
    console.log(`${pad(r.name, 34)}${lpad(r.best.toFixed(1), 10)}${lpad(rate.toFixed(2), 10)}${lpad(ratio, 10)}`);
  }
  const ours = results.find((r) => r.name === 'alphintra generator');
  const before = results.find((r) => r.name === 'baseline generator');
  if (ours !== undefined && before !== undefined) {
    console.log(`\ngenerator vs baseline: ${(before.best / ours.best).toFixed(2)}x faster`);
  }
  if (inOneChunk && ours !== undefined) oneSymbolRate = total / 1e3 / ours.best;
}

console.log('');
console.log('"vs floor" is the floor\'s time divided by the contender\'s: above 1x is faster than the floor.');
if (oneSymbolRate !== undefined) {
  console.log(
    `generator, one symbol: ${oneSymbolRate.toFixed(2)} M bars/s (goal ≥ ${GOAL}) ${oneSymbolRate >= GOAL ? 'MET' : 'NOT MET'}`,
  );
}
