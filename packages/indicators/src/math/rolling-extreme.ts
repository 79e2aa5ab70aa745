/** Returns the index mask of a power-of-two ring that can hold `size` entries. */
export function dequeMask(size: number): number {
  let capacity = 1;
  while (capacity < size) capacity *= 2;
  return capacity - 1;
}

/**
 * Fills `outValue[i]` with the highest of the `timeperiod` inputs ending at `i` and
 * `outIndex[i]` with its absolute index (either output may be null; NaN during the warm-up).
 *
 * Reproduces TA-Lib's scan exactly, including its tie-breaking: a new value equal to the
 * current maximum takes over, but when the maximum leaves the window TA-Lib's rescan keeps the
 * earliest of equal values. That earliest maximum is read off a monotonic deque (which keeps
 * equal values) instead of rescanning, so the work is O(1) amortised even on falling data.
 */
export function computeRollingMax(
  input: Float64Array,
  timeperiod: number,
  outValue: Float64Array | null,
  outIndex: Float64Array | null,
): void {
  const n = input.length;
  outValue?.fill(Number.NaN, 0, Math.min(n, timeperiod - 1));
  outIndex?.fill(Number.NaN, 0, Math.min(n, timeperiod - 1));
  if (timeperiod > n) return;
  // The deque never holds more than one window: a ring of the next power of two suffices.
  const mask = dequeMask(timeperiod);
  const deque = new Int32Array(mask + 1);
  let head = 0;
  let tail = 0;
  let best = 0;
  let bestIdx = -1;
  for (let today = 0; today < n; today++) {
    const x = input[today] as number;
    const trailing = today - timeperiod + 1;
    if (head < tail && (deque[head & mask] as number) < trailing) head++;
    while (tail > head && (input[deque[(tail - 1) & mask] as number] as number) < x) tail--;
    deque[tail++ & mask] = today;
    if (trailing < 0) continue;
    if (bestIdx < trailing) {
      bestIdx = deque[head & mask] as number;
      best = input[bestIdx] as number;
    } else if (x >= best) {
      best = x;
      bestIdx = today;
    }
    if (outValue !== null) outValue[today] = best;
    if (outIndex !== null) outIndex[today] = bestIdx;
  }
}

/** The mirror of {@link computeRollingMax} for the lowest value and its index. */
export function computeRollingMin(
  input: Float64Array,
  timeperiod: number,
  outValue: Float64Array | null,
  outIndex: Float64Array | null,
): void {
  const n = input.length;
  outValue?.fill(Number.NaN, 0, Math.min(n, timeperiod - 1));
  outIndex?.fill(Number.NaN, 0, Math.min(n, timeperiod - 1));
  if (timeperiod > n) return;
  // The deque never holds more than one window: a ring of the next power of two suffices.
  const mask = dequeMask(timeperiod);
  const deque = new Int32Array(mask + 1);
  let head = 0;
  let tail = 0;
  let best = 0;
  let bestIdx = -1;
  for (let today = 0; today < n; today++) {
    const x = input[today] as number;
    const trailing = today - timeperiod + 1;
    if (head < tail && (deque[head & mask] as number) < trailing) head++;
    while (tail > head && (input[deque[(tail - 1) & mask] as number] as number) > x) tail--;
    deque[tail++ & mask] = today;
    if (trailing < 0) continue;
    if (bestIdx < trailing) {
      bestIdx = deque[head & mask] as number;
      best = input[bestIdx] as number;
    } else if (x <= best) {
      best = x;
      bestIdx = today;
    }
    if (outValue !== null) outValue[today] = best;
    if (outIndex !== null) outIndex[today] = bestIdx;
  }
}

/**
 * Streaming window extreme with TA-Lib's tie-breaking (see {@link computeRollingMax}), for
 * MAX/MIN-style indicators and stochastics: O(1) amortised per push over preallocated rings
 * (the window's values and a monotonic deque of their indices), no allocation. A minimum is
 * tracked as the maximum of negated values: negation is exact and turns `<`/`<=` into
 * `>`/`>=`, so one code path serves both.
 */
