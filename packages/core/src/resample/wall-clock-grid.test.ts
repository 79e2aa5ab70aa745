import { describe, expect, it } from 'vitest';
import { civilToMicros, MICROS_PER_HOUR, MICROS_PER_MINUTE } from '../time.js';
import { TimeZone } from '../time-zone.js';
import { WallClockGrid } from './wall-clock-grid.js';

const NY = TimeZone.of('America/New_York');

function bucketsAround(zone: TimeZone, length: number, from: number, hours: number): [number, number][] {
  const grid = new WallClockGrid(zone, length);
  const buckets: [number, number][] = [];
  for (let t = from; t < from + hours * MICROS_PER_HOUR; t += MICROS_PER_MINUTE) {
    grid.locate(t);
    expect(grid.start).toBeLessThanOrEqual(t);
    expect(grid.end).toBeGreaterThan(t);
    const last = buckets.at(-1);
    if (last === undefined || last[0] !== grid.start) {
      // Buckets tile time: each starts where the previous one ended.
      if (last !== undefined) expect(grid.start).toBe(last[1]);
      buckets.push([grid.start, grid.end]);
    } else {
      expect(grid.end).toBe(last[1]);
    }
  }
  return buckets;
}

const localHours = (zone: TimeZone, buckets: [number, number][]): string[] =>
  buckets.map(([s, e]) => {
    const f = (t: number): string => {
      const local = zone.utcToLocal(t);
      const minutes = Math.round((local % (24 * MICROS_PER_HOUR)) / MICROS_PER_MINUTE);
      return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    };
    return `${f(s)}-${f(e)} ${(e - s) / MICROS_PER_HOUR}h`;
  });

describe('WallClockGrid', () => {
  it('keeps hourly buckets one hour long through the repeated hour when clocks go back', () => {
    const from = NY.localToUtc(civilToMicros(2006, 10, 29, 0));
    expect(localHours(NY, bucketsAround(NY, MICROS_PER_HOUR, from, 4))).toEqual([
      '00:00-01:00 1h',
      '01:00-01:00 1h',
      '01:00-02:00 1h',
      '02:00-03:00 1h',
    ]);
  });

  it('stretches a 2-hour bucket over the repeated hour and shrinks a 4-hour one over the skipped hour', () => {
    const back = NY.localToUtc(civilToMicros(2006, 10, 29, 0));
    expect(localHours(NY, bucketsAround(NY, 2 * MICROS_PER_HOUR, back, 5))).toEqual([
      '00:00-02:00 3h',
      '02:00-04:00 2h',
    ]);
    const forward = NY.localToUtc(civilToMicros(2006, 4, 2, 0));
    expect(localHours(NY, bucketsAround(NY, 4 * MICROS_PER_HOUR, forward, 7))).toEqual([
      '00:00-04:00 3h',
      '04:00-08:00 4h',
    ]);
  });

  it('tiles time around DST changes in several zones for several lengths', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata'].map((z) => TimeZone.of(z));
    const changes = [civilToMicros(2006, 3, 26), civilToMicros(2006, 4, 2), civilToMicros(2006, 10, 29)];
    for (const zone of zones) {
      for (const minutes of [5, 60, 90, 120, 240]) {
        for (const change of changes)
          bucketsAround(zone, minutes * MICROS_PER_MINUTE, change - 12 * MICROS_PER_HOUR, 30);
      }
    }
  });
});
