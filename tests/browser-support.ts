// Shared by the browser tests of reports: Debian's chromium driven by playwright-core, the
// launch arguments, and probes that tell whether a chart drew its series.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// Redraws happen on animation frames; a busy machine can delay them.
export const POLL = { timeout: 10_000 };
/** Whether chromium is installed here. */
export const available = existsSync(CHROMIUM);

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs the `alphintra` command users run, from the repository root (where the examples and
 * sample data are), and returns what it printed; throws with its standard error if it wrote any.
 */
export function alphintra(args: readonly string[]): string {
  const run = spawnSync(join(root, 'node_modules/.bin/alphintra'), args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.stderr !== '' || run.status !== 0) {
    throw new Error(`alphintra ${args.join(' ')} failed (status ${run.status}): ${run.stderr}`);
  }
  return run.stdout;
}

// Functions passed to page.evaluate run in the page; tests compile without the DOM library, so
// they name the little of it they use here (the types are stripped before the browser sees them).
interface PageCanvas {
  readonly width: number;
  readonly height: number;
  getContext(
    kind: '2d',
  ): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}
interface PageDocument {
  getElementById(
    id: string,
  ): { textContent: string | null; querySelectorAll(selector: 'canvas'): ArrayLike<PageCanvas> } | null;
  readonly documentElement: { readonly dataset: Record<string, string | undefined> };
}
/** The page's global object, as far as the probes use it. */
export type PageGlobal = { readonly document: PageDocument };

/**
 * Returns how many pixels of a chart's canvases have one of its series' own colours (line
 * colours, or the candle colours), so grid lines and axis labels alone do not count as drawn.
 */
export function seriesPixels(page: Page, id: string): Promise<number> {
  return page.evaluate((chartId) => {
    const { document } = globalThis as unknown as PageGlobal;
    const data = JSON.parse(document.getElementById('report-data')?.textContent ?? '{}') as {
      charts: { id: string; series: { kind: string; color?: string }[] }[];
    };
    const spec = data.charts.find((c) => c.id === chartId);
    const hex = (spec?.series ?? []).flatMap((s) =>
      s.kind === 'candlestick' ? ['#26a69a', '#ef5350'] : [s.color ?? ''],
    );
    const colors = hex.map((h) => [1, 3, 5].map((k) => Number.parseInt(h.slice(k, k + 2), 16)));
    let count = 0;
    for (const canvas of Array.from(document.getElementById(chartId)?.querySelectorAll('canvas') ?? [])) {
      if (canvas.width === 0 || canvas.height === 0) continue;
      const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      if (pixels === undefined) continue;
      for (let i = 0; i < pixels.length; i += 4) {
        const hit = colors.some(
          ([r, g, b]) =>
            Math.abs((pixels[i] as number) - (r as number)) < 8 &&
            Math.abs((pixels[i + 1] as number) - (g as number)) < 8 &&
            Math.abs((pixels[i + 2] as number) - (b as number)) < 8,
        );
        if (hit && pixels[i + 3] === 255) count++;
      }
    }
    return count;
  }, id);
}

/**
 * Checks that the page drew exactly the time-series charts `ids` (its own count of drawn
 * charts), each on a canvas of at least 100 × 100 pixels showing its series' colours.
 */
export async function expectTimeSeriesDrawn(page: Page, ids: readonly string[]): Promise<void> {
  const drawn = await page.evaluate(
    () => (globalThis as unknown as PageGlobal).document.documentElement.dataset.chartsDrawn,
  );
  expect(drawn).toBe(String(ids.length));
  for (const id of ids) {
    const box = await page.locator(`#${id} canvas`).first().boundingBox();
    expect(box?.width, id).toBeGreaterThan(100);
    expect(box?.height, id).toBeGreaterThan(100);
    // lightweight-charts paints on animation frames: poll until the series show.
    await expect.poll(() => seriesPixels(page, id), POLL).toBeGreaterThan(300);
  }
}

/** Returns a fingerprint of the pixels of a chart's canvases, to tell whether a control redrew it. */
export function pixelHash(page: Page, id: string): Promise<number> {
  return page.evaluate((chartId) => {
    const { document } = globalThis as unknown as PageGlobal;
    let hash = 0;
    for (const canvas of Array.from(document.getElementById(chartId)?.querySelectorAll('canvas') ?? [])) {
      const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
      for (let i = 0; i < pixels.length; i++) hash = (Math.imul(hash, 31) + (pixels[i] as number)) | 0;
    }
    return hash;
  }, id);
}

/** A report open in chromium, with what it tried to fetch and what it logged as errors. */
export interface OpenReport {
  readonly context: BrowserContext;
  readonly page: Page;
  /** URLs other than file: the page requested (every one is aborted). */
  readonly attempted: string[];
  /** Console errors and uncaught page errors. */
  readonly problems: string[];
}

/**
 * Opens an HTML report from file:// in chromium (profile in `profile`) with every other request
 * aborted and recorded, and waits until its script says the charts are drawn.
 */
export async function openReport(report: string, profile: string): Promise<OpenReport> {
  const attempted: string[] = [];
  const problems: string[] = [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) await route.continue();
    else {
      attempted.push(url);
      await route.abort();
    }
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) attempted.push(request.url());
  });
  await page.goto(pathToFileURL(report).href);
  await page.waitForFunction(
    () => (globalThis as unknown as PageGlobal).document.documentElement.dataset.chartsDrawn !== undefined,
  );
  return { context, page, attempted, problems };
}
