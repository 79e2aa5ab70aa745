import { formatDivergences } from '@alphintra/engine';
import type { OptimizationResult } from '@alphintra/research';
import { UsageError } from '../support/errors.js';

type Out = (line: string) => void;

const row = (out: Out, label: string, value: string): void => out(`  ${label.padEnd(17)}${value}`);

/** Returns `--evaluator` as given (auto by default), checked. */
export function evaluatorFlag(text: string | undefined): 'engine' | 'sweep' | 'auto' {
  const value = text ?? 'auto';
  if (value !== 'engine' && value !== 'sweep' && value !== 'auto')
    throw new UsageError(`expected --evaluator engine, sweep or auto, got "${value}"`);
  return value;
}

/** Prints which evaluator ran the trials and why (a row of the summary's header). */
export function printEvaluator(result: OptimizationResult, out: Out): void {
  const e = result.evaluator;
  const how =
    e.used === 'sweep'
      ? 'sweep (runSweep passes over chunks of each batch; the best trial and test runs by the engine)'
      : 'engine (one backtest per trial)';
  row(out, 'evaluator', `${how}: ${e.requested === 'auto' ? `auto, ${e.reason}` : e.reason}`);
}

/** Prints the check of a sweep-evaluated run against the engine: agreement, or the divergence table. */
export function printVerification(result: OptimizationResult, out: Out): void {
  const v = result.evaluator.verification;
  if (v === null) return;
  out('');
  if (v.agrees) {
    out(
      `sweep agrees with the engine on ${v.trials} trial${v.trials === 1 ? '' : 's'} (trades, final equity, total return, Sharpe, max drawdown; relative tolerance ${v.tolerance})`,
    );
    return;
  }
  const count = v.searches.reduce((n, s) => n + s.divergences.length, 0);
  out(`sweep DISAGREES with the engine: ${count} figure${count === 1 ? '' : 's'} of ${v.trials} re-run trials`);
  for (const s of v.searches) {
    if (s.divergences.length === 0) continue;
    if (s.fold !== null) out(`fold ${s.fold + 1}:`);
    const table = formatDivergences(s.divergences).split('\n');
    const width = Math.max(5, ...s.divergences.map((d) => String(d.trial).length));
    out(['trial'.padEnd(width), table[0]].join('  '));
    s.divergences.forEach((d, i) => {
      out([String(d.trial).padEnd(width), table[i + 1]].join('  '));
    });
  }
}

/** The warning written to stderr when the sweep and the engine disagree; null when they agree. */
export function divergenceWarning(result: OptimizationResult): string | null {
  const v = result.evaluator.verification;
  if (v === null || v.agrees) return null;
  return (
    'alphintra: warning: the sweep evaluator disagrees with the event-driven engine on re-run trials ' +
    '(the strategy’s sweep face does not reproduce its create); the ranking may be wrong — the best trial’s ' +
    'reported metrics come from the engine; rerun with --evaluator engine\n'
  );
}
