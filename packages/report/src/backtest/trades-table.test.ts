import { describe, expect, it } from 'vitest';
import { sampleRun } from '../testing/sample-run.js';
import { entryTags, tradesTable } from './trades-table.js';

describe('the trades table', () => {
  const run = sampleRun(200);

  it('finds the tag of the order that opened each trade, also when a fill reverses the position', () => {
    const tags = entryTags(run.result);
    expect(run.result.trades.length).toBeGreaterThan(10);
    // The sample strategy tags its orders by the side they go to.
    for (const trade of run.result.trades) expect(tags.get(trade.id)).toBe(trade.side);
  });

  it('writes one row per trade with its times, side and entry tag', () => {
    const table = tradesTable(run.result).text;
    expect(table.match(/<tr>/g)).toHaveLength(run.result.trades.length + 1);
    const first = run.result.trades[0]!;
    expect(table).toContain(`<td class="num">1</td><td>S0.SIM</td><td>${first.side}</td>`);
    expect(table).toContain(`<td>${first.side}</td></tr>`);
  });

  it('says there are none when the run closed no trades', () => {
    expect(tradesTable(sampleRun(2).result).text).toBe('<p class="empty">The run closed no trades.</p>');
  });
});
