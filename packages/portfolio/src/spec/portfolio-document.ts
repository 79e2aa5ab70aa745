import { AlphintraError } from '@alphintra/core';
import type { ParameterSpecs, RawParameter, StrategyDefinition } from '@alphintra/engine';
import { definePortfolio, type PortfolioDefinition } from '../define-portfolio.js';
import type { AllocationSpec, PortfolioSpec, RebalanceSpec, RiskLimits } from './portfolio-spec.js';

/** A sleeve as a portfolio file names it: its strategy by file path (or, in code, the definition). */
export interface SleeveDocument {
  readonly name: string;
  readonly strategy: string | StrategyDefinition<ParameterSpecs>;
  readonly parameters?: Readonly<Record<string, RawParameter>>;
  readonly instruments?: readonly string[];
}

/** A portfolio file (`portfolio.json`): a {@link PortfolioSpec} whose sleeves name their strategy files. */
export interface PortfolioDocument {
  readonly name?: string;
  readonly version?: string;
  readonly description?: string;
  readonly sleeves: readonly SleeveDocument[];
  readonly allocation?: AllocationSpec;
  readonly rebalance?: RebalanceSpec;
  readonly risk?: RiskLimits;
}

const KEYS = new Set(['name', 'version', 'description', 'sleeves', 'allocation', 'rebalance', 'risk', '$schema']);
const SLEEVE_KEYS = new Set(['name', 'strategy', 'parameters', 'instruments']);

const fail = (message: string): never => {
  throw new AlphintraError('INVALID_ARGUMENT', message);
};

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Checks the shape of a parsed portfolio file: an object with `sleeves` (each with a `name` and a
 * `strategy`) and optional `name`, `version`, `description`, `allocation`, `rebalance` and `risk`;
 * unknown keys are an error, so a typo never runs silently with a default. The values themselves
 * are checked when the portfolio is defined.
 *
 * @example
 * const document = readPortfolioDocument(JSON.parse(text));
 */
export function readPortfolioDocument(value: unknown): PortfolioDocument {
  if (!isObject(value)) return fail('expected a portfolio file to hold an object with sleeves');
  for (const key of Object.keys(value)) {
    if (!KEYS.has(key))
      fail(`unknown portfolio key ${key} (keys: ${[...KEYS].filter((k) => k !== '$schema').join(', ')})`);
  }
  for (const key of ['name', 'version', 'description'] as const) {
    if (value[key] !== undefined && typeof value[key] !== 'string') fail(`expected ${key} to be a string`);
  }
  for (const key of ['allocation', 'rebalance', 'risk'] as const) {
    if (value[key] !== undefined && !isObject(value[key])) fail(`expected ${key} to be an object`);
  }
  const sleeves = value.sleeves;
  if (!Array.isArray(sleeves) || sleeves.length === 0) fail('expected sleeves: a list of at least one sleeve');
  for (const [i, sleeve] of (sleeves as unknown[]).entries()) {
    if (!isObject(sleeve)) return fail(`expected sleeve ${i + 1} to be an object`);
    for (const key of Object.keys(sleeve)) {
      if (!SLEEVE_KEYS.has(key)) fail(`unknown key ${key} in sleeve ${i + 1} (keys: ${[...SLEEVE_KEYS].join(', ')})`);
    }
    const strategy = sleeve.strategy;
    if (typeof strategy !== 'string' && !(isObject(strategy) && typeof strategy.create === 'function')) {
      fail(`expected sleeve ${i + 1} to name its strategy file, got ${JSON.stringify(strategy)}`);
    }
    if (sleeve.parameters !== undefined && !isObject(sleeve.parameters)) {
      fail(`expected the parameters of sleeve ${i + 1} to be an object`);
    }
  }
  return value as unknown as PortfolioDocument;
}

/**
 * Defines the portfolio a document describes, with each sleeve's strategy file resolved by
 * `strategyOf` (the command line loads and compiles the files; tests import them).
 */
export function portfolioFromDocument(
  document: PortfolioDocument,
  strategyOf: (path: string) => StrategyDefinition<ParameterSpecs>,
): PortfolioDefinition {
  const spec: PortfolioSpec = {
    ...document,
    sleeves: document.sleeves.map((s) => ({
      ...s,
      strategy: typeof s.strategy === 'string' ? strategyOf(s.strategy) : s.strategy,
    })),
  };
  return definePortfolio(spec);
}
