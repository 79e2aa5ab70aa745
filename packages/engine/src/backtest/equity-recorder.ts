/** The equity curve: one row per timestamp of the run. */
export interface EquityCurve {
  /** Timestamp (bar open time, epoch µs) of each row; values are as of that bar's close. */
  readonly time: Float64Array;
  readonly equity: Float64Array;
  readonly cash: Float64Array;
  /** Signed sum of position notionals over equity (1 = fully long). */
  readonly netExposure: Float64Array;
  /** Absolute sum of position notionals over equity. */
  readonly grossExposure: Float64Array;
}

/** Appends equity rows into growing typed arrays (amortised O(1), no per-row objects). */
export class EquityRecorder {
  #capacity: number;
  #length = 0;
  #time: Float64Array;
  #equity: Float64Array;
  #cash: Float64Array;
  #net: Float64Array;
  #gross: Float64Array;

  constructor(capacity = 1024) {
    this.#capacity = Math.max(16, capacity);
    this.#time = new Float64Array(this.#capacity);
    this.#equity = new Float64Array(this.#capacity);
    this.#cash = new Float64Array(this.#capacity);
    this.#net = new Float64Array(this.#capacity);
    this.#gross = new Float64Array(this.#capacity);
  }

  get length(): number {
    return this.#length;
  }

  push(time: number, equity: number, cash: number, net: number, gross: number): void {
    if (this.#length === this.#capacity) this.#grow();
    const i = this.#length++;
    this.#time[i] = time;
    this.#equity[i] = equity;
    this.#cash[i] = cash;
    this.#net[i] = net;
    this.#gross[i] = gross;
  }

  /** The rows recorded so far (views, not copies). */
  curve(): EquityCurve {
    const n = this.#length;
    return {
      time: this.#time.subarray(0, n),
      equity: this.#equity.subarray(0, n),
      cash: this.#cash.subarray(0, n),
      netExposure: this.#net.subarray(0, n),
      grossExposure: this.#gross.subarray(0, n),
    };
  }

  #grow(): void {
    this.#capacity *= 2;
    const grow = (a: Float64Array): Float64Array => {
      const b = new Float64Array(this.#capacity);
      b.set(a);
      return b;
    };
    this.#time = grow(this.#time);
    this.#equity = grow(this.#equity);
    this.#cash = grow(this.#cash);
    this.#net = grow(this.#net);
    this.#gross = grow(this.#gross);
  }
}
