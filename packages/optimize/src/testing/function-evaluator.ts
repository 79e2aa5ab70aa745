import type { EvaluationBatch, EvaluationControl, TrialEvaluator, TrialOutcome } from '../evaluate/trial-evaluator.js';
import type { ParameterSet } from '../space/dimension.js';

/**
 * A test evaluator computing an analytic function of the parameters as metric `risk.sharpe`
 * (and `drawdown.maxDrawdown` when `second` is given), so searches can be tested without runs.
 */
export class FunctionEvaluator implements TrialEvaluator {
  readonly timeline = Float64Array.from({ length: 100 }, (_, i) => i * 86_400_000_000);
  readonly blocks = 4;
  calls = 0;
  readonly #f: (p: ParameterSet) => number;
  readonly #second: ((p: ParameterSet) => number) | undefined;

  constructor(f: (p: ParameterSet) => number, second?: (p: ParameterSet) => number) {
    this.#f = f;
    this.#second = second;
  }

  evaluate(batch: EvaluationBatch, control: EvaluationControl = {}): Promise<(TrialOutcome | undefined)[]> {
    return Promise.resolve(
      batch.parameterSets.map((p, i) => {
        if (control.signal?.aborted === true) return undefined;
        this.calls++;
        const outcome: TrialOutcome = {
          metrics: {
            'risk.sharpe': this.#f(p),
            ...(this.#second === undefined ? {} : { 'drawdown.maxDrawdown': this.#second(p) }),
          },
          blocks: null,
        };
        control.onOutcome?.(i, outcome);
        return outcome;
      }),
    );
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
