// The benchmark's strategy as worker threads import it: SMA crossover, long only, all equity.
export default {
  name: 'bench-sma-crossover',
  version: '1',
  parameters: {
    fast: { type: 'integer', default: 10, min: 2, max: 400 },
    slow: { type: 'integer', default: 30, min: 3, max: 400 },
  },
  create(ctx, p) {
    const fast = ctx.indicator('SMA', { timeperiod: p.fast });
    const slow = ctx.indicator('SMA', { timeperiod: p.slow });
    return {
      onBar() {
        if (!slow.isReady) return;
        const held = ctx.quantity();
        if (fast.value > slow.value) {
          if (held <= 0) ctx.targetPercent(1);
        } else if (held > 0) ctx.closePosition();
      },
    };
  },
};
