import { StreamBase } from '../support/stream-base.js';

/**
 * Base of the streaming face of indicators whose value depends on the current bar alone
 * (price transforms, balance of power): nothing to undo, so `revise` is a fresh `push`.
 * Subclasses implement `write`, which stores the bar's value into `outputs[0]`.
 */
export abstract class StatelessStream extends StreamBase {
  #seen = false;

  constructor() {
    super(1);
  }

  /** Writes the indicator's value for one bar into `outputs[0]`. */
  protected abstract write(a: number, b?: number, c?: number, d?: number): void;

  push(a: number, b?: number, c?: number, d?: number): void {
    this.#seen = true;
    this.write(a, b, c, d);
  }

  revise(a: number, b?: number, c?: number, d?: number): void {
    this.push(a, b, c, d);
  }

  get isReady(): boolean {
    return this.#seen;
  }

  reset(): void {
    this.outputs[0] = Number.NaN;
    this.#seen = false;
  }
}
