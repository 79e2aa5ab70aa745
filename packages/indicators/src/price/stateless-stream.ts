import { StreamBase } from '../support/stream-base.js';

/**
 * Base of the streaming face of indicators whose value depends on the current bar alone
 * (price transforms, balance of power): nothing to undo, so `revise` is a fresh `push`.
 * Subclasses implement `write`, which stores the value of bar `index` of the input columns
 * into `outputs[0]`. `push` hands its numbers to `write` as one-bar columns: the call to
 * `write` is shared by every subclass, so V8 may not inline it, and a number passed to it
 * would then be boxed on the heap.
 */
export abstract class StatelessStream extends StreamBase {
  #seen = false;
  /** `inputCount` inputs, from 1 to 4. */
  constructor(inputCount: number) {
    super(1, inputCount);
  }

  /** Writes the indicator's value for bar `index` of `columns` (in definition order) into `outputs[0]`. */
  protected abstract write(columns: readonly Float64Array[], index: number): void;

  push(a: number, b?: number, c?: number, d?: number): void {
    const bar = this.bar;
    const n = bar.length;
    bar[0]![0] = a;
    if (n > 1) bar[1]![0] = b ?? Number.NaN;
    if (n > 2) bar[2]![0] = c ?? Number.NaN;
    if (n > 3) bar[3]![0] = d ?? Number.NaN;
    this.pushAt(bar, 0);
  }

  revise(a: number, b?: number, c?: number, d?: number): void {
    this.push(a, b, c, d);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.#seen = true;
    this.write(columns, index);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    this.pushAt(columns, index);
  }

  get isReady(): boolean {
    return this.#seen;
  }

  reset(): void {
    this.outputs[0] = Number.NaN;
    this.#seen = false;
  }
}
