import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run } from './testing/run-cli.js';

const samples = fileURLToPath(new URL('../../../data/samples/', import.meta.url));
const orcl = join(samples, 'orcl-1995-2014.txt');
const minute = join(samples, '2006-01-02-volume-min-001.txt');

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'alphintra-cli-'));
  process.env.ALPHINTRA_HOME = join(work, 'home');
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  delete process.env.ALPHINTRA_HOME;
});

describe('alphintra --help', () => {
  it('lists the subcommands', async () => {
    const r = await run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('demo');
    expect(r.stdout).toContain('data');
  });

  it('documents every data subcommand', async () => {
    const r = await run('data', '--help');
    for (const sub of ['inspect', 'convert', 'resample', 'clean', 'generate', 'import', 'list'])
      expect(r.stdout).toContain(sub);
    const inspect = await run('data', 'inspect', '--help');
    expect(inspect.stdout).toContain('--json');
    expect(inspect.stdout).toContain('--time-zone');
  });

  it('exits with status 2 on a usage mistake', async () => {
    const r = await run('data', 'inspect', orcl, '--no-such-flag');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown option '--no-such-flag'");
  });
});

describe('alphintra data inspect', () => {
  it('prints the documented JSON report for real daily data', async () => {
    const r = await run('data', 'inspect', orcl, '--json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.rows).toBe(5036);
    expect(report.start).toBe('1995-01-03T00:00:00Z');
    expect(report.end).toBe('2014-12-31T00:00:00Z');
    expect(report.timeframe).toBe('1d');
    expect(report.complete).toBe(true);
    expect(Array.isArray(report.issues)).toBe(true);
    for (const issue of report.issues) {
      expect(Object.keys(issue)).toEqual(expect.arrayContaining(['kind', 'count', 'examples']));
      expect(issue.count).toBeGreaterThan(0);
    }
    expect(report.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads the minute file whose header has one column fewer than its rows', async () => {
    const r = await run('data', 'inspect', minute, '--json');
    const report = JSON.parse(r.stdout);
    expect(report.rows).toBe(30889);
    expect(report.start).toBe('2006-01-02T09:01:00Z');
    expect(report.timeframe).toBe('1m');
  });

  it('reports bad rows as issues with their line numbers', async () => {
    const file = join(work, 'bad.csv');
    await writeFile(
      file,
      'time,open,high,low,close,volume\n2020-01-01,1,2,0.5,1.5,10\n2020-01-02,1,2,abc,1.5,10\n2020-01-03,1,2,0.5,1.5,10\n',
    );
    const r = await run('data', 'inspect', file, '--json');
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(false);
    const bad = report.issues.find((i: { kind: string }) => i.kind === 'bad_number');
    expect(bad.count).toBe(1);
    expect(bad.examples[0].line).toBe(3);
  });

  it('prints one clear line and exits 1 for a missing file', async () => {
    const r = await run('data', 'inspect', join(work, 'nope.csv'));
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('nope.csv');
    expect(r.stderr).not.toContain('    at ');
  });

  it('prints one clear line for a binary file, and the stack only with --verbose', async () => {
    const file = join(work, 'binary.csv');
    await writeFile(file, Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10, 0x20]));
    const quiet = await run('data', 'inspect', file);
    expect(quiet.status).toBe(1);
    expect(quiet.stderr.trim().split('\n')).toHaveLength(1);
    expect(quiet.stderr).toContain('binary.csv');
    const verbose = await run('data', 'inspect', file, '--verbose');
    expect(verbose.stderr).toContain('    at ');
  });
});

