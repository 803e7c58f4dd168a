/**
 * @footprint/statistics: numerical functions shared by the synthetic generator and insight, so
 * either may import it without crossing the architecture's arrows. Its only dependencies are the
 * stdlib chi-square and t quantile functions.
 */
export { inverseNormal } from './inverse-normal';
export { chiSquareQuantile, studentTQuantile, zFor } from './quantiles';
export { wilsonInterval, type Interval } from './proportions';
export { poissonExactLimits, byarLimits, countLimits, rateLimits, EXACT_BELOW, type CountLimits, type RateInterval } from './poisson';
export { directlyStandardisedRate, DSR_MINIMUM_EVENTS, type DsrStratum, type DsrResult } from './dsr';
export { indirectlyStandardisedRatio, expectedEvents, type ExpectedStratum, type ReferenceRate, type RatioInterval } from './isr';
export { meanInterval, type MeanInterval } from './mean';
export {
  funnelAxis,
  funnelPoints,
  funnelLimits,
  funnelLimitsFromSummary,
  funnelRow,
  funnelSignificance,
  proportionFunnelLimit,
  poissonFunnelExpected,
  type FunnelStatistic,
  type FunnelRow,
  type FunnelPointInput,
  type FunnelOptions,
  type FunnelSignificance,
} from './funnels';
export { funnelPlotPoints, type FunnelPlotPoint, type FunnelPlotPointInput, type FunnelPlotPointOptions } from './funnel-points';
export { compareWithBenchmark, type Polarity, type Comparison, type BenchmarkInput } from './benchmark';
