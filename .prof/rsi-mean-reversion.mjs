/**
 * RSI mean reversion: buy when RSI is oversold, sell when it recovers; a fixed stop-loss
 * caps the damage of a falling knife.
 */
import { defineStrategy } from '@alphintra/engine';
export default defineStrategy({
    name: 'rsi-mean-reversion',
    description: 'Buy RSI < entry, exit RSI > exit or on a stop below the entry.',
    version: '1',
    parameters: {
        period: { type: 'integer', default: 14, min: 2, max: 100 },
        entry: { type: 'number', default: 30, min: 1, max: 50 },
        exit: { type: 'number', default: 55, min: 40, max: 99 },
        stop: {
            type: 'number',
            default: 0.08,
            min: 0.005,
            max: 0.5,
            description: 'stop distance as a fraction of the entry price',
        },
    },
    create(ctx, p) {
        const rsi = ctx.indicator('RSI', { timeperiod: p.period });
        return {
            onBar(bar) {
                if (!rsi.isReady)
                    return;
                const held = ctx.quantity();
                if (held === 0 && ctx.openOrders().length === 0 && rsi.value < p.entry) {
                    ctx.targetPercent(0.95, { tag: 'entry' });
                }
                else if (held > 0 && rsi.value > p.exit) {
                    ctx.cancelAll();
                    ctx.closePosition();
                }
                void bar;
            },
            onFill(fill, order) {
                if (order.tag === 'entry' && order.status === 'filled') {
                    ctx.sell(order.filledQuantity, {
                        kind: 'stop',
                        stopPrice: fill.price * (1 - p.stop),
                        reduceOnly: true,
                        tag: 'stop',
                    });
                }
            },
        };
    },
});
