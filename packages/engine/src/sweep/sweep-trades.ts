/**
 * Trade-level figures of a sweep's runs, one column per figure (one row per parameter set).
 * Each is defined as the trade statistics of docs/analytics/metrics.md define it over the
 * engine's closed trades (`BacktestResult.trades`); a trade still open at the end is not a
 * trade, as in the engine. NaN where the statistic is undefined (no trades, no losers …).
 */
export interface SweepTradeColumns {
  /** Closed trades with a P&L above 0. */
  readonly winners: Float64Array;
  /** Closed trades with a P&L below 0. */
  readonly losers: Float64Array;
  /** Closed long trades (the short ones are `trades − longCount`). */
  readonly longCount: Float64Array;
  /** winners / trades. */
  readonly winRate: Float64Array;
  /** Σ P&L of the winners. */
  readonly grossProfit: Float64Array;
  /** Σ P&L of the losers (≤ 0). */
  readonly grossLoss: Float64Array;
  /** grossProfit / |grossLoss|; NaN when no trade lost (whatever the wins). */
  readonly profitFactor: Float64Array;
  /** grossProfit + grossLoss. */
  readonly netProfit: Float64Array;
  /** Mean P&L per trade. */
  readonly expectancy: Float64Array;
  /** Mean P&L over entry notional per trade. */
  readonly averageReturn: Float64Array;
  /** Mean P&L of the winners. */
  readonly averageWin: Float64Array;
  /** Mean P&L of the losers (≤ 0). */
  readonly averageLoss: Float64Array;
  /** averageWin / |averageLoss|. */
  readonly payoffRatio: Float64Array;
  readonly largestWin: Float64Array;
  readonly largestLoss: Float64Array;
  /** System quality number on P&L: √trades × mean / sample standard deviation (NaN below a spread of 1e-12). */
  readonly sqn: Float64Array;
  /** Kelly fraction winRate − (1 − winRate) / payoffRatio; 1 when every decided trade won. */
  readonly kellyFraction: Float64Array;
  /** Σ fees of the closed trades (a fill that reverses is split between the two by quantity). */
  readonly totalFees: Float64Array;
  /** Mean bars a trade was held through. */
  readonly averageBars: Float64Array;
  /** Mean µs from entry fill to exit fill. */
  readonly averageDurationMicros: Float64Array;
  readonly maxDurationMicros: Float64Array;
  /**
   * µs during which a closed trade was open, within the first and last bar's times (what the
   * exposure time of a curve over a sub-span of those bars divides, as long as no trade
   * started before it).
   */
  readonly timeInTrades: Float64Array;
  /** timeInTrades over the span from the first bar's time to the last's; NaN for an empty span. */
  readonly exposureTime: Float64Array;
  /** Most consecutive winners. */
  readonly longestWinStreak: Float64Array;
  /** Most consecutive losers. */
  readonly longestLossStreak: Float64Array;
}

/** The column names of {@link SweepTradeColumns}, in their documented order. */
export const SWEEP_TRADE_COLUMNS = [
  'winners',
  'losers',
  'longCount',
  'winRate',
  'grossProfit',
  'grossLoss',
  'profitFactor',
  'netProfit',
  'expectancy',
  'averageReturn',
  'averageWin',
  'averageLoss',
  'payoffRatio',
  'largestWin',
  'largestLoss',
  'sqn',
  'kellyFraction',
  'totalFees',
  'averageBars',
  'averageDurationMicros',
  'maxDurationMicros',
  'timeInTrades',
  'exposureTime',
  'longestWinStreak',
  'longestLossStreak',
] as const satisfies readonly (keyof SweepTradeColumns)[];

/** Allocates the trade columns for `runs` runs. */
export function allocateTradeColumns(runs: number): SweepTradeColumns {
  const out: Record<string, Float64Array> = {};
  for (const name of SWEEP_TRADE_COLUMNS) out[name] = new Float64Array(runs);
  return out as unknown as SweepTradeColumns;
}

/** Below this a standard deviation counts as zero (analytics' ZERO_SPREAD). */
const ZERO_SPREAD = 1e-12;

/**
 * The trade tracker's bookkeeping for one cash instrument (round trips from flat to flat, a
 * reversal closing one and opening the next; entry price averaged over additions; the fee of
 * a reversing fill split by quantity; P&L = realised − fees + carry), restated with its
 * arithmetic operation for operation, and each closed trade folded at once into the running
 * sums of the {@link SweepTradeColumns} — in closing order, as the analytics read the trades.
 * It works only at fills (and at a run's end); per-bar figures of a trade (excursions) are not
 * kept. The P&L of every closed trade of the current run is kept in one reused buffer for the
 * two-pass standard deviation of the SQN.
 */
