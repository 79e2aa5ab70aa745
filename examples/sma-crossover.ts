// A moving-average crossover: long while the fast average is above the slow one, flat
// otherwise. Run it with
//   npx alphintra backtest examples/sma-crossover.ts --data data/samples/orcl-1995-2014.txt --symbol ORCL
import { defineStrategy } from '@alphintra/engine';

export default defineStrategy({
  name: 'sma-crossover',
  version: '1.0.0',
  description: 'Long while SMA(fast) is above SMA(slow), flat otherwise.',
  parameters: {
    fast: { type: 'integer', default: 10, min: 2, max: 100, description: 'bars in the fast average' },
    slow: { type: 'integer', default: 30, min: 5, max: 400, description: 'bars in the slow average' },
  },
  create(ctx, p) {
    const fast = ctx.indicator('SMA', { timeperiod: p.fast });
    const slow = ctx.indicator('SMA', { timeperiod: p.slow });
    return {
      onBar() {
        if (!slow.isReady) return;
        if (fast.value > slow.value && ctx.quantity() <= 0) ctx.targetPercent(1);
        else if (fast.value < slow.value && ctx.quantity() > 0) ctx.closePosition();
      },
    };
  },
});
