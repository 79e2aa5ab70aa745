import type { IndicatorDefinition } from '../types.js';
import { AVGPRICE_DEFINITION } from './avgprice.js';
import { MEDPRICE_DEFINITION } from './medprice.js';
import { TYPPRICE_DEFINITION } from './typprice.js';
import { WCLPRICE_DEFINITION } from './wclprice.js';

export { AVGPRICE, AVGPRICE_DEFINITION, AVGPRICEStream, computeAvgPrice } from './avgprice.js';
export { computeMedPrice, MEDPRICE, MEDPRICE_DEFINITION, MEDPRICEStream } from './medprice.js';
export { StatelessStream } from './stateless-stream.js';
export { computeTypPrice, TYPPRICE, TYPPRICE_DEFINITION, TYPPRICEStream } from './typprice.js';
export { computeWclPrice, WCLPRICE, WCLPRICE_DEFINITION, WCLPRICEStream } from './wclprice.js';

/** Every price indicator, for the registry. */
export const PRICE_INDICATORS: readonly IndicatorDefinition[] = [
  AVGPRICE_DEFINITION,
  MEDPRICE_DEFINITION,
  TYPPRICE_DEFINITION,
  WCLPRICE_DEFINITION,
];
