import { formatIsoMicros, parseTimeframe } from '@alphintra/core';
import { hashSeries, type ValidationReport, validateBars } from '@alphintra/data';
import type { InputFlags } from '../support/bars-io.js';
import { loadBars } from '../support/bars-io.js';
import { createProgress } from '../support/progress.js';
import { printTable } from '../support/table.js';

/** Flags of `alphintra data inspect`. */
export interface InspectFlags extends InputFlags {
  json?: boolean;
  quiet?: boolean;
  timeframe?: string;
  calendar?: string;
  exchangeZone?: string;
  outlierThreshold?: string;
  examples?: string;
  failOnError?: boolean;
}

/** One entry of the inspect report's `issues` list. */
export interface InspectIssue {
  kind: string;
  count: number;
  severity: 'error' | 'warning';
  examples: Array<{ row?: number; line?: number; time?: string; detail: string }>;
}

/** The JSON document `alphintra data inspect --json` prints (documented in the README). */
export interface InspectReport {
  file: string;
  format: Record<string, unknown>;
  rows: number;
  start: string | null;
  end: string | null;
  timeframe: string | null;
  calendar: string;
  hash: string;
  complete: boolean;
  ok: boolean;
  issues: InspectIssue[];
}

/** Builds the inspect report for a file or dataset. */
export async function buildInspectReport(input: string, flags: InspectFlags): Promise<InspectReport> {
  const progress = createProgress('reading', 'bytes', flags.quiet === true || flags.json === true);
  const loaded = await loadBars(input, flags, progress, true);
  const maxExamples = flags.examples === undefined ? 5 : Number(flags.examples);
  const validation: ValidationReport = validateBars(loaded.series, {
    ...(flags.timeframe === undefined ? {} : { timeframe: parseTimeframe(flags.timeframe) }),
    ...(flags.calendar === undefined ? {} : { calendar: flags.calendar }),
    ...(flags.exchangeZone === undefined ? {} : { timeZone: flags.exchangeZone }),
    ...(flags.outlierThreshold === undefined ? {} : { outlierThreshold: Number(flags.outlierThreshold) }),
    maxExamples,
  });
  const issues: InspectIssue[] = [];
  if (loaded.read !== undefined && loaded.read.problemCount > 0) {
    const byKind = new Map<string, InspectIssue>();
    for (const problem of loaded.read.problems) {
      let issue = byKind.get(problem.kind);
      if (issue === undefined) {
        issue = { kind: problem.kind, count: 0, severity: 'error', examples: [] };
        byKind.set(problem.kind, issue);
      }
      issue.count++;
      if (issue.examples.length < maxExamples) issue.examples.push({ line: problem.line, detail: problem.message });
    }
    // problemCount may exceed the problems kept; attribute the rest to the first kind seen.
    const kept = loaded.read.problems.length;
    const first = byKind.values().next().value;
    if (first !== undefined && loaded.read.problemCount > kept) first.count += loaded.read.problemCount - kept;
    issues.push(...byKind.values());
  }
  for (const issue of validation.issues) {
    issues.push({ kind: issue.kind, count: issue.count, severity: issue.severity, examples: issue.examples });
  }
  const series = loaded.series;
  const format: Record<string, unknown> =
    loaded.read !== undefined
      ? { ...loaded.read.layout, mapping: loaded.read.layout.mapping }
      : { format: 'alphintra-dataset', symbol: loaded.dataset?.metadata.symbol ?? null };
  return {
    file: input,
    format,
    rows: series.length,
    start: series.length === 0 ? null : formatIsoMicros(series.start),
    end: series.length === 0 ? null : formatIsoMicros(series.end),
    timeframe: validation.timeframe,
    calendar: validation.calendar,
    hash: loaded.dataset?.hash ?? hashSeries(series, { symbol: series.meta.symbol }),
    complete: loaded.read?.complete ?? true,
    ok: validation.ok && (loaded.read?.problemCount ?? 0) === 0,
    issues,
  };
}

/** Prints the report for people. */
export function printInspectReport(report: InspectReport, out: (line: string) => void): void {
  const f = report.format;
  const formatText =
    f.format === 'alphintra-dataset'
      ? 'Alphintra dataset'
      : [
          String(f.format),
          f.delimiter === undefined ? '' : `delimiter ${JSON.stringify(f.delimiter)}`,
          f.header === true ? 'header' : f.format === 'csv' ? 'no header' : '',
          f.vendor === undefined ? '' : `layout ${String(f.vendor)}`,
        ]
          .filter((s) => s !== '')
          .join(', ');
  out(report.file);
  out(`  format     ${formatText}`);
  if (typeof f.timestamp === 'string') out(`  timestamps ${f.timestamp}`);
  out(`  rows       ${report.rows.toLocaleString('en-US')}${report.complete ? '' : ' (incomplete read)'}`);
  out(`  span       ${report.start ?? '-'} → ${report.end ?? '-'}`);
  out(`  timeframe  ${report.timeframe ?? 'unknown'} (calendar ${report.calendar})`);
  out(`  hash       ${report.hash.slice(0, 16)}`);
  if (report.issues.length === 0) {
    out('  issues     none');
    return;
  }
  out('  issues');
  printTable(
    ['kind', 'count', 'severity', 'first example'],
    report.issues.map((issue) => {
      const example = issue.examples[0];
      const where =
        example === undefined
          ? ''
          : example.line !== undefined
            ? `line ${example.line}`
            : `row ${example.row} ${example.time ?? ''}`;
      return [
        issue.kind,
        issue.count.toLocaleString('en-US'),
        issue.severity,
        example === undefined ? '' : `${where}: ${example.detail}`,
      ];
    }),
    (line) => out(`    ${line}`),
  );
}
