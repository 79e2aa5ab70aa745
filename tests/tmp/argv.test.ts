import { it } from 'vitest';
it('x', () => console.log(JSON.stringify(process.execArgv), process.env.NODE_OPTIONS));
