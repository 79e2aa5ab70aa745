import { describe, expect, it } from 'vitest';
import type { OrderRequest } from '../../orders/order.js';
import type { RiskConfig } from '../../risk/risk-engine.js';
import { type ScenarioResult, scenario } from '../../testing/scenario.js';

const FLAT = [100, 100, 100, 100];

/** Submits `requests` on bar 0 of three flat bars under the risk limits `risk`. */
function denied(
  risk: RiskConfig,
  requests: readonly OrderRequest[],
  extra: { allowShort?: boolean } = {},
): ScenarioResult {
  return scenario({
    rows: [FLAT, FLAT, FLAT],
    risk,
    ...extra,
    onBar: (ctx, bar) => {
      if (bar.index === 0) for (const request of requests) ctx.submit(request);
    },
  });
}

const buy = (size: number, more: Partial<OrderRequest> = {}): OrderRequest => ({ side: 'buy', size, ...more });

describe('risk denials', () => {
  it('are events the strategy sees, with status denied and the reason, and never reach the venue', () => {
    const r = denied({ tradingState: 'halted' }, [buy(1)]);
    expect(r.updates).toEqual([{ id: 1, status: 'denied', reason: 'TRADING_HALTED' }]);
    expect(r.events).toEqual([
      { time: r.orders[0]?.submitTime, orderId: 1, transition: 'deny', status: 'denied', reason: 'TRADING_HALTED' },
    ]);
    expect(r.fills).toHaveLength(0);
  });

  it('deny orders that open or grow a position while the kill switch is reducing', () => {
    const r = denied({ tradingState: 'reducing' }, [buy(1), { side: 'sell', size: 1 }]);
    expect(r.orders.map((o) => o.reason)).toEqual(['TRADING_REDUCING', 'TRADING_REDUCING']);
  });

  it('deny a short sale of a cash instrument when shorting is not allowed', () => {
    const r = denied({}, [{ side: 'sell', size: 10 }], { allowShort: false });
    expect(r.updates).toEqual([{ id: 1, status: 'denied', reason: 'SHORT_NOT_ALLOWED' }]);
  });

  it('deny an order whose notional exceeds the limit, at its limit price when it has one', () => {
    // 60 × 100 = 6,000 > 5,000; 50 × 100 = 5,000 passes; a limit at 110: 50 × 110 = 5,500 > 5,000.
    const r = denied({ maxOrderNotional: 5_000 }, [buy(60), buy(50), buy(50, { kind: 'limit', limitPrice: 110 })]);
    expect(r.orders.map((o) => [o.status, o.reason])).toEqual([
      ['denied', 'MAX_NOTIONAL_EXCEEDED'],
      ['filled', ''],
      ['denied', 'MAX_NOTIONAL_EXCEEDED'],
    ]);
  });

  it('deny an order that would take the position past its quantity or notional limit', () => {
    expect(denied({ maxPositionQuantity: 100 }, [buy(101)]).orders[0]?.reason).toBe('MAX_POSITION_EXCEEDED');
    expect(denied({ maxPositionQuantity: 100 }, [buy(100)]).orders[0]?.status).toBe('filled');
    // 300 × 100 = 30,000 > 25,000.
    expect(denied({ maxPositionNotional: 25_000 }, [buy(300)]).orders[0]?.reason).toBe('MAX_POSITION_EXCEEDED');
  });

  it('deny an order that would take gross exposure over equity past the leverage limit', () => {
    // 600 × 100 / 100,000 = 0.6 > 0.5; 500 → 0.5 passes.
    const r = denied({ maxLeverage: 0.5 }, [buy(600), buy(500)]);
    expect(r.orders.map((o) => o.reason)).toEqual(['MAX_LEVERAGE_EXCEEDED', '']);
  });

  it('deny a limit or stop price too far from the last price', () => {
    // |85 − 100| / 100 = 15 % > 10 %; a stop at 109: 9 % passes.
    const r = denied({ maxPriceDeviation: 0.1 }, [
      buy(1, { kind: 'limit', limitPrice: 85 }),
      buy(1, { kind: 'stop', stopPrice: 109 }),
    ]);
    expect(r.orders.map((o) => o.reason)).toEqual(['PRICE_FAR_FROM_MARKET', '']);
  });

  it('deny orders beyond the rate limit, and allow them again once the window has passed', () => {
    const r = scenario({
      rows: [FLAT, FLAT, FLAT],
      risk: { maxOrderRate: { count: 2, intervalMicros: 86_400_000_000 } },
      onBar: (ctx, bar) => {
        if (bar.index === 0) for (let i = 0; i < 3; i++) ctx.buy(1);
        // One day later the first two have left the window.
        if (bar.index === 1) ctx.buy(1);
      },
    });
    expect(r.orders.map((o) => o.reason)).toEqual(['', '', 'ORDER_RATE_EXCEEDED', '']);
  });

  it('lets a position-reducing order through the position limits', () => {
    const r = scenario({
      rows: [FLAT, FLAT, FLAT],
      risk: { maxPositionQuantity: 100 },
      onBar: (ctx, bar) => {
        if (bar.index === 0) ctx.buy(100);
        if (bar.index === 1) ctx.sell(50);
      },
    });
    expect(r.orders.map((o) => o.status)).toEqual(['filled', 'filled']);
  });
});