export class RollingExtreme {
  readonly #period: number;
  readonly #sign: number;
  /** Values of the window, in a ring: the newest at the slot before `#slot`. */
  readonly #values: Float64Array;
  /** Absolute indices, decreasing in value from front to back (equal values kept). */
  readonly #deque: Float64Array;
  /**
   * The ring slot of each deque entry's value. Kept beside the index rather than computed
   * as `index % period`: the indices are doubles, and a floating-point remainder is slow.
   */
  readonly #dequeSlots: Int32Array;
  #front = 0;
  #size = 0;
  #count = 0;
  /** Where the next value goes in `#values`. */
  #slot = 0;
  #best = 0;
  /**
   * The extreme value of the window (meaningful once ready). A plain field rather than a
   * getter, so that reading it never returns a double from a call. Read-only for callers.
   */
  extreme = 0;
  /** Absolute index (0 = first value pushed) of the extreme (meaningful once ready). Read-only for callers. */
  index = -1;
  // State before the last push, so that `undo` can restore it: a push moves the deque's ends
  // and overwrites one deque entry and one value slot.
  #prevFront = 0;
  #prevSize = 0;
  #prevBest = 0;
  #prevBestIdx = -1;
  #prevDequeIndex = 0;
  #prevDequeSlot = 0;
  #prevValue = 0;
  #canUndo = false;

  /** `highest` picks the maximum, otherwise the minimum. */
  constructor(timeperiod: number, highest: boolean) {
    this.#period = timeperiod;
    this.#sign = highest ? 1 : -1;
    this.#values = new Float64Array(timeperiod);
    this.#deque = new Float64Array(timeperiod);
    this.#dequeSlots = new Int32Array(timeperiod);
    this.extreme = this.#sign * this.#best;
  }

  /**
   * Appends `column[index]`; the extreme is valid once `timeperiod` values were seen. The
   * value is read from a column rather than taken as a number because this method is too
   * large for V8 to inline everywhere, and a number passed to a call that is not inlined is
   * boxed on the heap.
   */
  push(column: Float64Array, index: number): void {
    const value = column[index] as number;
    const p = this.#period;
    const values = this.#values;
    const deque = this.#deque;
    const slots = this.#dequeSlots;
    const x = this.#sign * value;
    const today = this.#count;
    const trailing = today - p + 1;
    this.#prevFront = this.#front;
    this.#prevSize = this.#size;
    this.#prevBest = this.#best;
    this.#prevBestIdx = this.index;
    this.#canUndo = true;
    let front = this.#front;
    let size = this.#size;
    if (size > 0 && (deque[front] as number) < trailing) {
      front = front + 1 === p ? 0 : front + 1;
      size--;
    }
    while (size > 0) {
      let back = front + size - 1;
      if (back >= p) back -= p;
      if ((values[slots[back] as number] as number) >= x) break;
      size--;
    }
    let entry = front + size;
    if (entry >= p) entry -= p;
    const valueSlot = this.#slot;
    this.#prevDequeIndex = deque[entry] as number;
    this.#prevDequeSlot = slots[entry] as number;
    deque[entry] = today;
    slots[entry] = valueSlot;
    this.#prevValue = values[valueSlot] as number;
    values[valueSlot] = x;
    this.#slot = valueSlot + 1 === p ? 0 : valueSlot + 1;
    this.#front = front;
    this.#size = size + 1;
    this.#count = today + 1;
    if (trailing < 0) return;
    if (this.index < trailing) {
      this.index = deque[front] as number;
      this.#best = values[slots[front] as number] as number;
      this.extreme = this.#sign * this.#best;
    } else if (x >= this.#best) {
      this.#best = x;
      this.index = today;
      this.extreme = value;
    }
  }

  /** Takes back the last {@link push}. Only one level of undo is kept. */
  undo(): void {
    if (!this.#canUndo) return;
    this.#canUndo = false;
    const p = this.#period;
    let entry = this.#front + this.#size - 1;
    if (entry >= p) entry -= p;
    this.#deque[entry] = this.#prevDequeIndex;
    this.#dequeSlots[entry] = this.#prevDequeSlot;
    const valueSlot = this.#slot === 0 ? p - 1 : this.#slot - 1;
    this.#values[valueSlot] = this.#prevValue;
    this.#slot = valueSlot;
    this.#front = this.#prevFront;
    this.#size = this.#prevSize;
    this.#best = this.#prevBest;
    this.extreme = this.#sign * this.#prevBest;
    this.index = this.#prevBestIdx;
    this.#count--;
  }

  /** Whether a full window has been seen. */
  get isReady(): boolean {
    return this.#count >= this.#period;
  }

  /** Number of values pushed since the last reset. */
  get count(): number {
    return this.#count;
  }

  /** Forgets every value. */
  reset(): void {
    this.#values.fill(0);
    this.#deque.fill(0);
    this.#dequeSlots.fill(0);
    this.#front = 0;
    this.#size = 0;
    this.#count = 0;
    this.#slot = 0;
    this.#best = 0;
    this.extreme = this.#sign * this.#best;
    this.index = -1;
    this.#canUndo = false;
  }
}
