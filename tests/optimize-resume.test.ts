// End-to-end: `alphintra optimize` stopped by a signal and resumed ends exactly as a run that
// was never stopped (the compiled bin in child processes, so real signals reach it). The engine
// evaluator on worker threads, then the sweep evaluator (its passes run in the main thread,
// which must still hear the signal between them).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../node_modules/.bin/alphintra', import.meta.url));
const args = (out: string): string[] => [
  'optimize',
  'examples/sma-crossover.ts',
  '--data',
  'data/samples/orcl-1995-2014.txt',
  '--param',
  'fast=2:100',
  '--param',
  'slow=10:300',
  '--constraint',
  'fast < slow',
  '--fees',
  'percent:0.001',
  '--method',
  'bayes',
  '--trials',
  '80',
  '--workers',
  '2',
  '--evaluator',
  'engine',
  '--out',
  out,
];

/** Each step runs real optimisations in child processes: generous on a busy shared machine. */
const LONG = 300_000;
let work: string;
const files = (dir: string): string[] => ['result.json', 'trials.csv'].map((f) => readFileSync(join(dir, f), 'utf8'));
const journalLines = (dir: string): number =>
  existsSync(join(dir, 'journal.ndjson'))
    ? readFileSync(join(dir, 'journal.ndjson'), 'utf8').split('\n').length - 2
    : 0;

// A grid of about 3,000 points through the sweep: about a second of passes of 64 trials (then
// the diagnostics, PBO mostly), so the signal arrives mid-search.
const sweepArgs = (out: string): string[] => [
  'optimize',
  'examples/sma-crossover.ts',
  '--data',
  'data/samples/orcl-1995-2014.txt',
  '--param',
  'fast=2:50',
  '--param',
  'slow=10:300:4',
  '--constraint',
  'fast < slow',
  '--fees',
  'percent:0.001',
  '--evaluator',
  'sweep',
  '--verify',
  '4',
  '--out',
  out,
];

/** Starts the command, sends `signals` once `trials` trials are in its journal, and resolves with how it ended. */
function interrupted(out: string, signals: NodeJS.Signals[], trials: number, extra: string[] = [], argsOf = args) {
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(bin, [...argsOf(out), ...extra], { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setInterval(() => {
      if (journalLines(out) >= trials) {
        clearInterval(timer);
        for (const s of signals) child.kill(s);
      }
    }, 50);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ code, stderr });
    });
  });
}

beforeAll(() => {
  if (!existsSync(fileURLToPath(new URL('../packages/research/dist/trial-worker.js', import.meta.url))))
    throw new Error('the packages are not built: run `npm run build` first');
  work = mkdtempSync(join(tmpdir(), 'alphintra-resume-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('stopping and resuming alphintra optimize', { timeout: LONG }, () => {
  let whole: string[];
  beforeAll(() => {
    const r = spawnSync(bin, [...args(join(work, 'whole')), '--quiet'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    whole = files(join(work, 'whole'));
  }, LONG);

  it('saves on SIGINT with a report labelled partial, prints how to resume, and the resumed run writes the same files', async () => {
    const out = join(work, 'sigint');
    const report = join(work, 'sigint.html');
    const stopped = await interrupted(out, ['SIGINT'], 15, ['--report', report]);
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain('finishing the running trials');
    expect(stopped.stderr).toMatch(
      /stopped after \d+ trials; partial results in .*; resume with:\n {2}alphintra optimize .* --resume/,
    );
    const partial = JSON.parse(files(out)[0] as string) as { complete: boolean; search: { evaluated: number } };
    expect(partial.complete).toBe(false);
    const page = readFileSync(report, 'utf8');
    expect(page).toContain(
      `<p class="notice" role="status">Partial results: the run was stopped after ${partial.search.evaluated} of 80 planned trials;`,
    );
    expect(page).toContain('<dt>status</dt><dd>partial: stopped before the end</dd>');
    const resumed = spawnSync(bin, [...args(out), '--resume'], { cwd: root, encoding: 'utf8' });
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toMatch(/from the journal/);
    expect(files(out)).toEqual(whole);
  });

  it('drops running trials on a second SIGTERM, and still resumes to the same files', async () => {
    const out = join(work, 'sigterm');
    const stopped = await interrupted(out, ['SIGTERM', 'SIGTERM'], 10);
    expect(stopped.code).toBe(143);
    const resumed = spawnSync(bin, [...args(out), '--resume', '--quiet'], { cwd: root, encoding: 'utf8' });
    expect(resumed.status).toBe(0);
    expect(files(out)).toEqual(whole);
  });

  it('refuses to resume a journal written for other settings', () => {
    const r = spawnSync(bin, [...args(join(work, 'whole')), '--resume', '--seed', '2'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot resume: the journal was written for a different run \(search settings/);
  });

  it('stops a sweep-evaluated run between passes on SIGINT, and resumes it to the same files', async () => {
    const whole = spawnSync(bin, [...sweepArgs(join(work, 'sweep-whole')), '--quiet'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(whole.status).toBe(0);
    const expected = files(join(work, 'sweep-whole'));
    const trials = (JSON.parse(expected[0] as string) as { search: { evaluated: number } }).search.evaluated;
    expect(trials).toBeGreaterThan(2500);
    const out = join(work, 'sweep-sigint');
    const stopped = await interrupted(out, ['SIGINT'], 64, [], sweepArgs);
    expect(stopped.code).toBe(130);
    const partial = JSON.parse(files(out)[0] as string) as { complete: boolean; search: { evaluated: number } };
    expect(partial.complete).toBe(false);
    expect(partial.search.evaluated).toBeLessThan(trials);
    const resumed = spawnSync(bin, [...sweepArgs(out), '--resume', '--quiet'], { cwd: root, encoding: 'utf8' });
    expect(resumed.status).toBe(0);
    expect(files(out)).toEqual(expected);
  });
});
