// Opens a real portfolio report in Debian's chromium from file:// with the network blocked, and
// checks that every chart draws (the stacked weights included), that the SVG heat maps show,
// that every sleeve's metrics are there, and that nothing was requested or logged an error.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alphintra, available, openReport, POLL, seriesPixels } from './browser-support.js';

describe.runIf(available)('a portfolio report in chromium', () => {
  let work: string;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let attempted: string[];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'alphintra-portfolio-browser-'));
    const report = join(work, 'portfolio.html');
    alphintra([
      'portfolio',
      'examples/three-sleeves.portfolio.json',
      ...['--data', 'data/samples/orcl-1995-2014.txt', '--data', 'data/samples/nvda-1999-2014.txt'],
      ...['--data', 'data/samples/yhoo-1996-2014.txt', '--report', report, '--quiet'],
    ]);
    ({ context, page, attempted, problems } = await openReport(report, join(work, 'profile')));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('draws every time-series chart, the stacked weights included', async () => {
    const ids = await page.$$eval('[data-chart="time-series"]', (nodes) => nodes.map((n) => n.id));
    expect(ids.slice(0, 4)).toEqual(['equity-chart', 'drawdown-chart', 'sleeve-value-chart', 'weights-chart']);
    for (const id of ids) await expect.poll(() => seriesPixels(page, id), POLL).toBeGreaterThan(300);
  });

  it('shows the correlation heat map, the comparison table and every sleeve', async () => {
    expect(await page.locator('#correlation-heat-map svg rect').count()).toBe(9);
    expect(await page.locator('#sleeve-comparison thead th').allTextContents()).toEqual([
      'metric',
      'portfolio',
      'trend',
      'reversion',
      'rotation',
      'JSON name',
    ]);
    expect(await page.locator('details.sleeve-metrics').count()).toBe(3);
  });

  it('requested nothing from the network and logged no error', () => {
    expect(attempted).toEqual([]);
    expect(problems).toEqual([]);
  });
});
