import { computeMetrics, type MetricsReport } from '@alphintra/analytics';
import { formatIsoMicros } from '@alphintra/core';
import { type BalanceRecord, formatParameters, type RunManifest, type Trade } from '@alphintra/engine';
import type { BacktestRun } from './backtest.js';

/**
 * The run manifest as the CLI records it: the engine's, plus the inputs as named on the command
 * line and the benchmark the metrics compare with (`input` null: the first instrument).
 */
export type CliManifest = RunManifest & {
  readonly sources: {
    readonly strategy: string;
    readonly data: readonly string[];
    /** The `--instruments` file, when one was given. */
    readonly instruments?: string;
    /** Pairs whose rates were read from bars, and the input named for each (only with such `--fx-rate`). */
    readonly fxRates?: Readonly<Record<string, string>>;
  };
  readonly benchmark: { readonly name: string; readonly input: string | null };
};

/** Headline figures with the derived ones people ask for first. */
export interface CliSummary {
  readonly [key: string]: unknown;
  readonly start: string | null;
  readonly end: string | null;
  /** Winning trades over closed trades; null without trades. */
  readonly winRate: number | null;
}

/** A trade with ISO 8601 copies of its times (the µs fields stay). */
export type CliTrade = Trade & { readonly entryTimeIso: string; readonly exitTimeIso: string };

/** The document `alphintra backtest --json` prints. */
export interface BacktestJson {
  readonly manifest: CliManifest;
  readonly summary: CliSummary;
  /** Every performance metric (see docs/analytics/metrics.md). */
  readonly metrics: MetricsReport;
  readonly trades: readonly CliTrade[];
  /** Final cash per currency, the account currency first. */
  readonly balances: readonly BalanceRecord[];
}

/** How an instrument trades, briefly: `future ×50 tick 0.25 margin 0.08, us-equity`. */
function terms(d: RunManifest['data'][number]): string {
  const parts = [d.kind];
  if (d.multiplier !== 1) parts.push(`×${d.multiplier}`);
  if (d.tickSize !== 0.01) parts.push(`tick ${d.tickSize}`);
  if (d.lotSize !== 1) parts.push(`lot ${d.lotSize}`);
  if (d.marginRate !== null) parts.push(`margin ${d.marginRate}`);
  return `${parts.join(' ')}, ${typeof d.session === 'string' ? d.session : d.session.name}`;
}

const iso = (micros: number): string | null => (Number.isFinite(micros) ? formatIsoMicros(micros) : null);

/** Returns the manifest recorded for a run. */
export function manifestOf(run: BacktestRun): CliManifest {
  return {
    ...run.result.manifest,
    sources: {
      strategy: run.strategy.file,
      data: run.sources.map((s) => s.input),
      ...(run.instrumentsFile === undefined ? {} : { instruments: run.instrumentsFile }),
      ...(Object.keys(run.fxRates.files).length > 0 ? { fxRates: run.fxRates.files } : {}),
    },
    benchmark: { name: run.benchmark.name, input: run.benchmark.input },
  };
}

/** "5,036 bars", "135 trades", "2,000 quotes, 480 trades": what an instrument's data held. */
function dataCounts(d: { readonly bars: number; readonly trades?: number; readonly quotes?: number }): string {
  const parts: string[] = [];
  if (d.bars > 0 || (d.trades === undefined && d.quotes === undefined))
    parts.push(`${d.bars.toLocaleString('en-US')} bars`);
  if (d.quotes !== undefined) parts.push(`${d.quotes.toLocaleString('en-US')} quotes`);
  if (d.trades !== undefined) parts.push(`${d.trades.toLocaleString('en-US')} trades`);
  return parts.join(', ');
}

/** Returns the summary with the run's period and win rate. */
export function summaryOf(run: BacktestRun): CliSummary {
  const s = run.result.summary;
  const data = run.result.manifest.data.filter((d) => d.bars + (d.trades ?? 0) + (d.quotes ?? 0) > 0);
  const start = data.length === 0 ? Number.NaN : Math.min(...data.map((d) => d.start));
  const end = data.length === 0 ? Number.NaN : Math.max(...data.map((d) => d.end));
  return { ...s, start: iso(start), end: iso(end), winRate: s.trades > 0 ? s.winningTrades / s.trades : null };
}

const metricsCache = new WeakMap<BacktestRun, MetricsReport>();

