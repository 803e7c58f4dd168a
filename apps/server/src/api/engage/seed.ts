import type { Platform } from '../../platform';
import { seedConsultations } from './seed-consultations';
import { seedContent } from './seed-content';
import { seedResults } from './seed-results';

/**
 * The demo's engagement for the running footprint: public pages, news and questions; one open and
 * one closed consultation with synthetic responses; the closed one moderated, its results
 * published and its "you said, we did" recorded. Idempotent; `footprint demo` and the browser
 * tests call it after the partnership and performance demos.
 */
export async function seedEngagementDemo(platform: Pick<Platform, 'record' | 'sql'>): Promise<void> {
  await seedContent(platform);
  await seedConsultations(platform);
  await seedResults(platform);
}
