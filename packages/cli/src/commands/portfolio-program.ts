import type { Command } from 'commander';
import type { BacktestFlags } from './backtest.js';
import { FEES_HELP, SLIPPAGE_HELP } from './backtest-models.js';
import { emitRun, strategyRunCommand, withRunOutputs } from './backtest-program.js';
import { portfolioCommand } from './portfolio.js';
import { writePortfolioReport } from './portfolio-html.js';
import { portfolioJson, printPortfolioSummary, writePortfolioFiles } from './portfolio-output.js';

const EXAMPLES = [
  '',
  'The portfolio file is JSON whose sleeves name strategy files (relative to it):',
  '  { "name": "three-sleeves",',
  '    "sleeves": [ { "name": "trend", "strategy": "sma-crossover.ts", "instruments": ["ORCL"] },',
  '                 { "name": "rotation", "strategy": "momentum-rotation.ts", "parameters": { "top": 2 } } ],',
  '    "allocation": { "method": "risk-parity", "lookback": 63 },',
  '    "rebalance": { "schedule": "monthly", "scalePositions": true },',
  '    "risk": { "maxWeight": 0.6, "maxDrawdown": 0.3, "maxGrossLeverage": 1.1 } }',
  'or a .ts/.js module whose default export is definePortfolio({ … }) from @alphintra/portfolio.',
  'Allocation methods: fixed (weights), equal, inverse-volatility, risk-parity, mean-variance',
  '(objective min-variance, max-sharpe or utility); schedules: never, weekly, monthly, quarterly,',
  '{ "everyBars": n }; "driftThreshold" rebalances when a weight drifts that far. Parameters of a',
  'sleeve are set with --param sleeve.name=value. See docs/portfolio.md.',
  '',
  FEES_HELP,
  '',
  SLIPPAGE_HELP,
  '',
  'Examples:',
  '  alphintra portfolio examples/three-sleeves.portfolio.json --data data/samples/orcl-1995-2014.txt \\',
  '      --data data/samples/nvda-1999-2014.txt --data data/samples/yhoo-1996-2014.txt --report /tmp/portfolio.html',
  '  alphintra portfolio portfolio.json --data orcl.csv --data yhoo.csv --param trend.fast=20 --json > run.json',
].join('\n');

/** Adds `alphintra portfolio` to the program. */
export function addPortfolioCommand(
  program: Command,
  out: (line: string) => void,
  printJson: (value: unknown) => void,
): void {
  withRunOutputs(
    strategyRunCommand(program, {
      name: 'portfolio',
      description: 'run several strategies as sleeves of one account: allocation, rebalancing, portfolio limits',
      param: ['--param <sleeve.name=value>', 'parameter of a sleeve; repeat for several'],
      seedFlag: '--seed',
      argument: ['<portfolio>', 'portfolio file: .json naming strategy files, or .ts/.js exporting definePortfolio(…)'],
    }),
    {
      json: 'print { manifest, summary, metrics, sleeves, correlation, rebalances, riskEvents, trades } as JSON',
      out: "write the account's result.json, trades.csv, equity.csv, orders.csv, manifest.json, metrics.json, and sleeves.csv and portfolio.json there",
      report: 'write a self-contained HTML report (portfolio and sleeves, weights, correlations, metrics)',
    },
  )
    .addHelpText('after', EXAMPLES)
    .action(async (file: string, flags: BacktestFlags) => {
      const run = await portfolioCommand(file, flags);
      await emitRun(run, flags, out, printJson, {
        writeFiles: writePortfolioFiles,
        writeReport: writePortfolioReport,
        json: portfolioJson,
        print: (r, print) => {
          printPortfolioSummary(r, print);
          print('');
        },
      });
    });
}
