import type { StreamingIndicator } from '../types.js';

/**
 * Base of every streaming indicator. Subclasses implement `pushAt` and `reviseAt`, which read
 * bar `index` of the input columns and write their results into `outputs`, and `push` and
 * `revise`, which put their numbers into the one-bar columns `bar` and call those at index 0.
 * The conveniences that return numbers are derived here.
 *
 * Why columns: a double passed to, or returned from, a call that V8 does not inline is boxed
 * on the heap. An engine updating many kinds of indicator from one call site cannot have
 * them inlined, so there `pushAt(columns, index)` passes only an array and an integer, and
 * results travel through the `outputs` typed array. Keeping the update itself in `pushAt`
 * means that no number crosses a call on the way in, whatever V8 decides to inline; `push`
 * stays a few stores that V8 inlines into a caller that holds one kind of indicator.
 *
 * @example
 * class LastValueStream extends StreamBase {
 *   constructor() { super(1, 1); }
 *   push(x: number): void { this.bar[0]![0] = x; this.pushAt(this.bar, 0); }
 *   revise(x: number): void { this.push(x); }
 *   pushAt(columns: readonly Float64Array[], index: number): void { this.outputs[0] = columns[0]![index]!; }
 *   reviseAt(columns: readonly Float64Array[], index: number): void { this.pushAt(columns, index); }
 *   get isReady(): boolean { return !Number.isNaN(this.outputs[0]); }
 *   reset(): void { this.outputs.fill(Number.NaN); }
 * }
 */
export abstract class StreamBase implements StreamingIndicator {
  readonly outputs: Float64Array;
  /**
   * One-bar input columns, one `Float64Array` of length 1 per input in definition order:
   * `push` and `revise` write their numbers here and hand them on to `pushAt` and `reviseAt`.
   */
  protected readonly bar: readonly Float64Array[];

  /** `outputCount` outputs, `inputCount` inputs (the length of `bar`). */
  constructor(outputCount: number, inputCount = 1) {
    this.outputs = new Float64Array(outputCount).fill(Number.NaN);
    const bar: Float64Array[] = [];
    for (let k = 0; k < inputCount; k++) bar.push(new Float64Array(1));
    this.bar = bar;
  }

  abstract push(a: number, b?: number, c?: number, d?: number, e?: number): void;
  abstract revise(a: number, b?: number, c?: number, d?: number, e?: number): void;
  abstract pushAt(columns: readonly Float64Array[], index: number): void;
  abstract reviseAt(columns: readonly Float64Array[], index: number): void;
  abstract get isReady(): boolean;
  abstract reset(): void;

  update(a: number, b?: number, c?: number, d?: number, e?: number): number {
    this.push(a, b, c, d, e);
    return this.outputs[0] as number;
  }

  replace(a: number, b?: number, c?: number, d?: number, e?: number): number {
    this.revise(a, b, c, d, e);
    return this.outputs[0] as number;
  }

  output(index: number): number {
    return index >= 0 && index < this.outputs.length ? (this.outputs[index] as number) : Number.NaN;
  }

  get value(): number {
    return this.outputs[0] as number;
  }
}
