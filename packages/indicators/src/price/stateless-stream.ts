import type { StreamingIndicator } from '../types.js';

/**
 * Base of the streaming face of indicators whose value depends on the current bar alone
 * (price transforms, balance of power): nothing to undo, so `replace` is a fresh `update`.
 */
export abstract class StatelessStream implements StreamingIndicator {
  #value = Number.NaN;
  #seen = false;

  /** Returns the indicator's value for one bar. */
  protected abstract compute(a: number, b?: number, c?: number, d?: number): number;

  update(a: number, b?: number, c?: number, d?: number): number {
    this.#seen = true;
    this.#value = this.compute(a, b, c, d);
    return this.#value;
  }

  replace(a: number, b?: number, c?: number, d?: number): number {
    return this.update(a, b, c, d);
  }

  output(index: number): number {
    return index === 0 ? this.#value : Number.NaN;
  }

  get value(): number {
    return this.#value;
  }

  get isReady(): boolean {
    return this.#seen;
  }

  reset(): void {
    this.#value = Number.NaN;
    this.#seen = false;
  }
}