export class SweepTrades {
  /** Closed trades of the run. */
  count = 0;
  // The open trade.
  #active = false;
  #side = 1;
  #entryTime = 0;
  #entryBar = 0;
  #entryPrice = 0;
  #entryQuantity = 0;
  #size = 0;
  #maxSize = 0;
  #realized = 0;
  #fees = 0;
  // Folds over the closed trades.
  #winners = 0;
  #losers = 0;
  #longs = 0;
  #grossProfit = 0;
  #grossLoss = 0;
  #largestWin = Number.NaN;
  #largestLoss = Number.NaN;
  #feeSum = 0;
  #returnSum = 0;
  #barSum = 0;
  #durationSum = 0;
  #maxDuration = Number.NaN;
  #covered = 0;
  #wins = 0;
  #losses = 0;
  #winStreak = 0;
  #lossStreak = 0;
  #pnl = new Float64Array(64);
  #start = 0;
  #end = 0;
  readonly #multiplier: number;

  constructor(multiplier: number) {
    this.#multiplier = multiplier;
  }

  /** Starts a run whose bars span `start` … `end` (µs): no trade, nothing folded. */
  reset(start: number, end: number): void {
    this.count = 0;
    this.#active = false;
    this.#start = start;
    this.#end = end;
    this.#winners = 0;
    this.#losers = 0;
    this.#longs = 0;
    this.#grossProfit = 0;
    this.#grossLoss = 0;
    this.#largestWin = Number.NaN;
    this.#largestLoss = Number.NaN;
    this.#feeSum = 0;
    this.#returnSum = 0;
    this.#barSum = 0;
    this.#durationSum = 0;
    this.#maxDuration = Number.NaN;
    this.#covered = 0;
    this.#wins = 0;
    this.#losses = 0;
    this.#winStreak = 0;
    this.#lossStreak = 0;
  }

