// End-to-end checks of the installed `alphintra` command (the compiled bin, as `npx` runs it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../node_modules/.bin/alphintra', import.meta.url));

function alphintra(...args: string[]) {
  if (!existsSync(fileURLToPath(new URL('../packages/cli/dist/main.js', import.meta.url)))) {
    throw new Error('the CLI is not built: run `npm ci` or `npm run build` first');
  }
  return spawnSync(bin, args, { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
}

describe('the alphintra command', () => {
  it('is linked into node_modules/.bin and shows help', () => {
    const r = alphintra('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: alphintra');
  });

  it('keeps piped output free of progress bars and escape codes', () => {
    const r = alphintra('data', 'inspect', 'data/samples/2006-01-02-volume-min-001.txt');
    expect(r.status).toBe(0);
    expect(r.stdout.includes(String.fromCharCode(27))).toBe(false);
    expect(r.stderr).toBe('');
  });

  it('fails with one line and status 1 on an unreadable input', () => {
    const r = alphintra('data', 'inspect', 'packages');
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^alphintra: error: /);
  });
});