/**
 * Returns the run's performance metrics against its benchmark, with the underwater curve and
 * rolling Sharpe ratio and volatility series (computed once per run).
 */
export function metricsOf(run: BacktestRun): MetricsReport {
  let metrics = metricsCache.get(run);
  if (metrics === undefined) {
    const { equity } = run.result;
    metrics = computeMetrics(
      {
        time: equity.time,
        equity: equity.equity,
        trades: run.result.trades,
        ...(equity.equity.length > 0 ? { benchmark: { equity: run.benchmark.equity } } : {}),
      },
      { includeSeries: true, ...(run.rollingWindow === undefined ? {} : { rollingWindow: run.rollingWindow }) },
    );
    metricsCache.set(run, metrics);
  }
  return metrics;
}

/** Returns the `--json` document: manifest, summary, metrics, closed trades and final balances. */
export function backtestJson(run: BacktestRun): BacktestJson {
  return {
    manifest: manifestOf(run),
    summary: summaryOf(run),
    metrics: metricsOf(run),
    trades: run.result.trades.map((t) => ({
      ...t,
      entryTimeIso: formatIsoMicros(t.entryTime),
      exitTimeIso: formatIsoMicros(t.exitTime),
    })),
    balances: run.result.balances,
  };
}

const money = (x: number): string => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = (x: number): string => `${(x * 100).toFixed(2)}%`;

/** Prints the run's summary for people. */
export function printBacktestSummary(run: BacktestRun, out: (line: string) => void): void {
  const { manifest, summary: s, positions } = run.result;
  const summary = summaryOf(run);
  const row = (label: string, value: string): void => out(`  ${label.padEnd(17)}${value}`);
  const version = manifest.strategy.version === '' ? '' : ` ${manifest.strategy.version}`;
  out(`${manifest.strategy.name}${version} (${run.strategy.file}, code ${manifest.strategy.codeHash.slice(0, 12)})`);
  const params = formatParameters(manifest.parameters);
  if (params !== '') row('parameters', params);
  for (const d of manifest.data) {
    row(
      'data',
      `${d.instrument}  ${dataCounts(d)}  ${iso(d.start) ?? '-'} → ${iso(d.end) ?? '-'}  (hash ${d.hash.slice(0, 12)})  ${terms(d)}`,
    );
  }
  row('period', `${summary.start ?? '-'} → ${summary.end ?? '-'}`);
  row(manifest.data.some((d) => d.bars === 0) ? 'events' : 'bars', s.bars.toLocaleString('en-US'));
  row('final equity', `${money(s.finalEquity)} ${manifest.currencies.account} (from ${money(s.startEquity)})`);
  const balances = run.result.balances;
  if (balances.length > 1) row('balances', balances.map((b) => `${b.currency} ${money(b.amount)}`).join(', '));
  row('total return', percent(s.totalReturn));
  row('max drawdown', percent(s.maxDrawdown));
  const m = metricsOf(run);
  const ratio = (x: number | null): string => (x === null ? '-' : x.toFixed(2));
  const pct = (x: number | null): string => (x === null ? '-' : percent(x));
  row('CAGR', `${pct(m.returns.cagr)}  (volatility ${pct(m.returns.annualisedVolatility)} a year)`);
  row('Sharpe', `${ratio(m.risk.sharpe)}  (Sortino ${ratio(m.risk.sortino)}, Calmar ${ratio(m.risk.calmar)})`);
  if (m.benchmark !== null) {
    row(
      'benchmark',
      `${pct(m.benchmark.benchmarkTotalReturn)} ${run.benchmark.name}  (alpha ${pct(m.benchmark.alpha)}, beta ${ratio(m.benchmark.beta)})`,
    );
  }
  if (m.trades.count > 0) {
    row('profit factor', `${ratio(m.trades.profitFactor)}  (expectancy ${money(m.trades.expectancy ?? 0)} per trade)`);
  }
  row(
    'trades',
    `${s.trades.toLocaleString('en-US')}` +
      (summary.winRate === null ? '' : ` (win rate ${percent(summary.winRate)}, ${s.winningTrades} won)`),
  );
  const open = positions.filter((p) => p.quantity !== 0);
  if (open.length > 0) row('open positions', open.map((p) => `${p.instrument} ${p.quantity}`).join(', '));
  row('fees', money(s.fees));
  row('orders', `${s.orders.toLocaleString('en-US')} orders, ${s.fills.toLocaleString('en-US')} fills`);
  row('order-list hash', s.orderListHash);
}
