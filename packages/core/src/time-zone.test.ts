import { describe, expect, it } from 'vitest';
import { civilToMicros, formatIsoMicros } from './time.js';
import { TimeZone } from './time-zone.js';

const local = civilToMicros;

describe('TimeZone', () => {
  const ny = TimeZone.of('America/New_York');

  it('converts New York wall time in winter and summer', () => {
    expect(formatIsoMicros(ny.localToUtc(local(2006, 1, 3, 9, 30)))).toBe('2006-01-03T14:30:00Z');
    expect(formatIsoMicros(ny.localToUtc(local(2006, 7, 3, 9, 30)))).toBe('2006-07-03T13:30:00Z');
  });

  it('moves wall times skipped by spring-forward past the gap', () => {
    expect(formatIsoMicros(ny.localToUtc(local(2021, 3, 14, 2, 30)))).toBe('2021-03-14T07:30:00Z');
    expect(formatIsoMicros(ny.localToUtc(local(2021, 3, 14, 1, 59)))).toBe('2021-03-14T06:59:00Z');
    expect(formatIsoMicros(ny.localToUtc(local(2021, 3, 14, 3, 0)))).toBe('2021-03-14T07:00:00Z');
  });

  it('takes the first occurrence of a wall time repeated by fall-back', () => {
    expect(formatIsoMicros(ny.localToUtc(local(2021, 11, 7, 1, 30)))).toBe('2021-11-07T05:30:00Z');
    expect(formatIsoMicros(ny.localToUtc(local(2021, 11, 7, 2, 0)))).toBe('2021-11-07T07:00:00Z');
  });

  it('round-trips every hour of a year through wall time', () => {
    const start = local(2021, 1, 1);
    for (let h = 0; h < 24 * 365; h++) {
      const utc = start + h * 3_600_000_000;
      const wall = ny.utcToLocal(utc);
      const back = ny.localToUtc(wall);
      // Only the repeated hour in November is ambiguous; it resolves to its first occurrence.
      expect(back === utc || back === utc - 3_600_000_000).toBe(true);
    }
  });

  it('agrees with Intl for offsets of other zones', () => {
    const tokyo = TimeZone.of('Asia/Tokyo');
    expect(tokyo.offsetAt(local(2020, 6, 1))).toBe(9 * 3_600_000_000);
    const kolkata = TimeZone.of('Asia/Kolkata');
    expect(kolkata.offsetAt(local(2020, 6, 1))).toBe(5.5 * 3_600_000_000);
  });

  it('reads fixed offsets and UTC aliases', () => {
    expect(TimeZone.of('+05:30').localToUtc(local(2020, 1, 1))).toBe(local(2019, 12, 31, 18, 30));
    expect(TimeZone.of('UTC-4').localToUtc(local(2020, 1, 1))).toBe(local(2020, 1, 1, 4));
    expect(TimeZone.of('Z').isUtc).toBe(true);
  });

  it('rejects unknown zones clearly', () => {
    expect(() => TimeZone.of('Mars/Olympus_Mons')).toThrow('unknown time zone "Mars/Olympus_Mons"');
    expect(() => TimeZone.of('+25:00')).toThrow('expected a UTC offset within');
  });
});
