import { describe, expect, it } from 'vitest';
import { formatMetric, metricLabel } from './metric-tables.js';

describe('metric labels', () => {
  it('turn field names into words, with the usual capitals and abbreviations', () => {
    expect(metricLabel('maxDrawdown')).toBe('Max drawdown');
    expect(metricLabel('cagr')).toBe('CAGR');
    expect(metricLabel('historicalCvar')).toBe('Historical CVaR');
    expect(metricLabel('cornishFisherVar')).toBe('Cornish–Fisher VaR');
    expect(metricLabel('probabilisticSharpe')).toBe('Probabilistic Sharpe');
    expect(metricLabel('tStatistic')).toBe('t-statistic');
    expect(metricLabel('durationMicros')).toBe('Duration');
    expect(metricLabel('longestDurationBars')).toBe('Longest duration (bars)');
    expect(metricLabel('p95')).toBe('95th percentile');
    expect(metricLabel('averageR')).toBe('Average R-multiple');
    expect(metricLabel('sqnBasis')).toBe('SQN basis');
  });
});

describe('metric values', () => {
  it('print fractions as percentages, money with two decimals, times, durations, counts and ratios', () => {
    expect(formatMetric('totalReturn', 0.1234)).toBe('12.34 %');
    expect(formatMetric('exposureTime', 0.5)).toBe('50.00 %');
    expect(formatMetric('endEquity', 123456.789)).toBe('123,456.79');
    expect(formatMetric('peakTime', Date.UTC(2001, 2, 27) * 1000)).toBe('2001-03-27');
    expect(formatMetric('durationMicros', 2 * 86_400_000_000)).toBe('2.0 days');
    expect(formatMetric('episodes', 48)).toBe('48');
    expect(formatMetric('sharpe', 0.39187)).toBe('0.392');
    expect(formatMetric('recovered', false)).toBe('no');
    expect(formatMetric('sortino', null)).toBe('–');
    expect(formatMetric('sqnBasis', 'pnl')).toBe('pnl');
  });
});
