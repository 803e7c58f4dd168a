import { syntheticIndicatorIds, syntheticNationalSeries, IndicatorValueStore } from '@footprint/performance';
import { PartnershipStore, placesOn, runningFootprint } from '@footprint/partnership';
import type { Platform } from '../../platform';

/**
 * The demo's synthetic national series (A&E four-hour, RTT 18 weeks, cancer 62-day, finance
 * against plan and the catalogue's other imported indicators) for the running footprint, England
 * and the footprint's places, every value labelled synthetic. Idempotent: it replaces those
 * indicators' values whole, in one transaction. Does nothing before the partnership is seeded.
 * Returns how many values were written.
 */
export async function seedNationalSeries(platform: Platform): Promise<number> {
  const footprint = await runningFootprint(platform.record);
  if (!footprint) return 0;
  const { places } = await placesOn(new PartnershipStore(platform.sql), footprint.onsCode);
  const values = syntheticNationalSeries({ footprint: footprint.onsCode, places: places.map((p) => p.data.code) });
  return new IndicatorValueStore(platform.sql).replace(syntheticIndicatorIds(), values);
}
