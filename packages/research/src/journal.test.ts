import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParameterSpace, TrialOutcome } from '@alphintra/optimize';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson, JOURNAL_FILE, Journal, runKey } from './journal.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'alphintra-journal-'));
  dirs.push(d);
  return d;
};

const identity = { strategy: 'code', data: ['d1'], config: 'c', search: 's' };
const space: ParameterSpace = {
  dimensions: [{ kind: 'numeric', name: 'fast', integer: true, low: 1, high: 9, log: false, values: null }],
};
const window = { warmupStart: 0, start: 0, end: 100 };
const outcome: TrialOutcome = { metrics: { 'risk.sharpe': 1.25, 'risk.sortino': null }, blocks: null };

describe('the optimisation journal', () => {
  it('writes canonical JSON: equal values, equal text, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: null } })).toBe('{"a":{"c":null,"d":[1,2]},"b":1}');
    expect(canonicalJson({ x: Float64Array.of(1.5, 2) })).toBe('{"x":[1.5,2]}');
    expect(runKey(identity)).toBe(runKey({ search: 's', config: 'c', data: ['d1'], strategy: 'code' }));
    expect(runKey(identity)).not.toBe(runKey({ ...identity, data: ['d2'] }));
  });

  it('keeps outcomes by a key of run, window and parameters, and reads them back exactly', () => {
    const dir = tempDir();
    const journal = Journal.open(dir, identity, false);
    const key = journal.trialKey(space, window, { fast: 3 });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(journal.trialKey(space, { ...window, start: 1 }, { fast: 3 })).not.toBe(key);
    journal.append(key, window, { fast: 3 }, outcome);
    journal.close();
    const again = Journal.open(dir, identity, true);
    expect(again.size).toBe(1);
    expect(again.get(key)).toEqual(outcome);
    again.close();
  });

  it('says which line is damaged, and refuses files that are not journals', () => {
    const dir = tempDir();
    const journal = Journal.open(dir, identity, false);
    journal.append('k1', window, { fast: 1 }, outcome);
    journal.append('k2', window, { fast: 2 }, outcome);
    journal.close();
    const path = join(dir, JOURNAL_FILE);
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[1] = '{"key":"k1",';
    writeFileSync(path, lines.join('\n'));
    expect(() => Journal.open(dir, identity, true)).toThrow(/damaged journal line/);
    try {
      Journal.open(dir, identity, true);
    } catch (error) {
      expect((error as { line?: number }).line).toBe(2);
    }
    writeFileSync(path, '{"journal":"something-else","version":1}\n');
    expect(() => Journal.open(dir, identity, true)).toThrow(/expected an alphintra-optimize journal of version 1/);
    writeFileSync(path, 'not json\n');
    expect(() => Journal.open(dir, identity, true)).toThrow(/expected an optimisation journal header on line 1/);
  });
});
