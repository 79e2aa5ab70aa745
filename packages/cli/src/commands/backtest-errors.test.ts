import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunResult, runCli as run } from '../testing/run-cli.js';

const GOOD = `import { defineStrategy } from '@alphintra/engine';
export default defineStrategy({
  name: 'buy-and-hold',
  parameters: { size: { type: 'number', default: 1, min: 0, max: 1 } },
  create(ctx, p) {
    return { onBar() { if (ctx.quantity() === 0) ctx.targetPercent(p.size); } };
  },
});
`;

let work: string;
let bars: string;
const file = (name: string) => join(work, name);

async function strategyFile(name: string, source: string): Promise<string> {
  await writeFile(file(name), source);
  return file(name);
}

/** Expects one error line on stderr, with no stack trace, and returns it. */
function oneLine(r: RunResult, status = 1): string {
  expect(r.status).toBe(status);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(r.stderr).not.toContain('    at ');
  return lines[0] as string;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'alphintra-backtest-errors-'));
  bars = file('bars.csv');
  const rows: string[] = [];
  for (let i = 0; i < 40; i++)
    rows.push(
      `2021-02-${String((i % 28) + 1).padStart(2, '0')}T${String(Math.floor(i / 28)).padStart(2, '0')}:00:00Z,10,11,9,10.5,1000`,
    );
  rows.sort();
  await writeFile(bars, `time,open,high,low,close,volume\n${rows.join('\n')}\n`);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('alphintra backtest errors', () => {
  it('names a missing strategy file', async () => {
    const line = oneLine(await run('backtest', file('nope.ts'), '--data', bars));
    expect(line).toContain('nope.ts');
    expect(line).toContain('no such strategy file');
  });

  it('refuses a file that is not TypeScript or JavaScript', async () => {
    await writeFile(file('notes.txt'), 'hello');
    const line = oneLine(await run('backtest', file('notes.txt'), '--data', bars), 2);
    expect(line).toContain('expected a .ts, .mts, .js or .mjs strategy file');
  });

  it('reports a syntax error with its file and line', async () => {
    const path = await strategyFile(
      'broken.ts',
      "import { defineStrategy } from '@alphintra/engine';\n\nexport default defineStrategy({\n  name: 'x',,\n});\n",
    );
    const line = oneLine(await run('backtest', path, '--data', bars));
    expect(line).toContain(`${path}:4`);
    expect(line).toContain('syntax error');
  });

  it('asks for a default export, and points at a named one', async () => {
    const path = await strategyFile('named.ts', GOOD.replace('export default', 'export const mine ='));
    const line = oneLine(await run('backtest', path, '--data', bars));
    expect(line).toContain('expected a default export');
    expect(line).toContain('"mine"');
  });

  it('refuses a default export that is not a strategy definition', async () => {
    const path = await strategyFile('not-strategy.mjs', 'export default { name: "x", onBar() {} };\n');
    const line = oneLine(await run('backtest', path, '--data', bars));
    expect(line).toContain('expected the default export to be a strategy');
    expect(line).toContain('keys name, onBar');
  });

  it('names an Alphintra package that does not exist', async () => {
    const path = await strategyFile('bad-import.ts', `import '@alphintra/nothing';\n${GOOD}`);
    const line = oneLine(await run('backtest', path, '--data', bars));
    expect(line).toContain(`${path}:1`);
    expect(line).toContain('@alphintra/nothing');
  });

  it('names the handler and the message when the strategy throws, with the stack only under --verbose', async () => {
    const path = await strategyFile(
      'throws.ts',
      GOOD.replace(
        'create(ctx, p) {',
        'create(ctx, p) {\n    void p;\n    return { onBar(bar) { if (bar.index === 3) throw new Error("boom at three"); } };',
      ),
    );
    const line = oneLine(await run('backtest', path, '--data', bars));
    expect(line).toContain(`${path}:7: strategy "buy-and-hold" threw in onBar`);
    expect(line).toContain('bar 3');
    expect(line).toContain('boom at three');
    const verbose = await run('backtest', path, '--data', bars, '--verbose');
    expect(verbose.status).toBe(1);
    expect(verbose.stderr).toContain('    at ');
    expect(verbose.stderr).toContain('boom at three');
  });

  it('names create when the strategy fails while setting up', async () => {
    const path = await strategyFile(
      'create-throws.ts',
      GOOD.replace('return {', 'ctx.indicator("NOT_AN_INDICATOR");\n    return {'),
    );
    const line = oneLine(await run('backtest', path, '--data', bars));
    expect(line).toContain('threw in create');
    expect(line).toContain('NOT_AN_INDICATOR');
  });

  it('reports code that throws while the file loads', async () => {
    const path = await strategyFile('load-throws.ts', `throw new Error('not today');\n${GOOD}`);
    const line = oneLine(await run('backtest', path, '--data', bars));
    expect(line).toContain('threw while loading: not today');
  });

  it('refuses unknown parameters (status 2) and out-of-range values (status 1)', async () => {
    const path = await strategyFile('good.ts', GOOD);
    const unknown = oneLine(await run('backtest', path, '--data', bars, '--param', 'sise=1'), 2);
    expect(unknown).toContain('has no parameter sise (parameters: size)');
    const range = oneLine(await run('backtest', path, '--data', bars, '--param', 'size=3'));
    expect(range).toContain('expected parameter size ≤ 1, got 3');
    const malformed = oneLine(await run('backtest', path, '--data', bars, '--param', 'size'), 2);
    expect(malformed).toContain('expected --param name=value');
  });

  it('refuses bad --fees and --slippage values with one line', async () => {
    const path = await strategyFile('good.ts', GOOD);
    expect(oneLine(await run('backtest', path, '--data', bars, '--fees', 'percent:abc'), 2)).toContain(
      'expected a number for rate in --fees',
    );
    expect(oneLine(await run('backtest', path, '--data', bars, '--fees', 'flat:1'), 2)).toContain(
      'unknown fee model "flat"',
    );
    expect(oneLine(await run('backtest', path, '--data', bars, '--fees', 'percent:2'))).toContain(
      '--fees: expected rate as a fraction in (-1, 1), got 2',
    );
    expect(oneLine(await run('backtest', path, '--data', bars, '--slippage', 'bps:-1'))).toContain(
      '--slippage: expected bps ≥ 0, got -1',
    );
    expect(oneLine(await run('backtest', path, '--data', bars, '--slippage', 'teleport:1'), 2)).toContain(
      'unknown slippage model "teleport"',
    );
  });

  it('refuses bad numbers and choices for the execution options', async () => {
    const path = await strategyFile('good.ts', GOOD);
    expect(oneLine(await run('backtest', path, '--data', bars, '--cash', '-5'), 2)).toContain('--cash');
    expect(oneLine(await run('backtest', path, '--data', bars, '--seed', '1.5'), 2)).toContain('--seed');
    expect(oneLine(await run('backtest', path, '--data', bars, '--volume-limit', '0'), 2)).toContain('--volume-limit');
    expect(oneLine(await run('backtest', path, '--data', bars, '--latency-ms', 'soon'), 2)).toContain('--latency-ms');
    const fill = await run('backtest', path, '--data', bars, '--fill', 'tomorrow');
    expect(fill.status).toBe(2);
    expect(fill.stderr).toContain('tomorrow');
  });

  it('asks for --data, and names a data file that does not exist', async () => {
    const path = await strategyFile('good.ts', GOOD);
    expect(oneLine(await run('backtest', path), 2)).toContain('expected at least one --data');
    expect(oneLine(await run('backtest', path, '--data', file('missing.csv')))).toContain('missing.csv');
  });

  it('refuses two inputs that would be the same instrument', async () => {
    const path = await strategyFile('good.ts', GOOD);
    const line = oneLine(await run('backtest', path, '--data', bars, '--data', bars), 2);
    expect(line).toContain('give each --data its own --symbol');
  });
});
