import { describe, expect, it } from 'vitest';
import { AlphintraError } from './errors.js';
import { canResample, formatTimeframe, parseTimeframe, timeframeMicros } from './timeframe.js';

describe('parseTimeframe', () => {
  it('reads common spellings', () => {
    expect(parseTimeframe('tick')).toEqual({ unit: 'tick', count: 1 });
    expect(parseTimeframe('30s')).toEqual({ unit: 'second', count: 30 });
    expect(parseTimeframe('1m')).toEqual({ unit: 'minute', count: 1 });
    expect(parseTimeframe('5min')).toEqual({ unit: 'minute', count: 5 });
    expect(parseTimeframe('4h')).toEqual({ unit: 'hour', count: 4 });
    expect(parseTimeframe('1d')).toEqual({ unit: 'day', count: 1 });
    expect(parseTimeframe('D')).toEqual({ unit: 'day', count: 1 });
    expect(parseTimeframe('1w')).toEqual({ unit: 'week', count: 1 });
    expect(parseTimeframe('1M')).toEqual({ unit: 'month', count: 1 });
    expect(parseTimeframe('1mo')).toEqual({ unit: 'month', count: 1 });
    expect(parseTimeframe('1q')).toEqual({ unit: 'month', count: 3 });
    expect(parseTimeframe('1y')).toEqual({ unit: 'month', count: 12 });
  });

  it('rejects nonsense with a message naming the input', () => {
    expect(() => parseTimeframe('5 parsecs')).toThrow(AlphintraError);
    expect(() => parseTimeframe('0m')).toThrow('expected a positive integer timeframe count, got 0');
    expect(() => parseTimeframe('')).toThrow('got ""');
  });

  it('formats canonically and round-trips', () => {
    for (const text of ['tick', '1s', '15m', '4h', '1d', '1w', '1M', '3M']) {
      expect(formatTimeframe(parseTimeframe(text))).toBe(text);
    }
  });
});

describe('timeframe arithmetic', () => {
  it('gives fixed lengths in microseconds and none for months', () => {
    expect(timeframeMicros(parseTimeframe('5m'))).toBe(300_000_000);
    expect(timeframeMicros(parseTimeframe('1w'))).toBe(604_800_000_000);
    expect(timeframeMicros(parseTimeframe('1M'))).toBeUndefined();
  });

  it('knows which timeframes can be built from which', () => {
    expect(canResample(parseTimeframe('1m'), parseTimeframe('5m'))).toBe(true);
    expect(canResample(parseTimeframe('5m'), parseTimeframe('7m'))).toBe(false);
    expect(canResample(parseTimeframe('5m'), parseTimeframe('1m'))).toBe(false);
    expect(canResample(parseTimeframe('1d'), parseTimeframe('1w'))).toBe(true);
    expect(canResample(parseTimeframe('1d'), parseTimeframe('1M'))).toBe(true);
    expect(canResample(parseTimeframe('1w'), parseTimeframe('1M'))).toBe(false);
    expect(canResample(parseTimeframe('1M'), parseTimeframe('3M'))).toBe(true);
    expect(canResample(parseTimeframe('tick'), parseTimeframe('1s'))).toBe(true);
    expect(canResample(parseTimeframe('7m'), parseTimeframe('1d'))).toBe(false);
  });
});
