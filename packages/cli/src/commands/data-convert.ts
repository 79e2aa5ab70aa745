import { formatTimeframe } from '@alphintra/core';
import { appendLineage } from '@alphintra/data';
import { type InputFlags, loadBars, saveBars } from '../support/bars-io.js';
import { createProgress, formatBytes } from '../support/progress.js';

/** Flags of `alphintra data convert`. */
export interface ConvertFlags extends InputFlags {
  quiet?: boolean;
  json?: boolean;
}

/** Summary printed after a conversion. */
export interface ConvertSummary {
  input: string;
  output: string;
  rows: number;
  bytes: number;
  hash: string | null;
}

/**
 * Converts between text formats and Alphintra datasets, keeping lineage. A read that
 * meets a bad row stops with an error: conversion never writes a partial dataset.
 */
export async function convertBars(input: string, output: string, flags: ConvertFlags): Promise<ConvertSummary> {
  const progress = createProgress('reading', 'bytes', flags.quiet === true);
  const loaded = await loadBars(input, flags, progress);
  const series = loaded.series;
  const lineage = appendLineage(loaded.lineage, { operation: 'convert', details: { from: input, to: output } });
  const timeframe = series.meta.timeframe ?? loaded.dataset?.metadata.timeframe;
  const written = await saveBars(output, series, {
    ...(series.meta.symbol === undefined ? {} : { symbol: series.meta.symbol }),
    ...(timeframe === undefined
      ? {}
      : { timeframe: typeof timeframe === 'string' ? timeframe : formatTimeframe(timeframe) }),
    ...(loaded.read === undefined
      ? {}
      : { source: { file: input, format: loaded.read.layout.format, bytes: loaded.read.bytes } }),
    lineage,
  });
  return { input, output, rows: series.length, bytes: written.bytes, hash: written.hash ?? null };
}

/** Prints a conversion summary for people. */
export function printConvertSummary(summary: ConvertSummary, out: (line: string) => void): void {
  out(
    `wrote ${summary.rows.toLocaleString('en-US')} bars to ${summary.output} (${formatBytes(summary.bytes)})` +
      (summary.hash === null ? '' : `, hash ${summary.hash.slice(0, 16)}`),
  );
}
