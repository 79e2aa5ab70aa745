import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { defineInstrument } from '@alphintra/core';
import { readBars } from '@alphintra/data';
import { runBacktest } from '@alphintra/engine';
import { definePortfolio, portfolioFromDocument, readPortfolioDocument, runPortfolio } from '@alphintra/portfolio';
const load = async (name) => {
  const out = ts.transpileModule(readFileSync(`examples/${name}`, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  writeFileSync(`.prof/${name.replace('.ts', '.mjs')}`, out);
  return (await import(`./${name.replace('.ts', '.mjs')}`)).default;
};
const doc = readPortfolioDocument(JSON.parse(readFileSync('examples/three-sleeves.portfolio.json', 'utf8')));
const strategies = new Map();
for (const s of doc.sleeves) strategies.set(s.strategy, await load(s.strategy));
const data = [];
for (const [f, s] of [['orcl-1995-2014', 'ORCL'], ['nvda-1999-2014', 'NVDA'], ['yhoo-1996-2014', 'YHOO']]) {
  data.push({ instrument: defineInstrument({ kind: 'equity', symbol: s, venue: 'SIM', currency: 'USD' }), series: (await readBars(`data/samples/${f}.txt`)).series });
}
const costs = { cash: 100000, fees: { kind: 'per-share', perShare: 0.005, minimum: 1, maximumPercent: 0.005 }, slippage: { kind: 'fixed-bps', bps: 2 } };
const sma = strategies.get('sma-crossover.ts');
const rsi = strategies.get('rsi-mean-reversion.ts');
const rot = strategies.get('momentum-rotation.ts');
const cases = {
  'sma alone': () => runBacktest({ ...costs, strategy: sma, data: [data[0]] }),
  'sma as one sleeve': () => runPortfolio({ ...costs, portfolio: definePortfolio({ sleeves: [{ name: 'a', strategy: sma }] }), data: [data[0]] }),
  'rotation alone': () => runBacktest({ ...costs, strategy: rot, data }),
  'rotation as one sleeve': () => runPortfolio({ ...costs, portfolio: definePortfolio({ sleeves: [{ name: 'a', strategy: rot }] }), data }),
  'three alone (sum)': () => { runBacktest({ ...costs, strategy: sma, data: [data[0]] }); runBacktest({ ...costs, strategy: rsi, data: [data[2]] }); runBacktest({ ...costs, strategy: rot, data }); },
  'three-sleeve portfolio': () => runPortfolio({ ...costs, portfolio: portfolioFromDocument(doc, (p) => strategies.get(p)), data }),
};
const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let round = 0; round < 12; round++) for (const [k, f] of Object.entries(cases)) { const t = performance.now(); f(); times[k].push(performance.now() - t); }
const med = (a) => a.slice(3).sort((x, y) => x - y)[(a.length - 3) >> 1];
for (const [k, v] of Object.entries(times)) console.log(k.padEnd(24), med(v).toFixed(1), 'ms');
