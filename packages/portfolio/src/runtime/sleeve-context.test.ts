import { defineStrategy, type StrategyContext } from '@alphintra/engine';
import { describe, expect, it } from 'vitest';
import { definePortfolio } from '../define-portfolio.js';
import { runPortfolio } from '../results/run-portfolio.js';
import { equityData } from '../testing/two-instruments.js';

const row = (p: number): [number, number, number, number] => [p, p, p, p];
const A = equityData('AAA', [row(100), row(100), row(100), row(100), [100, 100, 85, 90], row(90)]);
const B = equityData('BBB', [row(50), row(50), row(50), row(50), row(50), row(50)]);

function probe(act: (ctx: StrategyContext, instrument: string, index: number, local: number) => void, timers = false) {
  return defineStrategy({
    name: 'probe',
    parameters: { size: { type: 'integer', default: 10, min: 1, max: 1000 } },
    create(ctx, p) {
      if (timers) ctx.setTimer('wake', Number.MAX_SAFE_INTEGER);
      return {
        onBar(bar) {
          act(ctx, bar.instrument, bar.index, bar.instrumentIndex);
          void p;
        },
      };
    },
  });
}

describe("a sleeve's context", () => {
  it('sees only its instruments, with bar indexes into its own list', () => {
    const seen: [string, number, readonly string[]][] = [];
    const strategy = probe((ctx, instrument, i, local) => {
      if (i === 0) seen.push([instrument, local, ctx.instruments]);
    });
    runPortfolio({
      portfolio: definePortfolio({
        sleeves: [
          { name: 'b-only', strategy, instruments: ['BBB.SIM'] },
          { name: 'all', strategy },
        ],
      }),
      data: [A, B],
    });
    expect(seen).toEqual([
      ['AAA.SIM', 0, ['AAA.SIM', 'BBB.SIM']],
      ['BBB.SIM', 0, ['BBB.SIM']],
      ['BBB.SIM', 1, ['AAA.SIM', 'BBB.SIM']],
    ]);
  });

  it("refuses an instrument that is not the sleeve's, naming it", () => {
    const strategy = probe((ctx) => ctx.quantity('AAA.SIM'));
    expect(() =>
      runPortfolio({
        portfolio: definePortfolio({ sleeves: [{ name: 'b', strategy, instruments: ['BBB'] }] }),
        data: [A, B],
      }),
    ).toThrow("instrument AAA.SIM is not one of sleeve b's (BBB.SIM)");
    expect(() =>
      runPortfolio({
        portfolio: definePortfolio({ sleeves: [{ name: 'b', strategy, instruments: ['ZZZ'] }] }),
        data: [A, B],
      }),
    ).toThrow('sleeve b names instrument ZZZ, which is not in the run (AAA.SIM, BBB.SIM)');
  });

  it('keeps a reduce-only order reduce-only for the sleeve on a shared instrument', () => {
    // a buys 100 and rests a reduce-only stop for them; b buys 50. a then sells its 100: its stop
    // must go, or at bar 4 (low 85) it would sell b's 50 shares and leave a short.
    const a = defineStrategy({
      name: 'a',
      parameters: {},
      create(ctx) {
        return {
          onBar(bar) {
            if (bar.index === 0) ctx.buy(100);
            if (bar.index === 1) ctx.sell(100, { kind: 'stop', stopPrice: 88, reduceOnly: true, tag: 'stop' });
            if (bar.index === 2) ctx.closePosition();
          },
        };
      },
    });
    const b = probe((ctx, _, i) => {
      if (i === 0) ctx.buy(50);
    });
    const result = runPortfolio({
      portfolio: definePortfolio({
        sleeves: [
          { name: 'a', strategy: a },
          { name: 'b', strategy: b },
        ],
        allocation: { method: 'equal' },
      }),
      data: [A],
    });
    expect(result.sleeves.map((s) => s.positions[0]?.quantity)).toEqual([0, 50]);
    const stop = result.backtest.orders.find((o) => o.tag === 'stop');
    expect(stop?.status).toBe('cancelled');
  });

  it('routes timers and logs to the sleeve, and takes parameters named sleeve.parameter', () => {
    const sizes: number[] = [];
    const logging = defineStrategy({
      name: 'logging',
      parameters: { size: { type: 'integer', default: 10, min: 1, max: 1000 } },
      create(ctx, p) {
        ctx.setTimer('wake', A.series?.time[2] as number);
        return {
          onTimer(name) {
            ctx.log.info(`timer ${name}`);
          },
          onStart() {
            sizes.push(p.size);
          },
        };
      },
    });
    const result = runPortfolio({
      portfolio: definePortfolio({
        sleeves: [
          { name: 'one', strategy: logging, parameters: { size: 20 } },
          { name: 'two', strategy: logging },
        ],
      }),
      data: [A],
      parameters: { 'two.size': 7 },
    });
    expect(sizes).toEqual([20, 7]);
    expect(result.backtest.logs.map((l) => l.message)).toEqual(['[one] timer wake', '[two] timer wake']);
    expect(result.backtest.manifest.parameters).toEqual({ 'one.size': 20, 'two.size': 7 });
    expect(result.sleeves.map((s) => s.parameters)).toEqual([{ size: 20 }, { size: 7 }]);
  });

  it("refuses to cancel another sleeve's order", () => {
    let order = 0;
    const a = probe((ctx, _, i) => {
      if (i === 0) order = ctx.buy(1, { kind: 'limit', limitPrice: 1 }).id;
    });
    const b = probe((ctx, _, i) => {
      if (i === 1) ctx.cancel(order);
    });
    expect(() =>
      runPortfolio({
        portfolio: definePortfolio({
          sleeves: [
            { name: 'a', strategy: a },
            { name: 'b', strategy: b },
          ],
        }),
        data: [A],
      }),
    ).toThrow('order 1 does not belong to sleeve b');
  });
});

describe('a sleeve in a multi-currency world', () => {
  it('answers its cash in the account currency, rates from the account, and refuses other balances', () => {
    const seen: number[] = [];
    const strategy = probe((ctx, _, i) => {
      if (i === 0) seen.push(ctx.balance(), ctx.balance('USD'), ctx.rate('USD'));
      if (i === 1) ctx.balance('EUR');
    });
    expect(() =>
      runPortfolio({ portfolio: definePortfolio({ sleeves: [{ name: 'a', strategy }] }), data: [A], cash: 50_000 }),
    ).toThrow('sleeve a holds cash in the account currency USD only, not EUR');
    expect(seen).toEqual([50_000, 50_000, 1]);
  });

  it('refuses instruments quoted in another currency than the account', () => {
    const euro = { ...B, instrument: { ...B.instrument, id: 'SAP.SIM', symbol: 'SAP', currency: 'EUR' } };
    const strategy = probe(() => {});
    expect(() =>
      runPortfolio({
        portfolio: definePortfolio({ sleeves: [{ name: 'a', strategy }] }),
        data: [A, euro],
        fxRates: { 'EUR/USD': 1.1 },
      }),
    ).toThrow('expected every instrument of a portfolio quoted in the account currency USD, got SAP.SIM in EUR');
  });
});
