import type { BacktestResult, Trade } from '@alphintra/engine';
import { formatCount, formatNumber, formatPercent, formatTime } from '../html/format.js';
import { type Html, html } from '../html/html.js';
import { renderTable, type TableColumn } from '../html/table.js';

/**
 * Returns the tag of the order that opened each trade (`tag` of `ctx.buy(…, { tag })`), by
 * trade id: the order of the trade's first fill. Trades opened by untagged orders are absent.
 */
export function entryTags(result: BacktestResult): Map<number, string> {
  const orderTags = new Map(result.orders.map((o) => [o.id, o.tag]));
  const tags = new Map<number, string>();
  for (const fill of result.fills) {
    if (tags.has(fill.tradeId)) continue;
    const tag = orderTags.get(fill.orderId) ?? '';
    tags.set(fill.tradeId, tag);
  }
  for (const [id, tag] of tags) if (tag === '') tags.delete(id);
  return tags;
}

const price = (x: number): string => formatNumber(x, Math.abs(x) >= 100 ? 2 : 4);
const exact = (x: number): { text: string; title: string } => ({ text: formatNumber(x, 2), title: String(x) });

/** Returns every closed trade of a run, one row each, in the result's order. */
export function tradesTable(result: BacktestResult): Html {
  const tags = entryTags(result);
  const columns: TableColumn<Trade>[] = [
    { header: '#', cell: (t) => String(t.id), align: 'right' },
    { header: 'instrument', cell: (t) => t.instrument },
    { header: 'side', cell: (t) => t.side },
    { header: 'entry', cell: (t) => formatTime(t.entryTime) },
    {
      header: 'entry price',
      cell: (t) => ({ text: price(t.entryPrice), title: String(t.entryPrice) }),
      align: 'right',
    },
    {
      header: 'quantity',
      cell: (t) => ({ text: formatNumber(t.quantity, 0), title: String(t.quantity) }),
      align: 'right',
    },
    { header: 'exit', cell: (t) => formatTime(t.exitTime) },
    { header: 'exit price', cell: (t) => ({ text: price(t.exitPrice), title: String(t.exitPrice) }), align: 'right' },
    { header: 'P&L', cell: (t) => exact(t.pnl), align: 'right' },
    { header: 'return', cell: (t) => formatPercent(t.returnFraction), align: 'right' },
    { header: 'bars', cell: (t) => formatCount(t.bars), align: 'right' },
    { header: 'MAE', cell: (t) => exact(t.mae), align: 'right' },
    { header: 'MFE', cell: (t) => exact(t.mfe), align: 'right' },
    { header: 'fees', cell: (t) => exact(t.fees), align: 'right' },
    { header: 'entry tag', cell: (t) => tags.get(t.id) ?? '' },
  ];
  if (result.trades.length === 0) return html`<p class="empty">The run closed no trades.</p>`;
  return html`<div class="scroll">${renderTable(columns, result.trades, { id: 'trades-table' })}</div>`;
}
