import { describe, expect, it } from 'vitest';
import { divergingColor, textColorOn } from './colors.js';
import { renderHeatMap } from './heat-map.js';

describe('divergingColor', () => {
  it('is white at the centre and full red or blue at the scale', () => {
    expect(divergingColor(0, 1)).toBe('rgb(255,255,255)');
    expect(divergingColor(-1, 1)).toBe('rgb(202,0,32)');
    expect(divergingColor(2, 1)).toBe('rgb(5,113,176)');
    expect(divergingColor(0.5, 1)).toBe('rgb(130,184,216)');
    expect(divergingColor(Number.NaN, 1)).toBe('#f3f4f6');
  });

  it('centres anywhere and stays white with a zero scale', () => {
    expect(divergingColor(1, 1, 1)).toBe('rgb(255,255,255)');
    expect(divergingColor(3, 0)).toBe('rgb(255,255,255)');
    expect(textColorOn(-0.9, 1)).toBe('#ffffff');
    expect(textColorOn(0.1, 1)).toBe('#111827');
  });
});

describe('renderHeatMap', () => {
  const input = {
    id: 'grid',
    title: 'Returns <by> month',
    rowLabels: ['2013', '2014'],
    columnLabels: ['Jan', 'Feb', 'Year'],
    values: [
      [0.1, null, 0.1],
      [-0.05, 0.02, -0.031],
    ],
    format: (v: number) => `${(v * 100).toFixed(1)}%`,
    separatedColumns: 1,
  };

  it('draws one coloured, labelled cell per value and an empty cell per null', () => {
    const svg = renderHeatMap(input).text;
    expect(svg.match(/<g><title>/g)).toHaveLength(5);
    expect(svg.match(/class="empty-cell"/g)).toHaveLength(1);
    expect(svg).toContain('>-3.1%</text>');
    expect(svg).toContain('<title>2014 Feb: 2.0%</title>');
    // The largest |value| (0.1) gets the full colour.
    expect(svg).toContain('fill="rgb(5,113,176)"');
    expect(svg).toContain('Returns &lt;by&gt; month');
  });

  it('leaves a gap before the separated columns', () => {
    const svg = renderHeatMap(input).text;
    // Label column 52, two cells of 58, then an 8-pixel gap: the third header sits at 52 + 116 + 8 + 29.
    expect(svg).toContain('<text x="205" y="15" text-anchor="middle" class="axis-label">Year</text>');
  });

  it('outlines the highlighted cell and ignores a highlight outside the grid', () => {
    const svg = renderHeatMap({ ...input, highlight: { row: 1, column: 0, label: 'chosen <here>' } }).text;
    // Row 1 starts at 22 + 24; column 0 at the label width 52.
    expect(svg).toContain('<rect class="highlight" x="53" y="47" width="56" height="22"');
    expect(svg).toContain('<title>chosen &lt;here&gt;</title>');
    expect(renderHeatMap({ ...input, highlight: { row: 2, column: 0, label: 'x' } }).text).not.toContain('highlight');
  });

  it('draws only labels for an empty grid', () => {
    const svg = renderHeatMap({ ...input, rowLabels: [], values: [] }).text;
    expect(svg).not.toContain('<rect');
  });
});
