import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AlphintraError } from '@alphintra/core';
import { type StrategyDefinition, sha256Hex } from '@alphintra/engine';
import ts from 'typescript';
import { StrategyError, UsageError } from '../support/errors.js';

/** A strategy file, compiled, imported and checked. */
export interface LoadedStrategy {
  readonly definition: StrategyDefinition;
  /** The file as named on the command line. */
  readonly file: string;
  /** SHA-256 (hex) of the file's bytes, recorded in the run manifest. */
  readonly codeHash: string;
}

const EXTENSIONS = new Set(['.ts', '.mts', '.js', '.mjs']);

// Resolves `@alphintra/*` from the CLI itself, so a strategy anywhere on disk imports the
// very packages the running command uses (require.resolve honours the exports' "default").
const fromCli = createRequire(import.meta.url);

function isBare(specifier: string): boolean {
  return !/^(\.{1,2}\/|\/|[a-z][a-z0-9+.-]*:)/i.test(specifier) && specifier !== '.' && specifier !== '..';
}

/**
 * Returns where an import of the strategy file should point once its compiled copy lives in a
 * temporary folder: `@alphintra/*` resolved from the CLI, other packages from the strategy's
 * folder, relative paths made absolute. `undefined` leaves the specifier as written.
 */
function resolveSpecifier(specifier: string, file: string, line: number, build: boolean): string | undefined {
  const where = { file, line };
  if (specifier.startsWith('@alphintra/')) {
    try {
      const resolved = fromCli.resolve(specifier);
      // Under the test runner the CLI runs from sources (an export condition picks src/index.ts);
      // worker threads run plain Node, which needs the build next to it.
      return pathToFileURL(build ? resolved.replace(/\/src\/index\.ts$/, '/dist/index.js') : resolved).href;
    } catch {
      throw new AlphintraError('INVALID_ARGUMENT', `cannot import "${specifier}": no such Alphintra package`, where);
    }
  }
  if (isBare(specifier)) {
    try {
      return pathToFileURL(createRequire(resolve(file)).resolve(specifier)).href;
    } catch {
      return undefined; // Node built-ins and import-only packages resolve (or fail) as usual.
    }
  }
  if (specifier.startsWith('./') || specifier.startsWith('../')) {
    if (/\.(c|m)?tsx?$/.test(specifier)) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `cannot import "${specifier}": a strategy is one TypeScript file (it may import .js files and packages)`,
        where,
      );
    }
    return pathToFileURL(resolve(dirname(file), specifier)).href;
  }
  return undefined;
}

/** A transformer that points module specifiers of imports, re-exports and `import()` elsewhere. */
function rewriteImports(file: string, build: boolean): ts.TransformerFactory<ts.SourceFile> {
  return (context) => (sourceFile) => {
    const original = ts.getOriginalNode(sourceFile) as ts.SourceFile;
    const target = (literal: ts.StringLiteral): ts.StringLiteral | undefined => {
      const node = ts.getOriginalNode(literal);
      const position = node.pos >= 0 ? node.getStart(original) : 0;
      const line = original.getLineAndCharacterOfPosition(position).line + 1;
      const to = resolveSpecifier(literal.text, file, line, build);
      return to === undefined ? undefined : context.factory.createStringLiteral(to);
    };
    const f = context.factory;
    const visit = (node: ts.Node): ts.Node => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const to = target(node.moduleSpecifier);
        if (to !== undefined)
          return f.updateImportDeclaration(node, node.modifiers, node.importClause, to, node.attributes);
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        const to = target(node.moduleSpecifier);
        if (to !== undefined)
          return f.updateExportDeclaration(
            node,
            node.modifiers,
            node.isTypeOnly,
            node.exportClause,
            to,
            node.attributes,
          );
      } else if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments.length >= 1 &&
        ts.isStringLiteral(node.arguments[0] as ts.Expression)
      ) {
        const to = target(node.arguments[0] as ts.StringLiteral);
        if (to !== undefined)
          return f.updateCallExpression(node, node.expression, undefined, [to, ...node.arguments.slice(1)]);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitNode(sourceFile, visit) as ts.SourceFile;
  };
}

/**
 * Compiles a strategy's source to an ES module (types stripped, imports rewritten). Reports
 * the first syntax error as `file:line (column c): message`; types are not checked.
 */
export function compileStrategy(source: string, file: string, options: { readonly build?: boolean } = {}): string {
  const output = ts.transpileModule(source, {
    fileName: resolve(file),
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      allowJs: true,
      isolatedModules: true,
      // Stack traces of the strategy's own errors then name its lines, not the compiled copy's.
      inlineSourceMap: true,
      sourceRoot: `${pathToFileURL(dirname(resolve(file))).href}/`,
    },
    transformers: { after: [rewriteImports(file, options.build === true)] },
  });
  const error = output.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (error !== undefined) {
    const message = ts.flattenDiagnosticMessageText(error.messageText, ' ');
    const at =
      error.file !== undefined && error.start !== undefined
        ? error.file.getLineAndCharacterOfPosition(error.start)
        : undefined;
    throw new AlphintraError('PARSE_ERROR', `syntax error: ${message}`, {
      file,
      ...(at === undefined ? {} : { line: at.line + 1, column: at.character + 1 }),
    });
  }
  return output.outputText;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object') return `an object with keys ${Object.keys(value).join(', ') || '(none)'}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

