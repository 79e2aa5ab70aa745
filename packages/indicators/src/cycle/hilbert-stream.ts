import { StreamBase } from '../support/stream-base.js';
import { HilbertEngine, hilbertLookback } from './hilbert-engine.js';

/**
 * Streaming face shared by the HT_* indicators: one {@link HilbertEngine} stepped per bar,
 * with its snapshot taken before each push so that `revise` can undo it. Subclasses only
 * copy the engine values that are their outputs, in {@link HilbertStream.publish}.
 */
export abstract class HilbertStream extends StreamBase {
  protected readonly engine: HilbertEngine;
  readonly #lookback: number;

  /** Creates a stream with `outputCount` outputs over an engine with the given HT_* feature flags. */
  constructor(features: number, outputCount: number) {
    super(outputCount);
    this.engine = new HilbertEngine(features);
    this.#lookback = hilbertLookback(features);
  }

  push(x: number): void {
    this.engine.save();
    this.engine.step(x);
    if (this.engine.count > this.#lookback) this.publish();
  }

  revise(x: number): void {
    if (this.engine.count === 0) {
      this.push(x);
      return;
    }
    this.engine.restore();
    this.engine.step(x);
    if (this.engine.count > this.#lookback) this.publish();
  }

  /** Copies the engine's values into `outputs`; called once the warm-up is over. */
  protected abstract publish(): void;

  get isReady(): boolean {
    return this.engine.count > this.#lookback;
  }

  reset(): void {
    this.engine.reset();
    this.outputs.fill(Number.NaN);
  }
}
