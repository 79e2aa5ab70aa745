import type { StreamingIndicator } from '../types.js';

/**
 * Base of every streaming indicator. Subclasses implement `push` and `revise`, writing their
 * results into `outputs`; the conveniences that return numbers are derived here. Results
 * travel through the typed array rather than through return values because a double
 * returned from a call V8 does not inline is boxed on the heap: this way an update allocates
 * nothing even when the caller drives many kinds of indicator through one call site.
 *
 * @example
 * class LastValueStream extends StreamBase {
 *   constructor() { super(1); }
 *   push(x: number): void { this.outputs[0] = x; }
 *   revise(x: number): void { this.outputs[0] = x; }
 *   get isReady(): boolean { return !Number.isNaN(this.outputs[0]); }
 *   reset(): void { this.outputs.fill(Number.NaN); }
 * }
 */
export abstract class StreamBase implements StreamingIndicator {
  readonly outputs: Float64Array;

  constructor(outputCount: number) {
    this.outputs = new Float64Array(outputCount).fill(Number.NaN);
  }

  abstract push(a: number, b?: number, c?: number, d?: number, e?: number): void;
  abstract revise(a: number, b?: number, c?: number, d?: number, e?: number): void;
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
