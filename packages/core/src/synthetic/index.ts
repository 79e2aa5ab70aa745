/** Seeded synthetic market data. */
export { generateBars, SyntheticMarket } from './synthetic-market.js';
export type { SyntheticMarketOptions } from './synthetic-options.js';
