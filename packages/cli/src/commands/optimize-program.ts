import { type Command, Option } from 'commander';
import { collect } from './backtest.js';
import { RUN_HELP, strategyRunCommand } from './backtest-program.js';
import { type OptimizeFlags, optimizeCommand } from './optimize.js';
import { divergenceWarning } from './optimize-evaluator.js';
import { writeOptimizationFiles } from './optimize-files.js';
import { writeOptimizationReport } from './optimize-html.js';
import { printOptimization } from './optimize-report.js';

const EXAMPLES = [
  '',
  'Ranges (--param name=range, repeat): 5:50:5 (stepped), 5:50 (every integer, or continuous for reals),',
  '0.001:1:log (log-uniform), 0.001:1:log:10 (10 log-spaced points), sma,ema (a list), 20 (fixed), * (as declared).',
  'Without any --param every declared range is searched. Constraints: fast < slow, slow - fast >= 10,',
  "ma == 'ema' or fast > 5 (and, or, not, + - * / % ^, abs, min, max …).",
  'Objectives: sharpe, sortino, calmar, cagr, total-return, profit-factor, max-drawdown … any metric of',
  'docs/analytics/metrics.md; max:/min: or +/- choose the direction. Several make a Pareto front.',
  'Walk-forward: rolling:train=2y,test=6m or anchored:train=504,test=126 (bars), optionally ,step=…,warmup=N|all.',
  '',
  RUN_HELP,
  '',
  'Examples:',
  "  alphintra optimize examples/sma-crossover.ts --data data/samples/orcl-1995-2014.txt --param fast=5:50:5 --param slow=20:200:10 --constraint 'fast < slow'",
  '  alphintra optimize sma.ts --data orcl.csv --param fast=2:100 --param slow=10:300 --method bayes --trials 200 --objective sharpe --objective max-drawdown',
  '  alphintra optimize sma.ts --data orcl.csv --param fast=5:50:5 --param slow=20:200:10 --walk-forward rolling:train=2y,test=6m --out runs/wf',
  '  alphintra optimize sma.ts --data orcl.csv --param fast=5:50:5 --param slow=20:200:10 --report opt.html   # one HTML file, opens offline',
  '  alphintra optimize sma.ts --data orcl.csv --param fast=5:50:5 --param slow=20:200:10 --out runs/wf --resume   # after Ctrl-C',
  '  alphintra optimize sma.ts --data orcl.csv --param fast=2:100 --param slow=10:300 --evaluator sweep --verify 20',
].join('\n');

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

/** Adds `alphintra optimize` to the program. */
export function addOptimizeCommand(
  program: Command,
  out: (line: string) => void,
  printJson: (value: unknown) => void,
): void {
  strategyRunCommand(program, {
    name: 'optimize',
    description:
      'search a strategy’s parameters (grid, random, Bayesian), optionally walk-forward, with overfitting diagnostics',
    param: ['--param <name=range>', 'range to search, e.g. fast=5:50:5; repeat for several'],
    seedFlag: '--run-seed',
  })
    .option('--objective <metric>', 'metric to optimise (default sharpe); repeat for a Pareto front', collect)
    .addOption(
      new Option('--method <method>', 'search method (default: grid when every range is discrete, else bayes)').choices(
        ['grid', 'random', 'bayes'],
      ),
    )
    .option('--trials <n>', 'trials per search for random and bayes (default 100)')
    .option('--seed <n>', 'seed of the search (default 1)')
    .option(
      '--constraint <expression>',
      "constraint between parameters, e.g. 'fast < slow'; repeat for several",
      collect,
    )
    .option(
      '--walk-forward <spec>',
      'walk-forward analysis, e.g. rolling:train=2y,test=6m or anchored:train=504,test=126',
    )
    .option('--workers <n>', 'worker threads (default: the number of cores)')
    .option(
      '--batch-size <n>',
      'trials proposed together (default 8 for bayes, 1024 for a grid the sweep evaluates, 64 otherwise; fixes the sequence)',
    )
    .option('--blocks <n>', 'blocks of combinatorially symmetric cross-validation for PBO (even, default 16)')
    .option('--top <n>', 'trials listed in the summary', '10')
    .option('--json', 'print the whole result (what result.json holds) as JSON')
    .option('--out <dir>', 'write result.json, trials.csv and the journal (journal.ndjson) there')
    .option(
      '--report <file>',
      'write a self-contained HTML report (best trials, overfitting diagnostics, sensitivity maps, walk-forward)',
    )
    .option('--resume', 'continue the run whose journal is in --out')
    .option('--quiet', 'no progress bar')
    .addOption(
      new Option(
        '--evaluator <kind>',
        'engine: one backtest per trial on worker threads; sweep: one pass per batch through the strategy’s sweep face; auto: the sweep when the strategy, data, rules and objectives allow it',
      )
        .choices(['engine', 'sweep', 'auto'])
        .default('auto'),
    )
    .option('--verify <n>', 'after a sweep, re-run this many trials per search through the engine and compare', '10')
    .addHelpText('after', EXAMPLES)
    .action(async (file: string, flags: OptimizeFlags) => {
      const run = await optimizeCommand(file, flags);
      const result = run.run.result;
      const written = flags.out === undefined ? [] : await writeOptimizationFiles(flags.out, result);
      if (run.run.journal !== null) written.push(run.run.journal);
      // Written on a stopped run too: the report labels its results partial.
      if (flags.report !== undefined) written.push(await writeOptimizationReport(flags.report, run));
      if (flags.json === true) printJson(result);
      else {
        printOptimization(run, Number(flags.top ?? 10), out);
        if (written.length > 0) out(`  ${'written'.padEnd(17)}${written.join(', ')}`);
      }
      const warning = divergenceWarning(result);
      if (warning !== null) process.stderr.write(warning);
      if (!run.run.complete) {
        const done =
          (result.search?.evaluated ?? 0) +
          (result.walkForward?.folds.reduce((n, f) => n + f.search.evaluated, 0) ?? 0);
        const args = process.argv.slice(2);
        const again = ['alphintra', ...args, ...(args.includes('--resume') ? [] : ['--resume'])]
          .map(shellQuote)
          .join(' ');
        process.stderr.write(
          flags.out === undefined
            ? `alphintra: stopped after ${done} trials; without --out nothing was kept to resume from\n`
            : `alphintra: stopped after ${done} trials; partial results in ${flags.out}; resume with:\n  ${again}\n`,
        );
        process.exitCode = run.signal === 'SIGTERM' ? 143 : 130;
      }
    });
}
