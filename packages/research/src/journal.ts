import { closeSync, existsSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AlphintraError } from '@alphintra/core';
import { sha256Hex } from '@alphintra/engine';
import type {
  EvaluationBatch,
  EvaluationControl,
  ParameterSet,
  ParameterSpace,
  TrialEvaluator,
  TrialOutcome,
  TrialWindow,
} from '@alphintra/optimize';
import { parameterKey } from '@alphintra/optimize';

/** File name of the journal inside an optimisation's output folder. */
export const JOURNAL_FILE = 'journal.ndjson';

/** What a journal belongs to: hashes of the strategy code, the data, the configuration and the search. */
export interface RunIdentity {
  readonly strategy: string;
  readonly data: readonly string[];
  /** SHA-256 of the execution rules and how runs are measured. */
  readonly config: string;
  /** SHA-256 of the objectives, space, constraints, method, seed and walk-forward plan. */
  readonly search: string;
}

/** Returns a stable JSON text of a value: object keys sorted, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v))
      return typeof v === 'number' && !Number.isFinite(v) ? String(v) : v;
    if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) out[key] = (v as Record<string, unknown>)[key];
    return out;
  });
}

/** Returns the run key: one SHA-256 over everything a journal belongs to. */
export function runKey(identity: RunIdentity): string {
  return sha256Hex(canonicalJson(identity));
}

interface Header {
  readonly journal: 'alphintra-optimize';
  readonly version: 1;
  readonly runKey: string;
  readonly identity: RunIdentity;
}

interface Entry {
  readonly key: string;
  readonly window: readonly [number, number, number];
  readonly parameters: ParameterSet;
  readonly outcome: TrialOutcome;
}

function describeMismatch(mine: RunIdentity, theirs: RunIdentity): string {
  const differs: string[] = [];
  if (mine.strategy !== theirs.strategy)
    differs.push(`strategy code (${theirs.strategy.slice(0, 12)} there, ${mine.strategy.slice(0, 12)} now)`);
  if (canonicalJson(mine.data) !== canonicalJson(theirs.data)) differs.push('data');
  if (mine.config !== theirs.config) differs.push('execution or measurement settings');
  if (mine.search !== theirs.search)
    differs.push('search settings (objectives, ranges, constraints, method, seed or walk-forward)');
  return differs.join(', ');
}

/**
 * The NDJSON journal of an optimisation's finished trials: a header line naming the run it
 * belongs to, then one line per trial, keyed by SHA-256 of the run key, the window and the
 * parameters. It is appended to as trials finish, so a stopped run loses at most the trials
 * in flight; a resumed run answers from it instead of re-running.
 */
export class Journal {
  readonly path: string;
  readonly runKey: string;
  readonly #entries: Map<string, TrialOutcome>;
  #fd: number;

  private constructor(path: string, key: string, entries: Map<string, TrialOutcome>, fd: number) {
    this.path = path;
    this.runKey = key;
    this.#entries = entries;
    this.#fd = fd;
  }

