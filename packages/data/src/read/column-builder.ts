import { BarSeries, type BarSeriesMeta } from '@alphintra/core';

/** Index of each bar field in {@link ColumnBuilder.numeric}; extras follow from `FIRST_EXTRA`. */
export const OPEN = 0;
export const HIGH = 1;
export const LOW = 2;
export const CLOSE = 3;
export const VOLUME = 4;
export const FIRST_EXTRA = 5;

/**
 * Growable columns that readers fill row by row before wrapping them in a BarSeries
 * (which does not check order, so rows stay as the file has them).
 */
export class ColumnBuilder {
  /** Rows committed so far. */
  length = 0;
  time: Float64Array;
  /** open, high, low, close, volume, then the extras in `extraNames` order. */
  numeric: Float64Array[];
  readonly extraNames: readonly string[];

  constructor(capacity: number, extraNames: readonly string[]) {
    const c = Math.max(16, Math.ceil(capacity));
    this.extraNames = extraNames;
    this.time = new Float64Array(c);
    this.numeric = [];
    for (let k = 0; k < FIRST_EXTRA + extraNames.length; k++) this.numeric.push(new Float64Array(c));
  }

  /** Current capacity in rows. */
  get capacity(): number {
    return this.time.length;
  }

  /** Makes room for row index `length` (call before writing a row). */
  reserve(): void {
    if (this.length < this.time.length) return;
    const next = this.time.length * 2;
    const grow = (a: Float64Array): Float64Array => {
      const b = new Float64Array(next);
      b.set(a);
      return b;
    };
    this.time = grow(this.time);
    this.numeric = this.numeric.map(grow);
  }

  /** Returns the committed rows as a series (views, no copy). */
  toSeries(meta: BarSeriesMeta): BarSeries {
    const n = this.length;
    const extras: Record<string, Float64Array> = {};
    this.extraNames.forEach((name, k) => {
      extras[name] = this.numeric[FIRST_EXTRA + k]!.subarray(0, n);
    });
    return BarSeries.fromColumns(
      {
        time: this.time.subarray(0, n),
        open: this.numeric[OPEN]!.subarray(0, n),
        high: this.numeric[HIGH]!.subarray(0, n),
        low: this.numeric[LOW]!.subarray(0, n),
        close: this.numeric[CLOSE]!.subarray(0, n),
        volume: this.numeric[VOLUME]!.subarray(0, n),
        extras,
      },
      meta,
    );
  }
}
