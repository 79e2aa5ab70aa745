import { createHash } from 'node:crypto';
import { BarSeries } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { hashSeries } from './hash.js';
import { shortHash } from './metadata.js';

// Two bars, written out by hand so the expected hash does not depend on the code under test.
const bars = [
  { time: 1_000_000, open: 10, high: 11, low: 9, close: 10.5, volume: 100 },
  { time: 2_000_000, open: 10.5, high: 12, low: 10, close: 11.5, volume: 200 },
];

function leBytes(values: number[]): Buffer {
  const out = Buffer.alloc(values.length * 8);
  values.forEach((v, i) => {
    out.writeDoubleLE(v, i * 8);
  });
  return out;
}

const sha = (data: Buffer | string): Buffer => createHash('sha256').update(data).digest();

describe('hashSeries', () => {
  it('hashes the documented canonical encoding', () => {
    const descriptor = '["alphintra-bars-hash/1","ORCL","1d",2,["time","open","high","low","close","volume","oi"]]\n';
    const columns = [
      [1_000_000, 2_000_000],
      [10, 10.5],
      [11, 12],
      [9, 10],
      [10.5, 11.5],
      [100, 200],
      [5, 6],
    ];
    const expected = createHash('sha256')
      .update(descriptor, 'utf8')
      .update(Buffer.concat(columns.map((c) => sha(leBytes(c)))))
      .digest('hex');
    const series = BarSeries.empty(2, { symbol: 'ORCL' }, ['oi']);
    series.append(1_000_000, 10, 11, 9, 10.5, 100, [5]);
    series.append(2_000_000, 10.5, 12, 10, 11.5, 200, [6]);
    expect(hashSeries(series, { timeframe: '1d' })).toBe(expected);
  });

  it('uses null for a missing symbol and timeframe', () => {
    const descriptor = '["alphintra-bars-hash/1",null,null,0,["time","open","high","low","close","volume"]]\n';
    const emptyColumn = sha(Buffer.alloc(0));
    const expected = createHash('sha256')
      .update(descriptor)
      .update(Buffer.concat(Array.from({ length: 6 }, () => emptyColumn)))
      .digest('hex');
    expect(hashSeries(BarSeries.empty())).toBe(expected);
  });

  it('depends on values, symbol and timeframe but not on extra column order or capacity', () => {
    const base = BarSeries.fromBars(bars, { symbol: 'ORCL' });
    const h = hashSeries(base);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSeries(base.clone())).toBe(h);
    expect(hashSeries(base, { symbol: 'MSFT' })).not.toBe(h);
    expect(hashSeries(base, { timeframe: '1d' })).not.toBe(h);
    expect(hashSeries(base, { timeframe: '1day' })).toBe(hashSeries(base, { timeframe: '1d' }));
    const changed = base.clone();
    changed.close[1] = 11.500000000000002;
    expect(hashSeries(changed)).not.toBe(h);

    const a = BarSeries.empty(2, {}, ['x', 'y']);
    const b = BarSeries.empty(2, {}, ['y', 'x']);
    a.append(1, 1, 1, 1, 1, 1, [1, 2]);
    b.append(1, 1, 1, 1, 1, 1, [2, 1]);
    expect(hashSeries(a)).toBe(hashSeries(b));
  });

  it('gives a 12-digit short form', () => {
    expect(shortHash('0123456789abcdef'.repeat(4))).toBe('0123456789ab');
  });
});
