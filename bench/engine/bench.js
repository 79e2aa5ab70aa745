// The engine's hot loop: a single-instrument SMA crossover over 10M one-minute bars, and 100
// symbols × 20,000 bars, through runBacktest, against the floor — a minimal hand-written
// loop doing the same arithmetic. Goals: ≥ 20 M bars/s single-instrument and within 10x of
// the floor; the 100 × 20,000 run under 0.25 s; memory flat in the number of bars beyond
// the stored results. Options: --quick (10x fewer bars on the single case).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contenders } from './contenders.js';

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 5;
const ENGINE = 'alphintra engine';
const FLOOR = 'floor (hand-written loop)';
const cases = [
  { label: 'single instrument', size: { symbols: 1, bars: quick ? 1_000_000 : 10_000_000 }, goal: 'rate' },
  { label: 'single instrument, 1M (memory scaling)', size: { symbols: 1, bars: 1_000_000 }, goal: 'none' },
  { label: '100 symbols', size: { symbols: 100, bars: 20_000 }, goal: 'time' },
];

function measure(name, size) {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', join(here, 'contender.js'), name, JSON.stringify(size), String(RUNS)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (child.status !== 0) {
    console.log(`${name}: FAILED\n${child.stderr}`);
    process.exitCode = 1;
    return undefined;
  }
  const r = JSON.parse(child.stdout);
  return { ...r, best: Math.min(...r.times) };
}

const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
const retainedPerBar = {};
for (const { label, size, goal } of cases) {
  const total = size.symbols * size.bars;
  console.log(
    `\n## ${label}: ${size.symbols} × ${size.bars.toLocaleString('en-US')} bars (best of ${RUNS}, one process per contender)\n`,
  );
  console.log('| contender | best s | M bars/s | vs floor | final equity | trades | retained after run |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const results = Object.keys(contenders)
    .map((name) => measure(name, size))
    .filter(Boolean);
  const floor = results.find((r) => r.name === FLOOR);
  for (const r of results) {
    const rate = total / r.best / 1e6;
    const ratio = floor ? (r.best / floor.best).toFixed(2) : '–';
    console.log(
      `| ${r.name} | ${r.best.toFixed(3)} | ${rate.toFixed(1)} | ${ratio}x | ${r.check.toFixed(2)} | ${r.trades} | ${mb(r.retained)} |`,
    );
  }
  const engine = results.find((r) => r.name === ENGINE);
  if (engine && floor) {
    const same = Math.abs(engine.check - floor.check) <= 1e-6 * Math.abs(floor.check);
    console.log(
      `\nfinal equity ${same ? 'agrees' : 'DIFFERS'} between engine and floor (${engine.check} vs ${floor.check})`,
    );
    if (size.symbols === 1) retainedPerBar[size.bars] = engine.retained / size.bars;
    if (goal === 'rate') {
      const rate = total / engine.best / 1e6;
      const ratio = engine.best / floor.best;
      console.log(
        `goal ≥ 20 M bars/s and ≤ 10x the floor: ${rate.toFixed(1)} M bars/s, ${ratio.toFixed(2)}x → ${rate >= 20 && ratio <= 10 ? 'met' : 'NOT met'}`,
      );
    } else if (goal === 'time') {
      console.log(`goal < 0.25 s: ${engine.best.toFixed(3)} s → ${engine.best < 0.25 ? 'met' : 'NOT met'}`);
    }
  }
}
const sizes = Object.keys(retainedPerBar)
  .map(Number)
  .sort((a, b) => a - b);
if (sizes.length === 2) {
  const [small, large] = sizes;
  console.log(
    `\nretained bytes per bar (results included): ${retainedPerBar[small].toFixed(1)} at ${small.toLocaleString('en-US')} bars, ${retainedPerBar[large].toFixed(1)} at ${large.toLocaleString('en-US')} bars`,
  );
}
