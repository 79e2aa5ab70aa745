import {
  BAR_PATHS,
  type BacktestConfig,
  type BacktestResult,
  type BarPath,
  type FillTiming,
  type RawParameter,
  resolveParameters,
  runBacktest,
  type StrategyDefinition,
  type WhenClosed,
} from '@alphintra/engine';
import type { InputFlags } from '../support/bars-io.js';
import { UsageError } from '../support/errors.js';
import { createProgress } from '../support/progress.js';
import { type BenchmarkSource, benchmarkOf, loadBenchmarkSource, type RunBenchmark } from './backtest-benchmark.js';
import { type BacktestSource, loadBacktestData } from './backtest-data.js';
import { describeStrategyFailure } from './backtest-failure.js';
import { type LoadedFxRates, loadFxRates, parseFxRateFlags } from './backtest-fx-rates.js';
import { type InstrumentTerms, parseInstrumentOption, readInstrumentsFile } from './backtest-instruments.js';
import { parseFees, parseSlippage } from './backtest-models.js';
import { type LoadedStrategy, loadStrategy } from './backtest-strategy.js';

/** Flags naming a run's data: the inputs, their symbols and how to read them. */
export interface RunInputFlags extends Omit<InputFlags, 'symbol'> {
  data?: string[];
  symbol?: string[];
  venue?: string;
  currency?: string;
  ticks?: 'auto' | 'bars' | 'trades' | 'quotes';
  /** `--instrument SYMBOL:terms`, repeatable. */
  instrument?: string[];
  /** `--instruments file.json`. */
  instruments?: string;
  fundingRate?: string;
}

/** Flags of `alphintra backtest`. */
export interface BacktestFlags extends RunInputFlags {
  param?: string[];
  fxRate?: string[];
  cash?: string;
  fees?: string;
  slippage?: string;
  fill?: string;
  barPath?: string;
  volumeLimit?: string;
  latencyMs?: string;
  latencyJitterMs?: string;
  seed?: string;
  leverage?: string;
  /** `--allow-short`. */
  allowShort?: boolean;
  /** false with `--no-short`. */
  short?: boolean;
  borrowRate?: string;
  whenClosed?: string;
  benchmark?: string;
  rollingWindow?: string;
  json?: boolean;
  out?: string;
  report?: string;
  quiet?: boolean;
}

/** A finished run with what produced it. */
export interface BacktestRun {
  readonly strategy: LoadedStrategy;
  readonly sources: readonly BacktestSource[];
  /** The `--fx-rate` values, and the files read for them. */
  readonly fxRates: LoadedFxRates;
  readonly result: BacktestResult;
  /** What the run is compared with; its figures fill the metrics' benchmark group. */
  readonly benchmark: RunBenchmark;
  /** Window of the rolling metrics in periods; the analytics default when undefined. */
  readonly rollingWindow: number | undefined;
  /** The `--instruments` file, when one was given. */
  readonly instrumentsFile?: string;
}

/** Everything a backtest needs once its inputs are loaded. */
export interface BacktestSetup {
  readonly strategy: LoadedStrategy;
  readonly sources: readonly BacktestSource[];
  readonly config: Partial<BacktestConfig>;
  readonly parameters: Readonly<Record<string, RawParameter>>;
  readonly benchmark: BenchmarkSource;
  readonly rollingWindow?: number | undefined;
  readonly quiet: boolean;
  /** The `--instruments` file, when one was given. */
  readonly instrumentsFile?: string;
  /** Rates from `--fx-rate` (none when absent). */
  readonly fxRates?: LoadedFxRates;
}

export const NO_FX_RATES: LoadedFxRates = { table: {}, files: {} };

/** Collects a repeatable option's values (commander's `argParser` for `--data`, `--param` …). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Parses repeated `--param name=value` into raw parameter values; a name may appear once. */
export function parseParams(entries: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    const name = eq < 0 ? '' : entry.slice(0, eq).trim();
    if (name === '') throw new UsageError(`expected --param name=value, got "${entry}"`);
    if (Object.hasOwn(params, name)) throw new UsageError(`parameter ${name} is given twice`);
    params[name] = entry.slice(eq + 1).trim();
  }
  return params;
}

function positive(option: string, text: string): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!(Number.isFinite(value) && value > 0))
    throw new UsageError(`expected a positive number for ${option}, got "${text}"`);
  return value;
}

function nonNegative(option: string, text: string): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!(Number.isFinite(value) && value >= 0))
    throw new UsageError(`expected a number ≥ 0 for ${option}, got "${text}"`);
  return value;
}

function finite(option: string, text: string): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) throw new UsageError(`expected a number for ${option}, got "${text}"`);
  return value;
}

