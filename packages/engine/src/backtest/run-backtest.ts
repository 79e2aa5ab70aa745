import { AlphintraError, SeededRng } from '@alphintra/core';
import { createFeeModel } from '../execution/fee-model.js';
import { createLatencyModel } from '../execution/latency-model.js';
import { SimulatedExchange } from '../execution/simulated-exchange.js';
import { createSlippageModel } from '../execution/slippage-model.js';
import { SimulatedClock } from '../kernel/clock.js';
import { Kernel } from '../kernel/kernel.js';
import type { KernelInstrument } from '../kernel/kernel-types.js';
import type { MessageBus } from '../kernel/message-bus.js';
import { type ParameterSpecs, type RawParameter, resolveParameters } from '../strategy/parameters.js';
import type { StrategyDefinition } from '../strategy/strategy.js';
import { type BacktestConfig, type BacktestData, resolveBacktestConfig } from './backtest-config.js';
import { dataRecord, exchangeInstrument, kernelInstrument } from './backtest-instruments.js';
import { balanceRecords, describeFxRates } from './currency-results.js';
import { replayMany, replayOne } from './replay.js';
import { needsEventTimeline, replayEvents } from './replay-events.js';
import {
  type BacktestResult,
  ENGINE_VERSION,
  hashExecutions,
  maxDrawdownOf,
  orderRecords,
  type PositionRecord,
} from './results.js';

/** Everything a backtest needs: the strategy, its data, and any configuration to override. */
export interface BacktestOptions<P extends ParameterSpecs = ParameterSpecs> extends Partial<BacktestConfig> {
  readonly strategy: StrategyDefinition<P>;
  /** Parameter overrides (strings are parsed by type). */
  readonly parameters?: Readonly<Record<string, RawParameter>>;
  readonly data: readonly BacktestData[];
  /** Hash of the strategy's source code, recorded in the manifest. */
  readonly strategyCodeHash?: string;
  /** Called every `progressInterval` bars and at the end. */
  readonly onProgress?: (barsDone: number, barsTotal: number) => void;
  readonly progressInterval?: number;
  /** Called with the kernel's message bus before the run starts, to watch it live. */
  readonly subscribe?: (bus: MessageBus) => void;
  /** Checked between bars; when it reads true the run stops with an `ABORTED` error. */
  readonly signal?: { readonly aborted: boolean };
}

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
    risk: config.risk,
    borrowRate: config.borrowRate,
    fundingInterval: config.fundingInterval,
    corporateActions: config.corporateActions,
    currency,
    fxRates: describeFxRates(config.fxRates),
  };
}

/**
 * Runs a strategy over historical bars through the same kernel paper and live trading use,
 * with a simulated exchange as the venue. Deterministic: the same strategy, data and
 * options give byte-identical results.
 *
 * @example
 * const result = runBacktest({ strategy: smaCrossover, data: [{ instrument, series }], fees: { kind: 'percent', rate: 0.001 } });
 * result.summary.finalEquity;
 */
export function runBacktest<P extends ParameterSpecs>(options: BacktestOptions<P>): BacktestResult {
  const config = resolveBacktestConfig(options);
  if (options.data.length === 0)
    throw new AlphintraError('INVALID_ARGUMENT', 'expected data for at least one instrument');
  const parameters = resolveParameters(options.strategy.parameters, options.parameters);

  const instruments: KernelInstrument[] = options.data.map(kernelInstrument);
  const rng = new SeededRng(config.seed);
  const fees = createFeeModel(config.fees);
  const clock = new SimulatedClock();
  const kernel = new Kernel(
    instruments,
    {
      account: {
        cash: config.cash,
        leverage: config.leverage,
        allowShort: config.allowShort,
        ...(config.currency === undefined ? {} : { currency: config.currency }),
      },
      fxRates: config.fxRates,
      risk: config.risk,
      fees,
      borrowRate: config.borrowRate,
      fundingInterval: config.fundingInterval,
      corporateActions: config.corporateActions,
      maxLogEntries: config.maxLogEntries,
      equityCapacity: Math.min(Math.max(...instruments.map((i) => i.columns.time.length)) + 1, 1 << 24),
    },
    clock,
  );
  const exchange = new SimulatedExchange(
    {
      fillTiming: config.fillTiming,
      barPath: config.barPath,
      volumeLimit: config.volumeLimit,
      limitFillOnTouch: config.limitFillOnTouch,
      slippage: createSlippageModel(config.slippage),
      fees,
      latency: createLatencyModel(config.latency),
      rng,
    },
    kernel.execution,
  );
  for (const ins of instruments) exchange.addInstrument(exchangeInstrument(ins));
  kernel.connect(exchange, exchange);

  const events = needsEventTimeline(instruments);
  // Events in all streams: bars (when the columns are bars), quotes and trades.
  const total = instruments.reduce(
    (sum, i) =>
      sum +
      ((i.feedFrom ?? 'bars') === 'bars' ? i.columns.time.length : 0) +
      (i.quotes?.time.length ?? 0) +
      (i.trades?.time.length ?? 0),
    0,
  );
  const starts = instruments.flatMap((i) =>
    [i.columns.time, i.quotes?.time, i.trades?.time].filter((t): t is Float64Array => t !== undefined && t.length > 0),
  );
  const first = Math.min(...starts.map((t) => t[0] as number));
  if (Number.isFinite(first)) clock.advanceTo(first);
  options.subscribe?.(kernel.bus);
  kernel.start(options.strategy, parameters);

  const interval = Math.max(1, Math.floor(options.progressInterval ?? 65_536));
  const progress = options.onProgress;
  const signal = options.signal;

  const done = events
    ? replayEvents(kernel, interval, progress, signal)
    : instruments.length === 1
      ? replayOne(kernel, total, interval, progress, signal)
      : replayMany(kernel, total, interval, progress, signal);
  kernel.stop();
  progress?.(done, total);

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
