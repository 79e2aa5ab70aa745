import { vi } from 'vitest';
import { main } from '../main.js';

/** What one in-process run of the `alphintra` command printed and returned. */
export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `alphintra …args` in this process, capturing standard output and error. */
export async function runCli(...args: string[]): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  process.exitCode = undefined;
  try {
    const status = await main(['node', 'alphintra', ...args]);
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}