  /**
   * Books a fill of signed `quantity` at `price` in bar `bar` at `time` (position before it:
   * `before`; realised P&L of the part that closed: `realized`). `carry` is what the position
   * earned or owed since the open trade began (read at a close; its keeper sets it to 0 when
   * this returns true).
   *
   * Returns whether the fill opened a new trade (so the caller starts its carry at 0).
   */
  onFill(
    before: number,
    quantity: number,
    price: number,
    fee: number,
    realized: number,
    time: number,
    bar: number,
    carry: number,
  ): boolean {
    let remaining = quantity;
    let feeLeft = fee;
    if (this.#active && Math.sign(quantity) !== this.#side) {
      const closing = Math.min(Math.abs(before), Math.abs(quantity));
      const share = closing / Math.abs(quantity);
      this.#realized += realized;
      this.#fees += fee * share;
      feeLeft = fee - fee * share;
      this.#size -= closing;
      remaining = quantity + closing * this.#side;
      if (this.#size <= 1e-12 * this.#maxSize) this.#close(time, bar, carry);
    } else if (this.#active) {
      this.#entryPrice =
        (this.#entryPrice * this.#entryQuantity + Math.abs(quantity) * price) /
        (this.#entryQuantity + Math.abs(quantity));
      this.#entryQuantity += Math.abs(quantity);
      this.#size += Math.abs(quantity);
      if (this.#size > this.#maxSize) this.#maxSize = this.#size;
      this.#fees += fee;
      remaining = 0;
    }
    if (!this.#active && Math.abs(remaining) > 0) {
      const size = Math.abs(remaining);
      this.#active = true;
      this.#side = remaining > 0 ? 1 : -1;
      this.#entryTime = time;
      this.#entryBar = bar;
      this.#entryPrice = price;
      this.#entryQuantity = size;
      this.#size = size;
      this.#maxSize = size;
      this.#realized = 0;
      this.#fees = feeLeft;
      return true;
    }
    return false;
  }

  /** Closes the open trade and folds it into the figures. */
  #close(time: number, bar: number, carry: number): void {
    this.#active = false;
    const entryNotional = this.#entryPrice * this.#entryQuantity * this.#multiplier;
    const pnl = this.#realized - this.#fees + carry;
    this.#returnSum += entryNotional > 0 ? pnl / entryNotional : 0;
    if (pnl > 0) {
      this.#winners++;
      this.#grossProfit += pnl;
      if (!(pnl <= this.#largestWin)) this.#largestWin = pnl;
    } else if (pnl < 0) {
      this.#losers++;
      this.#grossLoss += pnl;
      if (!(pnl >= this.#largestLoss)) this.#largestLoss = pnl;
    }
    this.#wins = pnl > 0 ? this.#wins + 1 : 0;
    this.#losses = pnl < 0 ? this.#losses + 1 : 0;
    if (this.#wins > this.#winStreak) this.#winStreak = this.#wins;
    if (this.#losses > this.#lossStreak) this.#lossStreak = this.#losses;
    this.#feeSum += this.#fees;
    if (this.#side > 0) this.#longs++;
    // The tracker counts the bars a trade is held through at each bar's close: with fills at
    // the open, entry bar to the one before the exit; at the close, the one after entry to the exit.
    this.#barSum += bar - this.#entryBar;
    const duration = time - this.#entryTime;
    this.#durationSum += duration;
    this.#maxDuration = this.count === 0 ? duration : Math.max(this.#maxDuration, duration);
    const covered = Math.min(this.#end, time) - Math.max(this.#start, this.#entryTime);
    if (covered > 0) this.#covered += covered;
    if (this.count === this.#pnl.length) {
      const grown = new Float64Array(this.count * 2);
      grown.set(this.#pnl);
      this.#pnl = grown;
    }
    this.#pnl[this.count] = pnl;
    this.count++;
  }

  /** Writes the run's figures to row `run` of the columns. */
  write(columns: SweepTradeColumns, run: number): void {
    const n = this.count;
    const winners = this.#winners;
    const losers = this.#losers;
    const grossProfit = this.#grossProfit;
    const grossLoss = this.#grossLoss;
    const winRate = n > 0 ? winners / n : Number.NaN;
    const averageWin = winners > 0 ? grossProfit / winners : Number.NaN;
    const averageLoss = losers > 0 ? grossLoss / losers : Number.NaN;
    const payoffRatio = averageWin / -averageLoss;
    const pnl = this.#pnl;
    // The mean and sample standard deviation as analytics computes them: a sum in order, then
    // the squared deviations from the mean.
    let sum = 0;
    for (let i = 0; i < n; i++) sum += pnl[i] as number;
    const mean = n > 0 ? sum / n : Number.NaN;
    let std = Number.NaN;
    if (n >= 2) {
      let ss = 0;
      for (let i = 0; i < n; i++) {
        const d = (pnl[i] as number) - mean;
        ss += d * d;
      }
      std = Math.sqrt(ss / (n - 1));
    }
    const span = this.#end - this.#start;
    columns.winners[run] = winners;
    columns.losers[run] = losers;
    columns.longCount[run] = this.#longs;
    columns.winRate[run] = winRate;
    columns.grossProfit[run] = grossProfit;
    columns.grossLoss[run] = grossLoss;
    columns.profitFactor[run] = grossLoss < 0 ? grossProfit / -grossLoss : Number.NaN;
    columns.netProfit[run] = grossProfit + grossLoss;
    columns.expectancy[run] = mean;
    columns.averageReturn[run] = n > 0 ? this.#returnSum / n : Number.NaN;
    columns.averageWin[run] = averageWin;
    columns.averageLoss[run] = averageLoss;
    columns.payoffRatio[run] = payoffRatio;
    columns.largestWin[run] = this.#largestWin;
    columns.largestLoss[run] = this.#largestLoss;
    columns.sqn[run] = (std > ZERO_SPREAD ? mean / std : Number.NaN) * Math.sqrt(n);
    columns.kellyFraction[run] = losers === 0 && winners > 0 ? 1 : winRate - (1 - winRate) / payoffRatio;
    columns.totalFees[run] = this.#feeSum;
    columns.averageBars[run] = n > 0 ? this.#barSum / n : Number.NaN;
    columns.averageDurationMicros[run] = n > 0 ? this.#durationSum / n : Number.NaN;
    columns.maxDurationMicros[run] = this.#maxDuration;
    columns.timeInTrades[run] = this.#covered;
    columns.exposureTime[run] = span > 0 ? this.#covered / span : Number.NaN;
    columns.longestWinStreak[run] = this.#winStreak;
    columns.longestLossStreak[run] = this.#lossStreak;
  }
}
