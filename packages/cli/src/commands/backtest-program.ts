import { BAR_PATHS } from '@alphintra/engine';
import { type Command, Option } from 'commander';
import { withReadOptions } from '../support/read-options.js';
import { type BacktestFlags, backtestCommand, collect } from './backtest.js';
import { writeBacktestFiles } from './backtest-files.js';
import { writeBacktestReport } from './backtest-html.js';
import { FEES_HELP, SLIPPAGE_HELP } from './backtest-models.js';
import { backtestJson, printBacktestSummary } from './backtest-report.js';

const EXAMPLES = [
  '',
  'The strategy file (.ts, .mts, .js or .mjs) ends with',
  "  export default defineStrategy({ name, parameters, create })   // import { defineStrategy } from '@alphintra/engine'",
  'It is compiled without type checking (run tsc for that) and may import @alphintra/* packages.',
  '',
  FEES_HELP,
  '',
  SLIPPAGE_HELP,
  '',
  'Examples:',
  '  alphintra backtest sma-cross.ts --data data/samples/orcl-1995-2014.txt --symbol ORCL',
  '  alphintra backtest sma-cross.ts --data orcl.csv --param fast=10 --param slow=40 --fees percent:0.001 --slippage bps:5',
  '  alphintra backtest pairs.ts --data ko.csv --data pep.csv --json > run.json',
  '  alphintra backtest sma-cross.ts --data orcl-daily --out runs/orcl   # catalog dataset; writes result.json, *.csv, manifest.json',
  '  alphintra backtest sma-cross.ts --data orcl.csv --report orcl.html --benchmark spy.csv   # one HTML file, opens offline',
  '  alphintra backtest sma-cross.ts --data sap.csv --currency USD --fx-rate EUR/USD=eurusd.csv   # (with instruments quoted in EUR)',
].join('\n');

/**
 * Adds the options every command that runs strategies over data shares (`backtest`,
 * `portfolio`): the data and its readers, parameters, account and execution rules, the
 * benchmark and rolling window, and the outputs.
 */
export function withRunOptions(command: Command): Command {
  return withReadOptions(
    command
      .option(
        '--data <input>',
        'bar file (CSV/TSV/JSON/NDJSON), .alph dataset or catalog name; repeat for several instruments',
        collect,
      )
      .option('--param <name=value>', 'strategy parameter; repeat for several', collect)
      .option('--symbol <symbol>', 'symbol of the matching --data (default: from the data or its file name)', collect)
      .option('--venue <code>', 'venue of the instruments (their id is SYMBOL.VENUE)', 'SIM')
      .option(
        '--currency <code>',
        'account currency (results are in it), and the quote currency of the instruments read',
        'USD',
      )
      .option(
        '--fx-rate <pair=value>',
        'exchange rate, constant (EUR/USD=1.1) or bars whose closes are the rate (EUR/USD=eurusd.csv); repeat for several',
        collect,
      )
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
        new Option('--bar-path <path>', 'assumed price path inside a bar (default pessimistic)').choices([
          ...BAR_PATHS,
        ]),
      )
      .option('--volume-limit <fraction>', 'largest share of a bar volume traded per bar, e.g. 0.1 (default no limit)')
      .option('--latency-ms <ms>', 'delay from order to venue in milliseconds (default 0)')
      .option('--latency-jitter-ms <ms>', 'extra uniform random delay in milliseconds, seeded')
      .option('--seed <n>', 'seed of random slippage and latency (default 1)')
      .addOption(
        new Option(
          '--ticks <kind>',
          'read --data as bars, trade ticks or quote ticks; auto: quotes when it has bid and ask columns, trades when its timestamps are ticks (default auto)',
        ).choices(['auto', 'bars', 'trades', 'quotes']),
      )
      .option(
        '--benchmark <input>',
        'bars to compare with, bought and held (file, dataset or catalog name; default: the first --data)',
      )
      .option(
        '--rolling-window <n>',
        'window of the rolling Sharpe ratio and volatility, in bars (default half a year)',
      ),
    { symbol: false },
  );
}

/** What a command that runs over data (`backtest`, `portfolio`) does besides the shared options. */
export interface RunCommand<Run> {
  readonly name: string;
  readonly description: string;
  readonly argument: readonly [name: string, description: string];
  /** Help of --json, --out and --report. */
  readonly outputs: { readonly json: string; readonly out: string; readonly report: string };
  readonly examples: string;
  run(file: string, flags: BacktestFlags): Promise<Run>;
  writeFiles(dir: string, run: Run): Promise<string[]>;
  writeReport(path: string, run: Run): Promise<string>;
  json(run: Run): unknown;
  print(run: Run, out: (line: string) => void): void;
}

/**
 * Adds a command that runs over data: the shared run options, --json, --out, --report and
 * --quiet, and an action that runs, writes the files and report asked for, and prints the JSON
 * document or the summary (with the files written).
 */
export function addRunCommand<Run>(
  program: Command,
  out: (line: string) => void,
  printJson: (value: unknown) => void,
  command: RunCommand<Run>,
): void {
  withRunOptions(
    program.command(command.name).description(command.description).argument(command.argument[0], command.argument[1]),
  )
    .option('--json', command.outputs.json)
    .option('--out <dir>', command.outputs.out)
    .option('--report <file>', command.outputs.report)
    .option('--quiet', 'no progress bar')
    .addHelpText('after', command.examples)
    .action(async (file: string, flags: BacktestFlags) => {
      const run = await command.run(file, flags);
      const written = flags.out === undefined ? [] : await command.writeFiles(flags.out, run);
      if (flags.report !== undefined) written.push(await command.writeReport(flags.report, run));
      if (flags.json === true) {
        printJson(command.json(run));
        return;
      }
      command.print(run, out);
      if (written.length > 0) out(`  ${'written'.padEnd(17)}${written.join(', ')}`);
    });
}

/** Adds `alphintra backtest` to the program. */
export function addBacktestCommand(
  program: Command,
  out: (line: string) => void,
  printJson: (value: unknown) => void,
): void {
  addRunCommand(program, out, printJson, {
    name: 'backtest',
    description: 'run a strategy file over historical bars through the simulated exchange',
    argument: ['<strategy>', 'strategy file: .ts, .mts, .js or .mjs with a defineStrategy default export'],
    outputs: {
      json: 'print { manifest, summary, metrics, trades, balances } as JSON',
      out: 'write result.json, trades.csv, equity.csv, orders.csv, manifest.json and metrics.json there',
      report: 'write a self-contained HTML report (charts, trades, metrics, manifest)',
    },
    examples: EXAMPLES,
    run: backtestCommand,
    writeFiles: writeBacktestFiles,
    writeReport: writeBacktestReport,
    json: backtestJson,
    print: printBacktestSummary,
  });
}
