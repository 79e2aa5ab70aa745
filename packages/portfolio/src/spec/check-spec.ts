import { AlphintraError, isAlphintraError } from '@alphintra/core';
import { type ParameterSpecs, resolveParameters, type StrategyDefinition } from '@alphintra/engine';
import type { Shrinkage } from '../allocation/covariance.js';
import type { AllocationSpec, PortfolioSpec, RebalanceSpec, RiskLimits, SleeveSpec } from './portfolio-spec.js';

/** An allocation method with every default filled in. */
export type ResolvedAllocation =
  | { readonly kind: 'fixed'; readonly weights: readonly number[] }
  | { readonly kind: 'equal' }
  | { readonly kind: 'inverse-volatility'; readonly lookback: number }
  | {
      readonly kind: 'risk-parity';
      readonly lookback: number;
      readonly shrinkage: Shrinkage;
      readonly budgets: readonly number[] | undefined;
    }
  | { readonly kind: 'min-variance'; readonly lookback: number; readonly shrinkage: Shrinkage }
  | {
      readonly kind: 'max-sharpe';
      readonly lookback: number;
      readonly shrinkage: Shrinkage;
      readonly riskFreeRate: number;
    }
  | {
      readonly kind: 'utility';
      readonly lookback: number;
      readonly shrinkage: Shrinkage;
      readonly riskAversion: number;
    };

/** A rebalancing schedule with its period made explicit. */
export type ResolvedSchedule =
  | { readonly kind: 'never' }
  | { readonly kind: 'weekly' }
  | { readonly kind: 'monthly' }
  | { readonly kind: 'quarterly' }
  | { readonly kind: 'bars'; readonly every: number };

/** A sleeve with its parameters resolved against its strategy's specs. */
export interface ResolvedSleeve {
  readonly name: string;
  readonly strategy: StrategyDefinition<ParameterSpecs>;
  readonly parameters: Readonly<Record<string, number | boolean | string>>;
  readonly instruments: readonly string[] | undefined;
}

/** A checked portfolio spec with every default filled in. */
export interface ResolvedPortfolio {
  readonly name: string;
  readonly version: string;
  readonly description: string | undefined;
  readonly sleeves: readonly ResolvedSleeve[];
  readonly allocation: ResolvedAllocation;
  readonly rebalance: {
    readonly schedule: ResolvedSchedule;
    readonly driftThreshold: number;
    readonly scalePositions: boolean;
  };
  readonly risk: { readonly maxGrossLeverage: number; readonly maxDrawdown: number; readonly maxWeight: number };
  readonly instruments: PortfolioSpec['instruments'];
}

/** Trailing returns allocation methods look at, by default: about a quarter of daily bars. */
export const DEFAULT_LOOKBACK = 63;

const fail = (message: string): never => {
  throw new AlphintraError('INVALID_ARGUMENT', message);
};

function positiveOrInfinity(name: string, value: number | undefined, atMostOne = false): number {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  if (!(Number.isFinite(value) && value > 0 && (!atMostOne || value <= 1))) {
    fail(`expected ${name} ${atMostOne ? 'in (0, 1]' : 'above 0'}, got ${value}`);
  }
  return value;
}

function checkSleeve(sleeve: SleeveSpec, index: number, seen: Set<string>): ResolvedSleeve {
  const name = sleeve?.name;
  if (typeof name !== 'string' || !/^[A-Za-z0-9_-]+$/.test(name)) {
    fail(`expected sleeve ${index + 1} to have a name of letters, digits, _ and -, got ${JSON.stringify(name)}`);
  }
  if (seen.has(name)) fail(`sleeve ${name} is named twice`);
  seen.add(name);
  const strategy = sleeve.strategy as StrategyDefinition<ParameterSpecs> | undefined;
  if (strategy === undefined || typeof strategy.create !== 'function' || typeof strategy.parameters !== 'object') {
    fail(`expected sleeve ${name} to have a strategy (a defineStrategy definition)`);
  }
  let parameters: Record<string, number | boolean | string>;
  try {
    parameters = resolveParameters((strategy as StrategyDefinition<ParameterSpecs>).parameters, sleeve.parameters);
  } catch (error) {
    if (isAlphintraError(error)) throw new AlphintraError(error.code, `sleeve ${name}: ${error.message}`);
    throw error;
  }
  const instruments = sleeve.instruments;
  if (instruments !== undefined) {
    if (!Array.isArray(instruments) || instruments.length === 0 || instruments.some((i) => typeof i !== 'string')) {
      fail(`expected sleeve ${name} to list at least one instrument by id or symbol`);
    }
    if (new Set(instruments).size !== instruments.length) fail(`sleeve ${name} lists an instrument twice`);
  }
  return { name, strategy: strategy as StrategyDefinition<ParameterSpecs>, parameters, instruments };
}

