import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { defineInstrument } from '@alphintra/core';
import { readBars } from '@alphintra/data';
import { portfolioFromDocument, readPortfolioDocument, runPortfolio } from '@alphintra/portfolio';
const doc = readPortfolioDocument(JSON.parse(readFileSync('examples/three-sleeves.portfolio.json', 'utf8')));
const strategies = new Map();
for (const s of doc.sleeves) {
  const out = ts.transpileModule(readFileSync(`examples/${s.strategy}`, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const file = `.prof/${s.strategy.replace('.ts', '.mjs')}`;
  writeFileSync(file, out);
  strategies.set(s.strategy, (await import(`./${s.strategy.replace('.ts', '.mjs')}`)).default);
}
const portfolio = portfolioFromDocument(doc, (p) => strategies.get(p));
const data = [];
for (const [f, s] of [['orcl-1995-2014', 'ORCL'], ['nvda-1999-2014', 'NVDA'], ['yhoo-1996-2014', 'YHOO']]) {
  const r = await readBars(`data/samples/${f}.txt`);
  data.push({ instrument: defineInstrument({ kind: 'equity', symbol: s, venue: 'SIM', currency: 'USD' }), series: r.series });
}
const opts = { portfolio, data, cash: 100000, fees: { kind: 'per-share', perShare: 0.005, minimum: 1, maximumPercent: 0.005 }, slippage: { kind: 'fixed-bps', bps: 2 } };
for (let i = 0; i < 3; i++) runPortfolio(opts);
const t = performance.now();
for (let i = 0; i < 10; i++) runPortfolio(opts);
console.log('ms per run', (performance.now() - t) / 10);
