import { SeededRng } from '@alphintra/core';
import { describe, expect, it } from 'vitest';
import { histogramBins, renderHistogram } from './histogram.js';

/** A straightforward second implementation: count values in each [edge, next edge), last bin closed. */
function countByEdges(values: readonly number[], edges: readonly number[]): number[] {
  const k = edges.length - 1;
  return Array.from(
    { length: k },
    (_, i) => values.filter((x) => x >= (edges[i] as number) && (i === k - 1 || x < (edges[i + 1] as number))).length,
  );
}

describe('histogramBins', () => {
  it('sizes bins by Freedman–Diaconis and counts every value once', () => {
    const rng = new SeededRng(3);
    const values = Array.from({ length: 1000 }, () => rng.nextNormal() * 0.01);
    const { edges, counts } = histogramBins(values);
    const sorted = [...values].sort((a, b) => a - b);
    const q = (p: number): number => {
      const h = (sorted.length - 1) * p;
      const i = Math.floor(h);
      return (sorted[i] as number) + (h - i) * ((sorted[i + 1] as number) - (sorted[i] as number));
    };
    const width = (2 * (q(0.75) - q(0.25))) / Math.cbrt(1000);
    const k = Math.ceil(((sorted[999] as number) - (sorted[0] as number)) / width);
    expect(counts).toHaveLength(k);
    expect(edges[0]).toBe(sorted[0]);
    expect(edges[k]).toBe(sorted[999]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(counts).toEqual(countByEdges(values, edges));
  });

  it('uses the forced bin count, clamps the rule to 5 … 100 bins and falls back to Sturges', () => {
    expect(histogramBins([0, 1, 2, 3], 2).counts).toEqual([2, 2]);
    expect(histogramBins([0, 1]).counts).toHaveLength(5);
    // Interquartile range zero: Sturges gives ⌈log₂ 9⌉ + 1 = 5 bins.
    const flatMiddle = [0, 5, 5, 5, 5, 5, 5, 5, 10];
    expect(histogramBins(flatMiddle).counts).toEqual([1, 0, 7, 0, 1]);
  });

  it('gives one bin for equal values and none for no finite values', () => {
    expect(histogramBins([2, 2, 2])).toEqual({ edges: [2, 2], counts: [3] });
    expect(histogramBins([Number.NaN])).toEqual({ edges: [], counts: [] });
  });
});

describe('renderHistogram', () => {
  const format = (v: number): string => v.toFixed(2);

  it('draws a bar per bin with its range and count, the expected line and markers in range', () => {
    const svg = renderHistogram({
      id: 'h',
      title: 'Returns',
      bins: { edges: [0, 1, 2], counts: [3, 1] },
      format,
      expected: [2, 2],
      markers: [
        { value: 1.5, label: 'VaR', color: 'red' },
        { value: 9, label: 'outside', color: 'red' },
      ],
    }).text;
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).toContain('<title>0.00 to 1.00: 3</title>');
    expect(svg).toContain('class="expected"');
    expect(svg).toContain('>VaR</text>');
    expect(svg).not.toContain('outside');
  });

  it('says there is nothing to show for no bins, and draws one full bar for one value', () => {
    expect(renderHistogram({ id: 'h', title: 't', bins: { edges: [], counts: [] }, format }).text).toContain(
      'No values to show.',
    );
    const one = renderHistogram({ id: 'h', title: 't', bins: { edges: [1, 1], counts: [4] }, format }).text;
    expect(one.match(/<rect /g)).toHaveLength(1);
  });
});
