import type { RunManifest } from '@alphintra/engine';
import { formatCount, formatTime } from '../html/format.js';
import { type Html, html } from '../html/html.js';
import { renderTable } from '../html/table.js';
import type { BacktestReportOptions } from './report-input.js';

type DataEntry = RunManifest['data'][number];

/**
 * Returns the run manifest: strategy, code hash, engine version, seed, parameters, every
 * dataset with its hash and source, the benchmark and the full configuration, enough to
 * reproduce the run.
 */
export function manifestSection(manifest: RunManifest, options: BacktestReportOptions): Html {
  const version = manifest.strategy.version === '' ? '–' : manifest.strategy.version;
  const facts: [string, string][] = [
    ['strategy', manifest.strategy.name],
    ['version', version],
    ['strategy file', options.sources?.strategy ?? '–'],
    ['code hash (SHA-256)', manifest.strategy.codeHash],
    ['engine version', manifest.engineVersion],
    ['seed', String(manifest.seed)],
    ['benchmark', options.benchmark?.name ?? 'none'],
  ];
  const params = Object.entries(manifest.parameters);
  const parameters =
    params.length === 0
      ? html`<p class="empty">The strategy has no parameters.</p>`
      : renderTable(
          [
            { header: 'parameter', cell: ([name]: [string, unknown]) => name },
            { header: 'value', cell: ([, value]: [string, unknown]) => String(value) },
          ],
          params,
          { id: 'parameters-table' },
        );
  const data = renderTable(
    [
      { header: 'instrument', cell: (d: DataEntry) => d.instrument },
      { header: 'source', cell: (_d: DataEntry, i: number) => options.sources?.data[i] ?? '–' },
      { header: 'bars', cell: (d: DataEntry) => formatCount(d.bars), align: 'right' },
      { header: 'first bar', cell: (d: DataEntry) => formatTime(d.start) },
      { header: 'last bar', cell: (d: DataEntry) => formatTime(d.end) },
      { header: 'dataset hash (SHA-256)', cell: (d: DataEntry) => html`<code>${d.hash}</code>` },
    ],
    manifest.data,
    { id: 'datasets-table' },
  );
  return html`<dl class="facts">${facts.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
<h3>Parameters</h3>${parameters}
<h3>Data</h3>${data}
<h3>Configuration</h3><pre id="run-config">${JSON.stringify(manifest.config, null, 2)}</pre>`;
}
