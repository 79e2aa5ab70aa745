import type { EvaluationBatch, EvaluationControl, TrialEvaluator, TrialOutcome } from '@alphintra/optimize';

/**
 * Passes batches through to another evaluator and reports each search trial's outcome the
 * moment it arrives (detail re-runs are not counted), so progress moves per trial rather
 * than per batch.
 */
export class ObservedEvaluator implements TrialEvaluator {
  readonly timeline: Float64Array;
  readonly blocks: number;
  /** Search trials seen so far. */
  count = 0;
  readonly #inner: TrialEvaluator;
  readonly #observe: (outcome: TrialOutcome) => void;

  constructor(inner: TrialEvaluator, observe: (outcome: TrialOutcome) => void) {
    this.#inner = inner;
    this.#observe = observe;
    this.timeline = inner.timeline;
    this.blocks = inner.blocks;
  }

  evaluate(batch: EvaluationBatch, control: EvaluationControl = {}): Promise<(TrialOutcome | undefined)[]> {
    if (batch.detail !== undefined) return this.#inner.evaluate(batch, control);
    return this.#inner.evaluate(batch, {
      ...(control.signal === undefined ? {} : { signal: control.signal }),
      onOutcome: (index, outcome) => {
        this.count++;
        this.#observe(outcome);
        control.onOutcome?.(index, outcome);
      },
    });
  }

  close(): Promise<void> {
    return this.#inner.close();
  }
}
