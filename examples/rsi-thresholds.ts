/**
 * RSI thresholds: buy when RSI falls below `entry`, sell when it rises above `exit` — RSI mean
 * reversion without a stop, so that its sweep face can state it exactly.
 *
 *   alphintra backtest examples/rsi-thresholds.ts --data data/samples/yhoo-1996-2014.txt --param entry=25
 */
import { defineStrategy, HOLD } from '@alphintra/engine';

export default defineStrategy({
  name: 'rsi-thresholds',
  description: 'Buy RSI < entry, sell RSI > exit; no stop.',
  version: '1',
  parameters: {
    period: { type: 'integer', default: 14, min: 2, max: 100 },
    entry: { type: 'number', default: 30, min: 1, max: 50 },
    exit: { type: 'number', default: 55, min: 40, max: 99 },
    exposure: { type: 'number', default: 0.95, min: 0.1, max: 1, description: 'fraction of equity held' },
  },
  create(ctx, p) {
    const rsi = ctx.indicator('RSI', { timeperiod: p.period });
    return {
      onBar() {
        if (!rsi.isReady) return;
        const held = ctx.quantity();
        if (held === 0 && rsi.value < p.entry) ctx.targetPercent(p.exposure);
        else if (held > 0 && rsi.value > p.exit) ctx.closePosition();
      },
    };
  },
  // The same rule for runSweep.
  sweep: {
    indicators: (p) => ({ rsi: { name: 'RSI', params: { timeperiod: p.period } } }),
    decide(bar, { rsi }, held, p) {
      const value = rsi[bar] as number;
      if (Number.isNaN(value)) return HOLD; // not ready
      if (held === 0 && value < p.entry) return p.exposure;
      return held > 0 && value > p.exit ? 0 : HOLD;
    },
  },
});
