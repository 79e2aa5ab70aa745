// Test fixtures of the backtest command: a strategy source and synthetic daily bars.

/** A strategy file: long while SMA(fast) is above SMA(slow), with a type-only import to strip. */
export const SMA_CROSS = `import { defineStrategy, type StrategyContext } from '@alphintra/engine';

const held = (ctx: StrategyContext): number => ctx.quantity();

export default defineStrategy({
  name: 'sma-cross',
  version: '1.2.0',
  parameters: {
    fast: { type: 'integer', default: 5, min: 2, max: 100 },
    slow: { type: 'integer', default: 20, min: 3, max: 400 },
  },
  create(ctx, p) {
    const fast = ctx.indicator('SMA', { timeperiod: p.fast });
    const slow = ctx.indicator('SMA', { timeperiod: p.slow });
    return {
      onBar() {
        if (!slow.isReady) return;
        if (fast.value > slow.value && held(ctx) <= 0) ctx.targetPercent(1);
        else if (fast.value < slow.value && held(ctx) > 0) ctx.closePosition();
      },
    };
  },
});
`;

/** Daily bars of a wave with a drift, so a crossover trades several times. */
export function waveCsv(bars: number, phase = 0): string {
  const lines = ['time,open,high,low,close,volume'];
  let previous = 100;
  for (let i = 0; i < bars; i++) {
    const day = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const close = Math.round((100 + 10 * Math.sin(i / 9 + phase) + i * 0.05) * 100) / 100;
    const open = previous;
    const high = Math.max(open, close) + 0.5;
    const low = Math.min(open, close) - 0.5;
    lines.push(`${day},${open},${high},${low},${close},${100_000 + i}`);
    previous = close;
  }
  return `${lines.join('\n')}\n`;
}
