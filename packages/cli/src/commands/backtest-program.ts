import { BAR_PATHS } from '@alphintra/engine';
import { type Command, Option } from 'commander';
import { withReadOptions } from '../support/read-options.js';
import { type BacktestFlags, backtestCommand, collect } from './backtest.js';
import { writeBacktestFiles } from './backtest-files.js';
import { writeBacktestReport } from './backtest-html.js';
import { INSTRUMENT_HELP } from './backtest-instruments.js';
import { FEES_HELP, SLIPPAGE_HELP } from './backtest-models.js';
import { backtestJson, printBacktestSummary } from './backtest-report.js';

/** Help on the strategy file. */
const STRATEGY_FILE_HELP = [
  'The strategy file (.ts, .mts, .js or .mjs) ends with',
  "  export default defineStrategy({ name, parameters, create })   // import { defineStrategy } from '@alphintra/engine'",
  'It is compiled without type checking (run tsc for that) and may import @alphintra/* packages.',
].join('\n');

/** Help on the strategy file and the execution models, shared by the commands that run a strategy. */
export const RUN_HELP = [STRATEGY_FILE_HELP, '', FEES_HELP, '', SLIPPAGE_HELP, '', INSTRUMENT_HELP].join('\n');

const EXAMPLES = [
  '',
  RUN_HELP,
  '',
  'Examples:',
  '  alphintra backtest sma-cross.ts --data data/samples/orcl-1995-2014.txt --symbol ORCL',
  '  alphintra backtest sma-cross.ts --data orcl.csv --param fast=10 --param slow=40 --fees percent:0.001 --slippage bps:5',
  '  alphintra backtest pairs.ts --data ko.csv --data pep.csv --json > run.json',
  '  alphintra backtest es.ts --data es-1m.csv --symbol ES --instrument ES:kind=future,multiplier=50,tick=0.25,margin=0.08,session=us-equity',
  '  alphintra backtest sma-cross.ts --data orcl-daily --out runs/orcl   # catalog dataset; writes result.json, *.csv, manifest.json',
  '  alphintra backtest sma-cross.ts --data orcl.csv --report orcl.html --benchmark spy.csv   # one HTML file, opens offline',
  '  alphintra backtest sma-cross.ts --data sap.csv --currency USD --fx-rate EUR/USD=eurusd.csv   # (with instruments quoted in EUR)',
].join('\n');

/** Adds the inputs of a strategy run: `--data` (repeatable), `--symbol`, `--venue`, `--currency` and the reader options. */
function withRunInputs(command: Command): Command {
  return withReadOptions(
    command
      .option(
        '--data <input>',
        'bar file (CSV/TSV/JSON/NDJSON), .alph dataset or catalog name; repeat for several instruments',
        collect,
      )
      .option('--symbol <symbol>', 'symbol of the matching --data (default: from the data or its file name)', collect)
      .option('--venue <code>', 'venue of the instruments (their id is SYMBOL.VENUE)', 'SIM')
      .option(
        '--currency <code>',
        'account currency (results are in it), and the quote currency of the instruments read',
        'USD',
      )
      .option(
        '--instrument <SYMBOL:terms>',
        'kind, multiplier, tick, lot, margin, session … of a symbol (see below)',
        collect,
      )
      .option('--instruments <file.json>', 'terms of several instruments, keyed by symbol (see below)')
      .option('--funding-rate <rate>', 'funding rate per 8 h of perpetuals, e.g. 0.0001 (positive: longs pay)')
      .addOption(
        new Option(
          '--ticks <kind>',
          'read --data as bars, trade ticks or quote ticks; auto: quotes when it has bid and ask columns, trades when its timestamps are ticks (default auto)',
        ).choices(['auto', 'bars', 'trades', 'quotes']),
      ),
    { symbol: false },
  );
}

/** Adds the execution rules of a strategy run (parsed by `configFrom`); `seedFlag` names the seed of random slippage and latency. */
function withExecutionOptions(command: Command, seedFlag: '--seed' | '--run-seed'): Command {
  return command
    .option('--cash <amount>', 'starting cash (default 100000)')
    .option('--fees <model>', 'commission model, e.g. percent:0.001 (see below; default none)')
    .option('--slippage <model>', 'slippage model, e.g. bps:5 (see below; default none)')
    .addOption(
      new Option(
        '--fill <timing>',
        'market orders fill at the next open or this bar close (default next-open)',
      ).choices(['next-open', 'close']),
    )
    .addOption(
      new Option('--bar-path <path>', 'assumed price path inside a bar (default pessimistic)').choices([...BAR_PATHS]),
    )
    .option('--volume-limit <fraction>', 'largest share of a bar volume traded per bar, e.g. 0.1 (default no limit)')
    .option('--latency-ms <ms>', 'delay from order to venue in milliseconds (default 0)')
    .option('--latency-jitter-ms <ms>', 'extra uniform random delay in milliseconds, seeded')
    .option(`${seedFlag} <n>`, 'seed of random slippage and latency (default 1)')
    .option('--leverage <n>', 'gross exposure of cash instruments allowed, as a multiple of equity (default 1)')
    .option('--allow-short', 'allow short positions in cash instruments (the default)')
    .option('--no-short', 'forbid short positions in cash instruments')
    .option('--borrow-rate <rate>', 'annual borrow rate on shorts of cash instruments, e.g. 0.03 (default 0)')
    .addOption(
      new Option('--when-closed <rule>', 'orders reaching a closed market wait for the open or are rejected').choices([
        'wait',
        'reject',
      ]),
    );
}

