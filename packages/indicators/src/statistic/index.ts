import type { IndicatorDefinition } from '../types.js';
import { AVGDEV_DEFINITION } from './avgdev.js';
import { BETA_DEFINITION } from './beta.js';
import { CORREL_DEFINITION } from './correl.js';
import {
  LINEARREG_ANGLE_DEFINITION,
  LINEARREG_DEFINITION,
  LINEARREG_INTERCEPT_DEFINITION,
  LINEARREG_SLOPE_DEFINITION,
  TSF_DEFINITION,
} from './linear-regression.js';
import { STDDEV_DEFINITION, VAR_DEFINITION } from './variance.js';

export { AVGDEV, AVGDEV_DEFINITION, AVGDEVStream, computeAvgDev } from './avgdev.js';
export { BETA, BETA_DEFINITION, BETAStream, computeBeta } from './beta.js';
export { CORREL, CORREL_DEFINITION, CORRELStream, computeCorrel } from './correl.js';
export type { LinearRegressionKind } from './linear-regression.js';
export {
  computeLinearRegression,
  LINEARREG,
  LINEARREG_ANGLE,
  LINEARREG_ANGLE_DEFINITION,
  LINEARREG_DEFINITION,
  LINEARREG_INTERCEPT,
  LINEARREG_INTERCEPT_DEFINITION,
  LINEARREG_SLOPE,
  LINEARREG_SLOPE_DEFINITION,
  LinearRegressionStream,
  TSF,
  TSF_DEFINITION,
} from './linear-regression.js';
export {
  computeStdDev,
  computeVariance,
  STDDEV,
  STDDEV_DEFINITION,
  VAR,
  VAR_DEFINITION,
  VarianceStream,
} from './variance.js';

/** Every statistic indicator, for the registry. */
export const STATISTIC_INDICATORS: readonly IndicatorDefinition[] = [
  STDDEV_DEFINITION,
  VAR_DEFINITION,
  AVGDEV_DEFINITION,
  LINEARREG_DEFINITION,
  LINEARREG_ANGLE_DEFINITION,
  LINEARREG_INTERCEPT_DEFINITION,
  LINEARREG_SLOPE_DEFINITION,
  TSF_DEFINITION,
  BETA_DEFINITION,
  CORREL_DEFINITION,
];
