import { describe, expect, it } from 'vitest';
import { periodKey, RebalanceTrigger } from './rebalancer.js';

const DAY = 86_400_000_000;
const at = (iso: string): number => Date.parse(iso) * 1000;

describe('periodKey', () => {
  it('starts weeks on Mondays, in UTC', () => {
    const week = (iso: string): number => periodKey({ kind: 'weekly' }, at(iso));
    expect(week('2024-01-07T23:59:59Z')).toBe(week('2024-01-01T00:00:00Z')); // Sunday, Monday of the same week
    expect(week('2024-01-08T00:00:00Z')).toBe(week('2024-01-01T00:00:00Z') + 1);
  });

  it('numbers months and quarters', () => {
    expect(periodKey({ kind: 'monthly' }, at('2024-03-31T00:00:00Z'))).toBe(2024 * 12 + 3);
    expect(periodKey({ kind: 'quarterly' }, at('2024-03-31T00:00:00Z'))).toBe(2024 * 4);
    expect(periodKey({ kind: 'quarterly' }, at('2024-04-01T00:00:00Z'))).toBe(2024 * 4 + 1);
    expect(periodKey({ kind: 'bars', every: 5 }, 0)).toBeNaN();
  });
});

describe('RebalanceTrigger', () => {
  const rules = (
    schedule: ConstructorParameters<typeof RebalanceTrigger>[0]['schedule'],
    drift = Number.POSITIVE_INFINITY,
  ) => ({
    schedule,
    driftThreshold: drift,
    scalePositions: false,
  });
  const even = [0.5, 0.5];

  it('fires on the first row of each new month, not on the first row of the run', () => {
    const trigger = new RebalanceTrigger(rules({ kind: 'monthly' }), 1);
    const days = ['2024-01-30', '2024-01-31', '2024-02-01', '2024-02-02', '2024-03-04'];
    const fired = days.map((d, row) => trigger.check(row, at(`${d}T00:00:00Z`), even, even));
    expect(fired).toEqual([null, null, 'schedule', null, 'schedule']);
  });

  it('fires every N rows', () => {
    const trigger = new RebalanceTrigger(rules({ kind: 'bars', every: 3 }), 1);
    const fired = [0, 1, 2, 3, 4, 5, 6].map((row) => trigger.check(row, row * DAY, even, even));
    expect(fired).toEqual([null, null, null, 'schedule', null, null, 'schedule']);
  });

  it('fires when a weight drifts beyond the threshold, or rises above the cap', () => {
    const drift = new RebalanceTrigger(rules({ kind: 'never' }, 0.05), 1);
    expect(drift.check(1, DAY, [0.54, 0.46], even)).toBeNull();
    expect(drift.check(2, 2 * DAY, [0.56, 0.44], even)).toBe('drift');
    const cap = new RebalanceTrigger(rules({ kind: 'never' }), 0.55);
    expect(cap.check(1, DAY, [0.56, 0.44], even)).toBe('max-weight');
  });
});