/** Converts the command-line flags into backtest configuration overrides (only those given). */
export function configFrom(flags: BacktestFlags): Partial<BacktestConfig> {
  const config: { -readonly [K in keyof BacktestConfig]?: BacktestConfig[K] } = {};
  if (flags.cash !== undefined) config.cash = positive('--cash', flags.cash);
  if (flags.currency !== undefined) {
    if (flags.currency.trim() === '') throw new UsageError('expected a currency code for --currency, got ""');
    config.currency = flags.currency;
  }
  if (flags.fees !== undefined) config.fees = parseFees(flags.fees);
  if (flags.slippage !== undefined) config.slippage = parseSlippage(flags.slippage);
  if (flags.fill !== undefined) {
    if (flags.fill !== 'next-open' && flags.fill !== 'close')
      throw new UsageError(`expected --fill next-open or close, got "${flags.fill}"`);
    config.fillTiming = flags.fill as FillTiming;
  }
  if (flags.barPath !== undefined) {
    if (!BAR_PATHS.includes(flags.barPath as BarPath))
      throw new UsageError(`expected --bar-path ${BAR_PATHS.join(', ')}, got "${flags.barPath}"`);
    config.barPath = flags.barPath as BarPath;
  }
  if (flags.volumeLimit !== undefined) config.volumeLimit = positive('--volume-limit', flags.volumeLimit);
  if (flags.latencyMs !== undefined || flags.latencyJitterMs !== undefined) {
    const micros = (option: string, text: string | undefined): number =>
      text === undefined ? 0 : Math.round(nonNegative(option, text) * 1000);
    const jitter = micros('--latency-jitter-ms', flags.latencyJitterMs);
    config.latency = { fixed: micros('--latency-ms', flags.latencyMs), ...(jitter > 0 ? { jitter } : {}) };
  }
  if (flags.leverage !== undefined) config.leverage = positive('--leverage', flags.leverage);
  if (flags.allowShort === true && flags.short === false)
    throw new UsageError('--allow-short and --no-short contradict each other; give one');
  if (flags.allowShort === true) config.allowShort = true;
  if (flags.short === false) config.allowShort = false;
  if (flags.borrowRate !== undefined) config.borrowRate = nonNegative('--borrow-rate', flags.borrowRate);
  if (flags.whenClosed !== undefined) {
    if (flags.whenClosed !== 'wait' && flags.whenClosed !== 'reject')
      throw new UsageError(`expected --when-closed wait or reject, got "${flags.whenClosed}"`);
    config.whenClosed = flags.whenClosed as WhenClosed;
  }
  if (flags.seed !== undefined) {
    const seed = Number(flags.seed);
    if (flags.seed.trim() === '' || !Number.isSafeInteger(seed))
      throw new UsageError(`expected an integer for --seed, got "${flags.seed}"`);
    config.seed = seed;
  }
  return config;
}

/** Parses `--rolling-window`: a whole number of periods, at least 2. */
export function parseRollingWindow(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!(Number.isInteger(value) && value >= 2))
    throw new UsageError(`expected a whole number ≥ 2 for --rolling-window, got "${text}"`);
  return value;
}

const READ_KEYS = ['format', 'delimiter', 'header', 'map', 'timeZone', 'epochUnit', 'dateFormat', 'maxBytes'] as const;

/** A progress interval of about 200 updates over the run's data. */
export function progressInterval(sources: readonly BacktestSource[]): number {
  const bars = sources.reduce(
    (n, s) => n + (s.data.series?.length ?? 0) + (s.data.trades?.time.length ?? 0) + (s.data.quotes?.time.length ?? 0),
    0,
  );
  return Math.max(1024, Math.ceil(bars / 200));
}

/** Refuses `--param` names the strategy does not declare (a usage mistake). */
export function checkParameterNames(definition: StrategyDefinition, names: readonly string[]): void {
  const specs = definition.parameters;
  for (const name of names) {
    if (!Object.hasOwn(specs, name)) {
      const known = Object.keys(specs);
      throw new UsageError(
        `strategy "${definition.name}" has no parameter ${name}` +
          (known.length > 0 ? ` (parameters: ${known.join(', ')})` : ' (it has no parameters)'),
      );
    }
  }
}

/** Returns the reader flags given on the command line. */
function readFlagsOf(flags: RunInputFlags): Omit<InputFlags, 'symbol'> {
  const read: Omit<InputFlags, 'symbol'> = {};
  for (const key of READ_KEYS) if (flags[key] !== undefined) Object.assign(read, { [key]: flags[key] });
  return read;
}

/** The instrument terms and funding rate of a run's flags, checked (the file is read later). */
export function runTermsOf(flags: RunInputFlags): { terms: InstrumentTerms[]; fundingRate: number | undefined } {
  return {
    terms: (flags.instrument ?? []).map(parseInstrumentOption),
    fundingRate: flags.fundingRate === undefined ? undefined : finite('--funding-rate', flags.fundingRate),
  };
}

