import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BarSeries } from './bar-series.js';

function sample(n: number): BarSeries {
  const s = BarSeries.empty(2, { symbol: 'TEST' }, ['openInterest']);
  for (let i = 0; i < n; i++) s.append(i * 60, 10 + i, 11 + i, 9 + i, 10.5 + i, 100 * i, [i * 2]);
  return s;
}

describe('BarSeries', () => {
  it('grows as bars are appended and exposes length-exact columns', () => {
    const s = sample(100);
    expect(s.length).toBe(100);
    expect(s.close.length).toBe(100);
    expect(s.close[99]).toBe(109.5);
    expect(s.extra('openInterest')?.[50]).toBe(100);
    expect(s.start).toBe(0);
    expect(s.end).toBe(99 * 60);
    expect(s.bar(3)).toEqual({ time: 180, open: 13, high: 14, low: 12, close: 13.5, volume: 300 });
  });

  it('slices without copying', () => {
    const s = sample(10);
    const view = s.slice(2, 5);
    expect(view.length).toBe(3);
    expect(view.close.buffer).toBe(s.close.buffer);
    expect([...view.time]).toEqual([120, 180, 240]);
    expect(s.slice(-2).length).toBe(2);
    expect(s.slice(8, 3).length).toBe(0);
  });

  it('keeps a slice and its parent independent when either appends', () => {
    const s = sample(4);
    const view = s.slice(0, 2);
    view.append(1000, 1, 1, 1, 1, 1);
    s.append(2000, 2, 2, 2, 2, 2);
    expect(s.time[2]).toBe(120);
    expect(view.time[2]).toBe(1000);
    expect(view.close.buffer).not.toBe(s.close.buffer);
  });

  it('refuses bars that go back in time', () => {
    const s = sample(3);
    expect(() => s.append(0, 1, 1, 1, 1, 1)).toThrow('expected bar times in order');
  });

  it('replaces a still-forming last bar', () => {
    const s = sample(3);
    s.replaceLast(120, 1, 2, 0.5, 1.5, 7);
    expect(s.bar(2)).toEqual({ time: 120, open: 1, high: 2, low: 0.5, close: 1.5, volume: 7 });
    expect(s.length).toBe(3);
  });

  it('rejects columns of different lengths', () => {
    const a = new Float64Array(3);
    expect(() =>
      BarSeries.fromColumns({ time: a, open: a, high: a, low: a, close: new Float64Array(2), volume: a }),
    ).toThrow('expected column close to have 3 values like time, got 2');
  });

  it('finds the last bar at or before a time', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 50 }),
        fc.integer({ min: -5, max: 1005 }),
        (times, t) => {
          const sorted = [...times].sort((x, y) => x - y);
          const s = BarSeries.fromBars(sorted.map((time) => ({ time, open: 1, high: 1, low: 1, close: 1, volume: 1 })));
          let expected = -1;
          for (let i = 0; i < sorted.length; i++) if ((sorted[i] as number) <= t) expected = i;
          expect(s.indexAtOrBefore(t)).toBe(expected);
        },
      ),
    );
  });

  it('clones into owned memory', () => {
    const s = sample(5).slice(1, 3);
    const c = s.clone();
    expect(c.close.buffer).not.toBe(s.close.buffer);
    expect([...c.close]).toEqual([...s.close]);
    expect(c.extraNames).toEqual(['openInterest']);
  });
});
