import { describe, expect, it } from 'vitest';
import { renderXyChart, type XyChartInput } from './xy-chart.js';

const input: XyChartInput = {
  id: 'profile',
  title: 'Sharpe <by> fast',
  xLabel: 'fast',
  yLabel: 'Sharpe',
  series: [
    {
      name: 'mean',
      color: '#123456',
      line: true,
      dots: true,
      points: [
        { x: 0, y: 0, tooltip: 'a' },
        { x: 10, y: 1, tooltip: 'b <1>' },
        { x: 5, y: Number.NaN, tooltip: 'gap' },
      ],
    },
  ],
  formatX: (v) => v.toFixed(0),
  formatY: (v) => v.toFixed(1),
};

describe('renderXyChart', () => {
  it('places points on axes widened by 5 % and leaves out non-finite ones', () => {
    const svg = renderXyChart(input).text;
    // x from −0.5 to 10.5 over 64 … 704 px; y from −0.05 to 1.05 over 238 … 14 px.
    const x0 = Math.round((64 + (0.5 / 11) * 640) * 10) / 10;
    const x1 = Math.round((64 + (10.5 / 11) * 640) * 10) / 10;
    const y0 = Math.round((14 + 224 - (0.05 / 1.1) * 224) * 10) / 10;
    const y1 = Math.round((14 + 224 - (1.05 / 1.1) * 224) * 10) / 10;
    expect(svg).toContain(`points="${x0},${y0} ${x1},${y1}"`);
    expect(svg.match(/<circle class="xy-dot"/g)).toHaveLength(2);
    expect(svg).toContain('<title>b &lt;1&gt;</title>');
    expect(svg).not.toContain('gap');
    expect(svg).toContain('Sharpe &lt;by&gt; fast');
  });

  it('labels the given x ticks and circles the highlighted point', () => {
    const svg = renderXyChart({
      ...input,
      xTicks: [
        { value: 0, label: 'ten' },
        { value: 10, label: 'twenty' },
      ],
      highlight: { x: 10, y: 1, label: 'best <trial>' },
    }).text;
    expect(svg).toContain('>ten</text>');
    expect(svg).toContain('>twenty</text>');
    expect(svg).toContain('<circle class="highlight"');
    expect(svg).toContain('best &lt;trial&gt;</text>');
  });

  it('says so when there is nothing to draw', () => {
    const html = renderXyChart({ ...input, series: [{ ...input.series[0]!, points: [] }] }).text;
    expect(html).toContain('No values to show.');
    expect(html).not.toContain('<svg');
  });
});
