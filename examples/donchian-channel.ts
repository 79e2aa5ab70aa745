/**
 * Donchian channel: buy a close above the highest high of the previous `entry` bars, sell a
 * close below the lowest low of the previous `exit` bars — the breakout without its stops and
 * risk sizing, so that its sweep face can state it exactly.
 *
 *   alphintra backtest examples/donchian-channel.ts --data data/samples/nvda-1999-2014.txt --param entry=40
 */
import { defineStrategy, HOLD } from '@alphintra/engine';

export default defineStrategy({
  name: 'donchian-channel',
  description: 'Long from a close above the entry channel to a close below the exit channel.',
  version: '1',
  parameters: {
    entry: { type: 'integer', default: 55, min: 2, max: 250 },
    exit: { type: 'integer', default: 20, min: 2, max: 250 },
    exposure: { type: 'number', default: 0.95, min: 0.1, max: 1, description: 'fraction of equity held' },
  },
  create(ctx, p) {
    const upper = ctx.indicator('MAX', { timeperiod: p.entry }, { source: 'high' });
    const lower = ctx.indicator('MIN', { timeperiod: p.exit }, { source: 'low' });
    let previousUpper = Number.NaN;
    let previousLower = Number.NaN;
    return {
      onBar(bar) {
        const held = ctx.quantity();
        if (held === 0 && bar.close > previousUpper) ctx.targetPercent(p.exposure);
        else if (held > 0 && bar.close < previousLower) ctx.closePosition();
        previousUpper = upper.value;
        previousLower = lower.value;
      },
    };
  },
  // The same rule for runSweep: the channels of the previous bar are the columns at bar − 1.
  sweep: {
    indicators: (p) => ({
      upper: { name: 'MAX', params: { timeperiod: p.entry }, source: 'high' },
      lower: { name: 'MIN', params: { timeperiod: p.exit }, source: 'low' },
    }),
    decide(bar, { upper, lower }, held, p, { close }) {
      if (bar === 0) return HOLD;
      const price = close[bar] as number;
      if (held === 0 && price > (upper[bar - 1] as number)) return p.exposure;
      return held > 0 && price < (lower[bar - 1] as number) ? 0 : HOLD;
    },
  },
});
