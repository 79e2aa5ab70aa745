/**
 * The highest (or lowest) of the last `window` values, kept in a monotonic deque so that each
 * push costs O(1) amortised and never allocates. Among equal extremes the most recent wins, as
 * in TA-Lib's AROON. The last push can be undone in O(1), for `revise`: popping only moves
 * the ends of the deque, so a push overwrites a single slot, which is remembered. The extreme
 * and its position are kept in plain fields, refreshed by every change, so that streams read
 * them without a call (a getter V8 does not inline would box the double it returns).
 */
export class WindowExtreme {
  readonly #highest: boolean;
  readonly #capacity: number;
  readonly #positions: Float64Array;
  readonly #values: Float64Array;
  #front = 0;
  #size = 0;
  #savedFront = 0;
  #savedSize = 0;
  #savedSlot = 0;
  #savedPosition = 0;
  #savedValue = 0;
  /** The extreme of the window (NaN when empty). Read-only for callers. */
  value = Number.NaN;
  /** The bar position of the extreme (its latest occurrence; NaN when empty). Read-only for callers. */
  position = Number.NaN;

  /** `window` values at most are ever kept; `highest` picks the maximum, else the minimum. */
  constructor(window: number, highest: boolean) {
    this.#highest = highest;
    this.#capacity = window;
    this.#positions = new Float64Array(window);
    this.#values = new Float64Array(window);
  }

  /**
   * Adds `column[index]`, seen at bar `position`, and forgets values older than
   * `position − window + 1`. The value is read from a column so that no number crosses the
   * call, which V8 may not inline (a number passed to such a call is boxed on the heap).
   */
  push(position: number, column: Float64Array, index: number): void {
    const value = column[index] as number;
    const cap = this.#capacity;
    this.#savedFront = this.#front;
    this.#savedSize = this.#size;
    const oldest = position - cap + 1;
    while (this.#size > 0 && this.#positions[this.#front] < oldest) {
      this.#front = this.#front + 1 === cap ? 0 : this.#front + 1;
      this.#size--;
    }
    while (this.#size > 0) {
      let back = this.#front + this.#size - 1;
      if (back >= cap) back -= cap;
      const last = this.#values[back];
      if (this.#highest ? last > value : last < value) break;
      this.#size--;
    }
    let slot = this.#front + this.#size;
    if (slot >= cap) slot -= cap;
    this.#savedSlot = slot;
    this.#savedPosition = this.#positions[slot];
    this.#savedValue = this.#values[slot];
    this.#positions[slot] = position;
    this.#values[slot] = value;
    this.#size++;
    this.#publish();
  }

  /** Undoes the last `push`. */
  undo(): void {
    const slot = this.#savedSlot;
    this.#positions[slot] = this.#savedPosition;
    this.#values[slot] = this.#savedValue;
    this.#front = this.#savedFront;
    this.#size = this.#savedSize;
    this.#publish();
  }

  #publish(): void {
    if (this.#size > 0) {
      this.value = this.#values[this.#front];
      this.position = this.#positions[this.#front];
    } else {
      this.value = Number.NaN;
      this.position = Number.NaN;
    }
  }

  /** Forgets every value. */
  clear(): void {
    this.#front = 0;
    this.#size = 0;
    this.#publish();
  }
}
