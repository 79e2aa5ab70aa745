import { describe, expect, it } from 'vitest';
import { CDLINNECK, CDLTHRUSTING } from './neck-patterns.js';

type Candle = readonly [open: number, high: number, low: number, close: number];

/** Twelve quiet candles (body 1, range 3) followed by `candles`, as open/high/low/close columns. */
function columns(candles: readonly Candle[]): [Float64Array, Float64Array, Float64Array, Float64Array] {
  const all: Candle[] = [...Array<Candle>(12).fill([100, 102, 99, 101]), ...candles];
  const column = (k: number) => Float64Array.from(all, (candle) => candle[k] as number);
  return [column(0), column(1), column(2), column(3)];
}

/** The signals on the last `count` bars. */
function last(signals: Float64Array, count: number): number[] {
  return Array.from(signals.subarray(signals.length - count));
}

describe('CDLINNECK and CDLTHRUSTING', () => {
  it('call a white candle closing just above the long black close an in-neck line', () => {
    const candles = columns([
      [104, 105, 98, 99],
      [97, 99.5, 96.5, 99.1],
    ]);
    expect(last(CDLINNECK(...candles), 2)).toEqual([0, -100]);
    expect(last(CDLTHRUSTING(...candles), 2)).toEqual([0, 0]);
  });

  it('call a white candle closing clearly higher, below the midpoint, a thrusting line', () => {
    const candles = columns([
      [104, 105, 98, 99],
      [97, 99.5, 96.5, 99.5],
    ]);
    expect(last(CDLINNECK(...candles), 2)).toEqual([0, 0]);
    expect(last(CDLTHRUSTING(...candles), 2)).toEqual([0, -100]);
  });
});
