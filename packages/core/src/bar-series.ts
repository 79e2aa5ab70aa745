import type { Bar } from './bar.js';
import { AlphintraError, InvariantError } from './errors.js';
import type { Timeframe } from './timeframe.js';

/** Raw columns of a bar series; every array has the same length. */
export interface BarColumns {
  /** Bar open times, integer epoch microseconds (UTC). */
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  /** Further numeric columns (open interest, adjusted close …) keyed by name. */
  readonly extras?: Readonly<Record<string, Float64Array>>;
}

/** Descriptive metadata carried with a series. */
export interface BarSeriesMeta {
  readonly symbol?: string | undefined;
  readonly timeframe?: Timeframe | undefined;
}

const MIN_CAPACITY = 16;

function grow(array: Float64Array, capacity: number): Float64Array {
  const next = new Float64Array(capacity);
  next.set(array);
  return next;
}

/**
 * A columnar series of OHLCV bars: one `Float64Array` per field plus a timestamp column
 * of integer epoch microseconds.
 *
 * Columns (`time`, `open`, … and `extra(name)`) are views of exactly `length` elements, so
 * hot loops read them directly. `slice` shares memory with its parent (zero-copy) and
 * `append` grows the series geometrically for live data; a slice never sees its parent's
 * later appends, and appending to a slice copies it first, so neither can clobber the other.
 *
 * @example
 * const series = BarSeries.fromColumns({ time, open, high, low, close, volume });
 * let sum = 0;
 * for (let i = 0; i < series.length; i++) sum += series.close[i];
 */
export class BarSeries {
  /** Descriptive metadata (symbol, timeframe). */
  readonly meta: BarSeriesMeta;
  #length: number;
  #time: Float64Array;
  #open: Float64Array;
  #high: Float64Array;
  #low: Float64Array;
  #close: Float64Array;
  #volume: Float64Array;
  #extras: Map<string, Float64Array>;
  // Length-exact views, rebuilt lazily after appends.
  #views: BarColumns | undefined;

  private constructor(
    length: number,
    time: Float64Array,
    open: Float64Array,
    high: Float64Array,
    low: Float64Array,
    close: Float64Array,
    volume: Float64Array,
    extras: Map<string, Float64Array>,
    meta: BarSeriesMeta,
  ) {
    this.#length = length;
    this.#time = time;
    this.#open = open;
    this.#high = high;
    this.#low = low;
    this.#close = close;
    this.#volume = volume;
    this.#extras = extras;
    this.meta = meta;
  }

  /**
   * Wraps existing columns without copying them. Throws when their lengths differ.
   */
  static fromColumns(columns: BarColumns, meta: BarSeriesMeta = {}): BarSeries {
    const n = columns.time.length;
    const check = (name: string, array: Float64Array): void => {
      if (array.length !== n) {
        throw new AlphintraError(
          'INVALID_ARGUMENT',
          `expected column ${name} to have ${n} values like time, got ${array.length}`,
        );
      }
    };
    check('open', columns.open);
    check('high', columns.high);
    check('low', columns.low);
    check('close', columns.close);
    check('volume', columns.volume);
    const extras = new Map<string, Float64Array>();
    for (const [name, array] of Object.entries(columns.extras ?? {})) {
      check(name, array);
      extras.set(name, array);
    }
    return new BarSeries(
      n,
      columns.time,
      columns.open,
      columns.high,
      columns.low,
      columns.close,
      columns.volume,
      extras,
      meta,
    );
  }

  /** Creates an empty, appendable series with room for `capacity` bars before it grows. */
  static empty(capacity = MIN_CAPACITY, meta: BarSeriesMeta = {}, extraNames: readonly string[] = []): BarSeries {
    const c = Math.max(1, Math.floor(capacity));
    const extras = new Map<string, Float64Array>();
    for (const name of extraNames) extras.set(name, new Float64Array(c));
    return new BarSeries(
      0,
      new Float64Array(c),
      new Float64Array(c),
      new Float64Array(c),
      new Float64Array(c),
      new Float64Array(c),
      new Float64Array(c),
      extras,
      meta,
    );
  }

