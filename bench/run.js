#!/usr/bin/env node
// Runs every benchmark folder (or the ones named on the command line) and prints ratios
// against the peers measured in the same run. Usage: npm run bench [-- csv-parse]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const folders = readdirSync(here)
  .filter((name) => statSync(join(here, name)).isDirectory())
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

let failed = 0;
for (const folder of folders) {
  console.log(`\n### ${folder}\n`);
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', join(here, folder, 'bench.js'), ...process.argv.slice(2).filter((a) => a.startsWith('-'))],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