function lookbackOf(value: number | undefined): number {
  if (value === undefined) return DEFAULT_LOOKBACK;
  if (!(Number.isInteger(value) && value >= 2)) fail(`expected a whole lookback of at least 2 bars, got ${value}`);
  return value;
}

function shrinkageOf(value: Shrinkage | undefined): Shrinkage {
  if (value === undefined || value === 'ledoit-wolf') return 'ledoit-wolf';
  if (!(typeof value === 'number' && value >= 0 && value <= 1)) {
    fail(`expected shrinkage 'ledoit-wolf' or a number in [0, 1], got ${JSON.stringify(value)}`);
  }
  return value;
}

function fixedWeights(weights: AllocationSpec & { method: 'fixed' }, sleeves: readonly ResolvedSleeve[]): number[] {
  const given = weights.weights;
  let list: number[];
  if (Array.isArray(given)) list = [...(given as readonly number[])];
  else if (given !== null && typeof given === 'object') {
    const byName = given as Readonly<Record<string, number>>;
    for (const key of Object.keys(byName)) {
      if (!sleeves.some((s) => s.name === key)) fail(`fixed weights name an unknown sleeve ${key}`);
    }
    list = sleeves.map((s) => byName[s.name] ?? 0);
  } else return fail('expected fixed weights as a list or an object by sleeve name');
  if (list.length !== sleeves.length) fail(`expected ${sleeves.length} fixed weights, got ${list.length}`);
  let total = 0;
  for (const [i, w] of list.entries()) {
    if (!(Number.isFinite(w) && w >= 0)) fail(`expected a fixed weight ≥ 0 for sleeve ${sleeves[i]?.name}, got ${w}`);
    total += w;
  }
  if (Math.abs(total - 1) > 1e-9) fail(`expected fixed weights summing to 1, got ${total}`);
  return list;
}

function checkAllocation(spec: AllocationSpec | undefined, sleeves: readonly ResolvedSleeve[]): ResolvedAllocation {
  if (spec === undefined) return { kind: 'equal' };
  switch (spec.method) {
    case 'fixed':
      return { kind: 'fixed', weights: fixedWeights(spec, sleeves) };
    case 'equal':
      return { kind: 'equal' };
    case 'inverse-volatility':
      return { kind: 'inverse-volatility', lookback: lookbackOf(spec.lookback) };
    case 'risk-parity': {
      const budgets = spec.budgets;
      if (budgets !== undefined && (budgets.length !== sleeves.length || budgets.some((b) => !(b > 0)))) {
        fail(`expected ${sleeves.length} positive risk budgets, got ${JSON.stringify(budgets)}`);
      }
      return {
        kind: 'risk-parity',
        lookback: lookbackOf(spec.lookback),
        shrinkage: shrinkageOf(spec.shrinkage),
        budgets,
      };
    }
    case 'mean-variance': {
      const lookback = lookbackOf(spec.lookback);
      const shrinkage = shrinkageOf(spec.shrinkage);
      const objective = spec.objective ?? 'min-variance';
      if (objective === 'min-variance') return { kind: 'min-variance', lookback, shrinkage };
      if (objective === 'max-sharpe') {
        const riskFreeRate = spec.riskFreeRate ?? 0;
        if (!(Number.isFinite(riskFreeRate) && riskFreeRate > -1))
          fail(`expected a risk-free rate above -1, got ${riskFreeRate}`);
        return { kind: 'max-sharpe', lookback, shrinkage, riskFreeRate };
      }
      if (objective === 'utility') {
        const riskAversion = spec.riskAversion ?? 10;
        if (!(Number.isFinite(riskAversion) && riskAversion > 0))
          fail(`expected a positive risk aversion, got ${riskAversion}`);
        return { kind: 'utility', lookback, shrinkage, riskAversion };
      }
      return fail(`expected objective min-variance, max-sharpe or utility, got ${JSON.stringify(objective)}`);
    }
    default:
      return fail(
        `expected allocation method fixed, equal, inverse-volatility, risk-parity or mean-variance, got ${JSON.stringify((spec as { method?: unknown }).method)}`,
      );
  }
}

