import { describe, expect, it } from 'vitest';
import { CDLKICKING, CDLKICKINGBYLENGTH } from './kicking-patterns.js';

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

describe('CDLKICKING and CDLKICKINGBYLENGTH', () => {
  it('sign a kick by the second marubozu when it is the longer one', () => {
    const candles = columns([
      [110, 110, 100, 100],
      [112, 124, 112, 124],
    ]);
    expect(last(CDLKICKING(...candles), 2)).toEqual([0, 100]);
    expect(last(CDLKICKINGBYLENGTH(...candles), 2)).toEqual([0, 100]);
  });

  it('differ when the first marubozu is the longer one', () => {
    const candles = columns([
      [110, 110, 100, 100],
      [112, 120, 112, 120],
    ]);
    expect(last(CDLKICKING(...candles), 2)).toEqual([0, 100]);
    expect(last(CDLKICKINGBYLENGTH(...candles), 2)).toEqual([0, -100]);
  });

  it('ignore two marubozu without a price gap', () => {
    const candles = columns([
      [110, 110, 100, 100],
      [109, 121, 109, 121],
    ]);
    expect(last(CDLKICKING(...candles), 2)).toEqual([0, 0]);
  });
});
