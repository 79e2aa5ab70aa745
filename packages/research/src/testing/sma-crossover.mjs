// A test strategy as a worker imports it: a compiled ES module whose default export is the definition.
export default {
  name: 'research-test-sma',
  version: '1',
  parameters: {
    fast: { type: 'integer', default: 10, min: 2, max: 200 },
    slow: { type: 'integer', default: 30, min: 3, max: 400 },
    explode: { type: 'boolean', default: false },
  },
  create(ctx, p) {
    const fast = ctx.indicator('SMA', { timeperiod: p.fast });
    const slow = ctx.indicator('SMA', { timeperiod: p.slow });
    return {
      onBar() {
        if (p.explode && ctx.barCount() > 50) throw new Error('boom');
        if (!slow.isReady) return;
        const held = ctx.quantity();
        if (fast.value > slow.value) {
          if (held <= 0) ctx.targetPercent(1);
        } else if (held > 0) ctx.closePosition();
      },
    };
  },
};
