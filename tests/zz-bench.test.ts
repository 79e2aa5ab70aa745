import { runBacktest } from '@alphintra/engine';
import { definePortfolio, runPortfolio } from '@alphintra/portfolio';
import { it } from 'vitest';
import { EXAMPLE_PORTFOLIOS, EXAMPLE_RUNS, examplePortfolioOptions, exampleOptions } from './example-support.js';
it('bench', async () => {
  const sma = await exampleOptions(EXAMPLE_RUNS[0]!);
  const rot = await exampleOptions(EXAMPLE_RUNS.find((r) => r.name === 'momentum-rotation')!);
  const pf = await examplePortfolioOptions(EXAMPLE_PORTFOLIOS[0]!);
  const { strategy: s1, ...r1 } = sma;
  const one = definePortfolio({ sleeves: [{ name: 'only', strategy: s1 }] });
  const { strategy: s2, ...r2 } = rot;
  const oneRot = definePortfolio({ sleeves: [{ name: 'only', strategy: s2 }] });
  const time = (f: () => void): number => { const t = performance.now(); f(); return performance.now() - t; };
  const acc: Record<string, number[]> = { sma: [], smaPf: [], rot: [], rotPf: [], three: [] };
  for (let round = 0; round < 7; round++) {
    acc.sma!.push(time(() => runBacktest(sma).summary.orderListHash));
    acc.smaPf!.push(time(() => runPortfolio({ ...r1, portfolio: one }).backtest.summary.orderListHash));
    acc.rot!.push(time(() => runBacktest(rot).summary.orderListHash));
    acc.rotPf!.push(time(() => runPortfolio({ ...r2, portfolio: oneRot }).backtest.summary.orderListHash));
    acc.three!.push(time(() => runPortfolio(pf).backtest.summary.orderListHash));
  }
  const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;
  console.log(Object.fromEntries(Object.entries(acc).map(([k, v]) => [k, med(v).toFixed(1)])));
}, 300_000);
