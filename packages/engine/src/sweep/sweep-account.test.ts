import { SeededRng } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { createFeeModel, type FeeConfig } from '../execution/fee-model.js';
import { createSlippageModel, type SlippageConfig } from '../execution/slippage-model.js';
import {
  CASH,
  CLOSE_POSITION,
  EQUITY_FRACTION,
  MARK,
  QUANTITY,
  SweepAccount,
  TARGET_PERCENT,
  TRADED,
  TRADES,
} from './sweep-account.js';

const bar = Float64Array.of(10);

function account(
  options: {
    fees?: FeeConfig;
    slippage?: SlippageConfig;
    leverage?: number;
    allowShort?: boolean;
    lotSize?: number;
    cash?: number;
  } = {},
): SweepAccount {
  const a = new SweepAccount(
    {
      instrument: 'TEST',
      multiplier: 1,
      lotSize: options.lotSize ?? 1,
      leverage: options.leverage ?? 1,
      allowShort: options.allowShort ?? true,
      fees: createFeeModel(options.fees ?? { kind: 'none' }),
      slippage: createSlippageModel(options.slippage ?? { kind: 'none' }),
      high: bar,
      low: bar,
      close: bar,
      volume: Float64Array.of(1e6),
      time: Float64Array.of(0),
      fillDelay: 0,
    },
    new SeededRng(1),
  );
  a.reset(options.cash ?? 1_000, new SeededRng(1));
  a.state[MARK] = 10;
  return a;
}

const held = (a: SweepAccount): [number, number] => [a.state[QUANTITY] as number, a.state[CASH] as number];

describe('SweepAccount', () => {
  it('buys all equity in whole shares at the fill price', () => {
    const a = account();
    a.execute(TARGET_PERCENT, 1, 10, 0);
    expect(held(a)).toEqual([100, 0]);
    expect(a.state[TRADED]).toBe(1_000);
  });

  it('shrinks a buy until the fee fits', () => {
    // 100 shares at 10 leave nothing for a 1 % fee: 99 (990 + 9.90).
    const a = account({ fees: { kind: 'percent', rate: 0.01 } });
    a.execute(TARGET_PERCENT, 1, 10, 0);
    expect(a.state[QUANTITY]).toBe(99);
    expect(a.state[CASH]).toBeCloseTo(0.1, 10);
  });

  it('sizes again at the slipped price when the first size no longer fits', () => {
    // 100 shares would cost 1010 after 1 % slippage; 1000 / 10.10 gives 99, bought at 10.10.
    const a = account({ slippage: { kind: 'fixed-bps', bps: 100 } });
    a.execute(TARGET_PERCENT, 1, 10, 0);
    expect(a.state[QUANTITY]).toBe(99);
    expect(a.state[CASH]).toBeCloseTo(1_000 - 99 * 10.1, 10);
  });

  it('lets leverage carry more than equity and shrinks what exceeds it', () => {
    const a = account({ leverage: 2 });
    a.execute(TARGET_PERCENT, 1.5, 10, 0);
    expect(held(a)).toEqual([150, -500]);
    const b = account({ leverage: 2 });
    b.execute(TARGET_PERCENT, 3, 10, 0);
    expect(held(b)).toEqual([200, -1_000]);
  });

  it('rounds down to fractional lots', () => {
    const a = account({ lotSize: 0.001 });
    a.execute(TARGET_PERCENT, 1, 30_000, 0);
    expect(a.state[QUANTITY]).toBe(0.033);
  });

  it('closes, reverses and rebalances, counting each round trip once', () => {
    const a = account();
    a.execute(TARGET_PERCENT, 1, 10, 0); // long 100
    a.state[MARK] = 10;
    a.execute(TARGET_PERCENT, 0.5, 10, 0); // rebalance to 50
    expect([a.state[QUANTITY], a.state[TRADES]]).toEqual([50, 0]);
    a.execute(TARGET_PERCENT, -0.5, 10, 0); // reverse to short 50 in one fill
    expect([a.state[QUANTITY], a.state[TRADES]]).toEqual([-50, 1]);
    a.execute(CLOSE_POSITION, 0, 8, 0); // buy back 50 at 8: +100
    expect(held(a)).toEqual([0, 1_100]);
    expect(a.state[TRADES]).toBe(2);
    a.execute(EQUITY_FRACTION, -1, 11, 0); // sell 1100 / 11 = 100 short
    expect(held(a)).toEqual([-100, 2_200]);
  });

  it('does nothing when there is nothing to trade', () => {
    const a = account({ cash: 5 });
    a.execute(TARGET_PERCENT, 1, 10, 0); // half a share
    a.execute(CLOSE_POSITION, 0, 10, 0);
    expect(held(a)).toEqual([0, 5]);
  });

  it('denies and refuses shorts when shorting is not allowed', () => {
    const a = account({ allowShort: false });
    expect(a.denied(TARGET_PERCENT, -1)).toBe(true);
    expect(a.denied(TARGET_PERCENT, 1)).toBe(false);
    a.execute(TARGET_PERCENT, -1, 10, 0);
    expect(held(a)).toEqual([0, 1_000]);
    a.execute(TARGET_PERCENT, 1, 10, 0);
    // From long 100, a small short target is denied; selling down to flat is not.
    expect(a.denied(TARGET_PERCENT, -0.5)).toBe(true);
    expect(a.denied(EQUITY_FRACTION, -0.5)).toBe(false);
    expect(a.denied(CLOSE_POSITION, 0)).toBe(false);
  });
});
