/**
 * @alphintra/indicators — technical indicators compatible with TA-Lib, plus popular extras,
 * each with a batch face (typed arrays in and out, aligned with the input) and a streaming
 * face (O(1) per bar, no allocation), and a registry that describes them all.
 */
export * from './cycle/index.js';
export * from './extra/index.js';
export * from './math/index.js';
export * from './momentum/index.js';
export * from './overlap/index.js';
export * from './pattern/index.js';
export * from './pattern-b/index.js';
export * from './price/index.js';
export { indicatorReferenceMarkdown } from './reference-doc.js';
export type { IndicatorInputs } from './registry.js';
export { computeIndicator, createStream, getIndicator, inputColumns, listIndicators, lookbackOf } from './registry.js';
export * from './signal/index.js';
export * from './statistic/index.js';
export { commonLength, nanArray } from './support/arrays.js';
export { MAX_PERIOD, matype, period, REAL_LIMIT, real, resolveParams } from './support/params.js';
export { StreamBase } from './support/stream-base.js';
export type {
  IndicatorDefinition,
  IndicatorGroup,
  IndicatorParams,
  InputName,
  OutputSpec,
  ParameterSpec,
  StreamingIndicator,
} from './types.js';
export * from './volatility/index.js';
export * from './volume/index.js';
