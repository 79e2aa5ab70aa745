import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlphintraError } from '@alphintra/core';

/**
 * The scripts a report page inlines, read once per process: lightweight-charts' standalone
 * production build (it defines the global `LightweightCharts`) from node_modules, and the
 * report's own browser script from this package's client/ folder.
 */

let library: string | undefined;
let client: string | undefined;

function readScript(path: string, what: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AlphintraError('FILE_NOT_FOUND', `cannot read ${what}; reinstall with npm ci`, {
      file: path,
      cause: error,
    });
  }
  // Inlined scripts end at the first "</script"; neither file may contain one.
  if (/<\/script/i.test(text)) {
    throw new AlphintraError('INVARIANT_VIOLATED', `${what} contains "</script" and cannot be inlined`, { file: path });
  }
  return text;
}

/** Returns the source of lightweight-charts' standalone production build. */
export function chartLibrarySource(): string {
  if (library === undefined) {
    // The package exports only its ES modules; its package.json locates the standalone file.
    const manifest = createRequire(import.meta.url).resolve('lightweight-charts/package.json');
    library = readScript(
      join(dirname(manifest), 'dist', 'lightweight-charts.standalone.production.js'),
      'the lightweight-charts standalone build',
    );
  }
  return library;
}

/** Returns the source of the report's browser script (client/report-client.js). */
export function reportClientSource(): string {
  client ??= readScript(
    fileURLToPath(new URL('../../client/report-client.js', import.meta.url)),
    'the report browser script',
  );
  return client;
}
