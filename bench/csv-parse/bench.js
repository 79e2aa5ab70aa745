// Parsing a 2,000,000-row OHLCV CSV: Alphintra's reader against papaparse and csv-parse on
// the same file, and loading the same bars from Alphintra's binary format.
// Goals (issue 2): ≥ 2x faster than the faster peer; loading ≥ 20x faster than parsing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateBars, parseTimeframe } from '@alphintra/core';
import { writeCsv, writeDataset } from '@alphintra/data';
import { contenders } from './contenders.js';

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const ROWS = quick ? 200_000 : 2_000_000;
const RUNS = quick ? 3 : 5;
const dataDir = join(here, '..', '..', '.bench-data');
mkdirSync(dataDir, { recursive: true });
const csv = join(dataDir, `ohlcv-${ROWS}.csv`);
const dataset = join(dataDir, `ohlcv-${ROWS}.alph`);

if (!existsSync(csv) || !existsSync(dataset)) {
  process.stdout.write(`generating ${ROWS.toLocaleString('en-US')} synthetic 1-minute bars … `);
  const series = generateBars({ seed: 20260101, bars: ROWS, timeframe: parseTimeframe('1m'), symbols: ['BENCH'] });
  await writeCsv(csv, series);
  await writeDataset(dataset, series, { symbol: 'BENCH', lineage: [] });
  console.log('done');
}
const csvBytes = statSync(csv).size;
console.log(
  `file: ${csv} (${(csvBytes / 1e6).toFixed(1)} MB, ${ROWS.toLocaleString('en-US')} rows), best of ${RUNS} runs each, one process per contender\n`,
);

function measure(name, env = process.env) {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', join(here, 'contender.js'), name, csv, dataset, String(RUNS)],
    { encoding: 'utf8', maxBuffer: 1 << 20, env },
  );
  if (child.status !== 0) {
    console.log(`${name}: FAILED\n${child.stderr}`);
    process.exitCode = 1;
    return undefined;
  }
  const r = JSON.parse(child.stdout);
  r.best = Math.min(...r.times);
  return r;
}

const results = [];
for (const name of Object.keys(contenders)) {
  const r = measure(name);
  if (r !== undefined) results.push(r);
}

const rowsOk = results.every((r) => r.rows === ROWS);
const checks = new Set(results.map((r) => r.check));
if (!rowsOk || checks.size !== 1) {
  console.log(
    'contenders disagree on the data:',
    results.map((r) => `${r.name}: ${r.rows} rows, last close ${r.check}`),
  );
  process.exitCode = 1;
}

const byName = Object.fromEntries(results.map((r) => [r.name, r]));
const peers = results.filter((r) => !r.name.startsWith('alphintra'));
const fastestPeer = peers.reduce((a, b) => (a.best <= b.best ? a : b));
const ours = byName['alphintra readBars (file)'];
const load = byName['alphintra readDatasetSync (.alph)'];

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
console.log(
  `${pad('contender', 36)}${lpad('best ms', 10)}${lpad('M rows/s', 10)}${lpad('MB/s', 9)}${lpad('peak RSS', 11)}${lpad('vs fastest peer', 17)}`,
);
for (const r of results) {
  const mbps = r.name.includes('.alph') ? (ROWS * 48) / 1e6 / (r.best / 1000) : csvBytes / 1e6 / (r.best / 1000);
  console.log(
    `${pad(r.name, 36)}${lpad(r.best.toFixed(1), 10)}${lpad((ROWS / 1e6 / (r.best / 1000)).toFixed(2), 10)}${lpad(mbps.toFixed(0), 9)}` +
      `${lpad(`${(r.peakRss / 1048576).toFixed(0)} MB`, 11)}${lpad(`${(fastestPeer.best / r.best).toFixed(2)}x`, 17)}`,
  );
}
console.log('');
console.log(`fastest peer: ${fastestPeer.name}`);
const speedup = fastestPeer.best / ours.best;
console.log(`readBars vs fastest peer: ${speedup.toFixed(2)}x faster (goal ≥ 2x) ${speedup >= 2 ? 'MET' : 'NOT MET'}`);
const loadRatio = ours.best / load.best;
console.log(
  `loading .alph vs parsing CSV: ${loadRatio.toFixed(1)}x faster (goal ≥ 20x) ${loadRatio >= 20 ? 'MET' : 'NOT MET'}`,
);
// Loading is bound by the kernel faulting in fresh pages for the 96 MB of columns (a plain
// copy from the page cache takes a fraction of that). Transparent huge pages for malloc'd
// memory cut the fault count 512-fold; measure both contenders again with them enabled.
const hugeEnv = { ...process.env, GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' };
const oursHuge = measure('alphintra readBars (file)', hugeEnv);
const loadHuge = measure('alphintra readDatasetSync (.alph)', hugeEnv);
if (oursHuge !== undefined && loadHuge !== undefined) {
  const ratio = oursHuge.best / loadHuge.best;
  console.log(
    `with GLIBC_TUNABLES=glibc.malloc.hugetlb=1 for both: readBars ${oursHuge.best.toFixed(1)} ms, .alph load ${loadHuge.best.toFixed(1)} ms, ` +
      `${ratio.toFixed(1)}x (goal ≥ 20x) ${ratio >= 20 ? 'MET' : 'NOT MET'}`,
  );
}
console.log(
  `peak RSS: readBars ${(ours.peakRss / 1048576).toFixed(0)} MB, fastest peer ${(fastestPeer.peakRss / 1048576).toFixed(0)} MB, .alph load ${(load.peakRss / 1048576).toFixed(0)} MB`,
);