  /**
   * Opens the journal of `dir`: a new one (refusing to overwrite an existing journal unless
   * resuming), or the existing one when resuming (refusing a journal of another run).
   */
  static open(dir: string, identity: RunIdentity, resume: boolean): Journal {
    const path = join(dir, JOURNAL_FILE);
    const key = runKey(identity);
    const exists = existsSync(path);
    if (!resume) {
      if (exists)
        throw new AlphintraError(
          'INVALID_ARGUMENT',
          `${dir} already holds an optimisation journal: add --resume to continue it, or choose another --out`,
          { file: path },
        );
      const fd = openSync(path, 'w');
      const header: Header = { journal: 'alphintra-optimize', version: 1, runKey: key, identity };
      writeSync(fd, `${JSON.stringify(header)}\n`);
      return new Journal(path, key, new Map(), fd);
    }
    if (!exists)
      throw new AlphintraError('FILE_NOT_FOUND', `nothing to resume: ${dir} holds no ${JOURNAL_FILE}`, { file: path });
    const bytes = readFileSync(path);
    // A hard stop can cut the last line short: drop it (the trial simply runs again).
    const complete = bytes.lastIndexOf(0x0a) + 1;
    if (complete < bytes.length) truncateSync(path, complete);
    const lines = bytes.subarray(0, complete).toString('utf8').split('\n');
    let header: Header;
    try {
      header = JSON.parse(lines[0] ?? '') as Header;
    } catch {
      throw new AlphintraError('PARSE_ERROR', 'expected an optimisation journal header on line 1', {
        file: path,
        line: 1,
      });
    }
    if (header.journal !== 'alphintra-optimize' || header.version !== 1)
      throw new AlphintraError('UNSUPPORTED_VERSION', 'expected an alphintra-optimize journal of version 1', {
        file: path,
        line: 1,
      });
    if (header.runKey !== key)
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `cannot resume: the journal was written for a different run (${describeMismatch(identity, header.identity)}); ` +
          'choose another --out to start afresh',
        { file: path },
      );
    const entries = new Map<string, TrialOutcome>();
    lines.slice(1).forEach((line, i) => {
      if (line === '') return;
      try {
        const entry = JSON.parse(line) as Entry;
        entries.set(entry.key, entry.outcome);
      } catch (error) {
        throw new AlphintraError('PARSE_ERROR', 'damaged journal line', { file: path, line: i + 2, cause: error });
      }
    });
    const fd = openSync(path, 'a');
    return new Journal(path, key, entries, fd);
  }

  /** Number of trials recorded. */
  get size(): number {
    return this.#entries.size;
  }

  /** Returns the key of a trial: SHA-256 of the run key, the window and the parameters. */
  trialKey(space: ParameterSpace, window: TrialWindow, parameters: ParameterSet): string {
    return sha256Hex(
      `${this.runKey}|${window.warmupStart},${window.start},${window.end}|${parameterKey(space, parameters)}`,
    );
  }

  /** Returns a recorded outcome, if any. */
  get(key: string): TrialOutcome | undefined {
    return this.#entries.get(key);
  }

  /** Appends a finished trial (one write, so a hard stop cuts at most this line). */
  append(key: string, window: TrialWindow, parameters: ParameterSet, outcome: TrialOutcome): void {
    this.#entries.set(key, outcome);
    const entry: Entry = { key, window: [window.warmupStart, window.start, window.end], parameters, outcome };
    writeSync(this.#fd, `${JSON.stringify(entry)}\n`);
  }

  close(): void {
    if (this.#fd >= 0) closeSync(this.#fd);
    this.#fd = -1;
  }
}

/**
 * An evaluator that answers from a journal where it can and records every new outcome as it
 * arrives. Detail runs (the best trial's re-run, walk-forward test runs) are not journalled:
 * they are cheap and carry whole equity curves.
 */
export class JournaledEvaluator implements TrialEvaluator {
  readonly timeline: Float64Array;
  readonly blocks: number;
  /** Trials answered from the journal. */
  reused = 0;
  /** Trials run. */
  fresh = 0;
  readonly #inner: TrialEvaluator;
  readonly #journal: Journal;
  readonly #space: ParameterSpace;

  constructor(inner: TrialEvaluator, journal: Journal, space: ParameterSpace) {
    this.#inner = inner;
    this.#journal = journal;
    this.#space = space;
    this.timeline = inner.timeline;
    this.blocks = inner.blocks;
  }

  async evaluate(batch: EvaluationBatch, control: EvaluationControl = {}): Promise<(TrialOutcome | undefined)[]> {
    if (batch.detail !== undefined) return this.#inner.evaluate(batch, control);
    const keys = batch.parameterSets.map((p) => this.#journal.trialKey(this.#space, batch.window, p));
    const out: (TrialOutcome | undefined)[] = keys.map((k) => this.#journal.get(k));
    const missing = out.flatMap((o, i) => (o === undefined ? [i] : []));
    this.reused += batch.parameterSets.length - missing.length;
    out.forEach((o, i) => {
      if (o !== undefined) control.onOutcome?.(i, o);
    });
    if (missing.length === 0) return out;
    const fresh = await this.#inner.evaluate(
      { ...batch, parameterSets: missing.map((i) => batch.parameterSets[i] as ParameterSet) },
      {
        ...(control.signal === undefined ? {} : { signal: control.signal }),
        onOutcome: (j, outcome) => {
          const i = missing[j] as number;
          this.fresh++;
          this.#journal.append(keys[i] as string, batch.window, batch.parameterSets[i] as ParameterSet, outcome);
          control.onOutcome?.(i, outcome);
        },
      },
    );
    missing.forEach((i, j) => {
      out[i] = fresh[j];
    });
    return out;
  }

  close(): Promise<void> {
    this.#journal.close();
    return this.#inner.close();
  }
}
