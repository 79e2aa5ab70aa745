import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MetricsReport } from '@alphintra/analytics';
import { formatIsoMicros } from '@alphintra/core';
import type { PositionRecord, Trade } from '@alphintra/engine';
import type { CorrelationMatrix, RebalanceEvent, ResolvedPortfolio, RiskEvent } from '@alphintra/portfolio';
import { printTable } from '../support/table.js';
import { toCsv, writeBacktestFiles } from './backtest-files.js';
import { type CliManifest, type CliSummary, manifestOf, printBacktestSummary, summaryOf } from './backtest-report.js';
import { accountOf, type PortfolioRun, portfolioMetricsOf } from './portfolio.js';

/** One sleeve in `--json` output: what it is, how it ended, its metrics. */
export interface SleeveJson {
  readonly name: string;
  readonly strategy: { readonly name: string; readonly version: string; readonly file: string | null };
  readonly parameters: Readonly<Record<string, number | boolean | string>>;
  readonly instruments: readonly string[];
  readonly startEquity: number;
  readonly finalEquity: number;
  readonly finalWeight: number | null;
  readonly orders: number;
  readonly fills: number;
  readonly fees: number;
  readonly positions: readonly PositionRecord[];
  readonly metrics: MetricsReport;
  readonly trades: readonly Trade[];
}

/** The document `alphintra portfolio --json` prints. */
export interface PortfolioJson {
  readonly manifest: CliManifest & { readonly portfolio: ResolvedPortfolioJson };
  readonly summary: CliSummary;
  /** The account's metrics (docs/analytics/metrics.md). */
  readonly metrics: MetricsReport;
  readonly sleeves: readonly SleeveJson[];
  readonly correlation: CorrelationMatrix;
  readonly rebalances: readonly RebalanceEvent[];
  readonly riskEvents: readonly RiskEvent[];
  /** The account's closed trades. */
  readonly trades: readonly Trade[];
}

