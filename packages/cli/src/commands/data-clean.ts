import { formatTimeframe } from '@alphintra/core';
import { appendLineage, cleanBars, parseCleaningPolicy, type ValidationReport } from '@alphintra/data';
import { type InputFlags, loadBars, saveBars } from '../support/bars-io.js';
import { createProgress } from '../support/progress.js';

/** Flags of `alphintra data clean`. */
export interface CleanFlags extends InputFlags {
  policy: string;
  out?: string;
  calendar?: string;
  exchangeZone?: string;
  quiet?: boolean;
  json?: boolean;
}

/** Summary printed after cleaning. */
export interface CleanSummary {
  input: string;
  output: string | null;
  rowsBefore: number;
  rowsAfter: number;
  lineage: unknown;
  before: ValidationReport;
  after: ValidationReport;
}

/**
 * Applies an explicit cleaning policy, records it in the dataset's lineage and writes the
 * result. A `reject` policy for a problem that is present stops with an error and writes
 * nothing.
 */
export async function cleanCommand(input: string, flags: CleanFlags): Promise<CleanSummary> {
  const policy = parseCleaningPolicy(flags.policy);
  const loaded = await loadBars(input, flags, createProgress('reading', 'bytes', flags.quiet === true));
  const result = cleanBars(loaded.series, policy, {
    ...(flags.calendar === undefined ? {} : { calendar: flags.calendar }),
    ...(flags.exchangeZone === undefined ? {} : { timeZone: flags.exchangeZone }),
  });
  if (flags.out !== undefined) {
    const timeframe = result.series.meta.timeframe;
    await saveBars(flags.out, result.series, {
      ...(loaded.series.meta.symbol === undefined ? {} : { symbol: loaded.series.meta.symbol }),
      ...(timeframe === undefined ? {} : { timeframe: formatTimeframe(timeframe) }),
      lineage: appendLineage(loaded.lineage, result.lineage),
    });
  }
  return {
    input,
    output: flags.out ?? null,
    rowsBefore: loaded.series.length,
    rowsAfter: result.series.length,
    lineage: result.lineage,
    before: result.before,
    after: result.after,
  };
}
