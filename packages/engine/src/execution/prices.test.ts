import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundToLots, roundToTick } from './prices.js';

describe('roundToTick', () => {
  it('rounds to a 0.01 tick up, down and to nearest', () => {
    expect(roundToTick(100.123, 0.01, 1)).toBe(100.13);
    expect(roundToTick(100.123, 0.01, -1)).toBe(100.12);
    expect(roundToTick(100.123, 0.01, 0)).toBe(100.12);
    expect(roundToTick(100.127, 0.01, 0)).toBe(100.13);
  });

  it('leaves a price already on the grid alone despite float noise', () => {
    // 0.1 + 0.2 = 0.30000000000000004: on the 0.01 grid, it must not round up to 0.31.
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(roundToTick(0.1 + 0.2, 0.01, 1)).toBe(0.3);
    expect(roundToTick(0.1 + 0.2, 0.01, -1)).toBe(0.3);
    expect(roundToTick(0.1 + 0.2, 0.1, 1)).toBe(0.3);
    // 1.1 × 3 = 3.3000000000000003.
    expect(roundToTick(1.1 * 3, 0.01, 1)).toBe(3.3);
    // 100.01 written as 10001 × 0.01 = 100.01000000000001.
    expect(roundToTick(10001 * 0.01, 0.01, 1)).toBe(100.01);
    // 4.35 × 100 = 434.99999999999994 — still 4.35 going down.
    expect(roundToTick(4.35, 0.01, -1)).toBe(4.35);
  });

  it('rounds to quarter, half and five-point ticks', () => {
    // 0.25: 4,512.1 lies between 4,512.00 and 4,512.25.
    expect(roundToTick(4512.1, 0.25, 1)).toBe(4512.25);
    expect(roundToTick(4512.1, 0.25, -1)).toBe(4512);
    expect(roundToTick(4512.1, 0.25, 0)).toBe(4512);
    expect(roundToTick(4512.2, 0.25, 0)).toBe(4512.25);
    // 0.5.
    expect(roundToTick(99.3, 0.5, 1)).toBe(99.5);
    expect(roundToTick(99.3, 0.5, -1)).toBe(99);
    expect(roundToTick(99.5, 0.5, 1)).toBe(99.5);
    // 5: 17,302 → 17,305 up, 17,300 down.
    expect(roundToTick(17302, 5, 1)).toBe(17305);
    expect(roundToTick(17302, 5, -1)).toBe(17300);
    expect(roundToTick(17303, 5, 0)).toBe(17305);
    expect(roundToTick(17300, 5, 1)).toBe(17300);
  });

  it('passes through prices it cannot round', () => {
    expect(roundToTick(Number.NaN, 0.01, 1)).toBeNaN();
    expect(roundToTick(101.234, 0, 1)).toBe(101.234);
  });

  it('always lands on the grid, on the requested side, less than a tick away', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.constantFrom(0.01, 0.25, 0.5, 5),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (cents, tick, fraction) => {
          const price = cents / 100 + fraction * tick;
          const up = roundToTick(price, tick, 1);
          const down = roundToTick(price, tick, -1);
          expect(up).toBeGreaterThanOrEqual(price - 1e-7 * tick);
          expect(down).toBeLessThanOrEqual(price + 1e-7 * tick);
          expect(up - down).toBeLessThanOrEqual(tick * (1 + 1e-9));
          for (const p of [up, down]) expect(Math.abs(p / tick - Math.round(p / tick))).toBeLessThan(1e-6);
        },
      ),
    );
  });
});

describe('roundToLots', () => {
  it('rounds quantities toward zero to whole lots', () => {
    expect(roundToLots(12.7, 1)).toBe(12);
    expect(roundToLots(-12.7, 1)).toBe(-12);
    expect(roundToLots(250, 100)).toBe(200);
    expect(roundToLots(-250, 100)).toBe(-200);
    expect(roundToLots(0.123456, 0.001)).toBe(0.123);
  });

  it('keeps quantities already in whole lots despite float noise', () => {
    // 0.1 + 0.2 = 0.30000000000000004 → 0.3 lots of 0.1 and of 0.01.
    expect(roundToLots(0.1 + 0.2, 0.1)).toBe(0.3);
    expect(roundToLots(0.1 + 0.2, 0.01)).toBe(0.3);
    // 0.7 + 0.1 = 0.7999999999999999: not floored to 0.7.
    expect(roundToLots(0.7 + 0.1, 0.1)).toBe(0.8);
    expect(roundToLots(-(0.7 + 0.1), 0.1)).toBe(-0.8);
    // 2.9999999999 of lot 1 rounds to 3 (within the 1e-7 tolerance).
    expect(roundToLots(2.99999999999, 1)).toBe(3);
  });

  it('passes through quantities it cannot round', () => {
    expect(roundToLots(Number.NaN, 1)).toBeNaN();
    expect(roundToLots(3.5, 0)).toBe(3.5);
  });
});
