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
    super(outputCount, 1);
    this.engine = new HilbertEngine(features);
    this.#lookback = hilbertLookback(features);
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    this.engine.save();
    this.engine.step(columns[0]!, index);
    if (this.engine.count > this.#lookback) this.publish();
  }

  revise(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.engine.count === 0) {
      this.pushAt(columns, index);
      return;
    }
    this.engine.restore();
    this.engine.step(columns[0]!, index);
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
