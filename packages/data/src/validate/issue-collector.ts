import { formatIsoMicros } from '@alphintra/core';
import type { IssueExample, IssueKind, ValidationIssue } from './issue.js';
import { ISSUE_KINDS, ISSUE_SEVERITY } from './issue.js';

/**
 * Accumulates issue counts and the first few examples per kind. Detail strings are built
 * only for kept examples, so a series with millions of problems allocates a handful of objects.
 */
export class IssueCollector {
  readonly #counts = new Map<IssueKind, number>();
  readonly #examples = new Map<IssueKind, IssueExample[]>();
  readonly #maxExamples: number;

  constructor(maxExamples: number) {
    this.#maxExamples = maxExamples;
  }

  /** Returns true when another example of `kind` would still be kept. */
  wantsExample(kind: IssueKind): boolean {
    return (this.#examples.get(kind)?.length ?? 0) < this.#maxExamples;
  }

  /** Records `count` occurrences at `row`; `detail` is called only if the example is kept. */
  add(kind: IssueKind, count: number, row: number, time: number, detail: () => string): void {
    this.addCount(kind, count);
    if (this.wantsExample(kind)) this.addExample(kind, row, time, detail());
  }

  /** Adds `count` occurrences of `kind` without an example (hot loops count locally, then call this). */
  addCount(kind: IssueKind, count: number): void {
    if (count !== 0) this.#counts.set(kind, (this.#counts.get(kind) ?? 0) + count);
  }

  /** Keeps an example of `kind` unless enough are kept already; does not count it. */
  addExample(kind: IssueKind, row: number, time: number, detail: string): void {
    if (!this.wantsExample(kind)) return;
    let list = this.#examples.get(kind);
    if (list === undefined) this.#examples.set(kind, (list = []));
    list.push({ row, time: Number.isFinite(time) ? formatIsoMicros(time) : String(time), detail });
  }

  /** Returns the count recorded for `kind`. */
  count(kind: IssueKind): number {
    return this.#counts.get(kind) ?? 0;
  }

  /** Returns the issues with a count above zero in report order. */
  issues(): ValidationIssue[] {
    const issues: ValidationIssue[] = [];
    for (const kind of ISSUE_KINDS) {
      const count = this.#counts.get(kind) ?? 0;
      if (count === 0) continue;
      issues.push({ kind, count, examples: this.#examples.get(kind) ?? [], severity: ISSUE_SEVERITY[kind] });
    }
    return issues;
  }
}

/** Formats a price or volume compactly for detail strings. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}
