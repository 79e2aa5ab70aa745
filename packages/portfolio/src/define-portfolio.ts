import type { ParameterSpecs, StrategyDefinition, StrategyParameter } from '@alphintra/engine';
import { PortfolioRuntime } from './runtime/portfolio-runtime.js';
import { checkPortfolioSpec, type ResolvedPortfolio } from './spec/check-spec.js';
import type { InstrumentTerms, PortfolioSpec } from './spec/portfolio-spec.js';

/**
 * A portfolio as a strategy: the engine runs it like any other. Its parameters are the sleeves'
 * parameters, named `sleeve.parameter`, with the sleeve's overrides as defaults, so optimisers
 * and `--param trend.fast=20` reach into any sleeve.
 */
export interface PortfolioDefinition extends StrategyDefinition<ParameterSpecs> {
  readonly kind: 'portfolio';
  /** The checked spec, defaults filled in. */
  readonly portfolio: ResolvedPortfolio;
}

function compositeParameters(portfolio: ResolvedPortfolio): ParameterSpecs {
  const specs: Record<string, StrategyParameter> = {};
  for (const sleeve of portfolio.sleeves) {
    for (const [name, spec] of Object.entries(sleeve.strategy.parameters)) {
      specs[`${sleeve.name}.${name}`] = { ...spec, default: sleeve.parameters[name] } as StrategyParameter;
    }
  }
  return specs;
}

function definition(portfolio: ResolvedPortfolio, onCreate?: (runtime: PortfolioRuntime) => void): PortfolioDefinition {
  return {
    kind: 'portfolio',
    name: portfolio.name,
    version: portfolio.version,
    ...(portfolio.description === undefined ? {} : { description: portfolio.description }),
    parameters: compositeParameters(portfolio),
    portfolio,
    create(ctx, params) {
      const runtime = new PortfolioRuntime(portfolio, ctx, params);
      onCreate?.(runtime);
      return runtime.handlers();
    },
  };
}

/**
 * Declares a portfolio: several strategies ("sleeves") sharing one account, each trading its
 * share of the capital through its own context (its equity, cash, positions and orders are the
 * sleeve's), with capital allocated at the start and at each rebalance, and portfolio-wide
 * limits. Returns a strategy definition the engine runs unchanged; `runPortfolio` runs it and
 * also returns each sleeve's curve, weights, rebalances and metrics.
 *
 * @example
 * export default definePortfolio({
 *   name: 'three-sleeves',
 *   sleeves: [
 *     { name: 'trend', strategy: smaCrossover, instruments: ['ORCL'] },
 *     { name: 'reversion', strategy: rsiMeanReversion, instruments: ['YHOO'] },
 *     { name: 'rotation', strategy: momentumRotation },
 *   ],
 *   allocation: { method: 'risk-parity', lookback: 63 },
 *   rebalance: { schedule: 'monthly' },
 *   risk: { maxDrawdown: 0.4, maxWeight: 0.6 },
 * });
 */
export function definePortfolio(spec: PortfolioSpec): PortfolioDefinition {
  return definition(checkPortfolioSpec(spec));
}

/** Whether a value is a portfolio definition (made by {@link definePortfolio}). */
export function isPortfolioDefinition(value: unknown): value is PortfolioDefinition {
  return (
    value !== null &&
    typeof value === 'object' &&
    (value as { kind?: unknown }).kind === 'portfolio' &&
    typeof (value as { create?: unknown }).create === 'function'
  );
}

/**
 * The definition again, with instrument terms added and a hook that receives the runtime of
 * each run (how `runPortfolio` reads the sleeves' records after the engine is done).
 */
export function instrumentedPortfolio(
  portfolio: PortfolioDefinition,
  terms: Readonly<Record<string, InstrumentTerms>>,
  onCreate: (runtime: PortfolioRuntime) => void,
): PortfolioDefinition {
  const spec = portfolio.portfolio;
  return definition({ ...spec, instruments: { ...terms, ...spec.instruments } }, onCreate);
}
