import { IndicatorValueStore } from '@footprint/performance';
import { PartnershipStore, runningFootprint, PartnershipProblem, type RunningFootprint } from '@footprint/partnership';
import type { Platform } from '../../platform';
import type { InsightSource } from '../warehouse';

/** What every performance route works with: the values, the plan's store, the warehouse and the footprint served. */
export interface PerformanceContext {
  platform: Platform;
  values: IndicatorValueStore;
  /** The partnership's store: the plan, its ambitions, milestones and risks, and governance. */
  partnership: PartnershipStore;
  /** The warehouse, as insight reads it (for computing indicator values). */
  insight: InsightSource;
  /** The running footprint (from the record's partnership body), or a 404 problem when there is none yet. */
  footprint(): Promise<RunningFootprint>;
}

export function performanceContext(platform: Platform, insight: InsightSource): PerformanceContext {
  let cached: RunningFootprint | undefined;
  return {
    platform,
    values: new IndicatorValueStore(platform.sql),
    partnership: new PartnershipStore(platform.sql),
    insight,
    async footprint() {
      cached ??= await runningFootprint(platform.record);
      if (!cached) throw new PartnershipProblem(404, 'No partnership yet', "The record holds no partnership body: import the footprint's organisations first (docs/partnership.md).");
      return cached;
    },
  };
}
