import { AlphintraError } from '@alphintra/core';
import {
  type BacktestOptions,
  type BacktestResult,
  type PositionRecord,
  runBacktest,
  type Trade,
} from '@alphintra/engine';
import { correlationFromCovariance, covarianceMatrix } from '../allocation/covariance.js';
import { instrumentedPortfolio, type PortfolioDefinition } from '../define-portfolio.js';
import type { RebalanceEvent, RiskEvent } from '../runtime/portfolio-recorder.js';
import type { PortfolioRuntime } from '../runtime/portfolio-runtime.js';
import type { InstrumentTerms } from '../spec/portfolio-spec.js';

/** What `runPortfolio` needs: the portfolio, its data, and any backtest configuration to override. */
export interface PortfolioRunOptions extends Omit<BacktestOptions, 'strategy'> {
  readonly portfolio: PortfolioDefinition;
}

/** One sleeve's results; every series has one value per row of the account's equity curve. */
export interface SleeveResult {
  readonly name: string;
  readonly strategy: { readonly name: string; readonly version: string };
  readonly parameters: Readonly<Record<string, number | boolean | string>>;
  readonly instruments: readonly string[];
  /** Capital at the start (its starting weight of the account's equity). */
  readonly startEquity: number;
  readonly finalEquity: number;
  /** Capital after each row (rebalancing flows included). */
  readonly equity: Float64Array;
  /** Each row's return with rebalancing flows excluded (row 0: against the starting capital). */
  readonly returns: Float64Array;
  /** Time-weighted value: the account's starting equity compounded by `returns`; what its metrics measure. */
  readonly value: Float64Array;
  /** Capital over the sum of the sleeves' capital, after each row. */
  readonly weight: Float64Array;
  /** Target weight in force after each row. */
  readonly targetWeight: Float64Array;
  /** Round trips of the sleeve's own positions. */
  readonly trades: readonly Trade[];
  readonly orders: number;
  readonly fills: number;
  readonly fees: number;
  /** Final positions of the sleeve, one per instrument it trades. */
  readonly positions: readonly PositionRecord[];
}

/** Pearson correlations of the sleeves' returns (null where a sleeve never varied). */
export interface CorrelationMatrix {
  readonly names: readonly string[];
  readonly matrix: readonly (readonly (number | null)[])[];
}

/** A portfolio run: the account's backtest result and the portfolio's own records. */
export interface PortfolioResult {
  /** The account: equity curve, orders, fills, trades, manifest — as for any backtest. */
  readonly backtest: BacktestResult;
  readonly sleeves: readonly SleeveResult[];
  readonly rebalances: readonly RebalanceEvent[];
  readonly riskEvents: readonly RiskEvent[];
  /** Correlation of the sleeves' returns over the run (rows 1 on). */
  readonly correlation: CorrelationMatrix;
}

function termsOf(data: BacktestOptions['data']): Record<string, InstrumentTerms> {
  const terms: Record<string, InstrumentTerms> = {};
  for (const d of data) {
    const i = d.instrument;
    terms[i.id] = {
      multiplier: i.multiplier,
      lotSize: i.lotSize,
      margined: i.kind === 'future' || i.kind === 'perpetual',
      currency: i.currency,
    };
  }
  return terms;
}

/** Returns the correlation matrix of return series (rows 1 on), with null for undefined entries. */
export function sleeveCorrelation(names: readonly string[], returns: readonly Float64Array[]): CorrelationMatrix {
  const series = returns.map((r) => r.subarray(1));
  const n = names.length;
  if ((series[0]?.length ?? 0) < 2) return { names, matrix: names.map(() => new Array<null>(n).fill(null)) };
  const matrix = correlationFromCovariance(covarianceMatrix(series)).map((row) =>
    row.map((c) => (Number.isFinite(c) ? c : null)),
  );
  return { names, matrix };
}

function sleeveResult(
  runtime: PortfolioRuntime,
  index: number,
  parameters: BacktestResult['manifest']['parameters'],
): SleeveResult {
  const spec = runtime.spec.sleeves[index] as PortfolioRuntime['spec']['sleeves'][number];
  const sleeve = runtime.sleeves[index] as PortfolioRuntime['sleeves'][number];
  const columns = runtime.recorder.sleeves[index] as PortfolioRuntime['recorder']['sleeves'][number];
  const ledger = sleeve.ledger;
  const book = ledger.book;
  const own: Record<string, number | boolean | string> = {};
  for (const name of Object.keys(spec.parameters))
    own[name] = parameters[`${spec.name}.${name}`] ?? (spec.parameters[name] as number);
  const equity = Float64Array.from(columns.equity.view());
  const first = runtime.recorder.rebalances[0]?.transfers[index] ?? Number.NaN;
  let fees = 0;
  for (let k = 0; k < book.fees.length; k++) fees += book.fees[k] as number;
  return {
    name: spec.name,
    strategy: { name: spec.strategy.name, version: spec.strategy.version ?? '' },
    parameters: own,
    instruments: sleeve.instruments.map((k) => runtime.account.ids[k] as string),
    startEquity: first,
    finalEquity: equity.length > 0 ? (equity[equity.length - 1] as number) : first,
    equity,
    returns: Float64Array.from(columns.returns.view()),
    value: Float64Array.from(columns.value.view()),
    weight: Float64Array.from(columns.weight.view()),
    targetWeight: Float64Array.from(columns.target.view()),
    trades: ledger.trades.toArray(),
    orders: runtime.router.orderCount(index),
    fills: ledger.fills,
    fees,
    positions: sleeve.instruments.map((k) => ({
      instrument: runtime.account.ids[k] as string,
      currency: runtime.spec.instruments?.[runtime.account.ids[k] as string]?.currency ?? runtime.account.ctx.currency,
      quantity: book.quantity[k] as number,
      averagePrice: Number.isFinite(book.averagePrice[k] as number) ? (book.averagePrice[k] as number) : null,
      lastPrice: Number.isFinite(runtime.account.positions[k]?.lastPrice as number)
        ? (runtime.account.positions[k]?.lastPrice as number)
        : null,
      realizedPnl: book.realized[k] as number,
      fees: book.fees[k] as number,
      carry: book.carry[k] as number,
    })),
  };
}

/**
 * Runs a portfolio through the engine (one account, one simulated exchange) and returns the
 * account's backtest result with each sleeve's curves, trades and positions, the weights over
 * time, the rebalance log, the portfolio limits' events and the correlation of the sleeves'
 * returns. Deterministic like `runBacktest`; instrument terms (multiplier, lot size, margined)
 * come from the data.
 *
 * @example
 * const result = runPortfolio({ portfolio, data, fees: { kind: 'percent', rate: 0.0005 } });
 * result.sleeves.map((s) => s.finalEquity);
 */
export function runPortfolio(options: PortfolioRunOptions): PortfolioResult {
  const { portfolio, ...rest } = options;
  let runtime: PortfolioRuntime | undefined;
  const strategy = instrumentedPortfolio(portfolio, termsOf(options.data), (r) => {
    runtime = r;
  });
  const backtest = runBacktest({ ...rest, strategy });
  if (runtime === undefined) throw new AlphintraError('INVALID_ARGUMENT', 'the portfolio was never started');
  const done = runtime;
  const sleeves = done.sleeves.map((_, i) => sleeveResult(done, i, backtest.manifest.parameters));
  return {
    backtest,
    sleeves,
    rebalances: done.recorder.rebalances,
    riskEvents: done.recorder.riskEvents,
    correlation: sleeveCorrelation(
      sleeves.map((s) => s.name),
      sleeves.map((s) => s.returns),
    ),
  };
}
