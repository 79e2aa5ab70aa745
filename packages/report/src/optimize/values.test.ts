import { describe, expect, it } from 'vitest';
import { formatValue, parameterSetText, parameterText } from './values.js';

describe('report values', () => {
  it('prints figures of unknown scale with about three significant digits', () => {
    expect(formatValue(1234.5)).toBe('1,235');
    expect(formatValue(12.34)).toBe('12.3');
    expect(formatValue(-1.234)).toBe('−1.23');
    expect(formatValue(0.49228)).toBe('0.492');
    expect(formatValue(null)).toBe('–');
    expect(formatValue(Number.NaN)).toBe('–');
  });

  it('prints parameters compactly', () => {
    expect(parameterText(0.1 + 0.2)).toBe('0.3');
    expect(parameterText(0.31622776601)).toBe('0.316228');
    expect(parameterText('ema')).toBe('ema');
    expect(parameterText(true)).toBe('true');
    expect(parameterSetText({ fast: 10, ma: 'sma' })).toBe('fast=10 ma=sma');
    expect(parameterSetText(null)).toBe('–');
  });
});
