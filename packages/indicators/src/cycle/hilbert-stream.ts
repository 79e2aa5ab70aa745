import type { StreamingIndicator } from '../types.js';
import { HilbertEngine, hilbertLookback } from './hilbert-engine.js';

/**
 * Streaming face shared by the HT_* indicators: one {@link HilbertEngine} stepped per bar,
 * with its snapshot taken before each update so that `replace` can undo it. Subclasses only
 * say which engine values are their outputs.
 */
export abstract class HilbertStream implements StreamingIndicator {
  protected readonly engine: HilbertEngine;
  readonly #lookback: number;

  /** Creates a stream over an engine with the given HT_* feature flags. */
  constructor(features: number) {
    this.engine = new HilbertEngine(features);
    this.#lookback = hilbertLookback(features);
  }

  update(x: number): number {
    this.engine.save();
    this.engine.step(x);
    return this.output(0);
  }

  replace(x: number): number {
    if (this.engine.count === 0) return this.update(x);
    this.engine.restore();
    this.engine.step(x);
    return this.output(0);
  }

  /** Current value of output `index`, NaN until ready. */
  abstract output(index: number): number;

  get value(): number {
    return this.output(0);
  }

  get isReady(): boolean {
    return this.engine.count > this.#lookback;
  }

  reset(): void {
    this.engine.reset();
  }
}
