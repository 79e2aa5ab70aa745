import type { ParameterSpecs, RawParameter, StrategyDefinition } from '@alphintra/engine';
import type { Shrinkage } from '../allocation/covariance.js';

/** One strategy of a portfolio, trading its share of the account's capital. */
export interface SleeveSpec {
  /** Unique within the portfolio; names the sleeve in results, logs and parameters (`name.param`). */
  readonly name: string;
  // biome-ignore lint/suspicious/noExplicitAny: any strategy, whatever its parameter types
  readonly strategy: StrategyDefinition<any> | StrategyDefinition<ParameterSpecs>;
  /** Overrides of the strategy's parameter defaults (checked against its specs). */
  readonly parameters?: Readonly<Record<string, RawParameter>>;
  /**
   * Instruments the sleeve sees and trades (ids, or symbols when one id has that symbol);
   * every instrument of the run when absent.
   */
  readonly instruments?: readonly string[];
}

/** How capital is split between sleeves at the start and at each rebalance. */
export type AllocationSpec =
  | {
      readonly method: 'fixed';
      /** One weight per sleeve (in sleeve order, or by name), each ≥ 0, summing to 1. */
      readonly weights: readonly number[] | Readonly<Record<string, number>>;
    }
  | { readonly method: 'equal' }
  | { readonly method: 'inverse-volatility'; readonly lookback?: number }
  | {
      readonly method: 'risk-parity';
      readonly lookback?: number;
      /** Covariance estimate: Ledoit–Wolf (default) or a fixed intensity; 0 for the sample covariance. */
      readonly shrinkage?: Shrinkage;
      /** Risk budgets by sleeve (in sleeve order); equal by default. */
      readonly budgets?: readonly number[];
    }
  | {
      readonly method: 'mean-variance';
      /** `min-variance` (default), `max-sharpe`, or `utility` (mean − riskAversion/2 · variance). */
      readonly objective?: 'min-variance' | 'max-sharpe' | 'utility';
      readonly lookback?: number;
      readonly shrinkage?: Shrinkage;
      /** Annual risk-free rate of `max-sharpe` (0.02 = 2 %); 0 by default. */
      readonly riskFreeRate?: number;
      /** Risk aversion λ of `utility`; 10 by default. */
      readonly riskAversion?: number;
    };

/** When rebalancing happens on the calendar of the data (UTC). */
export type RebalanceSchedule = 'never' | 'weekly' | 'monthly' | 'quarterly' | { readonly everyBars: number };

/** When and how capital moves back to the target weights. */
export interface RebalanceSpec {
  /** On the first bar of each new week (Monday-based), month or quarter, or every N bars; `never` by default. */
  readonly schedule?: RebalanceSchedule;
  /** Rebalance when a sleeve's weight is this far (absolute) from its target, e.g. 0.05. */
  readonly driftThreshold?: number;
  /**
   * Also scale each sleeve's positions by its new capital over its old (market orders at the
   * next fill); by default only capital moves, and each strategy resizes on its own terms.
   */
  readonly scalePositions?: boolean;
}

/** Limits the portfolio enforces on every sleeve's orders. */
export interface RiskLimits {
  /** Largest gross exposure over account equity an order may lead to (1.5 = 150 %). */
  readonly maxGrossLeverage?: number;
  /** Drawdown of account equity from its peak (0.25 = 25 %) that halts new exposure for the rest of the run. */
  readonly maxDrawdown?: number;
  /** Largest weight of one sleeve: caps target weights, and a sleeve drifting above it triggers a rebalance. */
  readonly maxWeight?: number;
}

/** How an instrument's units turn into money, for the sleeve ledgers. */
export interface InstrumentTerms {
  /** Currency per point per unit; 1 by default. */
  readonly multiplier?: number;
  /** Smallest tradable quantity; 1 by default. */
  readonly lotSize?: number;
  /** Futures and perpetuals: profit and loss settle in cash (no notional changes hands); false by default. */
  readonly margined?: boolean;
  /** The currency the instrument is quoted in; the account's when absent. */
  readonly currency?: string;
}

/** A portfolio: sleeves sharing one account, how capital is allocated and rebalanced, and its limits. */
export interface PortfolioSpec {
  readonly name?: string;
  readonly version?: string;
  readonly description?: string;
  readonly sleeves: readonly SleeveSpec[];
  /** Equal weight by default. */
  readonly allocation?: AllocationSpec;
  readonly rebalance?: RebalanceSpec;
  readonly risk?: RiskLimits;
  /**
   * Terms of the run's instruments by id (`runPortfolio` fills them from the data); instruments
   * not named are cash instruments with multiplier 1 and lot 1.
   */
  readonly instruments?: Readonly<Record<string, InstrumentTerms>>;
}
