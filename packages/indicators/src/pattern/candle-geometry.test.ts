import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bodyDojiLimit,
  bodyLongLimit,
  bodyShortLimit,
  bodyVeryLongLimit,
  candleAverage,
  equalLimit,
  farLimit,
  greater,
  lesser,
  nearLimit,
  realBodyGapDown,
  realBodyGapUp,
  shadowLongLimit,
  shadowShortLimit,
  shadowVeryLongLimit,
  shadowVeryShortLimit,
} from './candle-geometry.js';
import {
  BODY_DOJI,
  BODY_LONG,
  BODY_SHORT,
  BODY_VERY_LONG,
  EQUAL,
  FAR,
  NEAR,
  SHADOW_LONG,
  SHADOW_SHORT,
  SHADOW_VERY_LONG,
  SHADOW_VERY_SHORT,
} from './candle-settings.js';

const none = new Float64Array(1);
const totalLimits = [
  [BODY_LONG, bodyLongLimit],
  [BODY_VERY_LONG, bodyVeryLongLimit],
  [BODY_SHORT, bodyShortLimit],
  [BODY_DOJI, bodyDojiLimit],
  [SHADOW_SHORT, shadowShortLimit],
  [SHADOW_VERY_SHORT, shadowVeryShortLimit],
  [NEAR, nearLimit],
  [FAR, farLimit],
  [EQUAL, equalLimit],
] as const;

describe('setting limits', () => {
  it('equal candleAverage bit for bit for every averaged setting and any total', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (total) => {
        for (const [setting, limit] of totalLimits) {
          expect(Object.is(limit(total), candleAverage(setting, total, none, none, none, none, 0))).toBe(true);
        }
      }),
    );
  });

  it('equal candleAverage for the settings that use the candle itself', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (o, c) => {
          const open = Float64Array.of(o);
          const close = Float64Array.of(c);
          expect(shadowLongLimit(open, close, 0)).toBe(candleAverage(SHADOW_LONG, 0, open, none, none, close, 0));
          expect(shadowVeryLongLimit(open, close, 0)).toBe(
            candleAverage(SHADOW_VERY_LONG, 0, open, none, none, close, 0),
          );
        },
      ),
    );
  });
});

describe('real-body gaps', () => {
  const price = fc.oneof(
    fc.integer({ min: 0, max: 4 }).map((k) => 100 + k / 4),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0),
    fc.double(),
  );

  it('agree with the min/max form of TA-Lib for ties, NaN and infinities', () => {
    fc.assert(
      fc.property(price, price, price, price, (a, b, x, y) => {
        const open = Float64Array.of(x, a);
        const close = Float64Array.of(y, b);
        expect(realBodyGapUp(open, close, 1, 0)).toBe(lesser(a, b) > greater(x, y));
        expect(realBodyGapDown(open, close, 1, 0)).toBe(greater(a, b) < lesser(x, y));
      }),
      { numRuns: 2000 },
    );
  });
});
