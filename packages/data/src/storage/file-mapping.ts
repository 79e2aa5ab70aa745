/**
 * The optional native addon `@alphintra/data-mmap`, which maps a file into memory and returns
 * it as an ArrayBuffer (packages/data-mmap). It is an optional dependency built by node-gyp at
 * install time; where it did not build (no compiler, no Node headers, Windows, another
 * runtime) or `ALPHINTRA_MMAP=0` is set, nothing is mapped and datasets are read with plain
 * reads instead.
 */
import { createRequire } from 'node:module';

/** What the addon exports. */
export interface MmapAddon {
  /** Maps `path` privately (copy-on-write); with `populate`, maps every page before returning. */
  mapFile(path: string, populate: boolean): ArrayBuffer;
  /** The same, with the work done on a libuv worker thread. */
  mapFileAsync(path: string, populate: boolean): Promise<ArrayBuffer>;
}

const ADDON_NAME = '@alphintra/data-mmap';

// undefined: not tried yet; null: unavailable.
let addon: MmapAddon | null | undefined;

function isAddon(value: unknown): value is MmapAddon {
  const v = value as Partial<MmapAddon> | null;
  return typeof v === 'object' && v !== null && typeof v.mapFile === 'function' && typeof v.mapFileAsync === 'function';
}

/**
 * Returns the addon loaded through `load` (normally `require`), or null when loading fails or
 * yields something else. Exported so tests can exercise a failing load.
 */
export function loadMmapAddon(load: (name: string) => unknown, env: NodeJS.ProcessEnv = process.env): MmapAddon | null {
  if (env.ALPHINTRA_MMAP === '0') return null;
  try {
    const loaded = load(ADDON_NAME);
    return isAddon(loaded) ? loaded : null;
  } catch {
    return null;
  }
}

/** Returns the addon, loading it on first use, or null when it is unavailable. */
export function mmapAddon(): MmapAddon | null {
  if (addon === undefined) addon = loadMmapAddon(createRequire(import.meta.url));
  return addon;
}

/**
 * Replaces the addon for the rest of the process: null stops mapping (after the addon refused
 * to map anything), undefined loads it again on next use. Tests pass stand-ins.
 */
export function setMmapAddon(value: MmapAddon | null | undefined): void {
  addon = value;
}

/**
 * Returns true when datasets can be memory-mapped in this process: the optional native addon
 * `@alphintra/data-mmap` is installed and loads, and `ALPHINTRA_MMAP=0` is not set.
 *
 * @example
 * console.log(datasetMappingAvailable() ? 'zero-copy loading' : 'loading with plain reads');
 */
export function datasetMappingAvailable(): boolean {
  return mmapAddon() !== null;
}

/**
 * True when an error thrown by the addon says that mapping cannot work in this process at all
 * (its codes start with `ERR_`), as opposed to a problem with one file (an errno code such as
 * ENOENT or ENODEV).
 */
export function isMappingUnsupported(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code !== 'string' || code.startsWith('ERR_');
}