describe('alphintra data convert, resample, clean', () => {
  it('round-trips CSV through the binary format and back without changing a value', async () => {
    const alph = join(work, 'orcl.alph');
    const csv = join(work, 'orcl.csv');
    expect((await run('data', 'convert', orcl, alph)).status).toBe(0);
    expect((await run('data', 'convert', alph, csv)).status).toBe(0);
    const a = JSON.parse((await run('data', 'inspect', orcl, '--json')).stdout);
    const b = JSON.parse((await run('data', 'inspect', csv, '--json')).stdout);
    const c = JSON.parse((await run('data', 'inspect', alph, '--json')).stdout);
    expect(b.rows).toBe(a.rows);
    expect(b.hash).toBe(a.hash);
    expect(c.hash).toBe(a.hash);
    const text = await readFile(csv, 'utf8');
    expect(text.split('\n')[1]).toBe('1995-01-03T00:00:00Z,2.179012,2.191358,2.117284,2.117284,36301200,1.883304');
  });

  it('resamples minute bars to hours', async () => {
    const out = join(work, 'hourly.csv');
    const r = await run('data', 'resample', minute, '--timeframe', '1h', '--out', out, '--json');
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.sourceRows).toBe(30889);
    expect(summary.rows).toBeGreaterThan(30889 / 61);
    expect(summary.rows).toBeLessThan(30889 / 30);
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines.length - 1).toBe(summary.rows);
  });

  it('refuses a timeframe that cannot be built from the data', async () => {
    const r = await run('data', 'resample', minute, '--timeframe', 'tick');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot build/);
  });

  it('cleans with an explicit policy and rejects an unknown one', async () => {
    const file = join(work, 'dupes.csv');
    await writeFile(
      file,
      'time,open,high,low,close,volume\n2020-01-01T00:00:00Z,1,2,0.5,1.5,10\n2020-01-01T00:00:00Z,1,2,0.5,1.5,10\n2020-01-01T00:01:00Z,1,2,0.5,1.5,10\n',
    );
    const out = join(work, 'clean.alph');
    const r = await run('data', 'clean', file, '--policy', 'duplicate_timestamp=drop', '--out', out, '--json');
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.rowsBefore).toBe(3);
    expect(summary.rowsAfter).toBe(2);
    const bad = await run('data', 'clean', file, '--policy', 'duplicate_timestamp=teleport');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('teleport');
  });
});

describe('alphintra data generate, import, list', () => {
  it('generates the same data for the same seed', async () => {
    const a = await run(
      'data',
      'generate',
      '--symbols',
      '2',
      '--bars',
      '5000',
      '--seed',
      '7',
      '--out',
      join(work, 'gen-a'),
      '--json',
    );
    const b = await run(
      'data',
      'generate',
      '--symbols',
      '2',
      '--bars',
      '5000',
      '--seed',
      '7',
      '--out',
      join(work, 'gen-b'),
      '--json',
    );
    expect(a.status).toBe(0);
    const filesA = JSON.parse(a.stdout);
    const filesB = JSON.parse(b.stdout);
    expect(filesA).toHaveLength(2);
    expect(filesA.map((f: { hash: string }) => f.hash)).toEqual(filesB.map((f: { hash: string }) => f.hash));
    expect(filesA[0].rows).toBe(5000);
  });

  it('rejects a nonsensical bar count', async () => {
    const r = await run('data', 'generate', '--bars', '-5', '--out', join(work, 'gen-c'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--bars');
  });

  it('stores files in the catalog and loads them by name', async () => {
    const put = await run('data', 'import', orcl, '--name', 'orcl-daily', '--json');
    expect(put.status).toBe(0);
    const entry = JSON.parse(put.stdout);
    expect(entry.rows).toBe(5036);
    const list = JSON.parse((await run('data', 'list', '--json')).stdout);
    expect(list.map((e: { name: string }) => e.name)).toContain('orcl-daily');
    const inspect = JSON.parse((await run('data', 'inspect', 'orcl-daily', '--json')).stdout);
    expect(inspect.hash).toBe(entry.hash);
  });
});

describe('alphintra ta', () => {
  it('prints outputs keyed by TA-Lib names, aligned with the input, null during the warm-up', async () => {
    const r = await run('ta', 'SMA', '--input', orcl, '--timeperiod', '3', '--json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['real']);
    expect(doc.real).toHaveLength(5036);
    expect(doc.real.slice(0, 2)).toEqual([null, null]);
    // First three closes of the ORCL file: 2.117284, 2.135803, 2.092592.
    expect(doc.real[2]).toBeCloseTo((2.117284 + 2.135803 + 2.092592) / 3, 12);
  });

  it('lists every indicator with its parameters', async () => {
    const r = await run('ta', '--list', '--json');
    const list = JSON.parse(r.stdout);
    const sma = list.find((d: { name: string }) => d.name === 'SMA');
    expect(sma.parameters[0]).toMatchObject({ name: 'timeperiod', default: 30, min: 2 });
  });

  it('refuses unknown indicators, unknown parameters and out-of-range values', async () => {
    expect((await run('ta', 'NOPE', '--input', orcl)).stderr).toContain('unknown indicator "NOPE"');
    const unknown = await run('ta', 'SMA', '--input', orcl, '--fast', '3');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('SMA has no parameter --fast');
    const range = await run('ta', 'SMA', '--input', orcl, '--timeperiod', '1');
    expect(range.status).toBe(1);
    expect(range.stderr).toContain('expected timeperiod to be an integer from 2 to 100000, got 1');
  });
});
