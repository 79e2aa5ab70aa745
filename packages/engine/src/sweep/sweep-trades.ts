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

/** Allocates the trade columns for `runs` runs, every cell `fill` (0 by default). */
export function allocateTradeColumns(runs: number, fill = 0): SweepTradeColumns {
  const out: Record<string, Float64Array> = {};
  for (const name of SWEEP_TRADE_COLUMNS) out[name] = new Float64Array(runs).fill(fill);
  return out as unknown as SweepTradeColumns;
}

/** Below this a standard deviation counts as zero (analytics' ZERO_SPREAD). */
const ZERO_SPREAD = 1e-12;

// Slots of `SweepTrades.fill`: the fill the account hands over (numbers cross in an array, not
// as arguments, so that a call V8 does not inline boxes none of them).
/** Signed position before the fill. */
export const FILL_BEFORE = 0;
/** Signed quantity filled. */
export const FILL_QUANTITY = 1;
export const FILL_PRICE = 2;
export const FILL_FEE = 3;
/** Realised P&L (before fees) of the part that closed the position, as the portfolio books it. */
export const FILL_REALIZED = 4;
/** Carry booked since the open trade began. */
export const FILL_CARRY = 5;

// Slots of the open trade and the running folds, in one array for the same reason.
const SIDE = 0;
const ENTRY_TIME = 1;
const ENTRY_BAR = 2;
const ENTRY_PRICE = 3;
const ENTRY_QUANTITY = 4;
const SIZE = 5;
const MAX_SIZE = 6;
const REALIZED = 7;
const FEES = 8;
const WINNERS = 9;
const LOSERS = 10;
const LONGS = 11;
const GROSS_PROFIT = 12;
const GROSS_LOSS = 13;
const LARGEST_WIN = 14;
const LARGEST_LOSS = 15;
const FEE_SUM = 16;
const RETURN_SUM = 17;
const BAR_SUM = 18;
const DURATION_SUM = 19;
const MAX_DURATION = 20;
const COVERED = 21;
const WINS = 22;
const LOSSES = 23;
const WIN_STREAK = 24;
const LOSS_STREAK = 25;
const SLOTS = 26;

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
  /** The fill {@link onFill} books (see the `FILL_` slots). */
  readonly fill = new Float64Array(6);
  #active = false;
  readonly #f = new Float64Array(SLOTS);
  #pnl = new Float64Array(64);
  readonly #multiplier: number;
  readonly #time: Float64Array;
  readonly #fillDelay: number;
  readonly #start: number;
  readonly #end: number;

  /**
   * A tracker for an instrument of `multiplier` over bars at `time` (µs), whose fills happen
   * `fillDelay` µs after their bar's time (0 at the open, the bar's length at the close).
   */
  constructor(multiplier: number, time: Float64Array, fillDelay: number) {
    this.#multiplier = multiplier;
    this.#time = time;
    this.#fillDelay = fillDelay;
    const n = time.length;
    this.#start = n > 0 ? (time[0] as number) : 0;
    this.#end = n > 0 ? (time[n - 1] as number) : 0;
  }

  /** Starts a run: no trade, nothing folded. */
  reset(): void {
    this.count = 0;
    this.#active = false;
    const f = this.#f;
    f.fill(0);
    f[LARGEST_WIN] = Number.NaN;
    f[LARGEST_LOSS] = Number.NaN;
    f[MAX_DURATION] = Number.NaN;
  }

  /**
   * Books the fill in {@link fill}, which happened in bar `bar`: the trade tracker's `onFill`.
   * Returns whether it opened a new trade (so the keeper of the carry starts it at 0).
   */
  onFill(bar: number): boolean {
    const f = this.#f;
    const input = this.fill;
    const quantity = input[FILL_QUANTITY] as number;
    const price = input[FILL_PRICE] as number;
    const fee = input[FILL_FEE] as number;
    let remaining = quantity;
    let feeLeft = fee;
    if (this.#active && Math.sign(quantity) !== f[SIDE]) {
      const closing = Math.min(Math.abs(input[FILL_BEFORE] as number), Math.abs(quantity));
      const share = closing / Math.abs(quantity);
      f[REALIZED] = (f[REALIZED] as number) + (input[FILL_REALIZED] as number);
      f[FEES] = (f[FEES] as number) + fee * share;
      feeLeft = fee - fee * share;
      f[SIZE] = (f[SIZE] as number) - closing;
      remaining = quantity + closing * (f[SIDE] as number);
      if ((f[SIZE] as number) <= 1e-12 * (f[MAX_SIZE] as number)) this.#close(bar);
    } else if (this.#active) {
      const entered = f[ENTRY_QUANTITY] as number;
      f[ENTRY_PRICE] =
        ((f[ENTRY_PRICE] as number) * entered + Math.abs(quantity) * price) / (entered + Math.abs(quantity));
      f[ENTRY_QUANTITY] = entered + Math.abs(quantity);
      f[SIZE] = (f[SIZE] as number) + Math.abs(quantity);
      if ((f[SIZE] as number) > (f[MAX_SIZE] as number)) f[MAX_SIZE] = f[SIZE] as number;
      f[FEES] = (f[FEES] as number) + fee;
      remaining = 0;
    }
    if (!this.#active && Math.abs(remaining) > 0) {
      const size = Math.abs(remaining);
      this.#active = true;
      f[SIDE] = remaining > 0 ? 1 : -1;
      f[ENTRY_TIME] = (this.#time[bar] as number) + this.#fillDelay;
      f[ENTRY_BAR] = bar;
      f[ENTRY_PRICE] = price;
      f[ENTRY_QUANTITY] = size;
      f[SIZE] = size;
      f[MAX_SIZE] = size;
      f[REALIZED] = 0;
      f[FEES] = feeLeft;
      return true;
    }
    return false;
  }

  /** Closes the open trade at bar `bar` and folds it into the figures. */
  #close(bar: number): void {
    this.#active = false;
    const f = this.#f;
    const time = (this.#time[bar] as number) + this.#fillDelay;
    const entryNotional = (f[ENTRY_PRICE] as number) * (f[ENTRY_QUANTITY] as number) * this.#multiplier;
    const pnl = (f[REALIZED] as number) - (f[FEES] as number) + (this.fill[FILL_CARRY] as number);
    f[RETURN_SUM] = (f[RETURN_SUM] as number) + (entryNotional > 0 ? pnl / entryNotional : 0);
    if (pnl > 0) {
      f[WINNERS] = (f[WINNERS] as number) + 1;
      f[GROSS_PROFIT] = (f[GROSS_PROFIT] as number) + pnl;
      if (!(pnl <= (f[LARGEST_WIN] as number))) f[LARGEST_WIN] = pnl;
    } else if (pnl < 0) {
      f[LOSERS] = (f[LOSERS] as number) + 1;
      f[GROSS_LOSS] = (f[GROSS_LOSS] as number) + pnl;
      if (!(pnl >= (f[LARGEST_LOSS] as number))) f[LARGEST_LOSS] = pnl;
    }
    f[WINS] = pnl > 0 ? (f[WINS] as number) + 1 : 0;
    f[LOSSES] = pnl < 0 ? (f[LOSSES] as number) + 1 : 0;
    if ((f[WINS] as number) > (f[WIN_STREAK] as number)) f[WIN_STREAK] = f[WINS] as number;
    if ((f[LOSSES] as number) > (f[LOSS_STREAK] as number)) f[LOSS_STREAK] = f[LOSSES] as number;
    f[FEE_SUM] = (f[FEE_SUM] as number) + (f[FEES] as number);
    if ((f[SIDE] as number) > 0) f[LONGS] = (f[LONGS] as number) + 1;
    // The tracker counts the bars a trade is held through at each bar's close: with fills at
    // the open, entry bar to the one before the exit; at the close, the one after entry to the exit.
    f[BAR_SUM] = (f[BAR_SUM] as number) + (bar - (f[ENTRY_BAR] as number));
    const entryTime = f[ENTRY_TIME] as number;
    const duration = time - entryTime;
    f[DURATION_SUM] = (f[DURATION_SUM] as number) + duration;
    f[MAX_DURATION] = this.count === 0 ? duration : Math.max(f[MAX_DURATION] as number, duration);
    const covered = Math.min(this.#end, time) - Math.max(this.#start, entryTime);
    if (covered > 0) f[COVERED] = (f[COVERED] as number) + covered;
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
    const f = this.#f;
    const n = this.count;
    const winners = f[WINNERS] as number;
    const losers = f[LOSERS] as number;
    const grossProfit = f[GROSS_PROFIT] as number;
    const grossLoss = f[GROSS_LOSS] as number;
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
    const covered = f[COVERED] as number;
    const span = this.#end - this.#start;
    columns.winners[run] = winners;
    columns.losers[run] = losers;
    columns.longCount[run] = f[LONGS] as number;
    columns.winRate[run] = winRate;
    columns.grossProfit[run] = grossProfit;
    columns.grossLoss[run] = grossLoss;
    columns.profitFactor[run] = grossLoss < 0 ? grossProfit / -grossLoss : Number.NaN;
    columns.netProfit[run] = grossProfit + grossLoss;
    columns.expectancy[run] = mean;
    columns.averageReturn[run] = n > 0 ? (f[RETURN_SUM] as number) / n : Number.NaN;
    columns.averageWin[run] = averageWin;
    columns.averageLoss[run] = averageLoss;
    columns.payoffRatio[run] = payoffRatio;
    columns.largestWin[run] = f[LARGEST_WIN] as number;
    columns.largestLoss[run] = f[LARGEST_LOSS] as number;
    columns.sqn[run] = (std > ZERO_SPREAD ? mean / std : Number.NaN) * Math.sqrt(n);
    columns.kellyFraction[run] = losers === 0 && winners > 0 ? 1 : winRate - (1 - winRate) / payoffRatio;
    columns.totalFees[run] = f[FEE_SUM] as number;
    columns.averageBars[run] = n > 0 ? (f[BAR_SUM] as number) / n : Number.NaN;
    columns.averageDurationMicros[run] = n > 0 ? (f[DURATION_SUM] as number) / n : Number.NaN;
    columns.maxDurationMicros[run] = f[MAX_DURATION] as number;
    columns.timeInTrades[run] = covered;
    columns.exposureTime[run] = span > 0 ? covered / span : Number.NaN;
    columns.longestWinStreak[run] = f[WIN_STREAK] as number;
    columns.longestLossStreak[run] = f[LOSS_STREAK] as number;
  }
}
