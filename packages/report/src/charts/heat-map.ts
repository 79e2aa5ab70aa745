import { type Html, html } from '../html/html.js';
import { divergingColor, textColorOn } from './colors.js';

/** What {@link renderHeatMap} draws: a grid of values with row and column labels. */
export interface HeatMapInput {
  /** Element id of the figure. */
  readonly id: string;
  readonly title: string;
  readonly note?: string;
  readonly rowLabels: readonly string[];
  readonly columnLabels: readonly string[];
  /** rows × columns; null for an empty cell. */
  readonly values: readonly (readonly (number | null)[])[];
  /** Text of a cell. */
  readonly format: (value: number) => string;
  /** Tooltip of a cell; the row, column and text by default. */
  readonly tooltip?: (row: number, column: number, value: number) => string;
  /** |value − center| that gets the full colour; the largest in the grid by default. */
  readonly scale?: number;
  /** Value drawn white; 0 by default. */
  readonly center?: number;
  /** Columns drawn after a gap, e.g. a yearly total beside the months (count from the right). */
  readonly separatedColumns?: number;
  /** Width of the row labels in pixels; 52 by default (a year). */
  readonly labelWidth?: number;
  /** A cell outlined in black, e.g. where the chosen parameters sit in a sensitivity map. */
  readonly highlight?: { readonly row: number; readonly column: number; readonly label: string };
}

const CELL_W = 58;
const CELL_H = 24;
const LABEL_W = 52;
const HEAD_H = 22;
const GAP = 8;

/**
 * Returns an SVG heat map in a titled figure: each cell coloured on a diverging scale (red below
 * the centre, blue above) and labelled with its value. Reusable for any grid: monthly returns
 * (years × months) or a parameter sweep (one parameter × another).
 *
 * @example
 * renderHeatMap({ id: 'monthly', title: 'Monthly returns', rowLabels: ['2014'], columnLabels: ['Jan'],
 *   values: [[0.012]], format: (v) => formatPercent(v, 1) });
 */
export function renderHeatMap(input: HeatMapInput): Html {
  const center = input.center ?? 0;
  const cells = input.values.flat().filter((v): v is number => v !== null && Number.isFinite(v));
  const scale = input.scale ?? cells.reduce((m, v) => Math.max(m, Math.abs(v - center)), 0);
  const separated = input.separatedColumns ?? 0;
  const labelWidth = input.labelWidth ?? LABEL_W;
  const columns = input.columnLabels.length;
  const x = (c: number): number => labelWidth + c * CELL_W + (c >= columns - separated && separated > 0 ? GAP : 0);
  const width = x(columns - 1) + CELL_W + 2;
  const height = HEAD_H + input.rowLabels.length * CELL_H + 2;
  const header = input.columnLabels.map(
    (label, c) =>
      html`<text x="${x(c) + CELL_W / 2}" y="${HEAD_H - 7}" text-anchor="middle" class="axis-label">${label}</text>`,
  );
  const rows = input.rowLabels.map((label, r) => {
    const y = HEAD_H + r * CELL_H;
    const row = input.values[r] ?? [];
    const cellMarks = input.columnLabels.map((column, c) => {
      const value = row[c] ?? null;
      if (value === null || !Number.isFinite(value)) {
        return html`<rect x="${x(c) + 1}" y="${y + 1}" width="${CELL_W - 2}" height="${CELL_H - 2}" class="empty-cell"/>`;
      }
      const text = input.format(value);
      const tip = input.tooltip?.(r, c, value) ?? `${label} ${column}: ${text}`;
      return html`<g><title>${tip}</title><rect x="${x(c) + 1}" y="${y + 1}" width="${CELL_W - 2}" height="${CELL_H - 2}" fill="${divergingColor(value, scale, center)}"/><text x="${x(c) + CELL_W / 2}" y="${y + CELL_H / 2 + 4}" text-anchor="middle" fill="${textColorOn(value, scale, center)}">${text}</text></g>`;
    });
    return html`<text x="${labelWidth - 6}" y="${y + CELL_H / 2 + 4}" text-anchor="end" class="axis-label">${label}</text>${cellMarks}`;
  });
  const note = input.note === undefined ? null : html`<p class="note">${input.note}</p>`;
  const h = input.highlight;
  const outline =
    h === undefined || h.row < 0 || h.row >= input.rowLabels.length || h.column < 0 || h.column >= columns
      ? null
      : html`<rect class="highlight" x="${x(h.column) + 1}" y="${HEAD_H + h.row * CELL_H + 1}" width="${CELL_W - 2}" height="${CELL_H - 2}" fill="none" stroke="#111827" stroke-width="3"><title>${h.label}</title></rect>`;
  return html`<figure class="chart-block" id="${input.id}"><figcaption><span class="chart-title">${input.title}</span></figcaption><svg class="heat-map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${input.title}">${header}${rows}${outline}</svg>${note}</figure>`;
}
