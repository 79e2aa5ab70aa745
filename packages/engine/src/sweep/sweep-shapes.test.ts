import { describe, expect, it } from 'vitest';
import { columnRecord, sharedFeeModel, sharedSlippageModel } from './sweep-shapes.js';

describe('the sweep’s stable identities', () => {
  it('shares one fee and slippage model per description, and passes custom models through', () => {
    const a = sharedFeeModel({ kind: 'percent', rate: 0.001 });
    expect(sharedFeeModel({ kind: 'percent', rate: 0.001 })).toBe(a);
    expect(sharedFeeModel({ kind: 'percent', rate: 0.002 })).not.toBe(a);
    const input = {
      instrument: 'X',
      quantity: 10,
      price: 5,
      notional: 50,
      liquidity: 'taker',
      cumulativeNotional: 0,
    } as const;
    expect(a(input)).toBe(50 * 0.001);
    const custom = (): number => 1.5;
    expect(sharedFeeModel(custom)).toBe(custom);
    const slip = sharedSlippageModel({ kind: 'fixed-bps', bps: 2 });
    expect(sharedSlippageModel({ kind: 'fixed-bps', bps: 2 })).toBe(slip);
    expect(sharedSlippageModel({ kind: 'fixed-bps', bps: 3 })).not.toBe(slip);
  });

  it('gives a fresh record per call with the names in order, each an empty column', () => {
    const a = columnRecord(['fast', 'slow']);
    const b = columnRecord(['fast', 'slow']);
    expect(a).not.toBe(b);
    expect(Object.keys(a)).toEqual(['fast', 'slow']);
    expect(a.fast).toHaveLength(0);
    a.fast = new Float64Array(3);
    expect(b.fast).toHaveLength(0);
  });
});
