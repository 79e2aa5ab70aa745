// Test fixtures of the backtest command: a strategy source, synthetic daily bars and a
// temporary folder holding both.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

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

/** Paths of a {@link useBacktestWorkspace} folder, set once its `beforeAll` has run. */
export interface BacktestWorkspace {
  dir: string;
  /** SMA_CROSS as `sma-cross.ts`. */
  strategy: string;
  /** 300 bars of waveCsv as `wave.csv`. */
  wave: string;
}

/**
 * Creates, before the file's tests, a temporary folder with the SMA_CROSS strategy file and
 * 300 wave bars, and removes it after them.
 */
export function useBacktestWorkspace(prefix: string): BacktestWorkspace {
  const workspace: BacktestWorkspace = { dir: '', strategy: '', wave: '' };
  beforeAll(async () => {
    workspace.dir = await mkdtemp(join(tmpdir(), prefix));
    workspace.strategy = join(workspace.dir, 'sma-cross.ts');
    workspace.wave = join(workspace.dir, 'wave.csv');
    await writeFile(workspace.strategy, SMA_CROSS);
    await writeFile(workspace.wave, waveCsv(300));
  });
  afterAll(async () => {
    await rm(workspace.dir, { recursive: true, force: true });
  });
  return workspace;
}
