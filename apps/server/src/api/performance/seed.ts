import type { Platform } from '../../platform';
import { seedComputedValues } from './seed-computed';
import { seedNationalSeries } from './seed-national';
import { seedRatings } from './seed-ratings';

/**
 * The demo's system performance: indicator values computed from the warehouse, the synthetic
 * national series (labelled synthetic), and the published ratings. Idempotent; `footprint demo`
 * and the browser tests call it after the partnership demo is seeded.
 */
export async function seedPerformanceDemo(platform: Platform): Promise<void> {
  await seedComputedValues(platform);
  await seedNationalSeries(platform);
  await seedRatings(platform);
}
