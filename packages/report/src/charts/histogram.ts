import { quantile } from '@alphintra/analytics';
import { type Html, html } from '../html/html.js';
import { PALETTE } from './colors.js';

/** Equal-width bins: `edges` has one more entry than `counts`; bin i holds edges[i] ≤ x < edges[i + 1]. */
export interface HistogramBins {
  readonly edges: readonly number[];
  readonly counts: readonly number[];
}

/**
 * Returns equal-width bins of the finite values. The count follows the Freedman–Diaconis rule,
 * width 2·IQR·n^(−1/3), which resists outliers (clamped to 5 … 100 bins); when the interquartile
 * range is zero, Sturges' ⌈log₂ n⌉ + 1. The last bin includes the maximum. All values equal
 * give one bin of zero width; no values give no bins. `bins` forces the count.
 */
export function histogramBins(values: ArrayLike<number>, bins?: number): HistogramBins {
  const xs = Array.from(values).filter(Number.isFinite);
  if (xs.length === 0) return { edges: [], counts: [] };
  const min = xs.reduce((a, b) => Math.min(a, b));
  const max = xs.reduce((a, b) => Math.max(a, b));
  if (min === max) return { edges: [min, max], counts: [xs.length] };
  let k = bins;
  if (k === undefined) {
    const iqr = quantile(xs, 0.75) - quantile(xs, 0.25);
    const width = (2 * iqr) / Math.cbrt(xs.length);
    k = width > 0 ? Math.ceil((max - min) / width) : Math.ceil(Math.log2(xs.length)) + 1;
    k = Math.max(5, Math.min(100, k));
  }
  const width = (max - min) / k;
  const edges = Array.from({ length: k + 1 }, (_, i) => (i === k ? max : min + i * width));
  const counts = new Array<number>(k).fill(0);
  for (const x of xs) {
    const i = Math.min(k - 1, Math.floor((x - min) / width));
    counts[i] = (counts[i] as number) + 1;
  }
  return { edges, counts };
}

/** A vertical line across a histogram at a value (zero, a VaR level …). */
export interface HistogramMarker {
  readonly value: number;
  readonly label: string;
  readonly color: string;
}

/** What {@link renderHistogram} draws. */
export interface HistogramInput {
  readonly id: string;
  readonly title: string;
  readonly note?: string;
  readonly bins: HistogramBins;
  /** Text of a bin edge on the axis and in tooltips. */
  readonly format: (value: number) => string;
  /** Expected count per bin under a reference distribution, drawn as a line. */
  readonly expected?: readonly number[];
  readonly expectedLabel?: string;
  readonly markers?: readonly HistogramMarker[];
}

const W = 720;
const H = 260;
const PAD = { left: 44, right: 12, top: 12, bottom: 30 };

/**
 * Returns an SVG histogram in a titled figure: one bar per bin with its range and count as a
 * tooltip, an optional expected-count line and vertical markers.
 *
 * @example
 * renderHistogram({ id: 'returns', title: 'Daily returns', bins: histogramBins(returns), format: (v) => formatPercent(v) });
 */
export function renderHistogram(input: HistogramInput): Html {
  const { edges, counts } = input.bins;
  const note = input.note === undefined ? null : html`<p class="note">${input.note}</p>`;
  const head = html`<figcaption><span class="chart-title">${input.title}</span></figcaption>`;
  if (counts.length === 0) {
    return html`<figure class="chart-block" id="${input.id}">${head}<p class="empty">No values to show.</p>${note}</figure>`;
  }
  const lo = edges[0] as number;
  const hi = edges[edges.length - 1] as number;
  const span = hi > lo ? hi - lo : 1;
  const top = Math.max(...counts, ...(input.expected ?? []), 1);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const sx = (v: number): number => round(PAD.left + ((v - lo) / span) * plotW);
  const sy = (c: number): number => round(PAD.top + plotH - (c / top) * plotH);
  const barWidth = (i: number): number =>
    hi > lo ? Math.max(1, sx(edges[i + 1] as number) - sx(edges[i] as number) - 1) : plotW;
  const bars = counts.map(
    (c, i) =>
      html`<rect x="${hi > lo ? sx(edges[i] as number) : PAD.left}" y="${sy(c)}" width="${barWidth(i)}" height="${round(PAD.top + plotH - sy(c))}" fill="${PALETTE.bar}"><title>${input.format(edges[i] as number)} to ${input.format(edges[i + 1] as number)}: ${c}</title></rect>`,
  );
  const expected =
    input.expected === undefined || hi === lo
      ? null
      : html`<polyline class="expected" fill="none" stroke="${PALETTE.expected}" stroke-width="2" points="${input.expected
          .map((e, i) => `${sx(((edges[i] as number) + (edges[i + 1] as number)) / 2)},${sy(e)}`)
          .join(' ')}"><title>${input.expectedLabel ?? 'expected'}</title></polyline>`;
  const markers = (input.markers ?? [])
    .filter((m) => m.value >= lo && m.value <= hi)
    .map(
      (m) =>
        // Labels of markers left of zero sit left of their line, so they clear the bars around zero.
        html`<line x1="${sx(m.value)}" x2="${sx(m.value)}" y1="${PAD.top}" y2="${PAD.top + plotH}" stroke="${m.color}" stroke-dasharray="4 3"/><text x="${sx(m.value) + (m.value < 0 ? -4 : 4)}" y="${PAD.top + 10}" text-anchor="${m.value < 0 ? 'end' : 'start'}" fill="${m.color}" class="axis-label">${m.label}</text>`,
    );
  const axis = html`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${PAD.top + plotH}" y2="${PAD.top + plotH}" stroke="${PALETTE.axis}"/><text x="${PAD.left}" y="${H - 10}" class="axis-label">${input.format(lo)}</text><text x="${W - PAD.right}" y="${H - 10}" text-anchor="end" class="axis-label">${input.format(hi)}</text><text x="${PAD.left - 6}" y="${PAD.top + 8}" text-anchor="end" class="axis-label">${round(top)}</text><text x="${PAD.left - 6}" y="${PAD.top + plotH}" text-anchor="end" class="axis-label">0</text>`;
  return html`<figure class="chart-block" id="${input.id}">${head}<svg class="histogram" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${input.title}">${bars}${expected}${markers}${axis}</svg>${note}</figure>`;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
