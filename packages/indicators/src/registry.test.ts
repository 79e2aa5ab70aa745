import { describe, expect, it } from 'vitest';
import { createStream, getIndicator, inputColumns } from './registry.js';

describe('inputColumns', () => {
  const open = Float64Array.of(1, 2, 3);
  const high = Float64Array.of(4, 5, 6);
  const low = Float64Array.of(0, 1, 2);
  const close = Float64Array.of(2, 3, 4);

  it("returns the columns in the definition's order", () => {
    const columns = inputColumns(getIndicator('STOCH'), { open, high, low, close });
    expect(columns).toEqual([high, low, close]);
    expect(columns[0]).toBe(high);
  });

  it('feeds real inputs from the close when no real column is given', () => {
    expect(inputColumns(getIndicator('SMA'), { close })[0]).toBe(close);
    const real = Float64Array.of(9, 9, 9);
    expect(inputColumns(getIndicator('SMA'), { close, real })[0]).toBe(real);
  });

  it('names the missing input', () => {
    expect(() => inputColumns(getIndicator('ATR'), { high, close })).toThrow('ATR: missing input "low"');
  });

  it('gives columns that pushAt reads bar by bar', () => {
    const columns = inputColumns(getIndicator('MEDPRICE'), { high, low });
    const stream = createStream('MEDPRICE');
    stream.pushAt(columns, 1);
    expect(stream.outputs[0]).toBe(3);
  });
});
