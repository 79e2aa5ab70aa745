import { describe, expect, it } from 'vitest';
import {
  candleAverage,
  candleColor,
  candleGapUp,
  candleRange,
  lowerShadow,
  realBody,
  realBodyGapDown,
  realBodyGapUp,
  upperShadow,
} from './candle-geometry.js';
import {
  BODY_DOJI,
  BODY_LONG,
  CandleRange,
  type CandleRangeType,
  NEAR,
  SHADOW_LONG,
  SHADOW_SHORT,
} from './candle-settings.js';
import { averageOf, CandleTotals } from './candle-totals.js';

// Three candles: white 10→12 (range 9..13), black 15→14 (range 13.5..16), doji 14→14 (13..15).
const open = Float64Array.of(10, 15, 14);
const high = Float64Array.of(13, 16, 15);
const low = Float64Array.of(9, 13.5, 13);
const close = Float64Array.of(12, 14, 14);

describe('candle geometry', () => {
  it('measures bodies, shadows and colours', () => {
    expect([realBody(open, close, 0), upperShadow(open, high, close, 0), lowerShadow(open, low, close, 0)]).toEqual([
      2, 1, 1,
    ]);
    expect([realBody(open, close, 1), upperShadow(open, high, close, 1), lowerShadow(open, low, close, 1)]).toEqual([
      1, 1, 0.5,
    ]);
    expect([candleColor(open, close, 0), candleColor(open, close, 1), candleColor(open, close, 2)]).toEqual([1, -1, 1]);
  });

  it('detects gaps between real bodies and between whole candles', () => {
    expect(realBodyGapUp(open, close, 1, 0)).toBe(true);
    expect(realBodyGapDown(open, close, 0, 1)).toBe(true);
    expect(candleGapUp(high, low, 1, 0)).toBe(true);
    expect(candleGapUp(high, low, 2, 1)).toBe(false);
  });

  it('measures the range each setting asks for', () => {
    expect(candleRange(CandleRange.RealBody, open, high, low, close, 0)).toBe(2);
    expect(candleRange(CandleRange.HighLow, open, high, low, close, 0)).toBe(4);
    expect(candleRange(CandleRange.Shadows, open, high, low, close, 1)).toBe(1.5);
  });

  it("uses the candle's own range when a setting's period is 0 and halves shadow averages", () => {
    expect(candleAverage(SHADOW_LONG, 123, open, high, low, close, 0)).toBe(2);
    expect(candleAverage(BODY_DOJI, 40, open, high, low, close, 0)).toBe(0.1 * 4);
    expect(candleAverage(SHADOW_SHORT, 30, open, high, low, close, 0)).toBe(1.5);
  });
});

describe('CandleTotals', () => {
  const n = 40;
  const o = Float64Array.from({ length: n }, (_, i) => 100 + Math.sin(i) * 3);
  const c = Float64Array.from({ length: n }, (_, i) => 100 + Math.cos(i * 1.3) * 3);
  const h = Float64Array.from({ length: n }, (_, i) => Math.max(o[i] as number, c[i] as number) + (i % 4) * 0.25);
  const l = Float64Array.from({ length: n }, (_, i) => Math.min(o[i] as number, c[i] as number) - (i % 3) * 0.5);

  it('keeps each total equal to the sum of the window before the measured candle', () => {
    const totals = new CandleTotals([averageOf(BODY_LONG, 2), averageOf(NEAR, 1), averageOf(SHADOW_SHORT)]);
    const first = 12;
    totals.begin(o, h, l, c, first);
    for (let i = first; i < n; i++) {
      const windows: Array<[number, number, CandleRangeType]> = [
        [i - 2 - 10, i - 2, CandleRange.RealBody],
        [i - 1 - 5, i - 1, CandleRange.HighLow],
        [i - 10, i, CandleRange.Shadows],
      ];
      windows.forEach(([from, to, type], k) => {
        let sum = 0;
        for (let m = from; m < to; m++) sum += candleRange(type, o, h, l, c, m);
        expect(totals.values[k]).toBeCloseTo(sum, 10);
      });
      totals.advance(o, h, l, c, i);
    }
  });

  it('restores the totals it saved', () => {
    const totals = new CandleTotals([averageOf(BODY_LONG)]);
    totals.begin(o, h, l, c, 10);
    const before = totals.values[0];
    totals.save();
    totals.advance(o, h, l, c, 10);
    expect(totals.values[0]).not.toBe(before);
    totals.restore();
    expect(totals.values[0]).toBe(before);
  });
});
