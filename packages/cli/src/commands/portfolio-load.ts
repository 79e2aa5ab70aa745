import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { AlphintraError } from '@alphintra/core';
import { type StrategyDefinition, sha256Hex } from '@alphintra/engine';
import {
  isPortfolioDefinition,
  type PortfolioDefinition,
  portfolioFromDocument,
  readPortfolioDocument,
} from '@alphintra/portfolio';
import { UsageError } from '../support/errors.js';
import { guardStrategy } from './backtest-guard.js';
import { importSourceModule, loadStrategy } from './backtest-strategy.js';

/** A portfolio file, read, with its sleeves' strategies loaded. */
export interface LoadedPortfolio {
  readonly definition: PortfolioDefinition;
  /** The file as named on the command line. */
  readonly file: string;
  /** SHA-256 (hex) of the portfolio file's bytes and of each strategy file it names, in order. */
  readonly codeHash: string;
  /** The strategy file of each sleeve (null for a strategy defined in the portfolio file itself). */
  readonly strategyFiles: readonly (string | null)[];
}

const SOURCE = new Set(['.ts', '.mts', '.js', '.mjs']);

async function parseJson(file: string): Promise<{ value: unknown; bytes: Buffer }> {
  const info = await stat(file).catch(() => undefined);
  if (info === undefined) throw new AlphintraError('FILE_NOT_FOUND', 'no such portfolio file', { file });
  if (!info.isFile()) throw new AlphintraError('FILE_UNREADABLE', 'expected a portfolio file, got a folder', { file });
  const bytes = await readFile(file);
  try {
    return { value: JSON.parse(bytes.toString('utf8')), bytes };
  } catch (error) {
    throw new AlphintraError('PARSE_ERROR', `invalid JSON: ${error instanceof Error ? error.message : String(error)}`, {
      file,
    });
  }
}

/** Names every error of the portfolio's own checks after its file. */
async function inFile<T>(file: string, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AlphintraError && error.file === undefined) {
      throw new AlphintraError(error.code, error.message, { file, cause: error });
    }
    throw error;
  }
}

/**
 * Loads a portfolio: a JSON file whose sleeves name strategy files (relative to it), or a
 * TypeScript/JavaScript module whose default export is a `definePortfolio` definition or the
 * same object as the JSON. Each named strategy file is compiled and loaded as `alphintra
 * backtest` loads one, and guarded so that its errors name the file.
 *
 * @example
 * const { definition } = await loadPortfolio('examples/three-sleeves.portfolio.json');
 */
export async function loadPortfolio(file: string): Promise<LoadedPortfolio> {
  const extension = extname(file).toLowerCase();
  let value: unknown;
  let bytes: Buffer;
  if (extension === '.json') ({ value, bytes } = await parseJson(file));
  else if (SOURCE.has(extension))
    ({
      module: { default: value },
      bytes,
    } = await importSourceModule(file, 'portfolio'));
  else throw new UsageError(`expected a .json, .ts, .mts, .js or .mjs portfolio file, got "${file}"`);
  if (isPortfolioDefinition(value)) {
    return {
      definition: value,
      file,
      codeHash: sha256Hex(bytes),
      strategyFiles: value.portfolio.sleeves.map(() => null),
    };
  }
  const document = await inFile(file, () => readPortfolioDocument(value));
  const strategies = new Map<string, StrategyDefinition>();
  const hashes = [sha256Hex(bytes)];
  const strategyFiles: (string | null)[] = [];
  for (const sleeve of document.sleeves) {
    if (typeof sleeve.strategy !== 'string') {
      strategyFiles.push(null);
      continue;
    }
    const path = resolve(dirname(file), sleeve.strategy);
    strategyFiles.push(path);
    if (strategies.has(sleeve.strategy)) continue;
    const loaded = await loadStrategy(path);
    strategies.set(sleeve.strategy, guardStrategy(loaded.definition, path));
    hashes.push(loaded.codeHash);
  }
  const definition = await inFile(file, () =>
    portfolioFromDocument(document, (path) => strategies.get(path) as StrategyDefinition),
  );
  return { definition, file, codeHash: sha256Hex(hashes.join('\n')), strategyFiles };
}
