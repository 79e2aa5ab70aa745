import { parseBars } from '@alphintra/data';
import { describe, expect, it } from 'vitest';
import { parseMapping, readOptionsFrom } from './bars-io.js';

describe('parseMapping', () => {
  it('accepts a mapping that names only the close column, and open, high and low copy it', () => {
    expect(parseMapping('date=Date,close=Price')).toEqual({ date: 'Date', close: 'Price' });
    const r = parseBars('Date,Price\n2024-01-02,1.5\n', readOptionsFrom({ map: 'date=Date,close=Price' }));
    expect([r.series.open[0], r.series.high[0], r.series.low[0], r.series.close[0]]).toEqual([1.5, 1.5, 1.5, 1.5]);
  });

  it('lets one column feed several fields', () => {
    const map = 'time=0,open=Price,high=Price,low=Price,close=Price';
    const r = parseBars('Date,Price\n2024-01-02,1.5\n', readOptionsFrom({ map }));
    expect([r.series.open[0], r.series.high[0], r.series.low[0], r.series.close[0]]).toEqual([1.5, 1.5, 1.5, 1.5]);
  });

  it('refuses a mapping that names only some of open, high and low', () => {
    expect(() => parseMapping('time=Date,open=O,close=C')).toThrow(/open, high and low/);
  });

  it('still requires close and a time or date column', () => {
    expect(() => parseMapping('time=Date,open=O,high=H,low=L')).toThrow(/close/);
    expect(() => parseMapping('close=C')).toThrow(/time or date/);
  });

  it('reads extras and indices', () => {
    expect(parseMapping('date=0,clock=1,close=5,openInterest=OI')).toEqual({
      date: 0,
      clock: 1,
      close: 5,
      extras: { openInterest: 'OI' },
    });
  });
});