  /** Builds a series from bar objects (convenient for tests; copies). */
  static fromBars(bars: readonly Bar[], meta: BarSeriesMeta = {}): BarSeries {
    const series = BarSeries.empty(bars.length, meta);
    for (const b of bars) series.append(b.time, b.open, b.high, b.low, b.close, b.volume);
    return series;
  }

  /** Number of bars. */
  get length(): number {
    return this.#length;
  }

  #columns(): BarColumns {
    if (this.#views === undefined) {
      const n = this.#length;
      const extras: Record<string, Float64Array> = {};
      for (const [name, array] of this.#extras) extras[name] = array.subarray(0, n);
      this.#views = {
        time: this.#time.subarray(0, n),
        open: this.#open.subarray(0, n),
        high: this.#high.subarray(0, n),
        low: this.#low.subarray(0, n),
        close: this.#close.subarray(0, n),
        volume: this.#volume.subarray(0, n),
        extras,
      };
    }
    return this.#views;
  }

  /** Bar open times (epoch microseconds, UTC). */
  get time(): Float64Array {
    return this.#columns().time;
  }
  get open(): Float64Array {
    return this.#columns().open;
  }
  get high(): Float64Array {
    return this.#columns().high;
  }
  get low(): Float64Array {
    return this.#columns().low;
  }
  get close(): Float64Array {
    return this.#columns().close;
  }
  get volume(): Float64Array {
    return this.#columns().volume;
  }

  /** Names of the extra columns, in insertion order. */
  get extraNames(): string[] {
    return [...this.#extras.keys()];
  }

  /** Returns the extra column `name`, or `undefined` if the series has none by that name. */
  extra(name: string): Float64Array | undefined {
    return this.#columns().extras?.[name];
  }

  /** Returns all columns as length-exact views (no copy). */
  columns(): BarColumns {
    return this.#columns();
  }

  /** Time of the first bar, or NaN when empty. */
  get start(): number {
    return this.#length === 0 ? Number.NaN : (this.#time[0] as number);
  }

  /** Time of the last bar, or NaN when empty. */
  get end(): number {
    return this.#length === 0 ? Number.NaN : (this.#time[this.#length - 1] as number);
  }

  /** Returns bar `index` as an object (allocates; use the columns in hot loops). */
  bar(index: number): Bar {
    if (!(index >= 0 && index < this.#length)) {
      throw new AlphintraError('INVALID_ARGUMENT', `expected a bar index in [0, ${this.#length}), got ${index}`);
    }
    return {
      time: this.#time[index] as number,
      open: this.#open[index] as number,
      high: this.#high[index] as number,
      low: this.#low[index] as number,
      close: this.#close[index] as number,
      volume: this.#volume[index] as number,
    };
  }

  /**
   * Returns a zero-copy view of bars `[start, end)`. Negative indices count from the end,
   * as with `Array.prototype.slice`.
   */
  slice(start = 0, end = this.#length): BarSeries {
    const n = this.#length;
    const s = Math.max(0, Math.min(n, start < 0 ? n + start : start));
    const e = Math.max(s, Math.min(n, end < 0 ? n + end : end));
    const extras = new Map<string, Float64Array>();
    for (const [name, array] of this.#extras) extras.set(name, array.subarray(s, e));
    return new BarSeries(
      e - s,
      this.#time.subarray(s, e),
      this.#open.subarray(s, e),
      this.#high.subarray(s, e),
      this.#low.subarray(s, e),
      this.#close.subarray(s, e),
      this.#volume.subarray(s, e),
      extras,
      this.meta,
    );
  }

  /** Returns a deep copy whose columns own their memory. */
  clone(): BarSeries {
    const n = this.#length;
    const extras = new Map<string, Float64Array>();
    for (const [name, array] of this.#extras) extras.set(name, array.slice(0, n));
    return new BarSeries(
      n,
      this.#time.slice(0, n),
      this.#open.slice(0, n),
      this.#high.slice(0, n),
      this.#low.slice(0, n),
      this.#close.slice(0, n),
      this.#volume.slice(0, n),
      extras,
      this.meta,
    );
  }

  /** Returns a series with the same columns and new metadata (no copy). */
  withMeta(meta: BarSeriesMeta): BarSeries {
    return new BarSeries(
      this.#length,
      this.#time,
      this.#open,
      this.#high,
      this.#low,
      this.#close,
      this.#volume,
      this.#extras,
      { ...this.meta, ...meta },
    );
  }

  #ensureCapacity(needed: number): void {
    const capacity = this.#time.length;
    // A slice's arrays are views into its parent: copy before writing past our length.
    const shared = this.#time.buffer.byteLength !== capacity * 8;
    if (needed <= capacity && !shared) return;
    const next = Math.max(MIN_CAPACITY, needed, capacity * 2);
    this.#time = grow(this.#time.subarray(0, this.#length), next);
    this.#open = grow(this.#open.subarray(0, this.#length), next);
    this.#high = grow(this.#high.subarray(0, this.#length), next);
    this.#low = grow(this.#low.subarray(0, this.#length), next);
    this.#close = grow(this.#close.subarray(0, this.#length), next);
    this.#volume = grow(this.#volume.subarray(0, this.#length), next);
    for (const [name, array] of this.#extras) this.#extras.set(name, grow(array.subarray(0, this.#length), next));
  }

  /**
   * Appends one bar. Times must not go backwards (equal times are allowed: deduplication
   * is a cleaning decision, not the container's). `extras` supplies the extra columns in
   * `extraNames` order; missing values become NaN.
   */
  append(
    time: number,
    open: number,
    high: number,
    low: number,
    close: number,
    volume: number,
    extras?: ArrayLike<number>,
  ): void {
    const n = this.#length;
    if (n > 0 && time < (this.#time[n - 1] as number)) {
      throw new InvariantError(`expected bar times in order, got ${time} after ${this.#time[n - 1]}`);
    }
    this.#ensureCapacity(n + 1);
    this.#time[n] = time;
    this.#open[n] = open;
    this.#high[n] = high;
    this.#low[n] = low;
    this.#close[n] = close;
    this.#volume[n] = volume;
    let k = 0;
    for (const array of this.#extras.values()) {
      array[n] = extras !== undefined && k < extras.length ? (extras[k] as number) : Number.NaN;
      k++;
    }
    this.#length = n + 1;
    this.#views = undefined;
  }

  /** Appends a bar object. */
  appendBar(bar: Bar): void {
    this.append(bar.time, bar.open, bar.high, bar.low, bar.close, bar.volume);
  }

  /**
   * Replaces the last bar, for a bar that is still forming in live data. Its time may not
   * move before the previous bar.
   */
  replaceLast(time: number, open: number, high: number, low: number, close: number, volume: number): void {
    const n = this.#length;
    if (n === 0) throw new InvariantError('cannot replace the last bar of an empty series');
    if (n > 1 && time < (this.#time[n - 2] as number)) {
      throw new InvariantError(`expected bar times in order, got ${time} after ${this.#time[n - 2]}`);
    }
    this.#ensureCapacity(n);
    this.#time[n - 1] = time;
    this.#open[n - 1] = open;
    this.#high[n - 1] = high;
    this.#low[n - 1] = low;
    this.#close[n - 1] = close;
    this.#volume[n - 1] = volume;
    this.#views = undefined;
  }

  /**
   * Returns the index of the last bar whose time is at or before `time`, or -1 if none
   * (binary search; assumes times are sorted).
   */
  indexAtOrBefore(time: number): number {
    let lo = 0;
    let hi = this.#length - 1;
    let found = -1;
    const t = this.#time;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if ((t[mid] as number) <= time) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
