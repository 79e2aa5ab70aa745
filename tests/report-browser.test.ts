// Opens a real backtest report in Debian's chromium (driven by playwright-core) from file://
// with the network blocked, and checks that every chart draws, that nothing was requested and
// nothing logged an error, that the trades table is complete and that the controls work.
// .ci/run installs chromium and sets ALPHINTRA_EXPECT_BROWSER=1, so CI cannot skip this.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  alphintra,
  available,
  CHROMIUM,
  expectTimeSeriesDrawn,
  openReport,
  POLL,
  pixelHash,
} from './browser-support.js';

describe('the browser for report tests', () => {
  it('is installed wherever CI expects it', () => {
    if (process.env.ALPHINTRA_EXPECT_BROWSER === '1') {
      expect(available, `${CHROMIUM} is missing: apt-get install -y chromium`).toBe(true);
    } else if (!available) {
      console.warn(`report browser tests skipped: ${CHROMIUM} is not installed (apt-get install -y chromium)`);
    }
  });
});

describe.runIf(available)('a backtest report in chromium', () => {
  let work: string;
  let context: BrowserContext;
  let page: Page;
  let trades: number;
  let attempted: string[];
  let problems: string[];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'alphintra-browser-'));
    const report = join(work, 'momentum.html');
    // A real run of an example on sample data, through the command users run (three instruments).
    const stdout = alphintra([
      'backtest',
      'examples/momentum-rotation.ts',
      ...['--data', 'data/samples/orcl-1995-2014.txt', '--symbol', 'ORCL'],
      ...['--data', 'data/samples/nvda-1999-2014.txt', '--symbol', 'NVDA'],
      ...['--data', 'data/samples/yhoo-1996-2014.txt', '--symbol', 'YHOO'],
      ...['--fees', 'per-share:0.005,min=1,max-percent=0.005', '--slippage', 'bps:2'],
      ...['--report', report, '--json'],
    ]);
    trades = JSON.parse(stdout).summary.trades;

    ({ context, page, attempted, problems } = await openReport(report, join(work, 'profile')));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('draws every time-series chart on non-blank canvases of non-zero size', async () => {
    const ids = await page.$$eval('[data-chart="time-series"]', (nodes) => nodes.map((n) => n.id));
    expect(ids).toEqual([
      'equity-chart',
      'drawdown-chart',
      'price-chart-0',
      'price-chart-1',
      'price-chart-2',
      'rolling-sharpe-chart',
      'rolling-volatility-chart',
    ]);
    await expectTimeSeriesDrawn(page, ids);
  });

  it('draws the heat map and the histogram as SVG of non-zero size', async () => {
    for (const id of ['monthly-returns', 'return-distribution']) {
      const svg = page.locator(`#${id} svg`);
      const box = await svg.boundingBox();
      expect(box?.width, id).toBeGreaterThan(300);
      expect(box?.height, id).toBeGreaterThan(40);
      expect(await svg.locator('rect').count(), id).toBeGreaterThan(10);
    }
  });

  it('lists every trade of the run', async () => {
    expect(trades).toBeGreaterThan(10);
    expect(await page.locator('#trades-table tbody tr').count()).toBe(trades);
  });

  it('switches the equity chart to a logarithmic scale and back', async () => {
    const before = await pixelHash(page, 'equity-chart');
    await page.locator('input[data-log-scale-for="equity-chart"]').check();
    await expect.poll(() => page.locator('#equity-chart').getAttribute('data-scale'), POLL).toBe('log');
    await expect.poll(() => pixelHash(page, 'equity-chart'), POLL).not.toBe(before);
    await page.locator('input[data-log-scale-for="equity-chart"]').uncheck();
    await expect.poll(() => page.locator('#equity-chart').getAttribute('data-scale'), POLL).toBe('linear');
    await expect.poll(() => pixelHash(page, 'equity-chart'), POLL).toBe(before);
  });

  it('redraws the rolling Sharpe ratio for another window', async () => {
    const before = await pixelHash(page, 'rolling-sharpe-chart');
    await page.locator('select[data-variant-for="rolling-sharpe-chart"]').selectOption({ label: '252 bars' });
    await expect.poll(() => page.locator('#rolling-sharpe-chart').getAttribute('data-variant'), POLL).toBe('2');
    await expect.poll(() => pixelHash(page, 'rolling-sharpe-chart'), POLL).not.toBe(before);
  });

  it('requested nothing from the network and logged no error', () => {
    expect(attempted).toEqual([]);
    expect(problems).toEqual([]);
  });
});