function checkSchedule(schedule: RebalanceSpec['schedule']): ResolvedSchedule {
  if (schedule === undefined || schedule === 'never') return { kind: 'never' };
  if (schedule === 'weekly' || schedule === 'monthly' || schedule === 'quarterly') return { kind: schedule };
  if (typeof schedule === 'object' && schedule !== null && 'everyBars' in schedule) {
    const every = schedule.everyBars;
    if (!(Number.isInteger(every) && every >= 1)) fail(`expected everyBars to be a whole number ≥ 1, got ${every}`);
    return { kind: 'bars', every };
  }
  return fail(
    `expected schedule never, weekly, monthly, quarterly or { everyBars: n }, got ${JSON.stringify(schedule)}`,
  );
}

function checkRisk(
  risk: RiskLimits | undefined,
  sleeves: number,
  allocation: ResolvedAllocation,
): ResolvedPortfolio['risk'] {
  const maxWeight = positiveOrInfinity('maxWeight', risk?.maxWeight, true);
  if (maxWeight * sleeves < 1 - 1e-12)
    fail(`expected maxWeight ≥ 1/${sleeves} so that weights can sum to 1, got ${maxWeight}`);
  if (allocation.kind === 'fixed') {
    for (const w of allocation.weights)
      if (w > maxWeight + 1e-12) fail(`fixed weight ${w} is above maxWeight ${maxWeight}`);
  }
  return {
    maxGrossLeverage: positiveOrInfinity('maxGrossLeverage', risk?.maxGrossLeverage),
    maxDrawdown: positiveOrInfinity('maxDrawdown', risk?.maxDrawdown, true),
    maxWeight,
  };
}

/**
 * Checks a portfolio spec and fills in its defaults: unique sleeve names, every sleeve's
 * parameters against its strategy, weights, lookbacks, schedule and limits. Throws one clear
 * `INVALID_ARGUMENT` error for the first problem.
 */
export function checkPortfolioSpec(spec: PortfolioSpec): ResolvedPortfolio {
  if (spec === null || typeof spec !== 'object' || !Array.isArray(spec.sleeves) || spec.sleeves.length === 0) {
    fail('expected a portfolio with at least one sleeve');
  }
  const seen = new Set<string>();
  const sleeves = spec.sleeves.map((s, i) => checkSleeve(s, i, seen));
  const allocation = checkAllocation(spec.allocation, sleeves);
  const drift = spec.rebalance?.driftThreshold;
  if (drift !== undefined && !(Number.isFinite(drift) && drift > 0 && drift < 1)) {
    fail(`expected a drift threshold in (0, 1), got ${drift}`);
  }
  for (const [id, terms] of Object.entries(spec.instruments ?? {})) {
    const bad = (x: number | undefined): boolean => x !== undefined && !(Number.isFinite(x) && x > 0);
    if (bad(terms.multiplier) || bad(terms.lotSize)) {
      fail(`expected a positive multiplier and lot size for ${id}, got ${JSON.stringify(terms)}`);
    }
  }
  return {
    name: spec.name ?? 'portfolio',
    version: spec.version ?? '',
    description: spec.description,
    sleeves,
    allocation,
    rebalance: {
      schedule: checkSchedule(spec.rebalance?.schedule),
      driftThreshold: drift ?? Number.POSITIVE_INFINITY,
      scalePositions: spec.rebalance?.scalePositions === true,
    },
    risk: checkRisk(spec.risk, sleeves.length, allocation),
    instruments: spec.instruments,
  };
}
