/**
 * Resampling: building higher-timeframe bars from lower ones, in batch or streaming form,
 * with calendar, DST and trading-session boundaries and a no-look-ahead close time per bar.
 */
export { BucketCalendar, bucketStart } from './bucket-calendar.js';
export type { ResampleResult } from './resample-bars.js';
export { resampleBars } from './resample-bars.js';
export type { ResampleOptions, SessionSpec } from './resample-options.js';
export type { ResampledBar } from './streaming-resampler.js';
export { StreamingResampler } from './streaming-resampler.js';
