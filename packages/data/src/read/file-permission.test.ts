// Permission errors cannot be produced with file modes when tests run as root, so the
// operating system's answer is simulated at the file-system boundary instead.
import { describe, expect, it, vi } from 'vitest';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    open: vi.fn(async (path: string, flags?: string) => {
      if (String(path).endsWith('locked.csv')) {
        throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
      }
      return actual.open(path, flags);
    }),
  };
});

const { readBars } = await import('./read-bars.js');

describe('reading a file the process may not open', () => {
  it('refuses it with FILE_UNREADABLE naming the file and the reason', async () => {
    await expect(readBars('/data/locked.csv')).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
      file: '/data/locked.csv',
      message: expect.stringContaining('EACCES'),
    });
  });
});
