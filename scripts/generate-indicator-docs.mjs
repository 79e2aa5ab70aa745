#!/usr/bin/env node
// Writes docs/indicators/reference.md from the indicator registry (run after `npm run build`).
import { writeFileSync } from 'node:fs';
import { indicatorReferenceMarkdown } from '@alphintra/indicators';

const target = new URL('../docs/indicators/reference.md', import.meta.url);
writeFileSync(target, indicatorReferenceMarkdown());
console.log(`wrote ${target.pathname}`);
