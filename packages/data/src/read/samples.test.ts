import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { civilToMicros } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { parseBars, readBars } from './index.js';

const samples = join(dirname(fileURLToPath(import.meta.url)), '../../../../data/samples');
const path = (name: string) => join(samples, name);
const read = (name: string) => parseBars(readFileSync(path(name)), { file: name });

/** Data lines of a sample, counted independently of the reader. */
function dataLines(name: string): string[] {
  return readFileSync(path(name), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '');
}

describe('the sample files', () => {
  it('reads the 1-minute file whose header names one column fewer than its rows', () => {
    const r = read('2006-01-02-volume-min-001.txt');
    const s = r.series;
    expect(r.rows).toBe(30889);
    expect(s.length).toBe(dataLines('2006-01-02-volume-min-001.txt').length);
    expect(s.time[0]).toBe(civilToMicros(2006, 1, 2, 9, 1));
    expect(s.time[s.length - 1]).toBe(civilToMicros(2006, 2, 27, 22, 0));
    expect([s.open[0], s.high[0], s.low[0], s.close[0], s.volume[0]]).toEqual([3602, 3603, 3597, 3599, 5699]);
    expect(s.volume[s.length - 1]).toBe(327);
    expect(s.extra('openInterest')?.[0]).toBe(0);
    expect(r.layout.mapping).toMatchObject({ date: 'Date', clock: 'Time', open: 'Open', close: 'Close' });
    expect(r.layout.vendor).toBe('backtrader');
    expect(r.complete).toBe(true);
    expect(r.problemCount).toBe(0);
  });

  it('reads the 5-minute file with separate Date and Time columns', () => {
    const r = read('2006-min-005.txt');
    const s = r.series;
    expect(s.length).toBe(2142);
    expect(s.time[0]).toBe(civilToMicros(2006, 1, 2, 9, 5));
    expect(s.time[s.length - 1]).toBe(civilToMicros(2006, 1, 30, 17, 30));
    expect([s.open[0], s.high[0], s.low[0], s.close[0]]).toEqual([3578.73, 3587.88, 3578.73, 3582.99]);
    expect(s.close[s.length - 1]).toBe(3677.52);
  });

  it.each([
    ['orcl-1995-2014.txt', 5036, [1995, 1, 3], [2014, 12, 31], 2.179012, 13269200, 42.303135],
    ['nvda-1999-2014.txt', 4012, [1999, 1, 22], [2014, 12, 31], 1.75, 4157500, 19.425875],
    ['yhoo-1996-2014.txt', 4713, [1996, 4, 12], [2014, 12, 31], 1.052083, 9305000, 50.509998],
  ] as const)('reads the Yahoo daily file %s', (name, rows, first, last, open0, lastVolume, lastAdj) => {
    const r = read(name);
    const s = r.series;
    expect(s.length).toBe(rows);
    expect(s.length).toBe(dataLines(name).length);
    expect(s.time[0]).toBe(civilToMicros(first[0], first[1], first[2]));
    expect(s.time[s.length - 1]).toBe(civilToMicros(last[0], last[1], last[2]));
    expect(s.open[0]).toBe(open0);
    expect(s.volume[s.length - 1]).toBe(lastVolume);
    expect(s.extra('adjClose')?.[s.length - 1]).toBe(lastAdj);
    expect(r.layout.vendor).toBe('yahoo');
    expect(r.layout.timestamp).toBe('date only, naive, read as UTC');
  });

  it('reads the tick sample with millisecond ISO timestamps', () => {
    const r = read('ticksample.csv');
    const s = r.series;
    expect(s.length).toBe(135);
    expect(s.time[0]).toBe(civilToMicros(2015, 9, 23, 20, 57, 42, 146_000));
    expect(s.time[s.length - 1]).toBe(civilToMicros(2015, 9, 23, 21, 0, 0, 238_000));
    expect(s.close[0]).toBe(3067);
    expect(s.volume[s.length - 1]).toBe(1);
  });

  it('gives every numeric field exactly the value Number() gives its text', () => {
    const name = 'nvda-1999-2014.txt';
    const s = read(name).series;
    const lines = dataLines(name);
    const columns = [s.open, s.high, s.low, s.close, s.extra('adjClose')!, s.volume];
    lines.forEach((line, i) => {
      const fields = line.split(',');
      columns.forEach((column, k) => {
        expect(Object.is(column[i], Number(fields[k + 1]))).toBe(true);
      });
    });
  });

  it('reads every sample from disk exactly as it parses it in memory', async () => {
    for (const name of ['2006-01-02-volume-min-001.txt', 'orcl-1995-2014.txt', 'ticksample.csv']) {
      const fromFile = await readBars(path(name));
      const inMemory = read(name);
      expect(fromFile.series.columns()).toEqual(inMemory.series.columns());
      expect(fromFile.file).toBe(path(name));
    }
  });
});
