import { problemCode, readError } from './read-errors.js';
import type { ParseState } from './read-plan.js';
import type { ReadProblem } from './read-types.js';

/**
 * Records a bad row: throws in `error` mode, otherwise keeps it (up to `maxProblems`) and
 * counts it. `truncated` marks a row cut off by the end of the input.
 */
export function reportProblem(
  st: ParseState,
  kind: ReadProblem['kind'],
  line: number,
  message: string,
  truncated: boolean,
): void {
  if (truncated) st.truncated = true;
  if (!st.collect) {
    const text = truncated ? `input ends inside a row: ${message}` : message;
    throw readError(problemCode(kind, truncated), text, st.file, line);
  }
  st.problemCount++;
  if (st.problems.length < st.maxProblems) st.problems.push({ line, kind, message });
}
