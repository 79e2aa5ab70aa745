#!/usr/bin/env node
// Entry point of the `alphintra` command; the implementation is compiled to dist/ by `npm ci`.
import { main } from '../dist/main.js';

// A reader that stops early (`alphintra … | head`) closes the pipe: that is not a failure.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv);
