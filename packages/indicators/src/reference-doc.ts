import { listIndicators } from './registry.js';
import type { IndicatorDefinition, IndicatorGroup } from './types.js';

const GROUP_TITLES: Record<IndicatorGroup, string> = {
  overlap: 'Overlap studies',
  momentum: 'Momentum',
  volume: 'Volume',
  volatility: 'Volatility',
  price: 'Price transforms',
  cycle: 'Cycle',
  statistic: 'Statistics',
  'math-operator': 'Math operators',
  'math-transform': 'Math transforms',
  pattern: 'Candlestick patterns',
  extra: 'Beyond TA-Lib',
};

function formatNumber(value: number): string {
  if (value >= 3e37) return '3e37';
  if (value <= -3e37) return '-3e37';
  return String(value);
}

function entry(d: IndicatorDefinition): string {
  const lines = [`### ${d.name}`, '', d.description, ''];
  if (d.formula !== undefined) lines.push(`Formula: ${d.formula}`, '');
  lines.push(`- inputs: ${d.inputs.map((i) => `\`${i}\``).join(', ')}`);
  if (d.parameters.length === 0) lines.push('- parameters: none');
  else {
    lines.push('- parameters:');
    for (const p of d.parameters) {
      lines.push(
        `  - \`${p.name}\` (${p.type}, default ${formatNumber(p.default)}, ${formatNumber(p.min)} to ${formatNumber(p.max)}): ${p.description}`,
      );
    }
  }
  lines.push(
    `- outputs: ${d.outputs.map((o) => `\`${o.name}\`${o.type === 'integer' ? ' (integer)' : ''}: ${o.description}`).join('; ')}`,
  );
  lines.push(`- TA-Lib compatible: ${d.talib ? 'yes (checked against TA-Lib to 1e-9)' : 'no (not in TA-Lib)'}`);
  lines.push('');
  return lines.join('\n');
}

/**
 * Returns the indicator reference page (Markdown) generated from the registry, so the
 * documentation can never disagree with the code. `npm run docs:indicators` writes it to
 * docs/indicators/reference.md; a test checks that the committed page is current.
 */
export function indicatorReferenceMarkdown(): string {
  const all = listIndicators();
  const parts = [
    '# Indicator reference',
    '',
    '<!-- Generated from the registry by `npm run docs:indicators`; do not edit by hand. -->',
    '',
    `${all.length} indicators. Each has a batch function named as in TA-Lib (typed arrays in, typed arrays out, aligned with the input, NaN during the warm-up), a streaming class (\`<NAME>Stream\`: O(1) per bar except CCI, AVGDEV and MAVP, no allocation; \`push\` a bar, \`revise\` the forming one, or \`pushAt\`/\`reviseAt\` bar \`index\` of the input columns, which allocates nothing from any call site; read \`outputs\`; \`update\`/\`replace\` also return the first output; \`isReady\`, \`reset\`), and a registry entry (\`getIndicator\`, \`computeIndicator\`, \`createStream\`). From the command line: \`alphintra ta <NAME> --input <file> [--<parameter> <value> …] [--json]\`.`,
    '',
  ];
  const groups = Object.keys(GROUP_TITLES) as IndicatorGroup[];
  for (const group of groups) {
    const members = all.filter((d) => d.group === group);
    if (members.length === 0) continue;
    parts.push(`## ${GROUP_TITLES[group]} (${members.length})`, '');
    for (const d of members) parts.push(entry(d));
  }
  return `${parts.join('\n').trimEnd()}\n`;
}
