import { AlphintraError } from '@alphintra/core';
import type { IssueKind } from './issue.js';
import { ISSUE_KINDS } from './issue.js';

/**
 * What cleaning does about one kind of issue:
 * - `keep`: nothing; the issue is only recorded (in the reports and the lineage).
 * - `reject`: throw DATA_REJECTED when the issue is present at all.
 * - `drop`: remove the affected rows (duplicates keep the first row of each time; stale
 *   runs keep their first bar).
 * - `sort`: order rows by time, stably (out_of_order only).
 * - `clamp`: widen high/low to the envelope of open, high, low and close (OHLC checks only).
 * - `forward_fill`: prices from the previous bar's close, volumes 0; gaps get flat bars.
 * - `interpolate`: linear in time between the neighbouring good values; gaps get bars on the line.
 */
export type CleaningAction = 'reject' | 'drop' | 'keep' | 'forward_fill' | 'interpolate' | 'sort' | 'clamp';

/** The action per issue kind; kinds left out are kept (recorded, not changed). */
export type CleaningPolicy = Partial<Record<IssueKind, CleaningAction>>;

/** The actions that make sense for each kind, `keep` and `reject` always among them. */
export const APPLICABLE_ACTIONS: Readonly<Record<IssueKind, readonly CleaningAction[]>> = {
  out_of_order: ['sort', 'drop', 'keep', 'reject'],
  duplicate_timestamp: ['drop', 'keep', 'reject'],
  missing_price: ['drop', 'forward_fill', 'interpolate', 'keep', 'reject'],
  non_positive_price: ['drop', 'forward_fill', 'interpolate', 'keep', 'reject'],
  high_below_low: ['clamp', 'drop', 'keep', 'reject'],
  high_below_open_close: ['clamp', 'drop', 'keep', 'reject'],
  low_above_open_close: ['clamp', 'drop', 'keep', 'reject'],
  negative_volume: ['drop', 'forward_fill', 'interpolate', 'keep', 'reject'],
  missing_volume: ['drop', 'forward_fill', 'interpolate', 'keep', 'reject'],
  gap: ['forward_fill', 'interpolate', 'keep', 'reject'],
  probable_split: ['keep', 'reject'],
  return_outlier: ['drop', 'keep', 'reject'],
  stale_price: ['drop', 'keep', 'reject'],
};

const ALL_ACTIONS: readonly CleaningAction[] = [
  'reject',
  'drop',
  'keep',
  'forward_fill',
  'interpolate',
  'sort',
  'clamp',
];

/**
 * The default policy: repairs what has one right answer and keeps what needs judgement.
 * Sorts, drops repeated times and rows with missing or non-positive prices or negative
 * volume, clamps inconsistent high/low; keeps missing volume, gaps, splits and outliers.
 */
export const DEFAULT_CLEANING_POLICY: Readonly<Record<IssueKind, CleaningAction>> = {
  out_of_order: 'sort',
  duplicate_timestamp: 'drop',
  missing_price: 'drop',
  non_positive_price: 'drop',
  high_below_low: 'clamp',
  high_below_open_close: 'clamp',
  low_above_open_close: 'clamp',
  negative_volume: 'drop',
  missing_volume: 'keep',
  gap: 'keep',
  probable_split: 'keep',
  return_outlier: 'keep',
  stale_price: 'keep',
};

/** The strict policy: rejects the data on any error-severity issue, keeps warnings. */
export const STRICT_CLEANING_POLICY: Readonly<Record<IssueKind, CleaningAction>> = {
  out_of_order: 'reject',
  duplicate_timestamp: 'reject',
  missing_price: 'reject',
  non_positive_price: 'reject',
  high_below_low: 'reject',
  high_below_open_close: 'reject',
  low_above_open_close: 'reject',
  negative_volume: 'reject',
  missing_volume: 'keep',
  gap: 'keep',
  probable_split: 'keep',
  return_outlier: 'keep',
  stale_price: 'keep',
};

const PRESETS: ReadonlyMap<string, Readonly<Record<IssueKind, CleaningAction>>> = new Map([
  ['default', DEFAULT_CLEANING_POLICY],
  ['strict', STRICT_CLEANING_POLICY],
]);

function isIssueKind(text: string): text is IssueKind {
  return (ISSUE_KINDS as readonly string[]).includes(text);
}

function isAction(text: string): text is CleaningAction {
  return (ALL_ACTIONS as readonly string[]).includes(text);
}

/** Throws INVALID_ARGUMENT unless `action` applies to `kind`. */
export function checkApplicable(kind: IssueKind, action: CleaningAction): void {
  const allowed = APPLICABLE_ACTIONS[kind];
  if (!allowed.includes(action)) {
    throw new AlphintraError(
      'INVALID_ARGUMENT',
      `action ${action} does not apply to ${kind}; expected one of ${allowed.join(', ')}`,
    );
  }
}

/** Returns the action for every kind: the policy's, else `keep`. Throws on misfit actions. */
export function resolvePolicy(policy: CleaningPolicy): Record<IssueKind, CleaningAction> {
  const resolved = {} as Record<IssueKind, CleaningAction>;
  for (const kind of ISSUE_KINDS) {
    const action = policy[kind] ?? 'keep';
    checkApplicable(kind, action);
    resolved[kind] = action;
  }
  return resolved;
}

/**
 * Parses a policy from its command-line form: comma-separated `kind=action` entries and
 * the presets `default` and `strict`, applied left to right (later entries win).
 * Throws INVALID_ARGUMENT naming the bad entry for unknown kinds, unknown actions and
 * actions that do not apply to a kind.
 *
 * @example
 * parseCleaningPolicy('default,gap=forward_fill') // the default policy, with gaps filled
 * parseCleaningPolicy('duplicate_timestamp=drop,missing_price=forward_fill,gap=keep')
 */
export function parseCleaningPolicy(text: string): CleaningPolicy {
  const policy: CleaningPolicy = {};
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) {
    throw new AlphintraError('INVALID_ARGUMENT', 'expected a cleaning policy such as "default" or "gap=keep", got ""');
  }
  for (const entry of entries) {
    const preset = PRESETS.get(entry.toLowerCase());
    if (preset !== undefined) {
      Object.assign(policy, preset);
      continue;
    }
    const match = /^([A-Za-z_]+)\s*=\s*([A-Za-z_-]+)$/.exec(entry);
    if (match === null) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `expected kind=action or a preset (default, strict) in cleaning policy, got "${entry}"`,
      );
    }
    const kind = (match[1] as string).toLowerCase();
    const action = (match[2] as string).toLowerCase().replace(/-/g, '_');
    if (!isIssueKind(kind)) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `unknown issue kind "${kind}"; expected one of ${ISSUE_KINDS.join(', ')}`,
      );
    }
    if (!isAction(action)) {
      throw new AlphintraError(
        'INVALID_ARGUMENT',
        `unknown cleaning action "${action}"; expected one of ${ALL_ACTIONS.join(', ')}`,
      );
    }
    checkApplicable(kind, action);
    policy[kind] = action;
  }
  return policy;
}
