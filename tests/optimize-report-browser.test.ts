// Opens a real optimisation report in Debian's chromium (driven by playwright-core) from
// file:// with the network blocked, and checks that every chart draws — the lightweight-charts
// equity curves on their canvases, the SVG histogram, heat map, profiles and Pareto scatter —
// that nothing was requested and nothing logged an error. The run is a walk-forward grid with
// two objectives, so one page holds every kind of chart the report has.
// .ci/run installs chromium and sets ALPHINTRA_EXPECT_BROWSER=1, so CI cannot skip this.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alphintra, available, CHROMIUM, expectTimeSeriesDrawn, openReport } from './browser-support.js';

describe('the browser for optimisation report tests', () => {
  it('is installed wherever CI expects it', () => {
    if (process.env.ALPHINTRA_EXPECT_BROWSER === '1') {
      expect(available, `${CHROMIUM} is missing: apt-get install -y chromium`).toBe(true);
    } else if (!available) {
      console.warn(
        `optimisation report browser tests skipped: ${CHROMIUM} is not installed (apt-get install -y chromium)`,
      );
    }
  });
});

describe.runIf(available)('an optimisation report in chromium', () => {
  let work: string;
  let context: BrowserContext;
  let page: Page;
  let attempted: string[];
  let problems: string[];
  let folds: number;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'alphintra-browser-'));
    const report = join(work, 'optimisation.html');
    // A real walk-forward optimisation of an example on sample data, through the command users run.
    const stdout = alphintra([
      'optimize',
      'examples/sma-crossover.ts',
      ...['--data', 'data/samples/orcl-1995-2014.txt', '--fees', 'percent:0.001'],
      ...['--param', 'fast=10:30:10', '--param', 'slow=50:150:50'],
      ...['--objective', 'sharpe', '--objective', 'max-drawdown'],
      ...['--walk-forward', 'anchored:train=10y,test=5y', '--workers', '2'],
      ...['--report', report, '--json'],
    ]);
    folds = JSON.parse(stdout).walkForward.folds.length;

    ({ context, page, attempted, problems } = await openReport(report, join(work, 'profile')));
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('draws both equity charts on non-blank canvases of non-zero size', async () => {
    const ids = await page.$$eval('[data-chart="time-series"]', (nodes) => nodes.map((n) => n.id));
    expect(ids).toEqual(['walk-forward-equity-chart', 'best-equity-chart']);
    await expectTimeSeriesDrawn(page, ids);
  });

  it('draws the PBO histogram, the sensitivity heat map and profiles and the Pareto front as SVG', async () => {
    const charts: [id: string, marks: string, least: number][] = [
      ['pbo-logits', 'rect', 5],
      ['sensitivity-map-0', 'rect', 9],
      ['sensitivity-profile-0', 'circle', 6],
      ['sensitivity-profile-1', 'circle', 6],
      ['pareto-front', 'circle', 9],
    ];
    for (const [id, marks, least] of charts) {
      const svg = page.locator(`#${id} svg`);
      const box = await svg.boundingBox();
      expect(box?.width, id).toBeGreaterThan(150);
      expect(box?.height, id).toBeGreaterThan(60);
      expect(await svg.locator(marks).count(), id).toBeGreaterThanOrEqual(least);
    }
    // The best trial is outlined in the map and circled in the profiles and the front.
    expect(await page.locator('#sensitivity-map-0 rect.highlight').count()).toBe(1);
    expect(await page.locator('#pareto-front circle.highlight').count()).toBe(1);
  });

  it('lists every fold and the top trials', async () => {
    expect(folds).toBeGreaterThan(1);
    expect(await page.locator('#folds-table tbody tr').count()).toBe(folds);
    expect(await page.locator('#top-trials-table tbody tr').count()).toBe(9);
  });

  it('sorts the top trials by the column whose header is clicked, and back', async () => {
    const column = (n: number): Promise<number[]> =>
      page.$$eval(`#top-trials-table tbody tr td:nth-child(${n})`, (cells) =>
        cells.map((c) => Number((c.textContent ?? '').replace('−', '-'))),
      );
    const ranks = await column(1);
    expect(ranks).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const header = page.locator('#top-trials-table thead th', { hasText: /^trial/ });
    await header.click();
    const ascending = await column(2);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    await header.click();
    const descending = await column(2);
    expect(descending).toEqual([...ascending].reverse());
    await page.locator('#top-trials-table thead th', { hasText: /^rank/ }).click();
    expect(await column(1)).toEqual(ranks);
  });

  it('requested nothing from the network and logged no error', () => {
    expect(attempted).toEqual([]);
    expect(problems).toEqual([]);
  });
});