/**
 * Reads a run's `--data` inputs with its reader flags and instrument terms (`--instrument`,
 * `--instruments`, `--funding-rate`), as `backtest` and `optimize` both do.
 */
export async function loadRunData(flags: RunInputFlags, quiet: boolean): Promise<BacktestSource[]> {
  const { terms, fundingRate } = runTermsOf(flags);
  if (flags.instruments !== undefined) terms.push(...(await readInstrumentsFile(flags.instruments)));
  return loadBacktestData(flags.data ?? [], {
    read: readFlagsOf(flags),
    symbols: flags.symbol ?? [],
    venue: flags.venue ?? 'SIM',
    currency: flags.currency ?? 'USD',
    ticks: flags.ticks ?? 'auto',
    quiet,
    instruments: terms,
    ...(fundingRate === undefined ? {} : { fundingRate }),
  });
}

/**
 * Runs a loaded strategy over loaded data (with a progress bar on a terminal unless quiet) and
 * aligns its benchmark. Used by `alphintra backtest` and by the demo.
 */
export function executeBacktest(setup: BacktestSetup): BacktestRun {
  const progress = createProgress('backtest', 'bars', setup.quiet);
  try {
    const result = runBacktest({
      ...setup.config,
      strategy: setup.strategy.definition,
      parameters: setup.parameters,
      data: setup.sources.map((s) => s.data),
      ...(setup.fxRates === undefined ? {} : { fxRates: setup.fxRates.table }),
      strategyCodeHash: setup.strategy.codeHash,
      onProgress: (done, total) => progress.update(done, total),
      progressInterval: progressInterval(setup.sources),
    });
    return {
      strategy: setup.strategy,
      sources: setup.sources,
      fxRates: setup.fxRates ?? NO_FX_RATES,
      result,
      benchmark: benchmarkOf(setup.benchmark, result),
      rollingWindow: setup.rollingWindow,
      ...(setup.instrumentsFile === undefined ? {} : { instrumentsFile: setup.instrumentsFile }),
    };
  } catch (error) {
    throw describeStrategyFailure(error, setup.strategy.file);
  } finally {
    progress.stop();
  }
}

/**
 * Runs `alphintra backtest`: checks the options, loads and checks the strategy and its
 * parameters, reads the data and the benchmark, and runs the backtest with a progress bar on
 * a terminal.
 *
 * @example
 * const run = await backtestCommand('sma-cross.ts', { data: ['orcl.csv'], param: ['fast=5'] });
 * run.result.summary.finalEquity;
 */
export async function backtestCommand(file: string, flags: BacktestFlags): Promise<BacktestRun> {
  const { loaded: strategy, ...inputs } = await loadRunInputs(flags, () => loadStrategy(file));
  return executeBacktest({ strategy, ...inputs });
}

/** What a run needs from the command line, checked and loaded (see {@link loadRunInputs}). */
export interface RunInputs {
  readonly config: Partial<BacktestConfig>;
  readonly parameters: Readonly<Record<string, string>>;
  readonly rollingWindow: number | undefined;
  readonly quiet: boolean;
  readonly sources: readonly BacktestSource[];
  readonly fxRates: LoadedFxRates;
  readonly benchmark: BenchmarkSource;
  /** The `--instruments` file, when one was given. */
  readonly instrumentsFile?: string;
}

/**
 * Loads a run's inputs as `backtest` and `portfolio` take them: checks the options first, so a
 * typo fails before any file is read, then loads what runs (`load`: a strategy, a portfolio) and
 * checks `--param` against its parameters, then reads the data, the rates and the benchmark.
 */
export async function loadRunInputs<Loaded extends { readonly definition: StrategyDefinition }>(
  flags: BacktestFlags,
  load: () => Promise<Loaded>,
): Promise<RunInputs & { readonly loaded: Loaded }> {
  const config = configFrom(flags);
  const fxRateFlags = parseFxRateFlags(flags.fxRate ?? []);
  const raw = parseParams(flags.param ?? []);
  runTermsOf(flags); // a malformed --instrument or --funding-rate fails before any file is read
  const rollingWindow = parseRollingWindow(flags.rollingWindow);
  const quiet = flags.quiet === true || flags.json === true;
  const loaded = await load();
  checkParameterNames(loaded.definition, Object.keys(raw));
  resolveParameters(loaded.definition.parameters, raw);

  const sources = await loadRunData(flags, quiet);
  const fxRates = await loadFxRates(fxRateFlags, readFlagsOf(flags), quiet);
  const benchmark = await loadBenchmarkSource(flags.benchmark, sources, readFlagsOf(flags), quiet);
  return {
    loaded,
    config,
    parameters: raw,
    rollingWindow,
    quiet,
    sources,
    fxRates,
    benchmark,
    ...(flags.instruments === undefined ? {} : { instrumentsFile: flags.instruments }),
  };
}
