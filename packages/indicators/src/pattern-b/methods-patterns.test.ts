import { describe, expect, it } from 'vitest';
import { CDLMATHOLD, CDLMATHOLD_DEFINITION, CDLRISEFALL3METHODS } from './methods-patterns.js';

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

const MAT_HOLD: Candle[] = [
  [100, 121, 99, 120],
  [124, 125, 121, 122],
  [121, 122, 118, 119],
  [120, 121, 117, 118],
  [119, 130, 118, 130],
];

describe('CDLMATHOLD', () => {
  it('signals a mat hold whose reaction stays within half the first body', () => {
    expect(last(CDLMATHOLD(...columns(MAT_HOLD)), 3)).toEqual([0, 0, 100]);
  });

  it('refuses the same candles when the allowed penetration is smaller than the reaction', () => {
    expect(last(CDLMATHOLD(...columns(MAT_HOLD), { penetration: 0.05 }), 3)).toEqual([0, 0, 0]);
  });

  it('streams the same signal', () => {
    const [open, high, low, close] = columns(MAT_HOLD);
    const stream = CDLMATHOLD_DEFINITION.createStream({ penetration: 0.5 });
    let signal = Number.NaN;
    for (let i = 0; i < open.length; i++) signal = stream.update(open[i] as number, high[i], low[i], close[i]);
    expect(signal).toBe(100);
  });

  it('refuses a negative penetration', () => {
    expect(() => CDLMATHOLD(...columns(MAT_HOLD), { penetration: -1 })).toThrow(/penetration/);
  });
});

describe('CDLRISEFALL3METHODS', () => {
  it('signals a rising three methods', () => {
    const candles = columns([
      [100, 111, 99, 110],
      [108, 109, 106, 107],
      [107, 108, 105, 106],
      [106, 107, 104, 105],
      [106, 114, 105.5, 113],
    ]);
    expect(last(CDLRISEFALL3METHODS(...candles), 2)).toEqual([0, 100]);
  });

  it('signals the mirrored falling three methods', () => {
    const mirror = (candle: Candle): Candle => [200 - candle[0], 200 - candle[2], 200 - candle[1], 200 - candle[3]];
    const candles = columns(
      (
        [
          [100, 111, 99, 110],
          [108, 109, 106, 107],
          [107, 108, 105, 106],
          [106, 107, 104, 105],
          [106, 114, 105.5, 113],
        ] as Candle[]
      ).map(mirror),
    );
    expect(last(CDLRISEFALL3METHODS(...candles), 2)).toEqual([0, -100]);
  });
});
