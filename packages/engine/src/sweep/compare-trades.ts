import type { Trade } from '../portfolio/trade-tracker.js';

/** The trade figures {@link compareSweepToEngine} checks, besides the trade count. */
export const COMPARED_TRADE_FIGURES = [
  'winners',
  'losers',
  'winRate',
  'grossProfit',
  'grossLoss',
  'profitFactor',
  'expectancy',
  'largestWin',
  'largestLoss',
  'totalFees',
  'averageBars',
  'averageDurationMicros',
  'longestWinStreak',
  'longestLossStreak',
] as const;

/** One of {@link COMPARED_TRADE_FIGURES}. */
export type ComparedTradeFigure = (typeof COMPARED_TRADE_FIGURES)[number];

/**
 * Returns the trade figures of the engine's closed trades the plain way — filter, sum, divide —
 * as docs/analytics/metrics.md defines them (NaN where undefined), for the comparison with the
 * sweep's running folds.
 */
export function engineTradeFigures(trades: readonly Trade[]): Record<ComparedTradeFigure, number> {
  const n = trades.length;
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  const wins = trades.filter((t) => t.pnl > 0).map((t) => t.pnl);
  const losses = trades.filter((t) => t.pnl < 0).map((t) => t.pnl);
  const grossProfit = sum(wins);
  const grossLoss = sum(losses);
  const streak = (won: (pnl: number) => boolean): number => {
    let best = 0;
    let run = 0;
    for (const t of trades) {
      run = won(t.pnl) ? run + 1 : 0;
      best = Math.max(best, run);
    }
    return best;
  };
  const mean = (xs: readonly number[]): number => (xs.length > 0 ? sum(xs) / xs.length : Number.NaN);
  return {
    winners: wins.length,
    losers: losses.length,
    winRate: n > 0 ? wins.length / n : Number.NaN,
    grossProfit,
    grossLoss,
    profitFactor: grossLoss < 0 ? grossProfit / -grossLoss : Number.NaN,
    expectancy: mean(trades.map((t) => t.pnl)),
    largestWin: wins.length > 0 ? Math.max(...wins) : Number.NaN,
    largestLoss: losses.length > 0 ? Math.min(...losses) : Number.NaN,
    totalFees: sum(trades.map((t) => t.fees)),
    averageBars: mean(trades.map((t) => t.bars)),
    averageDurationMicros: mean(trades.map((t) => t.duration)),
    longestWinStreak: streak((pnl) => pnl > 0),
    longestLossStreak: streak((pnl) => pnl < 0),
  };
}
