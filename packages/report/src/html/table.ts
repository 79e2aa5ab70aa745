import { type Html, type HtmlValue, html } from './html.js';

/** One cell: text (escaped), or text with a tooltip, or markup made with `html`. */
export type TableCell = string | Html | { readonly text: string; readonly title: string };

/** A column of a {@link renderTable} table. */
export interface TableColumn<Row> {
  readonly header: string;
  readonly cell: (row: Row, index: number) => TableCell;
  /** Numbers align right; text left (the default). */
  readonly align?: 'left' | 'right';
}

/** Options of {@link renderTable}. */
export interface TableOptions {
  /** Element id (for links and tests). */
  readonly id?: string;
  readonly caption?: string;
  /** Extra class names of the table. */
  readonly className?: string;
}

function cellContent(cell: TableCell): HtmlValue {
  if (typeof cell === 'string') return cell;
  if ('title' in cell) return html`<span title="${cell.title}">${cell.text}</span>`;
  return cell;
}

/**
 * Returns an HTML table: one header row, one body row per item. Every string is escaped.
 *
 * @example
 * renderTable([{ header: 'symbol', cell: (r) => r.symbol }], rows, { id: 'instruments' });
 */
export function renderTable<Row>(
  columns: readonly TableColumn<Row>[],
  rows: readonly Row[],
  options: TableOptions = {},
): Html {
  const cls = (c: TableColumn<Row>): string | null => (c.align === 'right' ? 'num' : null);
  const head = columns.map((c) => html`<th${c.align === 'right' ? html` class="num"` : null}>${c.header}</th>`);
  const body = rows.map(
    (row, i) =>
      html`<tr>${columns.map((c) => {
        const k = cls(c);
        return html`<td${k === null ? null : html` class="${k}"`}>${cellContent(c.cell(row, i))}</td>`;
      })}</tr>`,
  );
  const id = options.id === undefined ? null : html` id="${options.id}"`;
  const className = ['data', options.className].filter((c) => c !== undefined).join(' ');
  const caption = options.caption === undefined ? null : html`<caption>${options.caption}</caption>`;
  return html`<table${id} class="${className}">${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
