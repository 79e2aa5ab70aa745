import { computeIndicator, MAX, SMA } from '@alphintra/indicators';
import { describe, expect, it } from 'vitest';
import { syntheticBars } from '../testing/fixtures.js';
import { SweepIndicators } from './sweep-indicators.js';

const series = syntheticBars(300, 5);
const bars = series.columns();

describe('SweepIndicators', () => {
  it('computes a requested indicator over the bars as its batch function does', () => {
    const table = new SweepIndicators(bars);
    expect(table.columns[table.resolve({ name: 'SMA', params: { timeperiod: 12 } })]).toEqual(
      SMA(bars.close, { timeperiod: 12 }),
    );
    expect(table.columns[table.resolve({ name: 'MAX', params: { timeperiod: 20 }, source: 'high' })]).toEqual(
      MAX(bars.high, { timeperiod: 20 }),
    );
  });

  it('computes an indicator once however it is spelled', () => {
    const table = new SweepIndicators(bars);
    const a = table.resolve({ name: 'SMA' });
    const b = table.resolve({ name: 'sma', params: { timeperiod: 30 } });
    const c = table.resolve({ name: 'SMA', params: { timeperiod: 30 }, source: 'close' });
    const d = table.resolve({ name: 'SMA', params: { timeperiod: 30 }, source: 'open' });
    expect([a, b, c]).toEqual([a, a, a]);
    expect(d).not.toBe(a);
    expect(table.computations).toBe(2);
  });

  it('shares one computation among the outputs of a multi-output indicator', () => {
    const table = new SweepIndicators(bars);
    const signal = table.resolve({ name: 'MACD', output: 'macdsignal' });
    const line = table.resolve({ name: 'MACD' });
    const expected = computeIndicator('MACD', bars);
    expect(table.computations).toBe(1);
    expect(table.columns[line]).toEqual(expected.macd);
    expect(table.columns[signal]).toEqual(expected.macdsignal);
  });

  it('names the problem with an output, an input or an indicator it cannot give', () => {
    const table = new SweepIndicators(bars);
    expect(() => table.resolve({ name: 'MACD', output: 'histogram' })).toThrow(
      'MACD has no output histogram (outputs: macd, macdsignal, macdhist)',
    );
    expect(() => table.resolve({ name: 'MAVP' })).toThrow(
      "MAVP takes input periods, which a sweep indicator cannot bind to one instrument's bars",
    );
    expect(() => table.resolve({ name: 'SMA', params: { timeperiod: 1 } })).toThrow('SMA: expected timeperiod');
    expect(() => table.resolve({ name: 'NOPE' })).toThrow('unknown indicator "NOPE"');
  });

  it('answers repeated one-parameter requests from the first answer, and still refuses bad ones every time', () => {
    const table = new SweepIndicators(bars);
    const first = table.resolve({ name: 'SMA', params: { timeperiod: 30 } });
    for (let i = 0; i < 3; i++) expect(table.resolve({ name: 'SMA', params: { timeperiod: 30 } })).toBe(first);
    expect(table.resolve({ name: 'SMA', params: { timeperiod: 31 } })).not.toBe(first);
    expect(table.computations).toBe(2);
    for (let i = 0; i < 2; i++) {
      expect(() => table.resolve({ name: 'SMA', params: { timeperiod: 2.5 } })).toThrow('SMA: expected timeperiod');
      expect(() => table.resolve({ name: 'SMA', params: { period: 30 } })).toThrow('SMA: unknown parameter "period"');
      expect(() => table.resolve({ name: 'SMA', params: { timeperiod: 30, extra: 1 } })).toThrow(
        'SMA: unknown parameter "extra"',
      );
    }
    expect(table.computations).toBe(2);
  });
});
