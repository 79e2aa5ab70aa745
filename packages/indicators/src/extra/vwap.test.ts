import { describe, expect, it } from 'vitest';
import { datasets, sessionTimes } from '../testing/fixtures.js';
import { VWAP, VWAPStream } from './vwap.js';

const MINUTE = 60_000_000;
const DAY = 86_400_000_000;

/** Straightforward reference: for every bar, rescan its session from the start. */
function referenceVwap(t: number[], h: number[], l: number[], c: number[], v: number[], offset: number): number[] {
  const day = (x: number) => Math.floor((x + offset * MINUTE) / DAY);
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) {
    let start = i;
    while (start > 0 && day(t[start - 1] as number) === day(t[i] as number)) start--;
    let pv = 0;
    let vol = 0;
    for (let j = start; j <= i; j++) {
      const tp = ((h[j] as number) + (l[j] as number) + (c[j] as number)) / 3;
      pv += tp * (v[j] as number);
      vol += v[j] as number;
    }
    out.push(vol === 0 ? ((h[i] as number) + (l[i] as number) + (c[i] as number)) / 3 : pv / vol);
  }
  return out;
}

function expectClose(actual: Float64Array, expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] as number;
    const a = actual[i] as number;
    if (Number.isNaN(e)) expect([i, a]).toEqual([i, Number.NaN]);
    else expect(Math.abs(a - e)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e)));
  }
}

const at = (iso: string) => Date.parse(iso) * 1000;

describe('VWAP', () => {
  it('weights the typical price by volume and restarts at each UTC day', () => {
    const time = new Float64Array([at('2024-01-02T14:30:00Z'), at('2024-01-02T14:31:00Z'), at('2024-01-03T14:30:00Z')]);
    const high = new Float64Array([12, 13, 21]);
    const low = new Float64Array([9, 10, 19]);
    const close = new Float64Array([9, 10, 20]);
    const volume = new Float64Array([100, 300, 50]);
    // Typical prices 10, 11, 20: (10·100 + 11·300) / 400 = 10.75, then a new session.
    expect(Array.from(VWAP(time, high, low, close, volume))).toEqual([10, 10.75, 20]);
  });

  it('puts the session boundary offset minutes from UTC midnight', () => {
    const time = new Float64Array([
      at('2024-01-02T23:00:00Z'),
      at('2024-01-03T04:59:00Z'), // still 2 January in New York (UTC−5)
      at('2024-01-03T05:00:00Z'), // New York midnight: a new session
    ]);
    const price = new Float64Array([10, 20, 30]);
    const volume = new Float64Array([1, 1, 1]);
    expect(Array.from(VWAP(time, price, price, price, volume, { offset: -300 }))).toEqual([10, 15, 30]);
    expect(Array.from(VWAP(time, price, price, price, volume))).toEqual([10, 20, 25]);
  });

  it('gives the typical price while the session has traded nothing, then weights by volume', () => {
    const time = new Float64Array([0, MINUTE, 2 * MINUTE, 3 * MINUTE]);
    const price = new Float64Array([10, 12, 14, 16]);
    const volume = new Float64Array([0, 0, 2, 0]);
    expect(Array.from(VWAP(time, price, price, price, volume))).toEqual([10, 12, 14, 14]);
  });

  it('agrees with a rescanning reference on real, zero-volume and flat data, with and without an offset', () => {
    for (const name of ['orcl', 'random', 'zerovolume', 'flat']) {
      const d = datasets()[name] as Record<string, Float64Array>;
      const time = sessionTimes(d.close!.length);
      for (const offset of [0, -300, 570]) {
        const got = VWAP(time, d.high!, d.low!, d.close!, d.volume!, { offset });
        const want = referenceVwap(
          Array.from(time),
          Array.from(d.high!),
          Array.from(d.low!),
          Array.from(d.close!),
          Array.from(d.volume!),
          offset,
        );
        expectClose(got, want);
      }
    }
  });

  it('is 50 on a flat series at 50 without volume', () => {
    const d = datasets().flat!;
    const out = VWAP(sessionTimes(d.close.length), d.high, d.low, d.close, d.volume);
    expect(out.every((x) => x === 50)).toBe(true);
  });

  it('streams the session restart at the same bar as the batch', () => {
    const stream = new VWAPStream({ offset: 0 });
    expect(stream.update(DAY - MINUTE, 10, 10, 10, 1)).toBe(10);
    expect(stream.update(DAY, 20, 20, 20, 1)).toBe(20);
    expect(stream.replace(DAY - 1, 20, 20, 20, 1)).toBe(15);
  });
});
