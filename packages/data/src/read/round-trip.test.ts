import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatIsoMicros } from '@alphintra/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBars, readBars } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'alphintra-roundtrip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const price = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.double({ min: 0, max: 1e6, noNaN: true }).chain((x) => fc.integer({ min: 0, max: 8 }).map((d) => x.toFixed(d))),
  fc.integer({ min: -1e9, max: 1e9 }).map(String),
);

const row = fc.record({
  seconds: fc.integer({ min: 946_684_800, max: 1_893_456_000 }),
  open: price,
  high: price,
  low: price,
  close: price,
  volume: price,
  note: fc.string({ maxLength: 12 }),
});

const file = fc.record({
  rows: fc.array(row, { minLength: 1, maxLength: 30 }),
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  newline: fc.constantFrom('\n', '\r\n'),
  header: fc.boolean(),
  quoteAll: fc.boolean(),
  timeStyle: fc.constantFrom('iso', 'epoch', 'split'),
  finalNewline: fc.boolean(),
});

type File = typeof file extends fc.Arbitrary<infer T> ? T : never;

function quote(text: string, force: boolean, delimiter: string): string {
  const needs = force || text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim();
  return needs ? `"${text.replaceAll('"', '""')}"` : text;
}

function render(f: File): string {
  const time = (s: number): string[] => {
    const iso = formatIsoMicros(s * 1e6).slice(0, 19);
    if (f.timeStyle === 'epoch') return [String(s)];
    if (f.timeStyle === 'split') return [iso.slice(0, 10), iso.slice(11)];
    return [iso];
  };
  const lines: string[] = [];
  if (f.header) {
    const names = f.timeStyle === 'split' ? ['Date', 'Time'] : ['Time'];
    lines.push(
      [...names, 'Open', 'High', 'Low', 'Close', 'Volume', 'Note']
        .map((n) => quote(n, f.quoteAll, f.delimiter))
        .join(f.delimiter),
    );
  }
  for (const r of f.rows) {
    const fields = [...time(r.seconds), r.open, r.high, r.low, r.close, r.volume];
    if (f.header) fields.push(r.note);
    lines.push(fields.map((x) => quote(x, f.quoteAll, f.delimiter)).join(f.delimiter));
  }
  return lines.join(f.newline) + (f.finalNewline ? f.newline : '');
}

function check(f: File, series: ReturnType<typeof parseBars>['series']): void {
  expect(series.length).toBe(f.rows.length);
  f.rows.forEach((r, i) => {
    expect(series.time[i]).toBe(r.seconds * 1e6);
    expect(Object.is(series.open[i], Number(r.open))).toBe(true);
    expect(Object.is(series.high[i], Number(r.high))).toBe(true);
    expect(Object.is(series.low[i], Number(r.low))).toBe(true);
    expect(Object.is(series.close[i], Number(r.close))).toBe(true);
    expect(Object.is(series.volume[i], Number(r.volume))).toBe(true);
  });
}

describe('round trip', () => {
  it('reads random OHLCV rows written as CSV back exactly', () => {
    fc.assert(
      fc.property(file, (f) => {
        const text = render(f);
        const options = f.timeStyle === 'epoch' ? { epochUnit: 's' as const } : {};
        check(f, parseBars(text, { ...options, header: f.header }).series);
      }),
      { numRuns: 400 },
    );
  });

  it('detects the layout of random files on its own', () => {
    fc.assert(
      fc.property(
        file.filter((f) => f.rows.length >= 3),
        (f) => {
          const r = parseBars(render(f));
          expect(r.layout.delimiter).toBe(f.delimiter);
          expect(r.layout.header).toBe(f.header);
          check(f, r.series);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads random files from disk in 5-byte chunks exactly', async () => {
    await fc.assert(
      fc.asyncProperty(file, async (f) => {
        const path = join(dir, 'random.csv');
        writeFileSync(path, render(f));
        const options = {
          header: f.header,
          chunkBytes: 5,
          ...(f.timeStyle === 'epoch' ? { epochUnit: 's' as const } : {}),
        };
        check(f, (await readBars(path, options)).series);
      }),
      { numRuns: 60 },
    );
  });
});