/** The portfolio's rules as the manifest records them (limits that are off are null). */
export interface ResolvedPortfolioJson {
  readonly allocation: ResolvedPortfolio['allocation'];
  readonly rebalance: {
    readonly schedule: ResolvedPortfolio['rebalance']['schedule'];
    readonly driftThreshold: number | null;
    readonly scalePositions: boolean;
  };
  readonly risk: {
    readonly maxGrossLeverage: number | null;
    readonly maxDrawdown: number | null;
    readonly maxWeight: number | null;
  };
  readonly sleeves: readonly {
    readonly name: string;
    readonly strategy: string;
    readonly instruments: readonly string[] | null;
  }[];
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

function rulesOf(spec: ResolvedPortfolio): ResolvedPortfolioJson {
  return {
    allocation: spec.allocation,
    rebalance: {
      schedule: spec.rebalance.schedule,
      driftThreshold: finite(spec.rebalance.driftThreshold),
      scalePositions: spec.rebalance.scalePositions,
    },
    risk: {
      maxGrossLeverage: finite(spec.risk.maxGrossLeverage),
      maxDrawdown: finite(spec.risk.maxDrawdown),
      maxWeight: finite(spec.risk.maxWeight),
    },
    sleeves: spec.sleeves.map((s) => ({ name: s.name, strategy: s.strategy.name, instruments: s.instruments ?? null })),
  };
}

/** Returns the `--json` document of a portfolio run. */
export function portfolioJson(run: PortfolioRun): PortfolioJson {
  const account = accountOf(run);
  const metrics = portfolioMetricsOf(run);
  const result = run.result;
  return {
    manifest: { ...manifestOf(account), portfolio: rulesOf(run.portfolio.definition.portfolio) },
    summary: summaryOf(account),
    metrics: metrics.portfolio,
    sleeves: result.sleeves.map((s, i) => ({
      name: s.name,
      strategy: { ...s.strategy, file: run.portfolio.strategyFiles[i] ?? null },
      parameters: s.parameters,
      instruments: s.instruments,
      startEquity: s.startEquity,
      finalEquity: s.finalEquity,
      finalWeight: s.weight.length > 0 ? finite(s.weight[s.weight.length - 1] as number) : null,
      orders: s.orders,
      fills: s.fills,
      fees: s.fees,
      positions: s.positions,
      metrics: metrics.sleeves[s.name] as MetricsReport,
      trades: s.trades,
    })),
    correlation: result.correlation,
    rebalances: result.rebalances,
    riskEvents: result.riskEvents,
    trades: result.backtest.trades,
  };
}

const money = (x: number): string => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = (x: number | null): string => (x === null || !Number.isFinite(x) ? '-' : `${(x * 100).toFixed(2)}%`);
const ratio = (x: number | null): string => (x === null || !Number.isFinite(x) ? '-' : x.toFixed(2));

function countBy(items: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}

/** Prints the portfolio run for people: the account as `backtest` prints it, then the sleeves. */
export function printPortfolioSummary(run: PortfolioRun, out: (line: string) => void): void {
  printBacktestSummary(accountOf(run), out);
  const result = run.result;
  const row = (label: string, value: string): void => out(`  ${label.padEnd(17)}${value}`);
  const rebalances = result.rebalances.filter((r) => r.reason !== 'start');
  row(
    'rebalances',
    rebalances.length === 0 ? 'none' : `${rebalances.length} (${countBy(rebalances.map((r) => r.reason))})`,
  );
  if (result.riskEvents.length > 0) {
    row('risk events', countBy(result.riskEvents.map((e) => (e.kind === 'order-denied' ? e.code : 'drawdown halt'))));
  }
  const metrics = portfolioMetricsOf(run).sleeves;
  out('');
  printTable(
    ['sleeve', 'strategy', 'instruments', 'capital', 'weight', 'return', 'CAGR', 'Sharpe', 'max drawdown', 'trades'],
    result.sleeves.map((s) => {
      const m = metrics[s.name] as MetricsReport;
      return [
        s.name,
        `${s.strategy.name}${s.strategy.version === '' ? '' : ` ${s.strategy.version}`}`,
        s.instruments.join(', '),
        money(s.finalEquity),
        pct(s.weight[s.weight.length - 1] ?? Number.NaN),
        pct(m.returns.totalReturn),
        pct(m.returns.cagr),
        ratio(m.risk.sharpe),
        pct(m.drawdown.maxDrawdown),
        String(s.trades.length),
      ];
    }),
    out,
  );
  out('');
  out('correlation of sleeve returns');
  const c = result.correlation;
  printTable(
    ['', ...c.names],
    c.names.map((name, i) => [name, ...(c.matrix[i] ?? []).map((v) => (v === null ? '-' : v.toFixed(2)))]),
    out,
  );
}

/** Rows of the sleeves' series, one per account row: equity, weight, target and time-weighted value of each. */
export function sleevesCsv(run: PortfolioRun): string {
  const { sleeves, backtest } = run.result;
  const headers = [
    'time',
    ...sleeves.flatMap((s) => [`${s.name}_equity`, `${s.name}_weight`, `${s.name}_target`, `${s.name}_value`]),
  ];
  const rows = Array.from(backtest.equity.time, (t, i) => [
    formatIsoMicros(t),
    ...sleeves.flatMap((s) => [
      s.equity[i] as number,
      s.weight[i] as number,
      s.targetWeight[i] as number,
      s.value[i] as number,
    ]),
  ]);
  return toCsv(headers, rows);
}

/**
 * Writes a portfolio run to `dir`: the account's files (as `backtest --out` writes them),
 * sleeves.csv (each sleeve's series by row) and portfolio.json (the `--json` document without
 * the account's parts already written).
 */
export async function writePortfolioFiles(dir: string, run: PortfolioRun): Promise<string[]> {
  const written = await writeBacktestFiles(dir, accountOf(run));
  await mkdir(dir, { recursive: true });
  const doc = portfolioJson(run);
  const contents: [string, string][] = [
    ['sleeves.csv', sleevesCsv(run)],
    [
      'portfolio.json',
      `${JSON.stringify({ portfolio: doc.manifest.portfolio, sleeves: doc.sleeves, correlation: doc.correlation, rebalances: doc.rebalances, riskEvents: doc.riskEvents }, null, 2)}\n`,
    ],
  ];
  for (const [name, text] of contents) {
    const path = join(dir, name);
    await writeFile(path, text);
    written.push(path);
  }
  return written;
}
