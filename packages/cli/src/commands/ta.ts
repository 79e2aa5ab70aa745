import { AlphintraError, formatIsoMicros } from '@alphintra/core';
import {
  getIndicator,
  type IndicatorDefinition,
  type InputName,
  listIndicators,
  resolveParams,
} from '@alphintra/indicators';
import { type InputFlags, loadBars } from '../support/bars-io.js';
import { UsageError } from '../support/errors.js';
import { createProgress } from '../support/progress.js';
import { printTable } from '../support/table.js';

/** Flags of `alphintra ta`. */
export interface TaFlags extends InputFlags {
  input?: string;
  json?: boolean;
  list?: boolean;
  source?: string;
  source0?: string;
  source1?: string;
  periodsColumn?: string;
  tail?: string;
  quiet?: boolean;
}

/** Column names a `real` input may be taken from. */
const SOURCES = ['open', 'high', 'low', 'close', 'volume', 'hl2', 'hlc3', 'ohlc4'] as const;

/**
 * Parses `--name value` pairs left over by the command parser into indicator parameters,
 * refusing names the indicator does not have and values that are not numbers.
 */
export function parseIndicatorParams(
  definition: IndicatorDefinition,
  tokens: readonly string[],
): Record<string, number> {
  const params: Record<string, number> = {};
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const match = /^--([a-z0-9_-]+)(?:=(.*))?$/i.exec(token);
    if (match === null) throw new UsageError(`unexpected argument "${token}"`);
    const name = (match[1] as string).toLowerCase().replace(/-/g, '_');
    const text = match[2] ?? tokens[++i];
    if (!definition.parameters.some((p) => p.name === name)) {
      const known = definition.parameters.map((p) => `--${p.name}`).join(', ') || 'none';
      throw new UsageError(`${definition.name} has no parameter --${name} (parameters: ${known})`);
    }
    const value = Number(text);
    if (text === undefined || text.trim() === '' || !Number.isFinite(value)) {
      throw new UsageError(`expected a number after --${name}, got ${text === undefined ? 'nothing' : `"${text}"`}`);
    }
    params[name] = value;
  }
  return params;
}

function column(series: import('@alphintra/core').BarSeries, source: string): Float64Array {
  const { open, high, low, close, volume } = series.columns();
  const n = series.length;
  const derived = (f: (i: number) => number): Float64Array => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = f(i);
    return out;
  };
  switch (source) {
    case 'time':
      return series.time;
    case 'open':
      return open;
    case 'high':
      return high;
    case 'low':
      return low;
    case 'close':
      return close;
    case 'volume':
      return volume;
    case 'hl2':
      return derived((i) => ((high[i] as number) + (low[i] as number)) / 2);
    case 'hlc3':
      return derived((i) => ((high[i] as number) + (low[i] as number) + (close[i] as number)) / 3);
    case 'ohlc4':
      return derived(
        (i) => ((open[i] as number) + (high[i] as number) + (low[i] as number) + (close[i] as number)) / 4,
      );
    default: {
      const extra = series.extra(source);
      if (extra !== undefined) return extra;
      throw new UsageError(
        `unknown source "${source}" (use ${SOURCES.join(', ')} or an extra column: ${series.extraNames.join(', ') || 'none'})`,
      );
    }
  }
}

/** The result of running an indicator over a file. */
export interface TaResult {
  indicator: string;
  params: Record<string, number>;
  time: number[];
  outputs: Record<string, Float64Array>;
}

/** Reads bars, runs one indicator and returns its outputs aligned with the bars. */
export async function runIndicator(name: string, tokens: readonly string[], flags: TaFlags): Promise<TaResult> {
  const definition = getIndicator(name);
  const params = resolveParams(definition, parseIndicatorParams(definition, tokens));
  if (flags.input === undefined) throw new UsageError('expected --input <file> with OHLCV bars');
  const loaded = await loadBars(
    flags.input,
    flags,
    createProgress('reading', 'bytes', flags.quiet === true || flags.json === true),
  );
  const series = loaded.series;
  const sourceOf = (input: InputName): string => {
    switch (input) {
      case 'real':
        return flags.source ?? 'close';
      case 'real0':
        return flags.source0 ?? 'high';
      case 'real1':
        return flags.source1 ?? 'low';
      case 'periods':
        if (flags.periodsColumn === undefined) {
          throw new UsageError(`${definition.name} needs a periods column: pass --periods-column <extra column>`);
        }
        return flags.periodsColumn;
      default:
        return input;
    }
  };
  const inputs = definition.inputs.map((input) => column(series, sourceOf(input)));
  const outputs = definition.outputs.map(() => new Float64Array(series.length).fill(Number.NaN));
  definition.compute(inputs, params, outputs);
  return {
    indicator: definition.name,
    params: { ...params },
    time: Array.from(series.time),
    outputs: Object.fromEntries(definition.outputs.map((o, i) => [o.name, outputs[i] as Float64Array])),
  };
}

/** Returns the JSON document of `ta --json`: outputs keyed by TA-Lib's names, null where there is no value. */
export function taJson(result: TaResult): Record<string, Array<number | null>> {
  return Object.fromEntries(
    Object.entries(result.outputs).map(([name, values]) => [
      name,
      Array.from(values, (v) => (Number.isNaN(v) ? null : v)),
    ]),
  );
}

/** Prints the last `tail` rows of the outputs as a table. */
export function printTa(result: TaResult, tail: number, out: (line: string) => void): void {
  const names = Object.keys(result.outputs);
  const n = result.time.length;
  const from = Math.max(0, n - tail);
  const rows: string[][] = [];
  for (let i = from; i < n; i++) {
    rows.push([
      formatIsoMicros(result.time[i] as number),
      ...names.map((name) => {
        const v = (result.outputs[name] as Float64Array)[i] as number;
        return Number.isNaN(v) ? '' : Number.isInteger(v) ? String(v) : v.toFixed(6);
      }),
    ]);
  }
  out(`${result.indicator} ${JSON.stringify(result.params)} — last ${rows.length} of ${n} bars`);
  printTable(['time', ...names], rows, out);
}

/** Prints every indicator with its inputs, parameters and outputs. */
export function printIndicatorList(out: (line: string) => void): void {
  const rows = listIndicators().map((d) => [
    d.name,
    d.group,
    d.inputs.join(','),
    d.parameters.map((p) => `${p.name}=${p.default}`).join(' '),
    d.outputs.map((o) => o.name).join(','),
  ]);
  printTable(['name', 'group', 'inputs', 'parameters (defaults)', 'outputs'], rows, out);
  out('');
  out(`${rows.length} indicators. Run: alphintra ta <NAME> --input <file> [--<parameter> <value> …] [--json]`);
}

/** Returns the indicator list as JSON (for tools). */
export function indicatorListJson(): unknown {
  return listIndicators().map((d) => ({
    name: d.name,
    group: d.group,
    description: d.description,
    talib: d.talib,
    inputs: d.inputs,
    parameters: d.parameters,
    outputs: d.outputs,
  }));
}

/** Guards against an indicator name that is missing entirely. */
export function requireName(name: string | undefined): string {
  if (name === undefined)
    throw new UsageError('expected an indicator name, e.g. alphintra ta RSI --input bars.csv (or --list)');
  if (!/^[A-Za-z0-9_]+$/.test(name))
    throw new AlphintraError('INVALID_ARGUMENT', `expected an indicator name, got "${name}"`);
  return name;
}
