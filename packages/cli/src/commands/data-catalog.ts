import { formatTimeframe } from '@alphintra/core';
import { Catalog, type CatalogEntry } from '@alphintra/data';
import { catalogRoot, type InputFlags, loadBars } from '../support/bars-io.js';
import { createProgress, formatBytes } from '../support/progress.js';
import { printTable } from '../support/table.js';

/** Flags of `alphintra data import`. */
export interface ImportFlags extends InputFlags {
  name: string;
  catalog?: string;
  quiet?: boolean;
  json?: boolean;
}

/** Reads a file and stores it in the catalog as a new version of `name`. */
export async function importCommand(input: string, flags: ImportFlags): Promise<CatalogEntry> {
  const loaded = await loadBars(input, flags, createProgress('reading', 'bytes', flags.quiet === true));
  const catalog = await Catalog.open(flags.catalog ?? catalogRoot());
  const timeframe = loaded.series.meta.timeframe;
  return catalog.put(flags.name, loaded.series, {
    ...(loaded.series.meta.symbol === undefined ? {} : { symbol: loaded.series.meta.symbol }),
    ...(timeframe === undefined ? {} : { timeframe: formatTimeframe(timeframe) }),
    ...(loaded.read === undefined
      ? {}
      : { source: { file: input, format: loaded.read.layout.format, bytes: loaded.read.bytes } }),
    lineage: loaded.lineage,
  });
}

/** Lists the catalog's datasets (every version with `all`). */
export async function listCommand(flags: { catalog?: string; all?: boolean }): Promise<CatalogEntry[]> {
  const catalog = await Catalog.open(flags.catalog ?? catalogRoot());
  const entries = await catalog.list();
  if (flags.all === true) {
    const all: CatalogEntry[] = [];
    for (const name of [...new Set(entries.map((e) => e.name))]) all.push(...(await catalog.versions(name)));
    return all;
  }
  return entries;
}

/** Prints catalog entries as a table. */
export function printEntries(entries: CatalogEntry[], out: (line: string) => void): void {
  if (entries.length === 0) {
    out('the catalog is empty (add data with: alphintra data import <file> --name <name>)');
    return;
  }
  printTable(
    ['name', 'hash', 'rows', 'timeframe', 'start', 'end', 'size'],
    entries.map((e) => [
      e.name,
      e.hash.slice(0, 12),
      e.rows.toLocaleString('en-US'),
      e.timeframe ?? '',
      e.start ?? '',
      e.end ?? '',
      formatBytes(e.bytes),
    ]),
    out,
  );
}
