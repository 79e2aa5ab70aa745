/** The style sheet of every report page: system fonts only, nothing fetched. */
export const PAGE_STYLE = `
:root { color-scheme: light; --fg: #111827; --muted: #6b7280; --line: #e5e7eb; --bg: #ffffff; --panel: #f9fafb; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: var(--bg); }
header.page { padding: 20px 28px 12px; border-bottom: 1px solid var(--line); background: var(--panel); }
header.page h1 { margin: 0 0 4px; font-size: 22px; }
header.page p { margin: 0; color: var(--muted); }
header.page p.notice { margin-top: 10px; padding: 6px 12px; color: #7c2d12; background: #ffedd5; border: 1px solid #fdba74; border-radius: 4px; font-weight: 600; }
nav.toc { padding: 8px 28px; border-bottom: 1px solid var(--line); font-size: 13px; }
nav.toc a { margin-right: 14px; color: #1d4ed8; text-decoration: none; }
main { padding: 8px 28px 40px; max-width: 1280px; }
section { margin-top: 28px; }
h2 { font-size: 18px; margin: 0 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
.headline { display: flex; flex-wrap: wrap; gap: 10px; margin-top: 16px; }
.headline div { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 130px; }
.headline span { display: block; color: var(--muted); font-size: 12px; }
.headline strong { font-size: 18px; font-variant-numeric: tabular-nums; }
figure.chart-block { margin: 0 0 22px; }
figcaption { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; margin-bottom: 6px; }
.chart-title { font-weight: 600; }
.legend-item { color: var(--muted); font-size: 12px; }
.legend-item i { display: inline-block; width: 14px; height: 3px; margin-right: 5px; vertical-align: middle; }
.controls { margin-left: auto; display: flex; gap: 14px; font-size: 13px; }
.chart { width: 100%; border: 1px solid var(--line); border-radius: 4px; }
.note { color: var(--muted); font-size: 12px; margin: 4px 0 0; }
.empty { color: var(--muted); }
svg { font-size: 11px; max-width: 100%; height: auto; }
svg .axis-label { fill: var(--muted); }
svg .empty-cell { fill: #f3f4f6; }
table.data { border-collapse: collapse; font-size: 13px; margin-bottom: 12px; }
table.data caption { text-align: left; font-weight: 600; padding: 4px 0; }
table.data th, table.data td { padding: 3px 10px; border-bottom: 1px solid var(--line); text-align: left; white-space: nowrap; }
table.data th { background: var(--panel); font-weight: 600; position: sticky; top: 0; }
table.data .num { text-align: right; font-variant-numeric: tabular-nums; }
table.sortable th::after { content: " ↕"; color: var(--muted); font-weight: 400; }
table.sortable th[aria-sort="ascending"]::after { content: " ▲"; }
table.sortable th[aria-sort="descending"]::after { content: " ▼"; }
.metric-groups { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 0 28px; }
.metric-group { overflow-x: auto; }
.scroll { max-height: 560px; overflow: auto; border: 1px solid var(--line); border-radius: 4px; }
.scroll table.data { margin: 0; width: 100%; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: 10px; overflow: auto; font-size: 12px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 3px 16px; margin: 0 0 12px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; word-break: break-all; }
`;
