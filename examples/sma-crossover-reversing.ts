/**
 * SMA crossover, always in the market: long above, short below. Each reversal is sent as two
 * orders in one bar (flatten, then open the other side); the second is sized at its fill,
 * after the first has filled.
 */
import { defineStrategy, HOLD } from '@alphintra/engine';

export default defineStrategy({
  name: 'sma-crossover-reversing',
  description: 'Long while SMA(fast) > SMA(slow), short otherwise; reverses with close-then-open.',
  version: '1',
  parameters: {
    fast: { type: 'integer', default: 20, min: 2, max: 200 },
    slow: { type: 'integer', default: 60, min: 3, max: 400 },
    exposure: { type: 'number', default: 0.9, min: 0.1, max: 1, description: 'fraction of equity per side' },
  },
  create(ctx, p) {
    const fast = ctx.indicator('SMA', { timeperiod: p.fast });
    const slow = ctx.indicator('SMA', { timeperiod: p.slow });
    return {
      onBar() {
        if (!slow.isReady) return;
        const want = fast.value > slow.value ? 1 : -1;
        const held = Math.sign(ctx.quantity());
        if (held === want) return;
        if (held !== 0) ctx.closePosition();
        if (want > 0) ctx.buy({ equityFraction: p.exposure }, { tag: 'long' });
        else ctx.sell({ equityFraction: p.exposure }, { tag: 'short' });
      },
    };
  },
  // The same rule for runSweep; a reversal closes first, then opens sized at its fill.
  sweep: {
    reversal: 'close-then-open',
    indicators: (p) => ({
      fast: { name: 'SMA', params: { timeperiod: p.fast } },
      slow: { name: 'SMA', params: { timeperiod: p.slow } },
    }),
    decide(bar, { fast, slow }, held, p) {
      const s = slow[bar] as number;
      if (Number.isNaN(s)) return HOLD; // not ready
      const want = (fast[bar] as number) > s ? 1 : -1;
      return Math.sign(held) === want ? HOLD : want * p.exposure;
    },
  },
});
