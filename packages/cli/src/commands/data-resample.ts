import { formatIsoMicros, formatTimeframe, parseTimeframe } from '@alphintra/core';
import { appendLineage, type ResampleOptions, resampleBars, type SessionSpec } from '@alphintra/data';
import { type InputFlags, loadBars, saveBars } from '../support/bars-io.js';
import { UsageError } from '../support/errors.js';
import { createProgress } from '../support/progress.js';

/** Flags of `alphintra data resample`. */
export interface ResampleFlags extends InputFlags {
  timeframe: string;
  out?: string;
  exchangeZone?: string;
  session?: string;
  weekStart?: string;
  label?: string;
  includePartial?: boolean;
  quiet?: boolean;
  json?: boolean;
}

/** Parses `--session 09:30-16:00` (or `18:00-17:00` for a session crossing midnight). */
export function parseSession(text: string, timeZone: string): SessionSpec {
  const match = /^(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/.exec(text.trim());
  if (match === null) throw new UsageError(`expected --session like 09:30-16:00, got "${text}"`);
  return { timeZone, open: match[1] as string, close: match[2] as string };
}

/** Summary printed after resampling. */
export interface ResampleSummary {
  input: string;
  output: string | null;
  sourceRows: number;
  rows: number;
  timeframe: string;
  start: string | null;
  end: string | null;
  partialLastDropped: boolean;
}

/** Resamples bars to a higher timeframe and writes them (or prints a summary). */
export async function resampleCommand(input: string, flags: ResampleFlags): Promise<ResampleSummary> {
  const target = parseTimeframe(flags.timeframe);
  const zone = flags.exchangeZone ?? 'UTC';
  if (flags.label !== undefined && flags.label !== 'left' && flags.label !== 'right') {
    throw new UsageError(`expected --label left or right, got "${flags.label}"`);
  }
  if (flags.weekStart !== undefined && flags.weekStart !== 'monday' && flags.weekStart !== 'sunday') {
    throw new UsageError(`expected --week-start monday or sunday, got "${flags.weekStart}"`);
  }
  const loaded = await loadBars(input, flags, createProgress('reading', 'bytes', flags.quiet === true));
  const options: ResampleOptions = {
    timeframe: target,
    timeZone: zone,
    ...(flags.session === undefined ? {} : { session: parseSession(flags.session, zone) }),
    ...(flags.weekStart === undefined ? {} : { weekStart: flags.weekStart as 'monday' | 'sunday' }),
    ...(flags.label === undefined ? {} : { label: flags.label as 'left' | 'right' }),
    ...(flags.includePartial === undefined ? {} : { includePartial: flags.includePartial }),
  };
  const result = resampleBars(loaded.series, options);
  const series = result.series;
  if (flags.out !== undefined) {
    const lineage = appendLineage(loaded.lineage, {
      operation: 'resample',
      details: {
        timeframe: formatTimeframe(target),
        timeZone: zone,
        session: flags.session ?? null,
        label: flags.label ?? 'left',
      },
    });
    await saveBars(flags.out, series, {
      ...(loaded.series.meta.symbol === undefined ? {} : { symbol: loaded.series.meta.symbol }),
      timeframe: formatTimeframe(target),
      timeZone: zone,
      lineage,
    });
  }
  return {
    input,
    output: flags.out ?? null,
    sourceRows: loaded.series.length,
    rows: series.length,
    timeframe: formatTimeframe(target),
    start: series.length === 0 ? null : formatIsoMicros(series.start),
    end: series.length === 0 ? null : formatIsoMicros(series.end),
    partialLastDropped: result.partialLast && flags.includePartial !== true,
  };
}
