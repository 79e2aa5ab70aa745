import { period } from '../support/params.js';
import { StreamBase } from '../support/stream-base.js';
import type { IndicatorDefinition, IndicatorParams } from '../types.js';

/** How a value is compared with the one `timeperiod` bars earlier: 0 MOM, 1 ROC, 2 ROCP, 3 ROCR, 4 ROCR100. */
export type ChangeKind = 0 | 1 | 2 | 3 | 4;
/** Difference: x − old. */
export const MOM_KIND: ChangeKind = 0;
/** Percent change: (x / old − 1) × 100. */
export const ROC_KIND: ChangeKind = 1;
/** Fractional change: (x − old) / old. */
export const ROCP_KIND: ChangeKind = 2;
/** Ratio: x / old. */
export const ROCR_KIND: ChangeKind = 3;
/** Ratio in percent: x / old × 100. */
export const ROCR100_KIND: ChangeKind = 4;

/** Returns the change of `x` against `old`; ratios against a zero are 0, as in TA-Lib. */
export function change(kind: ChangeKind, x: number, old: number): number {
  if (kind === MOM_KIND) return x - old;
  if (old === 0) return 0;
  if (kind === ROC_KIND) return (x / old - 1) * 100;
  if (kind === ROCP_KIND) return (x - old) / old;
  if (kind === ROCR_KIND) return x / old;
  return (x / old) * 100;
}

/** Fills `out[i]` with the change of `input[i]` against `input[i − timeperiod]` (NaN before). */
export function computeChange(kind: ChangeKind, input: Float64Array, timeperiod: number, out: Float64Array): void {
  const n = input.length;
  const p = timeperiod;
  out.fill(Number.NaN, 0, Math.min(n, p));
  // One tight loop per kind, so that the hot loop carries no dispatch.
  switch (kind) {
    case MOM_KIND:
      for (let i = p; i < n; i++) out[i] = input[i] - input[i - p];
      return;
    case ROC_KIND:
      for (let i = p; i < n; i++) {
        const old = input[i - p];
        out[i] = old !== 0 ? (input[i] / old - 1) * 100 : 0;
      }
      return;
    case ROCP_KIND:
      for (let i = p; i < n; i++) {
        const old = input[i - p];
        out[i] = old !== 0 ? (input[i] - old) / old : 0;
      }
      return;
    case ROCR_KIND:
      for (let i = p; i < n; i++) {
        const old = input[i - p];
        out[i] = old !== 0 ? input[i] / old : 0;
      }
      return;
    default:
      for (let i = p; i < n; i++) {
        const old = input[i - p];
        out[i] = old !== 0 ? (input[i] / old) * 100 : 0;
      }
  }
}

/** Streaming change against the value `timeperiod` bars back, over a ring buffer: O(1), no allocation. */
export class ChangeStream extends StreamBase {
  readonly #kind: ChangeKind;
  readonly #period: number;
  readonly #ring: Float64Array;
  #count = 0;
  #savedSlot = 0;
  #savedValue = Number.NaN;

  constructor(kind: ChangeKind, params: IndicatorParams) {
    super(1, 1);
    this.#kind = kind;
    this.#period = params.timeperiod as number;
    this.#ring = new Float64Array(this.#period);
  }

  push(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.pushAt(bar, 0);
  }

  pushAt(columns: readonly Float64Array[], index: number): void {
    const x = columns[0]![index]!;
    const slot = this.#count % this.#period;
    this.#savedSlot = this.#ring[slot];
    this.#savedValue = this.outputs[0];
    if (this.#count >= this.#period) this.outputs[0] = change(this.#kind, x, this.#ring[slot]);
    this.#ring[slot] = x;
    this.#count++;
  }

  revise(x: number): void {
    const bar = this.bar;
    bar[0]![0] = x;
    this.reviseAt(bar, 0);
  }

  reviseAt(columns: readonly Float64Array[], index: number): void {
    if (this.#count > 0) {
      this.#count--;
      this.#ring[this.#count % this.#period] = this.#savedSlot;
      this.outputs[0] = this.#savedValue;
    }
    this.pushAt(columns, index);
  }

  get isReady(): boolean {
    return this.#count > this.#period;
  }

  reset(): void {
    this.#ring.fill(0);
    this.#count = 0;
    this.outputs[0] = Number.NaN;
  }
}

/** Returns the registry entry of one member of the change family. */
export function changeDefinition(
  name: string,
  kind: ChangeKind,
  description: string,
  outputDescription: string,
): IndicatorDefinition {
  return {
    name,
    group: 'momentum',
    description,
    talib: true,
    inputs: ['real'],
    parameters: [period('timeperiod', 10, 1, 'Number of bars between the compared values.')],
    outputs: [{ name: 'real', type: 'real', description: outputDescription }],
    lookback: (p) => p.timeperiod as number,
    compute: (inputs, p, outputs) =>
      computeChange(kind, inputs[0] as Float64Array, p.timeperiod as number, outputs[0] as Float64Array),
    createStream: (p) => new ChangeStream(kind, p),
  };
}
