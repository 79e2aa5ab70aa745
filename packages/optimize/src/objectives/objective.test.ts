import { computeMetrics } from '@alphintra/analytics';
import { describe, expect, it } from 'vitest';
import { flattenMetrics, lowerIsBetter } from './metric-catalog.js';
import { metricNames, objectiveValue, orientedScore, parseObjective } from './objective.js';

describe('objectives', () => {
  it('names metrics in any case style, with their natural direction', () => {
    expect(parseObjective('sharpe')).toEqual({ name: 'sharpe', metric: 'risk.sharpe', direction: 'maximize' });
    expect(parseObjective('max-drawdown')).toEqual({
      name: 'maxDrawdown',
      metric: 'drawdown.maxDrawdown',
      direction: 'minimize',
    });
    expect(parseObjective('total_return').metric).toBe('returns.totalReturn');
    expect(parseObjective('profitFactor').metric).toBe('trades.profitFactor');
    expect(parseObjective('trades.win-rate')).toMatchObject({ metric: 'trades.winRate', direction: 'maximize' });
    expect(parseObjective('cagr').direction).toBe('maximize');
    expect(parseObjective('historicalVar95')).toMatchObject({ metric: 'tail.historicalVar95', direction: 'minimize' });
  });

  it('takes an explicit direction', () => {
    expect(parseObjective('-maxDrawdown').direction).toBe('minimize');
    expect(parseObjective('min:sharpe').direction).toBe('minimize');
    expect(parseObjective('+max-drawdown').direction).toBe('maximize');
  });

  it('refuses unknown and ambiguous names', () => {
    expect(() => parseObjective('sharp')).toThrow(/unknown objective "sharp"/);
    expect(() => parseObjective('')).toThrow(/unknown objective/);
  });

  it('lists the names of a real report and nothing that is a time', () => {
    const names = metricNames();
    expect(names).toContain('risk.sharpe');
    expect(names).toContain('drawdown.maxDrawdown');
    expect(names).toContain('tail.cornishFisherCvar99');
    expect(names).toContain('significance.deflatedSharpe');
    // exposureTime is a share of time, not a timestamp.
    expect(names.filter((n) => n.endsWith('Time'))).toEqual(['trades.exposureTime']);
    expect(names).not.toContain('significance.trials');
    expect(names).not.toContain('drawdown.recovered');
    expect(names).not.toContain('significance.sharpeInterval');
    expect(lowerIsBetter('drawdown.maxDrawdown')).toBe(true);
    expect(lowerIsBetter('risk.sharpe')).toBe(false);
  });

  it('reads values from a flattened report and orients them so that larger is better', () => {
    const day = 86_400_000_000;
    const report = computeMetrics(
      { time: Float64Array.of(0, day, 2 * day, 3 * day), equity: Float64Array.of(100, 110, 99, 105) },
      { bootstrap: false, monteCarlo: false },
    );
    const flat = flattenMetrics(report);
    const dd = parseObjective('max-drawdown');
    // Peak 110, trough 99: 10 % drawdown.
    expect(objectiveValue(dd, flat)).toBeCloseTo(0.1, 12);
    expect(orientedScore(dd, 0.1)).toBe(-0.1);
    expect(orientedScore(parseObjective('sharpe'), 1.5)).toBe(1.5);
    expect(orientedScore(parseObjective('sharpe'), null)).toBe(Number.NEGATIVE_INFINITY);
    expect(objectiveValue(parseObjective('trades.profit-factor'), flat)).toBeNull();
  });
});
