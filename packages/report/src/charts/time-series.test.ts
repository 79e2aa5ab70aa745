import { describe, expect, it } from 'vitest';
import { chartTimes, compactValue, timeSeriesChart } from './time-series.js';

const DAY = 86_400_000_000;
const days = (n: number): number[] => Array.from({ length: n }, (_, i) => i * DAY);

describe('chartTimes', () => {
  it('turns µs into whole seconds and keeps the last row of each second', () => {
    const { time, rows } = chartTimes([0, 400_000, 1_000_000, 2_500_000, 2_900_000]);
    expect(time).toEqual([0, 1, 2]);
    expect(rows).toEqual([1, 2, 4]);
  });

  it('rejects times that go backwards', () => {
    expect(() => chartTimes([5, 3])).toThrow('expected ascending chart times, got 3 after 5');
  });
});

describe('compactValue', () => {
  it('keeps 8 significant digits and turns NaN and infinities into null', () => {
    expect(compactValue(123456.78912)).toBe(123456.79);
    expect(compactValue(0.000123456789)).toBe(0.00012345679);
    expect(compactValue(Number.NaN)).toBeNull();
    expect(compactValue(Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('timeSeriesChart', () => {
  it('builds a spec of shared times, rounded values with gaps, and markers snapped to bar times', () => {
    const chart = timeSeriesChart({
      id: 'equity',
      title: 'Equity <vs> benchmark',
      time: days(3),
      valueFormat: 'money',
      logScaleToggle: true,
      series: [
        { kind: 'line', name: 'strategy', color: '#123456', values: [100, Number.NaN, 1 / 3] },
        { kind: 'line', name: 'benchmark', color: '#654321', values: [100, 101, 102] },
      ],
      markers: [
        { time: 2 * DAY + 5, position: 'aboveBar', shape: 'arrowDown', color: 'red', text: 'exit' },
        { time: -DAY, position: 'belowBar', shape: 'arrowUp', color: 'green', text: 'entry' },
      ],
    });
    expect(chart.spec.time).toEqual([0, 86_400, 172_800]);
    expect(chart.spec.series[0]).toEqual({
      kind: 'line',
      name: 'strategy',
      color: '#123456',
      values: [100, null, 0.33333333],
    });
    expect(chart.spec.markers.map((m) => [m.time, m.text])).toEqual([
      [0, 'entry'],
      [172_800, 'exit'],
    ]);
    expect(chart.markup.text).toContain(
      '<div id="equity" class="chart" data-chart="time-series" style="height:320px">',
    );
    expect(chart.markup.text).toContain('Equity &lt;vs&gt; benchmark');
    expect(chart.markup.text).toContain('data-log-scale-for="equity"');
    expect(chart.markup.text).not.toContain('<select');
  });

  it('offers a drop-down when it has several variants', () => {
    const chart = timeSeriesChart({
      id: 'rolling',
      title: 'Rolling',
      time: days(2),
      valueFormat: 'ratio',
      series: [{ kind: 'line', name: 'sharpe', color: '#000', values: [1, 2] }],
      variants: [
        { label: '63 bars', values: [[1, 2]] },
        { label: '126 bars', values: [[Number.NaN, 3]] },
      ],
    });
    expect(chart.spec.variants[1]).toEqual({ label: '126 bars', values: [[null, 3]] });
    expect(chart.markup.text).toContain('<option value="1">126 bars</option>');
  });

  it('rejects series and variants whose length differs from the times', () => {
    const base = { id: 'x', title: 'x', time: days(2), valueFormat: 'ratio' as const };
    expect(() =>
      timeSeriesChart({ ...base, series: [{ kind: 'line', name: 'a', color: '#000', values: [1] }] }),
    ).toThrow('expected 2 values in series "a" of chart x, got 1');
    expect(() =>
      timeSeriesChart({
        ...base,
        series: [{ kind: 'line', name: 'a', color: '#000', values: [1, 2] }],
        variants: [{ label: 'w', values: [[1]] }],
      }),
    ).toThrow('expected variant "w" of chart x to give 1 series of 2 values');
  });
});
