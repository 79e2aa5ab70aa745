/** The equity curve: one row per timestamp of the run. */
export interface EquityCurve {
  /** Timestamp (bar open time, epoch µs) of each row; values are as of that bar's close. */
  readonly time: Float64Array;
  /** Cash plus positions at their marks, in the account currency. */
  readonly equity: Float64Array;
  /** Every cash balance converted into the account currency. */
  readonly cash: Float64Array;
  /** Signed sum of position notionals over equity (1 = fully long). */
  readonly netExposure: Float64Array;
  /** Absolute sum of position notionals over equity. */
  readonly grossExposure: Float64Array;
}

/**
 * Growing typed arrays for the equity curve (amortised O(1) per row, no per-row objects).
 * The kernel writes rows in place: `reserve()`, then set index `length++` of each column.
 */
export class EquityRecorder {
  capacity: number;
  length = 0;
  time: Float64Array;
  equity: Float64Array;
  cash: Float64Array;
  net: Float64Array;
  gross: Float64Array;

  constructor(capacity = 1024) {
    this.capacity = Math.max(16, capacity);
    this.time = new Float64Array(this.capacity);
    this.equity = new Float64Array(this.capacity);
    this.cash = new Float64Array(this.capacity);
    this.net = new Float64Array(this.capacity);
    this.gross = new Float64Array(this.capacity);
  }

  /** Makes room for one more row. */
  reserve(): void {
    if (this.length < this.capacity) return;
    this.capacity *= 2;
    const grow = (a: Float64Array): Float64Array => {
      const b = new Float64Array(this.capacity);
      b.set(a);
      return b;
    };
    this.time = grow(this.time);
    this.equity = grow(this.equity);
    this.cash = grow(this.cash);
    this.net = grow(this.net);
    this.gross = grow(this.gross);
  }

  /** The rows recorded so far (views, not copies). */
  curve(): EquityCurve {
    const n = this.length;
    return {
      time: this.time.subarray(0, n),
      equity: this.equity.subarray(0, n),
      cash: this.cash.subarray(0, n),
      netExposure: this.net.subarray(0, n),
      grossExposure: this.gross.subarray(0, n),
    };
  }
}
