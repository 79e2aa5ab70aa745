import { Command, CommanderError, Option } from 'commander';
import { addBacktestCommand } from './commands/backtest-program.js';
import { type ImportFlags, importCommand, listCommand, printEntries } from './commands/data-catalog.js';
import { type CleanFlags, cleanCommand } from './commands/data-clean.js';
import { type ConvertFlags, convertBars, printConvertSummary } from './commands/data-convert.js';
import { type GenerateFlags, generateCommand } from './commands/data-generate.js';
import { buildInspectReport, type InspectFlags, printInspectReport } from './commands/data-inspect.js';
import { type ResampleFlags, resampleCommand } from './commands/data-resample.js';
import { type DemoFlags, demoCommand } from './commands/demo.js';
import { addOptimizeCommand } from './commands/optimize-program.js';
import { addPortfolioCommand } from './commands/portfolio-program.js';
import {
  indicatorListJson,
  printIndicatorList,
  printTa,
  requireName,
  runIndicator,
  type TaFlags,
  taJson,
} from './commands/ta.js';
import { EXIT_FAILURE, EXIT_USAGE, formatError } from './support/errors.js';
import { withReadOptions } from './support/read-options.js';
import { printTable } from './support/table.js';

const VERSION = '0.1.0';

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Builds the `alphintra` command tree. */
export function buildProgram(): Command {
  const program = new Command('alphintra')
    .description('Alphintra: research, backtest and trade algorithmic strategies.')
    .version(VERSION)
    .option('--verbose', 'print stack traces and causes on errors')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ outputError: (text, write) => write(text) })
    // Inherited by every subcommand created below: usage errors return instead of exiting.
    .exitOverride();

  program
    .command('demo')
    .description('tour the sample data, backtest the example strategies on it and write their HTML reports')
    .option('--out <dir>', 'folder for the HTML reports (default: a new folder under the temporary folder)')
    .option('--samples <dir>', 'folder of sample files')
    .option('--examples <dir>', 'folder of example strategies with their catalog.ts')
    .action(async (flags: DemoFlags) => {
      await demoCommand(flags, out);
    });

  addBacktestCommand(program, out, printJson);
  addPortfolioCommand(program, out, printJson);
  addOptimizeCommand(program, out, printJson);

  const data = program.command('data').description('read, validate, clean, resample, convert and store market data');

  withReadOptions(
    data
      .command('inspect')
      .description('print the validation report of a bar file or dataset')
      .argument('<file>', 'CSV/TSV/JSON/NDJSON file, .alph dataset or catalog name')
      .option('--json', 'print the report as JSON')
      .option('--timeframe <tf>', 'expected timeframe (detected otherwise)')
      .option('--calendar <name>', 'expected calendar: auto, us-equity, weekdays, 24x7', 'auto')
      .option('--exchange-zone <zone>', 'zone of the exchange calendar and sessions', 'UTC')
      .option('--outlier-threshold <k>', 'robust standard deviations that make a return an outlier')
      .option('--examples <n>', 'examples kept per issue', '5')
      .option('--fail-on-error', 'exit with status 1 when the report has errors')
      .option('--quiet', 'no progress bar'),
  ).action(async (file: string, flags: InspectFlags) => {
    const report = await buildInspectReport(file, flags);
    if (flags.json === true) printJson(report);
    else printInspectReport(report, out);
    if (flags.failOnError === true && !report.ok) process.exitCode = EXIT_FAILURE;
  });

  withReadOptions(
    data
      .command('convert')
      .description('convert between CSV/TSV/JSON/NDJSON and Alphintra datasets (.alph), by extension')
      .argument('<in>', 'input file or dataset')
      .argument('<out>', 'output file (.alph, .csv, .tsv, .json, .ndjson)')
      .option('--json', 'print the summary as JSON')
      .option('--quiet', 'no progress bar'),
  ).action(async (input: string, output: string, flags: ConvertFlags) => {
    const summary = await convertBars(input, output, flags);
    if (flags.json === true) printJson(summary);
    else printConvertSummary(summary, out);
  });

  withReadOptions(
    data
      .command('resample')
      .description('aggregate bars to a higher timeframe (a bar appears only once closed)')
      .argument('<in>', 'input file or dataset')
      .requiredOption('--timeframe <tf>', 'target timeframe: 5m, 1h, 1d, 1w, 1M …')
      .option('--out <file>', 'output file (.alph, .csv, .tsv, .json, .ndjson)')
      .option('--exchange-zone <zone>', 'zone for day, week and month boundaries', 'UTC')
      .option('--session <hh:mm-hh:mm>', 'trading session in the exchange zone, e.g. 09:30-16:00 or 18:00-17:00')
      .addOption(new Option('--week-start <day>', 'first day of a week').choices(['monday', 'sunday']))
      .addOption(new Option('--label <side>', 'label bars by bucket start or end').choices(['left', 'right']))
      .option('--include-partial', 'keep the last bucket even if it has not closed')
      .option('--json', 'print the summary as JSON')
      .option('--quiet', 'no progress bar'),
  ).action(async (input: string, flags: ResampleFlags) => {
    const summary = await resampleCommand(input, flags);
    if (flags.json === true) printJson(summary);
    else {
      out(
        `${summary.sourceRows.toLocaleString('en-US')} bars → ${summary.rows.toLocaleString('en-US')} ${summary.timeframe} bars` +
          ` (${summary.start ?? '-'} → ${summary.end ?? '-'})${summary.output === null ? '' : `, written to ${summary.output}`}` +
          (summary.partialLastDropped ? '; the last, unfinished bucket was left out (--include-partial keeps it)' : ''),
      );
    }
  });

  withReadOptions(
    data
      .command('clean')
      .description('apply an explicit cleaning policy, recorded in the lineage')
      .argument('<in>', 'input file or dataset')
      .requiredOption(
        '--policy <policy>',
        'preset (default, strict) or kind=action pairs, e.g. duplicate_timestamp=drop,missing_price=forward_fill',
      )
      .option('--out <file>', 'output file (.alph keeps the lineage)')
      .option('--calendar <name>', 'expected calendar: auto, us-equity, weekdays, 24x7')
      .option('--exchange-zone <zone>', 'zone of the exchange calendar and sessions')
      .option('--json', 'print the summary as JSON')
      .option('--quiet', 'no progress bar'),
  ).action(async (input: string, flags: CleanFlags) => {
    const summary = await cleanCommand(input, flags);
    if (flags.json === true) {
      printJson(summary);
      return;
    }
    out(`${summary.rowsBefore.toLocaleString('en-US')} bars → ${summary.rowsAfter.toLocaleString('en-US')} bars`);
    const kinds = new Set([...summary.before.issues.map((i) => i.kind), ...summary.after.issues.map((i) => i.kind)]);
    if (kinds.size === 0) out('no problems found; nothing changed');
    else
      printTable(
        ['problem', 'before', 'after'],
        [...kinds].map((kind) => [
          kind,
          String(summary.before.issues.find((i) => i.kind === kind)?.count ?? 0),
          String(summary.after.issues.find((i) => i.kind === kind)?.count ?? 0),
        ]),
        out,
      );
    if (summary.output !== null) out(`written to ${summary.output}`);
  });

  data
    .command('generate')
    .description('generate a seeded synthetic market (random walk, volatility clustering, jumps)')
    .option('--symbols <n>', 'number of symbols', '1')
    .option('--bars <n>', 'bars per symbol (up to 100,000,000)', '100000')
    .requiredOption('--out <dir>', 'output folder (one file per symbol)')
    .option('--seed <n>', 'random seed (same seed, same data)', '1')
    .option('--timeframe <tf>', 'bar timeframe', '1m')
    .option('--start <date>', 'time of the first bar (ISO 8601, UTC)')
    .option('--volatility <sigma>', 'annualised volatility, e.g. 0.3')
    .option('--drift <mu>', 'annualised drift, e.g. 0.05')
    .addOption(new Option('--format <format>', 'output format').choices(['alph', 'csv']).default('alph'))
    .option('--json', 'print the files written as JSON')
    .option('--quiet', 'no progress bar')
    .action(async (flags: GenerateFlags) => {
      const files = await generateCommand(flags);
      if (flags.json === true) printJson(files);
      else
        printTable(
          ['symbol', 'bars', 'file', 'hash'],
          files.map((f) => [f.symbol, f.rows.toLocaleString('en-US'), f.path, f.hash?.slice(0, 12) ?? '']),
          out,
        );
    });

  withReadOptions(
    data
      .command('import')
      .description('store a file in the dataset catalog as a new version')
      .argument('<file>', 'input file')
      .requiredOption('--name <name>', 'dataset name, e.g. orcl-daily')
      .option('--catalog <dir>', 'catalog folder (default $ALPHINTRA_HOME/catalog or ~/.alphintra/catalog)')
      .option('--json', 'print the entry as JSON')
      .option('--quiet', 'no progress bar'),
  ).action(async (file: string, flags: ImportFlags) => {
    const entry = await importCommand(file, flags);
    if (flags.json === true) printJson(entry);
    else out(`stored ${entry.rows.toLocaleString('en-US')} bars as ${entry.name}@${entry.hash.slice(0, 12)}`);
  });

  data
    .command('list')
    .description('list the datasets in the catalog')
    .option('--catalog <dir>', 'catalog folder')
    .option('--all', 'every version, not only the latest')
    .option('--json', 'print as JSON')
    .action(async (flags: { catalog?: string; all?: boolean; json?: boolean }) => {
      const entries = await listCommand(flags);
      if (flags.json === true) printJson(entries);
      else printEntries(entries, out);
    });

  withReadOptions(
    program
      .command('ta')
      .description('compute a technical indicator (TA-Lib names and parameters) over a bar file')
      .argument('[function]', 'indicator name, e.g. RSI, MACD, BBANDS, CDLDOJI')
      .option('--input <file>', 'bar file or dataset to read')
      .option('--list', 'list every indicator with its parameters')
      .option('--json', 'print outputs as JSON, keyed by output name, null where there is no value')
      .option(
        '--source <column>',
        'column for a single real input: open, high, low, close, volume, hl2, hlc3, ohlc4',
        'close',
      )
      .option('--source0 <column>', 'column for real0 (two-input functions such as BETA)', 'high')
      .option('--source1 <column>', 'column for real1', 'low')
      .option('--periods-column <column>', 'extra column holding per-bar periods (MAVP)')
      .option('--tail <n>', 'rows to print without --json', '20')
      .option('--quiet', 'no progress bar')
      .allowUnknownOption(true)
      .allowExcessArguments(true)
      .addHelpText(
        'after',
        '\nIndicator parameters are passed as options named as in TA-Lib, e.g.\n' +
          '  alphintra ta RSI --input bars.csv --timeperiod 14\n' +
          '  alphintra ta MACD --input bars.csv --fastperiod 12 --slowperiod 26 --signalperiod 9 --json\n' +
          'alphintra ta --list shows every indicator with its parameters and defaults.',
      ),
  ).action(async (name: string | undefined, flags: TaFlags, command: Command) => {
    if (flags.list === true) {
      if (flags.json === true) printJson(indicatorListJson());
      else printIndicatorList(out);
      return;
    }
    const result = await runIndicator(requireName(name), command.args.slice(name === undefined ? 0 : 1), flags);
    if (flags.json === true) process.stdout.write(`${JSON.stringify(taJson(result))}\n`);
    else printTa(result, Number(flags.tail ?? 20), out);
  });

  return program;
}

/**
 * Runs the command line and returns the exit status. Errors print as one line on standard
 * error (with stack and causes under `--verbose`), never as an unhandled exception.
 *
 * @example
 * process.exitCode = await main(process.argv);
 */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  const verbose = argv.includes('--verbose');
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit with 0; commander has already printed what it had to say.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    const code = (error as { name?: string }).name === 'UsageError' ? EXIT_USAGE : EXIT_FAILURE;
    process.stderr.write(`alphintra: ${formatError(error, verbose)}\n`);
    return code;
  }
}
