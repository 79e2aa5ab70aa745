/**
 * Buy the dip with a bracket: after `drop` consecutive down closes, buy at the next open with
 * a take-profit limit and a stop-loss stop placed as a one-cancels-other pair once the entry fills.
 */
import { defineStrategy } from '@alphintra/engine';

export default defineStrategy({
  name: 'bracket-orders',
  description: 'Entries after a run of down closes, each with a take-profit and a stop-loss.',
  version: '1',
  parameters: {
    drop: { type: 'integer', default: 3, min: 1, max: 10 },
    target: { type: 'number', default: 0.05, min: 0.005, max: 0.5 },
    stop: { type: 'number', default: 0.03, min: 0.005, max: 0.5 },
  },
  create(ctx, p) {
    let downs = 0;
    return {
      onBar(bar) {
        downs = bar.close < ctx.value('close', 1) ? downs + 1 : 0;
        if (downs >= p.drop && ctx.quantity() === 0 && ctx.openOrders().length === 0) {
          ctx.buy(
            { equityFraction: 0.95 },
            { bracket: { takeProfit: bar.close * (1 + p.target), stopLoss: bar.close * (1 - p.stop) }, tag: 'entry' },
          );
          downs = 0;
        }
      },
    };
  },
});
