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
import { hashColumns } from '../support/columns-hash.js';
import {
  type BacktestConfig,
  type BacktestData,
  barShape,
  checkSeries,
  resolveBacktestConfig,
} from './backtest-config.js';
import {
  type BacktestResult,
  ENGINE_VERSION,
  hashExecutions,
  maxDrawdownOf,
  orderRecord,
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

function describeConfig(config: BacktestConfig): Record<string, unknown> {
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

  const instruments: KernelInstrument[] = options.data.map((d) => {
    checkSeries(d.series, d.instrument.id);
    const shape = barShape(d.series, d.instrument.id);
    return {
      instrument: d.instrument,
      columns: d.series.columns(),
      duration: shape.duration,
      sessionBars: shape.sessionBars,
      ...(shape.timeframe === undefined ? {} : { timeframe: shape.timeframe }),
      ...(d.marginRate === undefined ? {} : { marginRate: d.marginRate }),
      ...(d.fundingRate === undefined ? {} : { fundingRate: d.fundingRate }),
    };
  });
  const rng = new SeededRng(config.seed);
  const fees = createFeeModel(config.fees);
  const clock = new SimulatedClock();
  const kernel = new Kernel(
    instruments,
    {
      account: { cash: config.cash, leverage: config.leverage, allowShort: config.allowShort },
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
    kernel,
  );
  for (const ins of instruments) {
    const c = ins.columns;
    exchange.addInstrument({
      id: ins.instrument.id,
      tickSize: ins.instrument.tickSize,
      multiplier: ins.instrument.multiplier,
      time: c.time,
      open: c.open,
      high: c.high,
      low: c.low,
      close: c.close,
      volume: c.volume,
      duration: ins.duration,
      sessionBars: ins.sessionBars,
    });
  }
  kernel.connect(exchange, exchange);

  const total = instruments.reduce((sum, i) => sum + i.columns.time.length, 0);
  const first = Math.min(
    ...instruments.map((i) => (i.columns.time.length > 0 ? (i.columns.time[0] as number) : Number.POSITIVE_INFINITY)),
  );
  if (Number.isFinite(first)) clock.advanceTo(first);
  options.subscribe?.(kernel.bus);
  kernel.start(options.strategy, parameters);

  const interval = Math.max(1, Math.floor(options.progressInterval ?? 65_536));
  const progress = options.onProgress;
  const signal = options.signal;

  const done =
    instruments.length === 1
      ? replayOne(kernel, total, interval, progress, signal)
      : replayMany(kernel, total, interval, progress, signal);
  kernel.stop();
  progress?.(done, total);

  const curve = kernel.equityCurve.curve();
  const orders = kernel.orders.map(orderRecord);
  const p = kernel.portfolio;
  const positions: PositionRecord[] = kernel.ids.map((id, k) => ({
    instrument: id,
    quantity: p.quantity[k] as number,
    averagePrice: Number.isFinite(p.averagePrice[k] as number) ? (p.averagePrice[k] as number) : null,
    lastPrice: Number.isFinite(p.lastPrice[k] as number) ? (p.lastPrice[k] as number) : null,
    realizedPnl: p.realized[k] as number,
    fees: p.fees[k] as number,
    carry: p.carry[k] as number,
  }));
  const trades = kernel.trades.trades;
  const finalEquity = curve.equity.length > 0 ? (curve.equity[curve.equity.length - 1] as number) : config.cash;
  let feesPaid = 0;
  for (const f of kernel.fills) feesPaid += f.fee;
  const winning = trades.filter((t) => t.pnl > 0).length;
  const result: BacktestResult = {
    manifest: {
      engineVersion: ENGINE_VERSION,
      strategy: {
        name: options.strategy.name,
        version: options.strategy.version ?? '',
        codeHash: options.strategyCodeHash ?? '',
      },
      parameters: parameters as Record<string, number | boolean | string>,
      data: options.data.map((d) => ({
        instrument: d.instrument.id,
        bars: d.series.length,
        start: d.series.length > 0 ? d.series.start : Number.NaN,
        end: d.series.length > 0 ? d.series.end : Number.NaN,
        hash: d.hash ?? hashColumns(d.series.columns()),
      })),
      config: describeConfig(config),
      seed: config.seed,
    },
    summary: {
      startEquity: config.cash,
      finalEquity,
      totalReturn: finalEquity / config.cash - 1,
      maxDrawdown: maxDrawdownOf(curve.equity),
      bars: done,
      orders: orders.length,
      fills: kernel.fills.length,
      trades: trades.length,
      winningTrades: winning,
      fees: feesPaid,
      orderListHash: '',
    },
    orders,
    fills: kernel.fills,
    trades,
    events: kernel.events,
    positions,
    equity: curve,
    logs: kernel.logs,
  };
  // Hashing every execution costs about as much as a fast run itself, so it happens on the
  // first read of the field (a JSON dump reads it too) and is then kept.
  let hash: string | undefined;
  Object.defineProperty(result.summary, 'orderListHash', {
    enumerable: true,
    get: () => {
      hash ??= hashExecutions(orders, kernel.fills);
      return hash;
    },
  });
  return result;
}

type Progress = ((barsDone: number, barsTotal: number) => void) | undefined;
type Signal = { readonly aborted: boolean } | undefined;

function checkpoint(done: number, total: number, progress: Progress, signal: Signal): void {
  if (signal?.aborted === true)
    throw new AlphintraError('ABORTED', `backtest cancelled after ${done} of ${total} bars`);
  progress?.(done, total);
}

/** The replay loop for one instrument: four kernel calls per bar, integers only. */
function replayOne(kernel: Kernel, total: number, interval: number, progress: Progress, signal: Signal): number {
  const n = (kernel.instruments[0] as KernelInstrument).columns.time.length;
  let nextCheck = interval;
  for (let j = 0; j < n; j++) {
    kernel.stepBar(0, j);
    if (j + 1 === nextCheck) {
      nextCheck += interval;
      checkpoint(j + 1, total, progress, signal);
    }
  }
  return n;
}

/**
 * The replay loop for many instruments: at each step the smallest next timestamp across the
 * instruments (ties in instrument order), every instrument with a bar then matched, then
 * delivered, then one slice ended. O(instruments) per timestamp.
 */
function replayMany(kernel: Kernel, total: number, interval: number, progress: Progress, signal: Signal): number {
  const n = kernel.instruments.length;
  const cursor = new Int32Array(n);
  const due = new Int32Array(n);
  const times = kernel.instruments.map((i) => i.columns.time);
  let done = 0;
  let nextCheck = interval;
  for (;;) {
    let t = Number.POSITIVE_INFINITY;
    for (let k = 0; k < n; k++) {
      const c = cursor[k] as number;
      const column = times[k] as Float64Array;
      if (c < column.length && (column[c] as number) < t) t = column[c] as number;
    }
    if (t === Number.POSITIVE_INFINITY) break;
    let count = 0;
    for (let k = 0; k < n; k++) {
      const c = cursor[k] as number;
      const column = times[k] as Float64Array;
      if (c < column.length && column[c] === t) due[count++] = k;
    }
    const k0 = due[0] as number;
    const j0 = cursor[k0] as number;
    kernel.advanceToBar(k0, j0);
    for (let i = 0; i < count; i++) kernel.beginBar(due[i] as number, cursor[due[i] as number] as number);
    for (let i = 0; i < count; i++) kernel.deliverBar(due[i] as number, cursor[due[i] as number] as number);
    kernel.endSlice(k0, j0);
    for (let i = 0; i < count; i++) {
      const k = due[i] as number;
      cursor[k] = (cursor[k] as number) + 1;
    }
    done += count;
    if (done >= nextCheck) {
      nextCheck = done + interval;
      checkpoint(done, total, progress, signal);
    }
  }
  return done;
}
