/**
 * Multi-asset momentum rotation: every `rebalance` bars, hold the `top` instruments with the
 * best rate of change over `lookback` bars (equal weights), none if momentum is negative.
 */
import { defineStrategy } from '@alphintra/engine';
export default defineStrategy({
    name: 'momentum-rotation',
    description: 'Cross-sectional momentum: equal weight in the top N by rate of change.',
    version: '1',
    parameters: {
        lookback: { type: 'integer', default: 126, min: 5, max: 500 },
        rebalance: { type: 'integer', default: 21, min: 1, max: 250 },
        top: { type: 'integer', default: 1, min: 1, max: 10 },
    },
    create(ctx, p) {
        const roc = ctx.instruments.map((instrument) => ctx.indicator('ROC', { timeperiod: p.lookback }, { instrument }));
        let slices = 0;
        return {
            onSlice() {
                if (slices++ % p.rebalance !== 0)
                    return;
                const ranked = ctx.instruments
                    .map((instrument, i) => ({ instrument, score: roc[i]?.value ?? Number.NaN }))
                    .filter((r) => Number.isFinite(r.score) && r.score > 0)
                    .sort((a, b) => b.score - a.score || (a.instrument < b.instrument ? -1 : 1))
                    .slice(0, p.top);
                const chosen = new Set(ranked.map((r) => r.instrument));
                // Sell first, so the buys are sized after the sales have freed the cash.
                for (const instrument of ctx.instruments) {
                    if (!chosen.has(instrument) && ctx.quantity(instrument) !== 0)
                        ctx.closePosition(instrument);
                }
                const weight = 0.98 / p.top;
                for (const r of ranked)
                    ctx.targetPercent(weight, { instrument: r.instrument });
            },
        };
    },
});
