import { SingleBar } from 'cli-progress';

/** Reports progress of long work; silent when output is not a terminal. */
export interface Progress {
  /** Sets the completed amount out of `total`, with an optional note shown after it. */
  update(done: number, total: number, note?: string): void;
  /** Removes the bar. */
  stop(): void;
}

const SILENT: Progress = { update: () => undefined, stop: () => undefined };

/**
 * Returns a progress bar on standard error when it is a terminal (and not in CI or with
 * `--quiet`), otherwise a silent reporter, so piped output stays clean.
 */
export function createProgress(label: string, unit: 'bytes' | 'bars' | 'trials', quiet: boolean): Progress {
  if (quiet || !process.stderr.isTTY || process.env.CI !== undefined) return SILENT;
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {doneText}/{totalText}${unit === 'trials' ? ' trials' : ''} | eta {eta_formatted}{note}`,
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
    barsize: 30,
    etaBuffer: 50,
    barCompleteChar: '█',
    barIncompleteChar: '░',
  });
  let started = false;
  const text = (n: number): string => (unit === 'bytes' ? formatBytes(n) : n.toLocaleString('en-US'));
  return {
    update(done, total, note) {
      const payload = { doneText: text(done), totalText: text(total), note: note === undefined ? '' : ` | ${note}` };
      if (!started) {
        bar.start(total, done, payload);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done, payload);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** Formats a byte count as `12.3 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
