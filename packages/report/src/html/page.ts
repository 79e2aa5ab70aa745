import { createHash } from 'node:crypto';
import type { ReportData } from '../charts/chart-spec.js';
import { chartLibrarySource, reportClientSource } from './assets.js';
import { jsonForScript } from './escape.js';
import { type Html, html, trustedHtml } from './html.js';
import { PAGE_STYLE } from './page-style.js';

/** A report page: its header, sections and the chart data its script draws. */
export interface PageInput {
  /** Browser tab title and main heading. */
  readonly title: string;
  /** One line under the heading. */
  readonly subtitle?: string;
  /** A warning shown prominently under the heading (e.g. that the results are partial). */
  readonly notice?: string;
  /** Key figures shown as tiles under the heading. */
  readonly headline?: readonly { readonly label: string; readonly value: string }[];
  readonly sections: readonly PageSection[];
  readonly data: ReportData;
}

/** One titled section, linked from the page's table of contents. */
export interface PageSection {
  readonly id: string;
  readonly title: string;
  readonly body: Html;
}

function cspHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/**
 * Returns a complete, self-contained HTML document: style, lightweight-charts and the report's
 * browser script inlined, chart data as JSON, no external URL anywhere. A Content-Security-
 * Policy forbids every network request and runs only the two inlined scripts (by hash), so
 * even markup that slipped through escaping could neither load nor execute anything. The same
 * input gives the same bytes.
 *
 * @example
 * const text = renderPage({ title: 'Backtest', sections: [{ id: 'trades', title: 'Trades', body }], data: { charts } });
 */
export function renderPage(input: PageInput): string {
  const library = chartLibrarySource();
  const client = reportClientSource();
  const csp = [
    "default-src 'none'",
    `script-src ${cspHash(library)} ${cspHash(client)}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const toc = input.sections.map((s) => html`<a href="#${s.id}">${s.title}</a>`);
  const headline =
    input.headline === undefined
      ? null
      : html`<div class="headline">${input.headline.map((h) => html`<div><span>${h.label}</span><strong>${h.value}</strong></div>`)}</div>`;
  const sections = input.sections.map((s) => html`<section id="${s.id}"><h2>${s.title}</h2>${s.body}</section>`);
  const subtitle = input.subtitle === undefined ? null : html`<p>${input.subtitle}</p>`;
  const notice = input.notice === undefined ? null : html`<p class="notice" role="status">${input.notice}</p>`;
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${trustedHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Alphintra">
<title>${input.title}</title>
<style>${trustedHtml(PAGE_STYLE)}</style>
</head>
<body>
<header class="page"><h1>${input.title}</h1>${subtitle}${notice}${headline}</header>
<nav class="toc">${toc}</nav>
<noscript><p>The time-series charts need JavaScript; every table and the SVG charts work without it.</p></noscript>
<main>
${sections}
</main>
<script type="application/json" id="report-data">${trustedHtml(jsonForScript(input.data))}</script>
<script>${trustedHtml(library)}</script>
<script>${trustedHtml(client)}</script>
</body>
</html>
`;
  return page.text;
}
