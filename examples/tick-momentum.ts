/**
 * Tick momentum: follows the move of the last N trade prints, with an SMA filter over
 * 15-second bars built live from the same prints. Runs on trade ticks (onTrade); the venue fills market
 * orders at the next print.
 */
import { defineStrategy } from '@alphintra/engine';

export default defineStrategy({
  name: 'tick-momentum',
  description:
    'Long when the last N prints rose by the threshold above the 1-minute SMA, short when they fell below it.',
  version: '1',
  parameters: {
    lookback: { type: 'integer', default: 5, min: 2, max: 10_000, description: 'prints the move is measured over' },
    threshold: { type: 'number', default: 1, min: 0, description: 'price move that counts, in price units' },
    bars: { type: 'integer', default: 4, min: 2, max: 1000, description: 'length of the SMA filter in 15-second bars' },
  },
  create(ctx, p) {
    // Indicators on a tick-only instrument see one row per print.
    const momentum = ctx.indicator('MOM', { timeperiod: p.lookback });
    const quarterMinute = ctx.timeframe('15s');
    const trend = quarterMinute.indicator('SMA', { timeperiod: p.bars });
    return {
      onTrade(trade) {
        if (!momentum.isReady || !trend.isReady) return;
        const held = ctx.quantity();
        if (momentum.value >= p.threshold && trade.price > trend.value && held <= 0) ctx.targetQuantity(10);
        else if (momentum.value <= -p.threshold && trade.price < trend.value && held >= 0) ctx.targetQuantity(-10);
      },
    };
  },
});
