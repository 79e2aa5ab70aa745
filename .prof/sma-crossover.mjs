/**
 * SMA crossover, long only: hold the instrument while the fast average is above the slow one.
 *
 *   alphintra backtest examples/sma-crossover.ts --data data/samples/orcl-1995-2014.txt --param fast=20
 */
import { defineStrategy, HOLD } from '@alphintra/engine';
export default defineStrategy({
    name: 'sma-crossover',
    description: 'Long while SMA(fast) > SMA(slow), flat otherwise.',
    version: '1',
    parameters: {
        fast: { type: 'integer', default: 10, min: 2, max: 200, description: 'fast SMA period' },
        slow: { type: 'integer', default: 30, min: 3, max: 400, description: 'slow SMA period' },
    },
    create(ctx, p) {
        const fast = ctx.indicator('SMA', { timeperiod: p.fast });
        const slow = ctx.indicator('SMA', { timeperiod: p.slow });
        return {
            onBar() {
                if (!slow.isReady)
                    return;
                const held = ctx.quantity();
                if (fast.value > slow.value) {
                    if (held <= 0)
                        ctx.targetPercent(1);
                }
                else if (held > 0) {
                    ctx.closePosition();
                }
            },
        };
    },
    // The same rule for runSweep: whole columns of both averages, the target of each bar.
    sweep: {
        indicators: (p) => ({
            fast: { name: 'SMA', params: { timeperiod: p.fast } },
            slow: { name: 'SMA', params: { timeperiod: p.slow } },
        }),
        decide(bar, { fast, slow }, held) {
            const s = slow[bar];
            if (Number.isNaN(s))
                return HOLD; // not ready
            if (fast[bar] > s)
                return held <= 0 ? 1 : HOLD;
            return held > 0 ? 0 : HOLD;
        },
    },
});
