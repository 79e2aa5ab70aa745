import { AlphintraError, type BarColumns } from '@alphintra/core';
import { getIndicator, type IndicatorDefinition, nanArray, resolveParams } from '@alphintra/indicators';
import type { SweepIndicator } from './sweep-face.js';

const BAR_FIELDS: ReadonlySet<string> = new Set(['time', 'open', 'high', 'low', 'close', 'volume']);

/**
 * The batch indicators of one sweep, each computed once. A request is keyed by the
 * indicator's name, its parameters with the defaults filled in, and its source column, so
 * `{ name: 'SMA', params: { timeperiod: 30 } }` and `{ name: 'sma' }` share one computation,
 * and the outputs of a multi-output indicator (MACD's three) share one too. The values are
 * the ones the event-driven strategy reads from the streaming face, bar for bar (the
 * indicator package's contract suite checks batch against streaming).
 */
export class SweepIndicators {
  readonly #columns: BarColumns;
  readonly #byKey = new Map<string, number>();
  readonly #definitions = new Map<string, IndicatorDefinition>();
  /**
   * Requests seen before that gave one parameter and no source or output, by name, parameter
   * name and value: the column they resolved to. A sweep asks the same few indicators over and
   * over (two per parameter set); this answers a repeat without checking the parameters again
   * or building the full key, both done on its first sight.
   */
  readonly #repeats = new Map<string, Map<string, Map<number, number>>>();
  /** Every column computed so far, by the index `resolve` returns. */
  readonly columns: Float64Array[] = [];
  /** Number of indicator computations run (each distinct indicator once). */
  computations = 0;

  constructor(columns: BarColumns) {
    this.#columns = columns;
  }

  /** Returns the index in {@link columns} of the requested output, computing it on first request. */
  resolve(request: SweepIndicator): number {
    const params = request.params;
    if (params === undefined || request.source !== undefined || request.output !== undefined) {
      return this.#resolve(request);
    }
    // A request with exactly one own parameter: look it up by name, parameter and value.
    let key: string | undefined;
    let count = 0;
    for (const name in params) {
      if (!Object.hasOwn(params, name)) continue;
      key = name;
      if (++count > 1) break;
    }
    const value = key === undefined ? Number.NaN : (params[key] as number);
    if (count !== 1 || typeof value !== 'number' || Number.isNaN(value)) return this.#resolve(request);
    let byParameter = this.#repeats.get(request.name);
    if (byParameter === undefined) {
      byParameter = new Map();
      this.#repeats.set(request.name, byParameter);
    }
    let byValue = byParameter.get(key as string);
    if (byValue === undefined) {
      byValue = new Map();
      byParameter.set(key as string, byValue);
    }
    let index = byValue.get(value);
    if (index === undefined) {
      index = this.#resolve(request);
      byValue.set(value, index);
    }
    return index;
  }

  /** Resolves a request in full: checks its parameters and finds (or computes) its column by its complete key. */
  #resolve(request: SweepIndicator): number {
    let definition = this.#definitions.get(request.name);
    if (definition === undefined) {
      definition = getIndicator(request.name);
      this.#definitions.set(request.name, definition);
    }
    const params = resolveParams(definition, request.params);
    const reads = definition.inputs.includes('real');
    const source = reads ? (request.source ?? 'close') : '';
    let key = `${definition.name}|${source}`;
    for (const spec of definition.parameters) key += `|${params[spec.name]}`;
    const outputs = definition.outputs;
    const output = request.output === undefined ? 0 : outputs.findIndex((o) => o.name === request.output);
    if (output < 0) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `${definition.name} has no output ${request.output} (outputs: ${outputs.map((o) => o.name).join(', ')})`,
      );
    }
    let first = this.#byKey.get(key);
    if (first === undefined) {
      first = this.columns.length;
      this.#byKey.set(key, first);
      const inputs = definition.inputs.map((input) => this.#input(definition, input, source));
      const computed = outputs.map(() => nanArray(inputs[0]?.length ?? 0));
      definition.compute(inputs, params, computed);
      this.columns.push(...computed);
      this.computations++;
    }
    return first + output;
  }

  #input(definition: IndicatorDefinition, input: string, source: string): Float64Array {
    const field = input === 'real' ? source : input;
    if (!BAR_FIELDS.has(field)) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `${definition.name} takes input ${input}, which a sweep indicator cannot bind to one instrument's bars`,
      );
    }
    return this.#columns[field as 'open'];
  }
}
