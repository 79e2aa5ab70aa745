import { type Html, html } from '../html/html.js';
import { PALETTE } from './colors.js';

/** One point of an {@link renderXyChart} series; `tooltip` shows on hover. */
export interface XyPoint {
  readonly x: number;
  readonly y: number;
  readonly tooltip: string;
}

/** A series of an x–y chart: points, joined by a line and/or drawn as dots. */
export interface XySeries {
  readonly name: string;
  readonly color: string;
  readonly points: readonly XyPoint[];
  /** Join the points in the given order. */
  readonly line: boolean;
  /** Draw a dot at each point. */
  readonly dots: boolean;
}

/** What {@link renderXyChart} draws. */
export interface XyChartInput {
  readonly id: string;
  readonly title: string;
  readonly note?: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly XySeries[];
  /** Text of an axis value. */
  readonly formatX: (value: number) => string;
  readonly formatY: (value: number) => string;
  /** Labelled x positions (a categorical axis); the range's ends and middle by default. */
  readonly xTicks?: readonly { readonly value: number; readonly label: string }[];
  /** A point circled and labelled, e.g. the chosen trial. */
  readonly highlight?: { readonly x: number; readonly y: number; readonly label: string };
}

const W = 720;
const H = 280;
const PAD = { left: 64, right: 16, top: 14, bottom: 42 };

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Returns [low, high] of values widened by 5 % each side (±1 around a single value). */
function extent(values: readonly number[]): [number, number] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (hi === lo) return [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

/**
 * Returns an SVG x–y chart in a titled figure: line and/or dot series on linear axes, each dot
 * with its tooltip, an optional circled point, and labelled axes. Used for a parameter's
 * objective profile (a line over the parameter's values) and for a Pareto front (a scatter of
 * two objectives). Non-finite points are left out.
 *
 * @example
 * renderXyChart({ id: 'profile', title: 'Sharpe by fast', xLabel: 'fast', yLabel: 'Sharpe',
 *   series: [{ name: 'mean', color: '#2962ff', line: true, dots: true, points }],
 *   formatX: String, formatY: (v) => formatRatio(v, 2) });
 */
export function renderXyChart(input: XyChartInput): Html {
  const series = input.series.map((s) => ({
    ...s,
    points: s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)),
  }));
  const all = series.flatMap((s) => s.points);
  const head = html`<figcaption><span class="chart-title">${input.title}</span>${series.map(
    (s) => html`<span class="legend-item"><i style="background:${s.color}"></i>${s.name}</span>`,
  )}</figcaption>`;
  const note = input.note === undefined ? null : html`<p class="note">${input.note}</p>`;
  if (all.length === 0) {
    return html`<figure class="chart-block" id="${input.id}">${head}<p class="empty">No values to show.</p>${note}</figure>`;
  }
  const xs = [...all.map((p) => p.x), ...(input.xTicks ?? []).map((t) => t.value)];
  const ys = all.map((p) => p.y);
  if (input.highlight !== undefined) {
    xs.push(input.highlight.x);
    ys.push(input.highlight.y);
  }
  const [x0, x1] = extent(xs);
  const [y0, y1] = extent(ys);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const sx = (x: number): number => round(PAD.left + ((x - x0) / (x1 - x0)) * plotW);
  const sy = (y: number): number => round(PAD.top + plotH - ((y - y0) / (y1 - y0)) * plotH);
  const bottom = PAD.top + plotH;
  const ticks =
    input.xTicks ??
    [Math.min(...xs), (Math.min(...xs) + Math.max(...xs)) / 2, Math.max(...xs)].map((value) => ({
      value,
      label: input.formatX(value),
    }));
  const yTicks = [Math.min(...ys), (Math.min(...ys) + Math.max(...ys)) / 2, Math.max(...ys)];
  const axes = html`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${bottom}" y2="${bottom}" stroke="${PALETTE.axis}"/><line x1="${PAD.left}" x2="${PAD.left}" y1="${PAD.top}" y2="${bottom}" stroke="${PALETTE.axis}"/>${ticks.map(
    (t) =>
      html`<line x1="${sx(t.value)}" x2="${sx(t.value)}" y1="${bottom}" y2="${bottom + 4}" stroke="${PALETTE.axis}"/><text x="${sx(t.value)}" y="${bottom + 15}" text-anchor="middle" class="axis-label">${t.label}</text>`,
  )}${yTicks.map(
    (v) =>
      html`<line x1="${PAD.left - 4}" x2="${PAD.left}" y1="${sy(v)}" y2="${sy(v)}" stroke="${PALETTE.axis}"/><text x="${PAD.left - 6}" y="${sy(v) + 4}" text-anchor="end" class="axis-label">${input.formatY(v)}</text>`,
  )}<text x="${PAD.left + plotW / 2}" y="${H - 6}" text-anchor="middle" class="axis-label">${input.xLabel}</text><text x="12" y="${PAD.top + plotH / 2}" text-anchor="middle" class="axis-label" transform="rotate(-90 12 ${PAD.top + plotH / 2})">${input.yLabel}</text>`;
  const marks = series.map((s) => {
    const line = s.line
      ? html`<polyline class="xy-line" fill="none" stroke="${s.color}" stroke-width="2" points="${s.points.map((p) => `${sx(p.x)},${sy(p.y)}`).join(' ')}"/>`
      : null;
    const dots = s.dots
      ? s.points.map(
          (p) =>
            html`<circle class="xy-dot" cx="${sx(p.x)}" cy="${sy(p.y)}" r="4" fill="${s.color}"><title>${p.tooltip}</title></circle>`,
        )
      : null;
    return html`${line}${dots}`;
  });
  const h = input.highlight;
  const circled =
    h === undefined
      ? null
      : html`<circle class="highlight" cx="${sx(h.x)}" cy="${sy(h.y)}" r="9" fill="none" stroke="#111827" stroke-width="2.5"><title>${h.label}</title></circle><text x="${sx(h.x) + 12}" y="${sy(h.y) - 10}" class="axis-label">${h.label}</text>`;
  return html`<figure class="chart-block" id="${input.id}">${head}<svg class="xy-chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${input.title}">${axes}${marks}${circled}</svg>${note}</figure>`;
}
