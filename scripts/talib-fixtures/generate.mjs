#!/usr/bin/env node
// Generates TA-Lib reference fixtures for @alphintra/indicators from the talib npm addon
// (TA-Lib's own C code). A developer tool: the fixtures are committed, so the test suite
// never needs the native build. See README.md beside this file.
//
//   TALIB_PATH=/path/to/node_modules/talib node scripts/talib-fixtures/generate.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const out = join(root, 'packages', 'indicators', 'fixtures', 'talib');
const require = createRequire(import.meta.url);
const talib = require(process.env.TALIB_PATH ?? 'talib');
if (talib.version !== '1.1.6') console.warn(`warning: expected talib 1.1.6, got ${talib.version}`);

// ---- input datasets -------------------------------------------------------------------
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function normal(next) {
  const u = Math.max(next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
}
// Prices rounded to cents, as real data is; bars with realistic bodies and wicks.
function randomBars(n, seed, { start = 100, vol = 0.02, jumpAt = -1, zeroVolume = false } = {}) {
  const next = rng(seed);
  const o = [];
  const h = [];
  const l = [];
  const c = [];
  const v = [];
  let price = start;
  for (let i = 0; i < n; i++) {
    const open = Math.round(price * (1 + normal(next) * vol * 0.2) * 100) / 100;
    let close = Math.round(open * (1 + normal(next) * vol) * 100) / 100;
    if (i === jumpAt) close = Math.round(close * 1.25 * 100) / 100;
    const high = Math.round(Math.max(open, close) * (1 + Math.abs(normal(next)) * vol * 0.5) * 100) / 100;
    const low = Math.round(Math.min(open, close) * (1 - Math.abs(normal(next)) * vol * 0.5) * 100) / 100;
    o.push(open);
    h.push(high);
    l.push(low);
    c.push(close);
    v.push(zeroVolume ? 0 : Math.round(1000 + next() * 9000));
    price = close;
  }
  return { open: o, high: h, low: l, close: c, volume: v };
}
function orclSlice(from, n) {
  const lines = readFileSync(join(root, 'data', 'samples', 'orcl-1995-2014.txt'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const rows = lines.slice(from, from + n).map((line) => line.split(',').map(Number));
  return {
    open: rows.map((r) => r[1]),
    high: rows.map((r) => r[2]),
    low: rows.map((r) => r[3]),
    close: rows.map((r) => r[4]),
    volume: rows.map((r) => r[6]),
  };
}
function flat(n) {
  return {
    open: Array(n).fill(50),
    high: Array(n).fill(50),
    low: Array(n).fill(50),
    close: Array(n).fill(50),
    volume: Array(n).fill(0),
  };
}

const datasets = {
  random: randomBars(600, 1),
  random2: randomBars(600, 2, { start: 40, vol: 0.03 }),
  orcl: orclSlice(1200, 600),
  gap: randomBars(200, 3, { jumpAt: 100 }),
  zerovolume: randomBars(80, 4, { zeroVolume: true }),
  flat: flat(80),
  short: randomBars(40, 5),
};
// Series for functions with restricted domains.
const unit = (xs) => {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return xs.map((x) => ((x - lo) / (hi - lo)) * 1.9 - 0.95);
};
const periodsFor = (n, seed) => {
  const next = rng(seed);
  return Array.from({ length: n }, () => 2 + Math.floor(next() * 29));
};

// ---- naming as in TA-Lib's Python/abstract interface ------------------------------------
const paramName = (c) => c.replace(/^optIn/, '').toLowerCase();
const outputName = (c) => {
  if (c === 'outReal') return 'real';
  if (c === 'outInteger') return 'integer';
  return c
    .replace(/^outReal(?=[A-Z])/, '')
    .replace(/^out/, '')
    .toLowerCase();
};
function inputNames(input) {
  if (input.type === 'price') return Object.values(input.flags);
  if (input.name === 'inPeriods') return ['periods'];
  return [input.name.replace(/^in/, '').toLowerCase()]; // real, real0, real1
}

const DOMAIN = { ACOS: 'unit', ASIN: 'unit', EXP: 'small', COSH: 'small', SINH: 'small' };

function inputsFor(fn, info, ds, dsName) {
  const args = {};
  for (const input of info.inputs) {
    if (input.type === 'price') {
      for (const key of Object.values(input.flags)) args[key] = datasets[dsName][key];
    } else if (input.name === 'inPeriods') args.periods = periodsFor(ds.close.length, 9);
    else if (input.name === 'inReal1')
      args.real1 = (dsName === 'random' ? datasets.random2 : datasets.random).close.slice(0, ds.close.length);
    else {
      let real = ds.close;
      if (DOMAIN[fn] === 'unit') real = unit(real);
      if (DOMAIN[fn] === 'small') real = real.map((x) => x / 20);
      args[input.name === 'inReal0' ? 'real0' : 'real'] = real;
    }
  }
  return args;
}

function execute(fn, info, dsName, params) {
  const ds = datasets[dsName];
  const inputs = inputsFor(fn, info, ds, dsName);
  const call = { name: fn, startIdx: 0, endIdx: ds.close.length - 1 };
  for (const input of info.inputs) {
    if (input.type === 'price') {
      for (const key of Object.values(input.flags)) call[key] = inputs[key];
    } else if (input.name === 'inPeriods') call.inPeriods = inputs.periods;
    else
      call[input.name] =
        input.name === 'inReal1' ? inputs.real1 : input.name === 'inReal0' ? inputs.real0 : inputs.real;
  }
  for (const p of info.optInputs) call[p.name] = params[paramName(p.name)];
  let r;
  try {
    r = talib.execute(call);
  } catch (error) {
    return { error: error.message };
  }
  if (r.error !== undefined) return { error: r.error };
  return { result: r, inputs };
}

const b64 = (xs) => Buffer.from(Float64Array.from(xs).buffer).toString('base64');

function probeIntegerMin(fn, info, p) {
  const base = Object.fromEntries(info.optInputs.map((q) => [paramName(q.name), q.defaultValue]));
  for (const v of [-1, 0, 1, 2, 3, 4, 5]) {
    const r = execute(fn, info, 'random', { ...base, [paramName(p.name)]: v });
    if (r.error === undefined) return v;
  }
  return undefined;
}
function probeIntegerMax(fn, info, p) {
  const base = Object.fromEntries(info.optInputs.map((q) => [paramName(q.name), q.defaultValue]));
  for (const v of [100000, 100001]) {
    const r = execute(fn, info, 'short', { ...base, [paramName(p.name)]: v });
    if (r.error !== undefined) return v - 1;
  }
  return 100000;
}

mkdirSync(out, { recursive: true });
const metadata = {};
let totalCases = 0;
for (const { name: fn } of talib.functions) {
  const info = talib.explain(fn);
  const defaults = Object.fromEntries(info.optInputs.map((p) => [paramName(p.name), p.defaultValue]));
  const params = info.optInputs.map((p) => {
    const entry = { name: paramName(p.name), type: p.type, default: p.defaultValue };
    if (p.type === 'integer_range') {
      entry.min = probeIntegerMin(fn, info, p);
      entry.max = probeIntegerMax(fn, info, p);
    }
    return entry;
  });
  metadata[fn] = {
    group: info.group,
    inputs: info.inputs.flatMap(inputNames),
    parameters: params,
    outputs: info.outputs.map((o) => ({ name: outputName(o.name), type: o.type })),
  };

  const paramSets = [{ dataset: 'random', params: defaults }];
  for (const ds of ['random2', 'orcl', 'gap', 'zerovolume', 'flat']) paramSets.push({ dataset: ds, params: defaults });
  for (const p of params) {
    if (p.type === 'integer_range' && p.min !== undefined) {
      paramSets.push({ dataset: 'random', params: { ...defaults, [p.name]: p.min } });
      paramSets.push({
        dataset: 'random',
        params: { ...defaults, [p.name]: Math.max(p.min, Math.round(p.default * 2.5) + 1) },
      });
      paramSets.push({ dataset: 'short', params: { ...defaults, [p.name]: p.min } });
      paramSets.push({ dataset: 'short', params: { ...defaults, [p.name]: 40 } });
    }
    if (p.type === 'integer_list') {
      for (let m = 1; m <= 8; m++) paramSets.push({ dataset: 'random', params: { ...defaults, [p.name]: m } });
    }
    if (p.type === 'real_range') {
      const alt = p.default === 0 ? 0.5 : p.default * 1.7;
      paramSets.push({ dataset: 'random', params: { ...defaults, [p.name]: alt } });
    }
  }
  const cases = [];
  const seen = new Set();
  for (const { dataset, params: ps } of paramSets) {
    const key = `${dataset}:${JSON.stringify(ps)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // With minperiod above maxperiod TA-Lib's MAVP reads memory it never wrote: no reference.
    if (ps.minperiod !== undefined && ps.minperiod > ps.maxperiod) continue;
    // TRIX with a period of 1 reads uninitialised memory too (results change between runs).
    if (fn === 'TRIX' && ps.timeperiod === 1) continue;
    // So do MACD and MACDFIX with a signal period of 1 (their EMA rejects it, lookback −1).
    if ((fn === 'MACD' || fn === 'MACDFIX') && ps.signalperiod === 1) continue;
    const r = execute(fn, info, dataset, ps);
    if (r.error !== undefined) {
      cases.push({ dataset, params: ps, error: String(r.error) });
      continue;
    }
    const n = datasets[dataset].close.length;
    const outputs = {};
    for (const o of info.outputs) {
      const values = r.result.result[o.name];
      const aligned = new Array(n).fill(Number.NaN);
      for (let i = 0; i < r.result.nbElement; i++) aligned[r.result.begIndex + i] = values[i];
      outputs[outputName(o.name)] = b64(aligned);
    }
    const extraInputs = {};
    if (r.inputs.periods !== undefined) extraInputs.periods = b64(r.inputs.periods);
    if (r.inputs.real !== undefined && DOMAIN[fn] !== undefined) extraInputs.real = b64(r.inputs.real);
    if (r.inputs.real0 !== undefined) extraInputs.real0 = b64(r.inputs.real0);
    if (r.inputs.real1 !== undefined) extraInputs.real1 = b64(r.inputs.real1);
    cases.push({
      dataset,
      params: ps,
      begIndex: r.result.nbElement === 0 ? n : r.result.begIndex,
      ...(Object.keys(extraInputs).length > 0 ? { inputs: extraInputs } : {}),
      outputs,
    });
  }
  totalCases += cases.length;
  writeFileSync(join(out, `${fn}.json`), `${JSON.stringify({ name: fn, cases })}\n`);
}
const encodedDatasets = Object.fromEntries(
  Object.entries(datasets).map(([k, d]) => [k, Object.fromEntries(Object.entries(d).map(([f, xs]) => [f, b64(xs)]))]),
);
writeFileSync(
  join(out, '_datasets.json'),
  `${JSON.stringify({ source: `talib ${talib.version}`, datasets: encodedDatasets })}\n`,
);
writeFileSync(join(out, '_metadata.json'), `${JSON.stringify(metadata, null, 1)}\n`);
console.log(`wrote ${talib.functions.length} functions, ${totalCases} cases to ${out}`);
