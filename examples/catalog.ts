/**
 * The example runs CI checks against their golden results (`golden.json`): which strategy,
 * on which sample data, under which costs. Paths are relative to the repository root.
 */
import type { BacktestConfig } from '@alphintra/engine';

/** One example run. */
export interface ExampleRun {
  readonly name: string;
  /** Strategy module (default export) under examples/. */
  readonly strategy: string;
  /** Sample files; `ticks` reads one as trade ticks instead of bars. */
  readonly data: readonly { readonly file: string; readonly symbol: string; readonly ticks?: 'trades' }[];
  readonly config: Partial<BacktestConfig>;
  readonly parameters?: Readonly<Record<string, number>>;
}

const costs: Partial<BacktestConfig> = {
  cash: 100_000,
  fees: { kind: 'per-share', perShare: 0.005, minimum: 1, maximumPercent: 0.005 },
  slippage: { kind: 'fixed-bps', bps: 2 },
};

const ORCL = { file: 'data/samples/orcl-1995-2014.txt', symbol: 'ORCL' };
const NVDA = { file: 'data/samples/nvda-1999-2014.txt', symbol: 'NVDA' };
const YHOO = { file: 'data/samples/yhoo-1996-2014.txt', symbol: 'YHOO' };
const ES_TICKS = { file: 'data/samples/ticksample.csv', symbol: 'ES', ticks: 'trades' } as const;

/** One example portfolio run: a portfolio file (sleeves name strategy files under examples/) on sample data. */
export interface ExamplePortfolioRun {
  readonly name: string;
  /** Portfolio file under examples/. */
  readonly portfolio: string;
  readonly data: readonly { readonly file: string; readonly symbol: string }[];
  readonly config: Partial<BacktestConfig>;
}

/** Every example run, in a stable order. */
export const EXAMPLE_RUNS: readonly ExampleRun[] = [
  { name: 'sma-crossover', strategy: 'sma-crossover.ts', data: [ORCL], config: costs },
  {
    name: 'sma-crossover-reversing',
    strategy: 'sma-crossover-reversing.ts',
    data: [ORCL],
    config: { ...costs, borrowRate: 0.02 },
  },
  { name: 'rsi-mean-reversion', strategy: 'rsi-mean-reversion.ts', data: [YHOO], config: costs },
  { name: 'rsi-thresholds', strategy: 'rsi-thresholds.ts', data: [YHOO], config: costs },
  { name: 'donchian-channel', strategy: 'donchian-channel.ts', data: [NVDA], config: costs },
  { name: 'donchian-breakout', strategy: 'donchian-breakout.ts', data: [NVDA], config: costs },
  { name: 'bracket-orders', strategy: 'bracket-orders.ts', data: [ORCL], config: costs },
  { name: 'momentum-rotation', strategy: 'momentum-rotation.ts', data: [ORCL, NVDA, YHOO], config: costs },
  {
    name: 'pairs-trade',
    strategy: 'pairs-trade.ts',
    data: [ORCL, YHOO],
    config: { ...costs, leverage: 2, borrowRate: 0.02 },
  },
  {
    name: 'tick-momentum',
    strategy: 'tick-momentum.ts',
    data: [ES_TICKS],
    config: { cash: 100_000, fees: { kind: 'per-share', perShare: 0.01, minimum: 1 } },
  },
];

/** Every example portfolio run, in a stable order. */
export const EXAMPLE_PORTFOLIOS: readonly ExamplePortfolioRun[] = [
  { name: 'three-sleeves', portfolio: 'three-sleeves.portfolio.json', data: [ORCL, NVDA, YHOO], config: costs },
];

/**
 * One example optimisation the demo runs: a strategy's parameter ranges searched on sample
 * data, as `alphintra optimize` takes them (`--param name=range`, `--constraint`, `--fees`).
 */
export interface ExampleOptimization {
  readonly name: string;
  readonly strategy: string;
  readonly data: readonly { readonly file: string; readonly symbol: string }[];
  readonly ranges: Readonly<Record<string, string>>;
  readonly constraints?: readonly string[];
  readonly fees?: string;
  readonly walkForward?: string;
}

/** Every example optimisation, in a stable order. */
export const EXAMPLE_OPTIMIZATIONS: readonly ExampleOptimization[] = [
  {
    name: 'sma-crossover-walk-forward',
    strategy: 'sma-crossover.ts',
    data: [ORCL],
    ranges: { fast: '5:50:5', slow: '20:200:20' },
    constraints: ['fast < slow'],
    fees: 'percent:0.001',
    walkForward: 'rolling:train=4y,test=1y',
  },
];
