/**
 * Donchian breakout with ATR stops: buy a close above the highest high of the last `entry`
 * bars, sized so that the initial stop (`atrStop` ATRs below) risks `risk` of equity; exit on
 * a close below the lowest low of the last `exit` bars, or at the trailing ATR stop.
 */
import { defineStrategy, riskPerTradeQuantity } from '@alphintra/engine';

export default defineStrategy({
  name: 'donchian-breakout',
  description: 'Channel breakout entries, ATR-based stop and risk sizing, channel exits.',
  version: '1',
  parameters: {
    entry: { type: 'integer', default: 55, min: 5, max: 250 },
    exit: { type: 'integer', default: 20, min: 2, max: 250 },
    atrPeriod: { type: 'integer', default: 20, min: 2, max: 100 },
    atrStop: { type: 'number', default: 2, min: 0.5, max: 10 },
    risk: { type: 'number', default: 0.02, min: 0.001, max: 0.2 },
  },
  create(ctx, p) {
    const upper = ctx.indicator('MAX', { timeperiod: p.entry }, { source: 'high' });
    const lower = ctx.indicator('MIN', { timeperiod: p.exit }, { source: 'low' });
    const atr = ctx.indicator('ATR', { timeperiod: p.atrPeriod });
    let previousUpper = Number.NaN;
    let previousLower = Number.NaN;
    return {
      onBar(bar) {
        if (atr.isReady && upper.isReady) {
          const held = ctx.quantity();
          if (held === 0 && ctx.openOrders().length === 0 && bar.close > previousUpper) {
            const stop = bar.close - p.atrStop * atr.value;
            const units = Math.min(
              riskPerTradeQuantity(ctx.equity, p.risk, bar.close, stop),
              Math.floor((0.95 * ctx.equity) / bar.close),
            );
            if (units > 0) ctx.buy(units, { tag: 'entry' });
          } else if (held > 0 && bar.close < previousLower) {
            ctx.cancelAll();
            ctx.closePosition();
          }
        }
        previousUpper = upper.value;
        previousLower = lower.value;
      },
      onFill(_fill, order) {
        if (order.tag === 'entry' && order.status === 'filled') {
          ctx.sell(order.filledQuantity, {
            kind: 'trailing-stop',
            trailAmount: p.atrStop * atr.value,
            reduceOnly: true,
            tag: 'atr-stop',
          });
        }
      },
    };
  },
});
