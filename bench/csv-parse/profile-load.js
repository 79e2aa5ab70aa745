#!/usr/bin/env node
// Where the time of loading a .alph dataset goes: each step of a load on its own, in a fresh
// process, with the page faults it takes. Run after `npm run bench -- csv-parse` has made the
// data: node --expose-gc bench/csv-parse/profile-load.js [--quick]
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BarSeries } from '@alphintra/core';
import { hashSeries, readDatasetSync, writeDataset } from '@alphintra/data';

const here = dirname(fileURLToPath(import.meta.url));
const rows = Number(process.env.ALPHINTRA_PROFILE_ROWS ?? (process.argv.includes('--quick') ? 200_000 : 2_000_000));
const file = join(here, '..', '..', '.bench-data', `ohlcv-${rows}.alph`);
const COLUMNS = 6;
const RUNS = 5;

function faults() {
  const r = process.resourceUsage();
  return r.minorPageFault + r.majorPageFault;
}

function dataStart(fd) {
  const preamble = Buffer.alloc(16);
  readSync(fd, preamble, 0, 16, 0);
  return 16 + preamble.readUInt32LE(12);
}

function sum(column) {
  let a = 0;
  let b = 0;
  for (let i = 0; i + 1 < column.length; i += 2) {
    a += column[i];
    b += column[i + 1];
  }
  return a + b;
}

let keep;
const steps = {
  'fresh arrays, one write per page': () => {
    keep = [];
    for (let c = 0; c < COLUMNS; c++) {
      const a = new Float64Array(rows);
      for (let i = 0; i < rows; i += 512) a[i] = 1;
      keep.push(a);
    }
  },
  'read into arrays already faulted in': (pre) => {
    const fd = openSync(file, 'r');
    let position = dataStart(fd);
    for (const a of pre) {
      readSync(fd, new Uint8Array(a.buffer), 0, rows * 8, position);
      position += rows * 8;
    }
    closeSync(fd);
  },
  'read into fresh arrays (load: read)': () => {
    keep = readDatasetSync(file, { load: 'read' });
  },
  'read into one fresh buffer': () => {
    const fd = openSync(file, 'r');
    const start = dataStart(fd);
    keep = Buffer.allocUnsafeSlow(rows * 8 * COLUMNS);
    readSync(fd, keep, 0, keep.length, start);
    closeSync(fd);
  },
  'map lazily (load: map-lazy)': () => {
    keep = readDatasetSync(file, { load: 'map-lazy' });
  },
  'map and prefault (load: map)': () => {
    keep = readDatasetSync(file, { load: 'map' });
  },
  'map lazily, then sum every column': () => {
    const { series } = readDatasetSync(file, { load: 'map-lazy' });
    for (const name of ['time', 'open', 'high', 'low', 'close', 'volume']) sum(series[name]);
  },
  'sum every column of arrays in memory': (pre) => {
    for (const a of pre) sum(a);
  },
  'header only (readDatasetSync of 0 rows)': (_pre, empty) => {
    readDatasetSync(empty);
  },
  'content hash (verify: true costs this)': (_pre, _empty, loaded) => {
    hashSeries(loaded.series);
  },
};

if (process.argv[2] === '--step') {
  const step = steps[process.argv[3]];
  const pre = Array.from({ length: COLUMNS }, () => new Float64Array(rows).fill(1));
  const empty = process.argv[4];
  const loaded = readDatasetSync(file, { load: 'read' });
  for (let i = 0; i < 20; i++) sum(pre[0].subarray(0, 4096));
  const times = [];
  const counts = [];
  for (let i = 0; i < RUNS; i++) {
    keep = undefined;
    globalThis.gc?.();
    await new Promise((resolve) => setImmediate(resolve));
    const f0 = faults();
    const t0 = performance.now();
    step(pre, empty, loaded);
    times.push(performance.now() - t0);
    counts.push(faults() - f0);
  }
  process.stdout.write(JSON.stringify({ times, counts }));
} else {
  const require = createRequire(import.meta.url);
  let addon = 'not built: the map steps read instead';
  try {
    require('@alphintra/data-mmap');
    addon = 'loaded';
  } catch {
    // Reported in the heading.
  }
  const empty = join(here, '..', '..', '.bench-data', 'empty.alph');
  await writeDataset(empty, BarSeries.fromBars([]), { lineage: [] });
  console.log(
    `${file}: ${rows.toLocaleString('en-US')} rows, ${((rows * 48) / 1e6).toFixed(0)} MB of columns; addon ${addon}`,
  );
  console.log(`each step in a fresh process, ${RUNS} runs: first and best ms, page faults of the best run\n`);
  for (const name of Object.keys(steps)) {
    const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--step', name, empty], {
      encoding: 'utf8',
      env: { ...process.env, ALPHINTRA_PROFILE_ROWS: String(rows) },
    });
    if (child.status !== 0) {
      console.log(`${name}: FAILED\n${child.stderr}`);
      continue;
    }
    const { times, counts } = JSON.parse(child.stdout);
    const best = times.indexOf(Math.min(...times));
    console.log(
      `${name.padEnd(42)}${times[0].toFixed(1).padStart(9)}${times[best].toFixed(1).padStart(9)}${String(counts[best]).padStart(9)} faults`,
    );
  }
}
