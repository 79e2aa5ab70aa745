import type { Kernel } from '../kernel/kernel.js';
import type { ParameterSpecs, ParameterValues } from '../strategy/parameters.js';
import type { BacktestConfig, BacktestData } from './backtest-config.js';
import { dataRecord } from './backtest-instruments.js';
import { balanceRecords, describeFxRates } from './currency-results.js';
import {
  type BacktestResult,
  ENGINE_VERSION,
  hashExecutions,
  maxDrawdownOf,
  orderRecords,
  type PositionRecord,
} from './results.js';

/** The configuration as the manifest records it (custom model functions as "custom"). */
function describeConfig(config: BacktestConfig, currency: string): Record<string, unknown> {
  const model = (m: unknown): unknown => (typeof m === 'function' ? 'custom' : m);
  return {
    cash: config.cash,
    leverage: config.leverage,
    allowShort: config.allowShort,
    fees: model(config.fees),
    slippage: model(config.slippage),
    fillTiming: config.fillTiming,
    barPath: config.barPath,
    volumeLimit: Number.isFinite(config.volumeLimit) ? config.volumeLimit : null,
    latency: model(config.latency),
    limitFillOnTouch: config.limitFillOnTouch,
    whenClosed: config.whenClosed,
    risk: config.risk,
    borrowRate: config.borrowRate,
    fundingInterval: config.fundingInterval,
    corporateActions: config.corporateActions,
    currency,
    fxRates: describeFxRates(config.fxRates),
  };
}

/** What a run was given that its manifest records. */
interface RunInputs {
  readonly strategy: { readonly name: string; readonly version?: string | undefined };
  readonly data: readonly BacktestData[];
  readonly strategyCodeHash?: string | undefined;
}

/**
 * Builds a run's results from the kernel's state after `done` bars — at the end of a run, or
 * where a strategy failure stopped it.
 */
export function collectResult<P extends ParameterSpecs>(
  kernel: Kernel,
  options: RunInputs,
  config: BacktestConfig,
  parameters: ParameterValues<P>,
  done: number,
): BacktestResult {
  const curve = kernel.equityCurve.curve();
  const execution = kernel.execution;
  const p = kernel.portfolio;
  const positions: PositionRecord[] = kernel.ids.map((id, k) => ({
    instrument: id,
    quantity: p.quantity[k] as number,
    averagePrice: Number.isFinite(p.averagePrice[k] as number) ? (p.averagePrice[k] as number) : null,
    lastPrice: Number.isFinite(p.lastPrice[k] as number) ? (p.lastPrice[k] as number) : null,
    currency: kernel.instruments[k]?.instrument.currency as string,
    realizedPnl: p.realized[k] as number,
    fees: p.fees[k] as number,
    carry: p.carry[k] as number,
  }));
  const plan = kernel.currencyPlan;
  const finalEquity = curve.equity.length > 0 ? (curve.equity[curve.equity.length - 1] as number) : config.cash;
  const summary = {
    startEquity: config.cash,
    finalEquity,
    totalReturn: finalEquity / config.cash - 1,
    maxDrawdown: maxDrawdownOf(curve.equity),
    bars: done,
    orders: execution.orders.count,
    fills: execution.fills.length,
    trades: kernel.trades.count,
    winningTrades: kernel.trades.winners(),
    fees: p.totalFees,
    orderListHash: '',
  };
  // Orders, fills, trades and events are kept in typed columns during the run; the objects
  // are built on first read (and kept), so a run whose lists nobody reads never builds them.
  // Hashing every execution costs about as much as a fast run itself, so it waits too.
  const result = {
    manifest: {
      engineVersion: ENGINE_VERSION,
      strategy: {
        name: options.strategy.name,
        version: options.strategy.version ?? '',
        codeHash: options.strategyCodeHash ?? '',
      },
      parameters: parameters as Record<string, number | boolean | string>,
      data: options.data.map(dataRecord),
      config: describeConfig(config, plan.account),
      seed: config.seed,
      currencies: { account: plan.account, balances: p.currencies, rates: plan.routes },
    },
    summary,
  } as Record<string, unknown>;
  lazy(result, 'orders', () => orderRecords(execution.orders));
  lazy(result, 'fills', () => execution.fills.toArray());
  lazy(result, 'trades', () => kernel.trades.toArray());
  lazy(result, 'events', () => execution.events.toArray());
  result.positions = positions;
  result.balances = balanceRecords(p);
  result.equity = curve;
  result.logs = kernel.logs;
  const done_ = result as unknown as BacktestResult;
  lazy(summary, 'orderListHash', () => hashExecutions(done_.orders, done_.fills));
  return done_;
}

/** Defines `key` on `target` as an enumerable property computed on first read, then kept. */
function lazy(target: object, key: string, compute: () => unknown): void {
  let value: unknown;
  let ready = false;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: false,
    get: () => {
      if (!ready) {
        value = compute();
        ready = true;
      }
      return value;
    },
  });
}
