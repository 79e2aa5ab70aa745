/**
 * @alphintra/cli — the `alphintra` command.
 */
export { buildProgram, main } from './main.js';
