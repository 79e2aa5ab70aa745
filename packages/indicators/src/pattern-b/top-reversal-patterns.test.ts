import { describe, expect, it } from 'vitest';
import { CDLIDENTICAL3CROWS, CDLUPSIDEGAP2CROWS } from './top-reversal-patterns.js';

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

describe('CDLIDENTICAL3CROWS', () => {
  it('signals three black candles each opening at the previous close', () => {
    const crows = columns([
      [110, 111, 105, 105],
      [105, 106, 100, 100],
      [100, 101, 95, 95],
    ]);
    expect(last(CDLIDENTICAL3CROWS(...crows), 3)).toEqual([0, 0, -100]);
  });

  it('ignores a crow that opens a full point above the previous close', () => {
    const crows = columns([
      [110, 111, 105, 105],
      [105, 106, 100, 100],
      [101, 101, 95, 95],
    ]);
    expect(last(CDLIDENTICAL3CROWS(...crows), 3)).toEqual([0, 0, 0]);
  });
});

describe('CDLUPSIDEGAP2CROWS', () => {
  it('signals a black candle engulfing a small black body that gapped above a long white one', () => {
    const candles = columns([
      [100, 111, 99, 110],
      [114, 115, 112, 113],
      [115, 116, 110.5, 111],
    ]);
    expect(last(CDLUPSIDEGAP2CROWS(...candles), 3)).toEqual([0, 0, -100]);
  });

  it('has no value during the lookback', () => {
    const signals = CDLUPSIDEGAP2CROWS(...columns([]));
    expect(Array.from(signals.subarray(0, 12)).every(Number.isNaN)).toBe(true);
  });
});
