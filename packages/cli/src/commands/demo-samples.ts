import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatIsoDate, parseTimeframe } from '@alphintra/core';
import { readBars, readDatasetSync, resampleBars, validateBars, writeDataset } from '@alphintra/data';
import { formatBytes } from '../support/progress.js';
import { printTable } from '../support/table.js';

/**
 * The demo's tour of the sample data: reads every sample file, validates it, stores it in the
 * binary format and loads it back, and resamples the minute bars to hours.
 */
export async function sampleDataTour(dir: string, out: (line: string) => void): Promise<void> {
  const files = (await readdir(dir))
    .filter((f) => /\.(txt|csv|tsv|json|ndjson)$/i.test(f) && !/readme/i.test(f))
    .sort();
  out(`Sample data: ${files.length} files from ${dir}`);
  out('');
  const work = await mkdtemp(join(tmpdir(), 'alphintra-demo-'));
  const rows: string[][] = [];
  let minute: Awaited<ReturnType<typeof readBars>> | undefined;
  try {
    for (const file of files) {
      const path = join(dir, file);
      const t0 = performance.now();
      const read = await readBars(path);
      const parseMs = performance.now() - t0;
      const report = validateBars(read.series);
      const stored = join(work, `${file}.alph`);
      const { bytes } = await writeDataset(stored, read.series, { lineage: [] });
      const t1 = performance.now();
      const loaded = readDatasetSync(stored);
      const loadMs = performance.now() - t1;
      if (loaded.rows !== read.series.length) throw new Error(`stored ${file} lost rows`);
      if (file.includes('min-001')) minute = read;
      const problems = report.issues.map((i) => `${i.kind} ${i.count}`).join(', ');
      rows.push([
        file,
        read.series.length.toLocaleString('en-US'),
        `${formatIsoDate(read.series.start)} → ${formatIsoDate(read.series.end)}`,
        report.timeframe ?? '?',
        read.layout.vendor ?? read.layout.format,
        problems === '' ? 'clean' : problems,
        `${parseMs.toFixed(1)} / ${loadMs.toFixed(2)} ms (${formatBytes(bytes)})`,
      ]);
    }
    printTable(['file', 'bars', 'span', 'tf', 'layout', 'validation', 'parse / load stored'], rows, out);
    if (minute !== undefined) {
      const hourly = resampleBars(minute.series, { timeframe: parseTimeframe('1h') });
      out('');
      out(
        `Resampled ${minute.series.length.toLocaleString('en-US')} one-minute bars to ${hourly.series.length.toLocaleString('en-US')} hourly bars` +
          ` (a bar becomes visible only when its hour has closed).`,
      );
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