/**
 * Adds a command that runs a strategy file, shared by `backtest` and `optimize`: the strategy
 * argument, its `--param` option, the data inputs and the execution rules (both parse them with
 * `configFrom`). `seedFlag` names the seed of random slippage and latency: `--seed` for a
 * backtest, `--run-seed` where `--seed` seeds something else.
 */
export function strategyRunCommand(
  program: Command,
  spec: {
    readonly name: string;
    readonly description: string;
    readonly param: readonly [flags: string, description: string];
    readonly seedFlag: '--seed' | '--run-seed';
    /** What runs, when not a strategy file (`portfolio` takes a portfolio file). */
    readonly argument?: readonly [name: string, description: string];
  },
): Command {
  const [argument, about] = spec.argument ?? [
    '<strategy>',
    'strategy file: .ts, .mts, .js or .mjs with a defineStrategy default export',
  ];
  return withExecutionOptions(
    withRunInputs(
      program
        .command(spec.name)
        .description(spec.description)
        .argument(argument, about)
        .option(spec.param[0], spec.param[1], collect),
    ),
    spec.seedFlag,
  );
}

/** What a run command's outputs are, for their help. */
export interface RunOutputsHelp {
  readonly json: string;
  readonly out: string;
  readonly report: string;
}

/**
 * Adds what a single run (`backtest`, `portfolio`) takes besides its inputs and execution rules
 * — exchange rates, the benchmark, the rolling window — and its outputs: --json, --out,
 * --report and --quiet.
 */
export function withRunOutputs(command: Command, help: RunOutputsHelp): Command {
  return command
    .option(
      '--fx-rate <pair=value>',
      'exchange rate, constant (EUR/USD=1.1) or bars whose closes are the rate (EUR/USD=eurusd.csv); repeat for several',
      collect,
    )
    .option(
      '--benchmark <input>',
      'bars to compare with, bought and held (file, dataset or catalog name; default: the first --data)',
    )
    .option('--rolling-window <n>', 'window of the rolling Sharpe ratio and volatility, in bars (default half a year)')
    .option('--json', help.json)
    .option('--out <dir>', help.out)
    .option('--report <file>', help.report)
    .option('--quiet', 'no progress bar');
}

/** Writes the files and report a run's flags ask for, then prints its JSON document or its summary. */
export async function emitRun<Run>(
  run: Run,
  flags: BacktestFlags,
  out: (line: string) => void,
  printJson: (value: unknown) => void,
  emit: {
    writeFiles(dir: string, run: Run): Promise<string[]>;
    writeReport(path: string, run: Run): Promise<string>;
    json(run: Run): unknown;
    print(run: Run, out: (line: string) => void): void;
  },
): Promise<void> {
  const written = flags.out === undefined ? [] : await emit.writeFiles(flags.out, run);
  if (flags.report !== undefined) written.push(await emit.writeReport(flags.report, run));
  if (flags.json === true) {
    printJson(emit.json(run));
    return;
  }
  emit.print(run, out);
  if (written.length > 0) out(`  ${'written'.padEnd(17)}${written.join(', ')}`);
}

/** Adds `alphintra backtest` to the program. */
export function addBacktestCommand(
  program: Command,
  out: (line: string) => void,
  printJson: (value: unknown) => void,
): void {
  withRunOutputs(
    strategyRunCommand(program, {
      name: 'backtest',
      description: 'run a strategy file over historical bars through the simulated exchange',
      param: ['--param <name=value>', 'strategy parameter; repeat for several'],
      seedFlag: '--seed',
    }),
    {
      json: 'print { manifest, summary, metrics, trades, balances } as JSON',
      out: 'write result.json, trades.csv, equity.csv, orders.csv, manifest.json and metrics.json there',
      report: 'write a self-contained HTML report (charts, trades, metrics, manifest)',
    },
  )
    .addHelpText('after', EXAMPLES)
    .action(async (file: string, flags: BacktestFlags) => {
      const run = await backtestCommand(file, flags);
      await emitRun(run, flags, out, printJson, {
        writeFiles: writeBacktestFiles,
        writeReport: writeBacktestReport,
        json: backtestJson,
        print: printBacktestSummary,
      });
    });
}
