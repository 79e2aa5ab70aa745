import type { TradeInput } from '../inputs.js';
import { mean, ratioOverSpread, sampleStd } from '../support/moments.js';

/** Statistics of a list of closed trades; NaN where undefined (for example with no trades). */
export interface TradeFigures {
  readonly count: number;
  /** Trades with pnl > 0. */
  readonly winners: number;
  /** Trades with pnl < 0. */
  readonly losers: number;
  /** Trades with pnl exactly 0 (they count in the win rate's denominator but in no streak). */
  readonly breakeven: number;
  readonly longCount: number;
  readonly shortCount: number;
  /** winners / count. */
  readonly winRate: number;
  /** Sum of the winners' pnl. */
  readonly grossProfit: number;
  /** Sum of the losers' pnl (≤ 0). */
  readonly grossLoss: number;
  /** grossProfit / |grossLoss|; NaN (null in JSON) when there are no losses, whatever the wins. */
  readonly profitFactor: number;
  readonly netProfit: number;
  /** Mean pnl per trade. */
  readonly expectancy: number;
  /** Mean returnFraction per trade. */
  readonly averageReturn: number;
  readonly averageWin: number;
  /** Mean pnl of the losers (≤ 0). */
  readonly averageLoss: number;
  /** averageWin / |averageLoss|. */
  readonly payoffRatio: number;
  readonly largestWin: number;
  readonly largestLoss: number;
  /**
   * System quality number: √count × mean(x) / sample std(x), with x the R-multiples
   * (pnl / initialRisk) when every trade carries an initial risk, else the P&L.
   */
  readonly sqn: number;
  /** What `sqn` measured: `'r-multiple'` or `'pnl'`. */
  readonly sqnBasis: 'r-multiple' | 'pnl';
  /** Mean R-multiple (pnl / initialRisk) when every trade carries an initial risk, else NaN. */
  readonly averageR: number;
  /** Kelly fraction winRate − (1 − winRate) / payoffRatio; 1 when every decided trade won. */
  readonly kellyFraction: number;
  readonly totalFees: number;
  /** Share of the curve's time span during which at least one trade was open, in [0, 1]. */
  readonly exposureTime: number;
  readonly averageDurationMicros: number;
  readonly maxDurationMicros: number;
  readonly averageBars: number;
  /** Most consecutive winners, in exit-time order. */
  readonly longestWinStreak: number;
  /** Most consecutive losers, in exit-time order. */
  readonly longestLossStreak: number;
  readonly averageMae: number;
  readonly averageMfe: number;
}

/** The trades' R-multiples (pnl / initialRisk), or null unless every trade carries a positive initial risk. */
function rMultiples(trades: readonly TradeInput[]): number[] | null {
  if (trades.length === 0) return null;
  const out: number[] = [];
  for (const t of trades) {
    const risk = t.initialRisk;
    if (risk === undefined || !(Number.isFinite(risk) && risk > 0)) return null;
    out.push(t.pnl / risk);
  }
  return out;
}

/** Returns the union length of [entry, exit] intervals clipped to [start, end]. */
function coveredTime(trades: readonly TradeInput[], start: number, end: number): number {
  const spans = trades
    .map((t) => [Math.max(start, t.entryTime), Math.min(end, t.exitTime)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let from = Number.NEGATIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const [a, b] of spans) {
    if (a > to) {
      if (to > from) total += to - from;
      from = a;
      to = b;
    } else if (b > to) to = b;
  }
  if (to > from) total += to - from;
  return total;
}

/**
 * Returns the statistics of closed trades. `span` is the curve's [first, last] timestamp, over
 * which exposure time is measured (NaN exposure when the span is empty).
 *
 * @example
 * tradeFigures(result.trades, [time[0], time[time.length - 1]]).winRate; // e.g. 0.55
 */
export function tradeFigures(trades: readonly TradeInput[], span: readonly [number, number]): TradeFigures {
  const count = trades.length;
  const pnl = trades.map((t) => t.pnl);
  let winners = 0;
  let losers = 0;
  let grossProfit = 0;
  let grossLoss = 0;
  let largestWin = Number.NaN;
  let largestLoss = Number.NaN;
  let fees = 0;
  let longCount = 0;
  for (const t of trades) {
    if (t.pnl > 0) {
      winners++;
      grossProfit += t.pnl;
      if (!(t.pnl <= largestWin)) largestWin = t.pnl;
    } else if (t.pnl < 0) {
      losers++;
      grossLoss += t.pnl;
      if (!(t.pnl >= largestLoss)) largestLoss = t.pnl;
    }
    fees += t.fees;
    if (t.side === 'long') longCount++;
  }
  const byExit = [...trades].sort((a, b) => a.exitTime - b.exitTime);
  let winStreak = 0;
  let lossStreak = 0;
  let wins = 0;
  let losses = 0;
  for (const t of byExit) {
    wins = t.pnl > 0 ? wins + 1 : 0;
    losses = t.pnl < 0 ? losses + 1 : 0;
    winStreak = Math.max(winStreak, wins);
    lossStreak = Math.max(lossStreak, losses);
  }
  const winRate = count > 0 ? winners / count : Number.NaN;
  const averageWin = winners > 0 ? grossProfit / winners : Number.NaN;
  const averageLoss = losers > 0 ? grossLoss / losers : Number.NaN;
  const payoffRatio = averageWin / -averageLoss;
  const durations = trades.map((t) => t.exitTime - t.entryTime);
  const r = rMultiples(trades);
  const quality = r ?? pnl;
  const [start, end] = span;
  return {
    count,
    winners,
    losers,
    breakeven: count - winners - losers,
    longCount,
    shortCount: count - longCount,
    winRate,
    grossProfit,
    grossLoss,
    profitFactor: grossLoss < 0 ? grossProfit / -grossLoss : Number.NaN,
    netProfit: grossProfit + grossLoss,
    expectancy: mean(pnl),
    averageReturn: mean(trades.map((t) => t.returnFraction)),
    averageWin,
    averageLoss,
    payoffRatio,
    largestWin,
    largestLoss,
    sqn: ratioOverSpread(mean(quality), sampleStd(quality)) * Math.sqrt(count),
    sqnBasis: r === null ? 'pnl' : 'r-multiple',
    averageR: r === null ? Number.NaN : mean(r),
    kellyFraction: losers === 0 && winners > 0 ? 1 : winRate - (1 - winRate) / payoffRatio,
    totalFees: fees,
    exposureTime: end > start ? coveredTime(trades, start, end) / (end - start) : Number.NaN,
    averageDurationMicros: mean(durations),
    maxDurationMicros: count > 0 ? durations.reduce((a, b) => Math.max(a, b)) : Number.NaN,
    averageBars: mean(trades.map((t) => t.bars)),
    longestWinStreak: winStreak,
    longestLossStreak: lossStreak,
    averageMae: mean(trades.map((t) => t.mae)),
    averageMfe: mean(trades.map((t) => t.mfe)),
  };
}
