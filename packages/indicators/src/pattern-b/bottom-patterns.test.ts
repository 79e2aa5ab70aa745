import { describe, expect, it } from 'vitest';
import { CDLUNIQUE3RIVER } from './bottom-patterns.js';

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

describe('CDLUNIQUE3RIVER', () => {
  it('signals a small white candle opening above the new low of a black harami', () => {
    const candles = columns([
      [110, 111, 100, 101],
      [105, 106, 97, 103],
      [98, 99.5, 97.5, 99],
    ]);
    expect(last(CDLUNIQUE3RIVER(...candles), 3)).toEqual([0, 0, 100]);
  });

  it('ignores it when the second candle does not make a new low', () => {
    const candles = columns([
      [110, 111, 100, 101],
      [105, 106, 100.5, 103],
      [101, 102.5, 100.5, 102],
    ]);
    expect(last(CDLUNIQUE3RIVER(...candles), 3)).toEqual([0, 0, 0]);
  });
});
