import { BarSeries, SeededRng } from '@alphintra/core';
import { createFeeModel, type FeeConfig, type FeeModel } from '../execution/fee-model.js';
import { createSlippageModel, type SlippageConfig, type SlippageModel } from '../execution/slippage-model.js';
import { SweepAccount } from './sweep-account.js';
import { HOLD, type SweepFace } from './sweep-face.js';
import { SweepIndicators } from './sweep-indicators.js';
import { SweepLoop } from './sweep-loop.js';
import { allocateResult } from './sweep-result.js';

// Why this module exists. V8 gives every object a hidden class ("map"); the optimised code of a
// hot method checks its receiver against the maps it was compiled for. The map an instance of a
// class reaches once its constructor has added its fields is held only by the instances that use
// it: when every instance has died — as they all do when one runSweep returns — the map can be
// collected, the next sweep's instances get a new one, and all optimised code compiled for the
// old one is thrown away and compiled again. Measured on a 10,000-run sweep of the SMA crossover,
// that recompiling (and running unoptimised until it is done) cost about a quarter of the CPU.
// One idle instance of each hot class, and one record per set of indicator names, kept for the
// life of the module, hold those maps steady. They hold no data (empty columns, no runs). The
// same goes for the fee and slippage models: optimised code inlines the very closure it saw,
// so each sweep building its own would discard that code too; models built from the same
// description are shared (they keep no state).

const EMPTY = new Float64Array(0);
let anchors: readonly object[] | undefined;
const records = new Map<string, Readonly<Record<string, Float64Array>>>();

/** Creates the idle instances that keep the sweep's hidden classes alive (once per process). */
export function anchorSweepShapes(): void {
  if (anchors !== undefined) return;
  const bars = BarSeries.empty(0).columns();
  const account = (tradeStatistics: boolean): SweepAccount =>
    new SweepAccount(
      {
        instrument: '',
        multiplier: 1,
        lotSize: 1,
        leverage: 1,
        allowShort: false,
        fees: () => 0,
        slippage: null,
        high: EMPTY,
        low: EMPTY,
        close: EMPTY,
        volume: EMPTY,
        time: EMPTY,
        fillDelay: 0,
      },
      new SeededRng(0),
      tradeStatistics,
    );
  const face: SweepFace<never, string> = { indicators: () => ({}), decide: () => HOLD };
  const kept: object[] = [account(false), new SweepIndicators(bars)];
  // The result's shape depends on what is asked for: one loop per combination.
  for (const barReturns of [false, true]) {
    for (const blocks of [0, 1]) {
      kept.push(
        new SweepLoop({
          face,
          bars,
          account: account(true),
          cash: 1,
          multiplier: 1,
          borrowRate: 0,
          duration: 1,
          fillAtClose: false,
          closeThenOpen: false,
          periodsPerYear: 1,
          result: allocateResult([], 1, 1, 0, barReturns, blocks),
        }),
      );
    }
  }
  anchors = kept;
}

/**
 * A fresh record with a property per name (in order, each the empty column until set) whose
 * hidden class outlives it: the `values` a face's `decide` reads, the same map sweep after sweep.
 */
export function columnRecord(names: readonly string[]): Record<string, Float64Array> {
  const key = names.join('\u0000');
  if (!records.has(key)) records.set(key, fill({}, names));
  return fill({}, names);
}

function fill(record: Record<string, Float64Array>, names: readonly string[]): Record<string, Float64Array> {
  for (const name of names) record[name] = EMPTY;
  return record;
}

const MAX_SHARED_MODELS = 64;
const feeModels = new Map<string, FeeModel>();
const slippageModels = new Map<string, SlippageModel>();

function shared<C, M>(config: C | M, create: (config: C | M) => M, cache: Map<string, M>): M {
  if (typeof config === 'function') return config as M;
  const key = JSON.stringify(config) ?? '';
  let model = cache.get(key);
  if (model === undefined) {
    model = create(config);
    if (cache.size < MAX_SHARED_MODELS) cache.set(key, model);
  }
  return model;
}

/** The fee model of `config`, the same function for the same description (see above). */
export function sharedFeeModel(config: FeeConfig | FeeModel | undefined): FeeModel {
  return shared(config, createFeeModel, feeModels);
}

/** The slippage model of `config`, the same function for the same description (see above). */
export function sharedSlippageModel(config: SlippageConfig | SlippageModel | undefined): SlippageModel {
  return shared(config, createSlippageModel, slippageModels);
}
