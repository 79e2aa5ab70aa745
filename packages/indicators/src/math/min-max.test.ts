import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX, MAXINDEX, MIN, MININDEX, MINMAX, MINMAXINDEX, MinMaxStream } from './min-max.js';
import { RollingExtreme } from './rolling-extreme.js';

const f = (values: number[]) => Float64Array.from(values);

describe('MAXINDEX and MININDEX', () => {
  // Expected indices read from TA-Lib 0.4 (talib@1.1.6) on the same inputs.
  it('keep the earliest of equal extremes after a rescan and let a new equal value take over', () => {
    expect([...MAXINDEX(f([1, 3, 3, 2, 1, 0]), { timeperiod: 3 })]).toEqual([NaN, NaN, 1, 1, 2, 3]);
    expect([...MAXINDEX(f([1, 3, 2, 3]), { timeperiod: 3 })]).toEqual([NaN, NaN, 1, 3]);
    expect([...MININDEX(f([5, 1, 1, 4, 1, 2]), { timeperiod: 3 })]).toEqual([NaN, NaN, 1, 1, 2, 4]);
    expect([...MINMAXINDEX(f([5, 1, 1, 4, 1, 2]), { timeperiod: 3 }).maxidx]).toEqual([NaN, NaN, 0, 3, 3, 3]);
  });

  it('stream the same indices, counted from the first update', () => {
    const stream = new MinMaxStream('MAXINDEX', { timeperiod: 3 });
    const got = [1, 3, 3, 2, 1, 0].map((x) => stream.update(x));
    expect(got).toEqual([NaN, NaN, 1, 1, 2, 3]);
  });
});

describe('MAX, MIN and MINMAX', () => {
  it('equal a brute-force scan of every window', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 2, max: 8 }),
        (values, timeperiod) => {
          const input = f(values);
          const max = MAX(input, { timeperiod });
          const min = MIN(input, { timeperiod });
          const both = MINMAX(input, { timeperiod });
          for (let i = 0; i < values.length; i++) {
            const window = values.slice(Math.max(0, i - timeperiod + 1), i + 1);
            const full = i >= timeperiod - 1;
            expect(max[i]).toBe(full ? Math.max(...window) : NaN);
            expect(min[i]).toBe(full ? Math.min(...window) : NaN);
            expect(both.max[i]).toBe(max[i]);
            expect(both.min[i]).toBe(min[i]);
          }
        },
      ),
    );
  });
});

describe('RollingExtreme', () => {
  it('undoes the last push exactly, even when that push triggered a rescan', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: -5, max: 5 }),
        (values, period, other) => {
          const straight = new RollingExtreme(period, false);
          const revised = new RollingExtreme(period, false);
          for (const x of values) {
            straight.push(Float64Array.of(x), 0);
            revised.push(Float64Array.of(other), 0);
            revised.undo();
            revised.push(Float64Array.of(x), 0);
            expect([revised.extreme, revised.index, revised.count]).toEqual([
              straight.extreme,
              straight.index,
              straight.count,
            ]);
          }
        },
      ),
    );
  });
});
