// Bytes allocated per streaming update, for every registered indicator, when all of them are
// driven from one shared (megamorphic) call site, as an engine updating many kinds of
// indicator does. Two ways of feeding are measured: `push(a, b, c, d, e)` with numbers, and
// `pushAt(inputs, index)` with the input columns. Goal (issue 3): zero bytes per update.
//
// Method: the young generation is made large enough (64 MB semi-spaces) that no scavenge runs
// while one indicator is measured; the bytes allocated are then the growth of the new space
// across the timed updates, less the growth across an empty run (the measuring itself). A
// window in which a garbage collection did run is measured again.
//
// Usage: node bench/indicators/allocations.js [--quick] [--only=ADX,STOCH] (re-runs itself
// with the V8 flags it needs; the package must be built: npx tsc -b packages/indicators)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { getHeapSpaceStatistics } from 'node:v8';

const FLAGS = ['--expose-gc', '--min-semi-space-size=64', '--max-semi-space-size=64'];
if (typeof globalThis.gc !== 'function') {
  const child = spawnSync(process.execPath, [...FLAGS, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(child.status ?? 1);
}

const { generateBars, parseTimeframe } = await import('@alphintra/core');
const { listIndicators, resolveParams } = await import('@alphintra/indicators');

const quick = process.argv.includes('--quick');
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const only = onlyArg?.slice('--only='.length).toUpperCase().split(',');
const BARS = quick ? 50_000 : 200_000;
/** Below this many bytes per update a measurement counts as no allocation (the residue is the measuring). */
const NOISE = 0.5;

const series = generateBars({ seed: 9, bars: BARS, timeframe: parseTimeframe('1m'), symbols: ['ALLOC'] });
const periods = new Float64Array(BARS);
for (let i = 0; i < BARS; i++) periods[i] = 2 + ((i * 7) % 29);
const other = generateBars({ seed: 10, bars: BARS, timeframe: parseTimeframe('1m'), symbols: ['ALLOC2'] });
const columnOf = {
  time: series.time,
  open: series.open,
  high: series.high,
  low: series.low,
  close: series.close,
  volume: series.volume,
  real: series.close,
  real0: series.close,
  real1: other.close,
  periods,
};

// The shared call sites. Every indicator goes through these same functions, so by the time
// any is measured each call site has seen dozens of classes, as in an engine's update loop.
function pushNumbers(stream, inputs, from, to) {
  const [a, b, c, d, e] = inputs;
  switch (inputs.length) {
    case 1:
      for (let i = from; i < to; i++) stream.push(a[i]);
      return;
    case 2:
      for (let i = from; i < to; i++) stream.push(a[i], b[i]);
      return;
    case 3:
      for (let i = from; i < to; i++) stream.push(a[i], b[i], c[i]);
      return;
    case 4:
      for (let i = from; i < to; i++) stream.push(a[i], b[i], c[i], d[i]);
      return;
    default:
      for (let i = from; i < to; i++) stream.push(a[i], b[i], c[i], d[i], e[i]);
  }
}

function pushColumns(stream, inputs, from, to) {
  for (let i = from; i < to; i++) stream.pushAt(inputs, i);
}

// Alternates push and revise, as a live feed revising the forming bar does.
function reviseColumns(stream, inputs, from, to) {
  for (let i = from; i < to; i++) {
    stream.pushAt(inputs, i);
    stream.reviseAt(inputs, i);
  }
}

const newSpaceUsed = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_used_size;

/** Returns bytes allocated by `run(stream, inputs, 0, BARS)`, or undefined if a GC got in the way. */
function allocatedBy(run, stream, inputs) {
  stream.reset();
  // A scavenge empties the new space; a full collection would also throw away optimised code
  // that refers to objects it frees, and the run would then measure unoptimised code.
  globalThis.gc({ type: 'minor' });
  const empty0 = newSpaceUsed();
  run(stream, inputs, 0, 0);
  const empty1 = newSpaceUsed();
  const before = newSpaceUsed();
  run(stream, inputs, 0, BARS);
  const after = newSpaceUsed();
  if (after < before || empty1 < empty0) return undefined;
  return Math.max(0, after - before - (empty1 - empty0));
}

// The least of three runs: the steady state. A run can catch V8 replacing optimised code
// (after a deoptimisation elsewhere), and the interpreter allocates where optimised code does not.
function measure(run, stream, inputs) {
  let least = Number.NaN;
  for (let attempt = 0; attempt < 3; attempt++) {
    const bytes = allocatedBy(run, stream, inputs);
    if (bytes !== undefined && !(bytes >= least)) least = bytes;
  }
  return least / BARS;
}

const definitions = listIndicators();
const cases = definitions.map((definition) => {
  const params = resolveParams(definition, {});
  const inputs = definition.inputs.map((name) => columnOf[name]);
  return {
    definition,
    inputs,
    stream: definition.createStream(params),
    own: ownCallSite(definition.name, definition.inputs.length),
  };
});
const hasColumns = cases.every((c) => typeof c.stream.pushAt === 'function');
// A feeding loop of its own per indicator: the call site then sees one class only, as in a
// strategy holding that indicator, and V8 may inline push into it. The name in the source
// matters: V8 caches compilations by source text, and functions compiled from one text share
// their type feedback, which would make the "own" call site shared after all.
function ownCallSite(name, arity) {
  const args = ['a[i]', 'b[i]', 'c[i]', 'd[i]', 'e[i]'].slice(0, arity).join(', ');
  return new Function(
    'stream',
    'inputs',
    'from',
    'to',
    `// ${name}\nconst [a, b, c, d, e] = inputs; for (let i = from; i < to; i++) stream.push(${args});`,
  );
}
const modes = [['push, shared site', pushNumbers]];
if (hasColumns) modes.push(['pushAt, shared site', pushColumns], ['pushAt + reviseAt', reviseColumns]);
modes.push(['push, own site', undefined]);

// Warm-up: every indicator through every call site, twice, so that the sites are megamorphic
// and each stream's methods are optimised before anything is measured.
for (let round = 0; round < 2; round++)
  for (const [, run] of modes)
    for (const c of cases) {
      c.stream.reset();
      (run ?? c.own)(c.stream, c.inputs, 0, BARS);
    }

const measured = cases.filter((c) => only === undefined || only.includes(c.definition.name));
const rows = measured.map((c) => ({
  name: c.definition.name,
  bytes: modes.map(([, run]) => measure(run ?? c.own, c.stream, c.inputs)),
}));

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const show = (b) => (Number.isNaN(b) ? 'GC' : b < NOISE ? '0' : b.toFixed(1));
console.log(
  `\n## allocations, ${measured.length} indicators × ${BARS.toLocaleString('en-US')} updates through one shared call site (bytes per update)\n`,
);
// Listed: the indicators that allocate other than by the numbers boxed at the shared push site.
const allocating = rows.filter((r) => r.bytes.slice(1).some((b) => !(b < NOISE)));
console.log(`${pad('indicator', 20)}${modes.map(([label]) => lpad(label, 20)).join('')}`);
for (const r of only === undefined ? allocating : rows)
  console.log(`${pad(r.name, 20)}${r.bytes.map((b) => lpad(show(b), 20)).join('')}`);
modes.forEach(([label], k) => {
  const bad = rows.filter((r) => !(r.bytes[k] < NOISE)).length;
  console.log(`${label}: ${bad === 0 ? 'no allocation' : `${bad} of ${rows.length} allocate`}`);
});
if (!hasColumns) console.log('(pushAt is not implemented by every stream; columns not measured)');
const columnMisses = hasColumns
  ? rows.filter((r) => r.bytes.slice(1, 3).some((b) => !(b < NOISE))).length
  : rows.length;
console.log(
  `\nzero allocations per update through pushAt/reviseAt: ${columnMisses === 0 ? 'MET' : `NOT MET (${columnMisses} allocate)`}`,
);
