import { describe, expect, it } from 'vitest';
import { buyAndHoldEquity } from './buy-and-hold.js';

const DAY = 86_400_000_000;

describe('buyAndHoldEquity', () => {
  it('scales the start value by the close over the close at the first time', () => {
    const times = [0, DAY, 2 * DAY];
    const curve = buyAndHoldEquity(times, { time: times, close: [10, 11, 9.5] }, 1000);
    expect(Array.from(curve)).toEqual([1000, 1100, 950]);
  });

  it('carries the last close over times the instrument did not trade (as-of join)', () => {
    // The run has bars on days 0..4; the instrument skips day 2 and day 4.
    const times = [0, 1, 2, 3, 4].map((d) => d * DAY);
    const prices = { time: [0, DAY, 3 * DAY], close: [20, 22, 25] };
    expect(Array.from(buyAndHoldEquity(times, prices, 100))).toEqual([100, 110, 110, 125, 125]);
  });

  it('waits in cash until the instrument starts trading', () => {
    const times = [0, DAY, 2 * DAY, 3 * DAY];
    const prices = { time: [2 * DAY, 3 * DAY], close: [50, 40] };
    expect(Array.from(buyAndHoldEquity(times, prices, 100))).toEqual([100, 100, 100, 80]);
  });

  it('buys at the price of the run start when the prices begin earlier', () => {
    const times = [2 * DAY, 3 * DAY];
    const prices = { time: [0, DAY, 2 * DAY, 3 * DAY], close: [1, 2, 4, 5] };
    expect(Array.from(buyAndHoldEquity(times, prices, 100))).toEqual([100, 125]);
  });

  it('returns an empty curve for no times', () => {
    expect(buyAndHoldEquity([], { time: [0], close: [1] }, 100).length).toBe(0);
  });

  it('rejects empty, non-positive or disjoint prices and a bad start value', () => {
    expect(() => buyAndHoldEquity([0], { time: [], close: [] }, 100)).toThrow(
      'expected benchmark prices with as many closes as times, got 0 times and 0 closes',
    );
    expect(() => buyAndHoldEquity([0], { time: [0, 1], close: [1, 0] }, 100)).toThrow(
      'expected positive benchmark closes, got 0 at bar 1',
    );
    expect(() => buyAndHoldEquity([0, DAY], { time: [2 * DAY], close: [1] }, 100)).toThrow(
      'expected benchmark prices overlapping the run, got prices starting after its last bar',
    );
    expect(() => buyAndHoldEquity([2 * DAY, 3 * DAY], { time: [0, DAY], close: [1, 2] }, 100)).toThrow(
      'expected benchmark prices overlapping the run, got prices ending before its first bar',
    );
    expect(() => buyAndHoldEquity([0], { time: [0], close: [1] }, -5)).toThrow(
      'expected a positive starting value, got -5',
    );
  });
});
