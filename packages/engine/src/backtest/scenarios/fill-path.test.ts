import { describe, expect, it } from 'vitest';
import type { Fill, FillPath } from '../../strategy/strategy.js';
import { scenario } from '../../testing/scenario.js';

const FLAT = [100, 100, 100, 100];

/** The four prices of a path, copied (the context's object is reused). */
const copy = (p: FillPath) => [p.lowBefore, p.highBefore, p.lowAfter, p.highAfter];

describe('ctx.fillPath: where a fill happened on its bar', () => {
  it('shows the stretch before a stop fill at once, and the rest of the bar once it has closed', () => {
    // Flat book, bar 1: 100 → 99 → 103 → 101 (the nearer extreme first). The buy stop at 102
    // fills on the way up: before it the bar traded 99…102, after it 101…103.
    const during: number[][] = [];
    const after: number[][] = [];
    let filled: Fill | undefined;
    scenario({
      rows: [FLAT, [100, 103, 99, 101], FLAT],
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10, { kind: 'stop', stopPrice: 102 });
        if (bar.index === 1 && filled !== undefined) after.push(copy(ctx.fillPath(filled)));
      },
      onFill: (ctx, fill) => {
        filled = fill;
        during.push(copy(ctx.fillPath(fill)));
      },
    });
    expect(during).toEqual([[99, 102, Number.NaN, Number.NaN]]);
    expect(after).toEqual([[99, 102, 101, 103]]);
  });

  it('splits the path between two fills of one bar (an entry and its bracket leg)', () => {
    // Flat, bar 1: 100 → 97 → 106 → 104. The buy stop at 101 fills having seen 97…101; its
    // take-profit at 105 fills having seen 101…105, and the bar then trades 104…106.
    const fills: Fill[] = [];
    const seen: number[][] = [];
    scenario({
      rows: [FLAT, [100, 106, 97, 104], FLAT],
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10, { kind: 'stop', stopPrice: 101, bracket: { takeProfit: 105, stopLoss: 95 } });
        if (bar.index === 1) for (const f of fills) seen.push(copy(ctx.fillPath(f)));
      },
      onFill: (_, fill) => void fills.push(fill),
    });
    expect(fills.map((f) => f.price)).toEqual([101, 105]);
    expect(seen).toEqual([
      [97, 101, 101, 106],
      [101, 105, 104, 106],
    ]);
  });

  it('covers the whole bar after a market order filled at the open', () => {
    const fills: Fill[] = [];
    const seen: number[][] = [];
    scenario({
      rows: [FLAT, [100.5, 104, 98, 101], FLAT],
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(10);
        if (bar.index === 1) for (const f of fills) seen.push(copy(ctx.fillPath(f)));
      },
      onFill: (_, fill) => void fills.push(fill),
    });
    expect(seen).toEqual([[100.5, 100.5, 98, 104]]);
  });

  it('is unknown (NaN) for a fill on no bar path, at the close after the strategy saw the bar', () => {
    const seen: number[][] = [];
    scenario({
      rows: [FLAT, [100, 104, 98, 101], FLAT],
      fillTiming: 'close',
      onBar: (ctx, bar) => void (bar.index === 0 && ctx.buy(10)),
      onFill: (ctx, fill) => void seen.push(copy(ctx.fillPath(fill))),
    });
    expect(seen).toEqual([[Number.NaN, Number.NaN, Number.NaN, Number.NaN]]);
  });

  it('refuses a fill the run has not made', () => {
    let error: unknown;
    scenario({
      rows: [FLAT, FLAT],
      onBar: (ctx, bar) => {
        if (bar.index !== 1) return;
        try {
          ctx.fillPath({ id: 7, orderId: 1 } as Fill);
        } catch (e) {
          error = e;
        }
      },
    });
    expect(String(error)).toMatch(/unknown fill 7/);
  });
});
