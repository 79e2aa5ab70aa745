import { readFileSync } from 'node:fs';
import { defineInstrument } from '@alphintra/core';
import { readBars } from '@alphintra/data';
import { definePortfolio, runPortfolio } from '@alphintra/portfolio';
const sma = (await import('./sma-crossover.mjs')).default;
const data = [{ instrument: defineInstrument({ kind: 'equity', symbol: 'ORCL', venue: 'SIM', currency: 'USD' }), series: (await readBars('data/samples/orcl-1995-2014.txt')).series }];
const p = definePortfolio({ sleeves: [{ name: 'a', strategy: sma }] });
for (let i = 0; i < 200; i++) runPortfolio({ portfolio: p, data });
