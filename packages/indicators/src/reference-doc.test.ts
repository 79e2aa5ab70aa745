import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { indicatorReferenceMarkdown } from './reference-doc.js';

describe('the indicator reference page', () => {
  it('is current with the registry (regenerate with npm run docs:indicators)', () => {
    const committed = readFileSync(
      fileURLToPath(new URL('../../../docs/indicators/reference.md', import.meta.url)),
      'utf8',
    );
    expect(committed).toBe(indicatorReferenceMarkdown());
  });
});
