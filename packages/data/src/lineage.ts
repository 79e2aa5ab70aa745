/**
 * Lineage: the ordered record of what was done to a dataset, stored with it so that every
 * result can be traced back to its source file and to each explicit cleaning decision.
 * Steps hold no wall-clock time, so the same operations give the same lineage.
 */

/** One operation applied to a dataset. */
export interface LineageStep {
  /** What was done. */
  readonly operation: 'read' | 'clean' | 'resample' | 'convert' | 'generate' | 'slice' | 'merge';
  /** Operation-specific facts: source file and its hash, policy per problem and rows affected, target timeframe … */
  readonly details: Readonly<Record<string, unknown>>;
}

/** Returns a new lineage with `step` appended. */
export function appendLineage(lineage: readonly LineageStep[], step: LineageStep): LineageStep[] {
  return [...lineage, step];
}