function looksLikeStrategy(value: unknown): value is StrategyDefinition {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.name === 'string' &&
    typeof v.create === 'function' &&
    v.parameters !== null &&
    typeof v.parameters === 'object'
  );
}

/** Checks that a module's default export is a strategy definition. */
export function strategyFromModule(module: Record<string, unknown>, file: string): StrategyDefinition {
  const value = module.default;
  if (value === undefined) {
    const named = Object.keys(module).find((key) => looksLikeStrategy(module[key]));
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `expected a default export: end the file with export default defineStrategy({ … })` +
        (named === undefined ? '' : ` (found a strategy exported as "${named}")`),
      { file },
    );
  }
  if (!looksLikeStrategy(value)) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `expected the default export to be a strategy, defineStrategy({ name, parameters, create }), got ${describeValue(value)}`,
      { file },
    );
  }
  return value;
}

/** A TypeScript or JavaScript module compiled and imported by {@link importSourceModule}. */
export interface SourceModule {
  readonly module: Record<string, unknown>;
  /** The file's bytes, as read. */
  readonly bytes: Buffer;
}

/** A compiled copy on disk, imported, until `dispose` deletes it. */
interface KeptModule extends SourceModule {
  /** file: URL of the compiled copy. */
  readonly moduleUrl: string;
  dispose(): Promise<void>;
}

async function compileAndImport(file: string, what: string, build: boolean): Promise<KeptModule> {
  if (!EXTENSIONS.has(extname(file).toLowerCase())) {
    throw new UsageError(`expected a .ts, .mts, .js or .mjs ${what} file, got "${file}"`);
  }
  const info = await stat(file).catch(() => undefined);
  if (info === undefined) throw new AlphintraError('FILE_NOT_FOUND', `no such ${what} file`, { file });
  if (!info.isFile()) throw new AlphintraError('FILE_UNREADABLE', `expected a ${what} file, got a folder`, { file });
  const bytes = await readFile(file);
  const compiled = compileStrategy(bytes.toString('utf8'), file, { build });
  const folder = await mkdtemp(join(tmpdir(), 'alphintra-strategy-'));
  const copy = join(folder, `${basename(file, extname(file))}.mjs`);
  const dispose = (): Promise<void> => rm(folder, { recursive: true, force: true });
  try {
    await writeFile(copy, compiled);
    process.setSourceMapsEnabled(true);
    const module = (await import(pathToFileURL(copy).href)) as Record<string, unknown>;
    return { module, bytes, moduleUrl: pathToFileURL(copy).href, dispose };
  } catch (error) {
    await dispose();
    const message = (error instanceof Error ? error.message : String(error))
      .split(pathToFileURL(copy).href)
      .join(file)
      .split(copy)
      .join(file);
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED')
      throw new AlphintraError('INVALID_ARGUMENT', `cannot import: ${message}`, { file, cause: error });
    throw new StrategyError(`${file} threw while loading: ${message}`, { cause: error });
  }
}

/**
 * Compiles a .ts, .mts, .js or .mjs file the way strategies are compiled (types stripped,
 * `@alphintra/*` imports pointed at the CLI's packages), imports the compiled copy from a
 * temporary folder (deleted afterwards) and returns its exports.
 */
export async function importSourceModule(file: string, what = 'strategy'): Promise<SourceModule> {
  const kept = await compileAndImport(file, what, false);
  await kept.dispose();
  return { module: kept.module, bytes: kept.bytes };
}

/** A strategy file compiled to an ES module that stays on disk until disposed (for worker threads to import). */
export interface CompiledStrategy {
  readonly strategy: LoadedStrategy;
  /** file: URL of the compiled module; its default export is the definition. */
  readonly moduleUrl: string;
  /** Deletes the compiled copy. */
  dispose(): Promise<void>;
}

/**
 * Compiles a user's strategy file (.ts, .mts, .js or .mjs) into a temporary folder, imports it
 * and checks its default export; the copy stays until `dispose`, so other threads can import
 * the same compiled module. With `build`, `@alphintra/*` imports point at the packages' builds
 * even when this process runs from sources (as tests do), since worker threads cannot.
 *
 * @example
 * const compiled = await compileStrategyFile('strategies/sma-cross.ts');
 * try { startWorkers(compiled.moduleUrl); } finally { await compiled.dispose(); }
 */
export async function compileStrategyFile(
  file: string,
  options: { readonly build?: boolean } = {},
): Promise<CompiledStrategy> {
  const kept = await compileAndImport(file, 'strategy', options.build === true);
  try {
    const definition = strategyFromModule(kept.module, file);
    return {
      strategy: { definition, file, codeHash: sha256Hex(kept.bytes) },
      moduleUrl: kept.moduleUrl,
      dispose: kept.dispose,
    };
  } catch (error) {
    await kept.dispose();
    throw error;
  }
}

/**
 * Loads a user's strategy file (.ts, .mts, .js or .mjs): compiles it, imports the compiled
 * copy from a temporary folder (deleted afterwards) and checks its default export.
 *
 * @example
 * const { definition, codeHash } = await loadStrategy('strategies/sma-cross.ts');
 */
export async function loadStrategy(file: string): Promise<LoadedStrategy> {
  const { module, bytes } = await importSourceModule(file);
  return { definition: strategyFromModule(module, file), file, codeHash: sha256Hex(bytes) };
}
