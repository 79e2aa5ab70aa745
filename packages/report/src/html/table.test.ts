import { describe, expect, it } from 'vitest';
import { html } from './html.js';
import { renderTable } from './table.js';

describe('renderTable', () => {
  const rows = [
    { name: 'a<b', value: 1 },
    { name: 'c', value: 22 },
  ];
  const columns = [
    { header: 'name', cell: (r: (typeof rows)[number]) => r.name },
    { header: 'value', cell: (r: (typeof rows)[number]) => String(r.value), align: 'right' as const },
    { header: 'exact', cell: (r: (typeof rows)[number]) => ({ text: 'x', title: `${r.value}"` }) },
    { header: 'code', cell: (_r: unknown, i: number) => html`<code>${i}</code>` },
  ];

  it('writes one body row per item, numbers aligned right, text escaped', () => {
    const table = renderTable(columns, rows, { id: 't', caption: 'Two & more' }).text;
    expect(table.match(/<tr>/g)).toHaveLength(3);
    expect(table).toContain('<table id="t" class="data"><caption>Two &amp; more</caption>');
    expect(table).toContain('<td>a&lt;b</td><td class="num">1</td>');
    expect(table).toContain('<span title="22&quot;">x</span>');
    expect(table).toContain('<td><code>1</code></td>');
    expect(table).toContain('<th class="num">value</th>');
  });

  it('writes a header and an empty body for no rows', () => {
    expect(renderTable(columns, []).text).toContain('<tbody></tbody>');
  });
});
