import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WindowExtreme } from './window-extreme.js';

/** The extreme of the last `window` values and its latest position, by scanning them all. */
function scan(history: number[], window: number, highest: boolean): { value: number; position: number } {
  let value = Number.NaN;
  let position = -1;
  for (let i = Math.max(0, history.length - window); i < history.length; i++) {
    const x = history[i] as number;
    if (position < 0 || (highest ? x >= value : x <= value)) {
      value = x;
      position = i;
    }
  }
  return { value, position };
}

// Small integers make ties common, which is where "latest position wins" matters.
const steps = fc.array(fc.record({ value: fc.integer({ min: 0, max: 5 }), revise: fc.boolean() }), {
  minLength: 1,
  maxLength: 200,
});

describe('WindowExtreme', () => {
  for (const highest of [true, false]) {
    it(`tracks the ${highest ? 'highest' : 'lowest'} value and its latest position, with revisions undone`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 9 }), steps, (window, ops) => {
          const extreme = new WindowExtreme(window, highest);
          const history: number[] = [];
          for (const { value, revise } of ops) {
            if (revise && history.length > 0) {
              extreme.undo();
              history[history.length - 1] = value;
            } else {
              history.push(value);
            }
            extreme.push(history.length - 1, Float64Array.of(value), 0);
            const expected = scan(history, window, highest);
            expect([extreme.value, extreme.position]).toEqual([expected.value, expected.position]);
          }
        }),
        { numRuns: 500 },
      );
    });
  }

  it('is empty after clear', () => {
    const extreme = new WindowExtreme(3, true);
    extreme.push(0, Float64Array.of(5), 0);
    extreme.clear();
    expect(Number.isNaN(extreme.value)).toBe(true);
    extreme.push(1, Float64Array.of(2), 0);
    expect([extreme.value, extreme.position]).toEqual([2, 1]);
  });
});
