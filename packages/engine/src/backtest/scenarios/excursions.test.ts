import { describe, expect, it } from 'vitest';
import { scenario } from '../../testing/scenario.js';

const FLAT = [100, 100, 100, 100];

describe('trade excursions (MAE and MFE)', () => {
  it('count only the part of the entry bar after a stop entry filled', () => {
    // Flat book, bar 1: low 1 away, high 3 away → path 100 → 99 → 103 → 101. The buy stop at
    // 102 fills on the way up; afterwards the bar trades 102 → 103 → 101 (not down to 99).
    // Sold at bar 2's open, 101. MFE (103 − 102) × 10 = 10; MAE (101 − 102) × 10 = −10.
    const r = scenario({
      rows: [FLAT, [100, 103, 99, 101], [101, 101, 101, 101]],
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10, { kind: 'stop', stopPrice: 102 });
        if (bar.index === 1) ctx.closePosition();
      },
    });
    expect(r.trades[0]).toMatchObject({ entryPrice: 102, exitPrice: 101, mfe: 10, mae: -10 });
  });

  it('count the part of the exit bar before a stop exit filled', () => {
    // Long 10 from bar 1's open (100; bar 1 trades 99.5–101). Bar 2, long → low first:
    // 100 → 95 → 104 → 97; the sell stop at 96 fills on the way down, having seen 100 → 96.
    // MFE (101 − 100) × 10 = 10 (bar 1); MAE (96 − 100) × 10 = −40 (the exit bar).
    const r = scenario({
      rows: [FLAT, [100, 101, 99.5, 100.5], [100, 104, 95, 97]],
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10);
        if (bar.index === 1) ctx.sell(10, { kind: 'stop', stopPrice: 96 });
      },
    });
    expect(r.trades[0]).toMatchObject({ entryPrice: 100, exitPrice: 96, mfe: 10, mae: -40 });
  });

  it('count the path between an entry and an exit in the same bar', () => {
    // Flat, bar 1: 100 → 97 → 106 → 104. The buy stop at 101 fills on the way up, its bracket
    // legs go live, and the take-profit at 105 fills further up: the trade saw 101 → 105.
    const r = scenario({
      rows: [FLAT, [100, 106, 97, 104], FLAT],
      onBar: (ctx, bar) =>
        void (
          bar.index === 0 && ctx.buy(10, { kind: 'stop', stopPrice: 101, bracket: { takeProfit: 105, stopLoss: 95 } })
        ),
    });
    expect(r.trades[0]).toMatchObject({ entryPrice: 101, exitPrice: 105, mfe: 40, mae: 0, bars: 0 });
  });

  it('count a short entered mid-bar from its fill on', () => {
    // Flat, bar 1: high 1 away, low 4 away → 100 → 101 → 96 → 98. The sell stop at 99 fills
    // on the way down; afterwards 99 → 96 → 98. Covered at bar 2's open, 98.
    // MFE (99 − 96) × 10 = 30; MAE (99 − 99) × 10 = 0 (the 101 before the fill does not count).
    const r = scenario({
      rows: [FLAT, [100, 101, 96, 98], [98, 98, 98, 98]],
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.sell(10, { kind: 'stop', stopPrice: 99 });
        if (bar.index === 1) ctx.closePosition();
      },
    });
    expect(r.trades[0]).toMatchObject({ side: 'short', entryPrice: 99, exitPrice: 98, mfe: 30, mae: 0 });
  });
});
