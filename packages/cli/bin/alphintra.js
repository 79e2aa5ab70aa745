#!/usr/bin/env node
// Entry point of the `alphintra` command; the implementation is compiled to dist/ by `npm ci`.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv);
