import { describe, expect, it } from 'vitest';
import { CDLTRISTAR } from './star-patterns.js';

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

describe('CDLTRISTAR', () => {
  it('signals a bearish tri-star when the middle doji gaps up', () => {
    const candles = columns([
      [100, 101, 99, 100.1],
      [103, 104, 102, 103.1],
      [101, 102, 100, 101.2],
    ]);
    expect(last(CDLTRISTAR(...candles), 3)).toEqual([0, 0, -100]);
  });

  it('signals a bullish tri-star when the middle doji gaps down', () => {
    const candles = columns([
      [100, 101, 99, 100.1],
      [97, 98, 96, 97.1],
      [99, 100, 98, 99.2],
    ]);
    expect(last(CDLTRISTAR(...candles), 3)).toEqual([0, 0, 100]);
  });
});
