import { ILLUSTRATIVE_MATURITY_CONFIGURATION, MaturityAssessmentStore, PUBLISHED_RATINGS, PublishedRatingStore, type MaturitySelfAssessment } from '@footprint/performance';
import { runningFootprint } from '@footprint/partnership';
import type { Platform } from '../../platform';

/** The demo's self-assessment answers: illustrative, to show the engine; not any partnership's own. */
const DEMO_MET = new Set(['leadership-board', 'leadership-terms', 'leadership-collective', 'plan-agreed', 'plan-ambitions', 'plan-measured', 'finance-control-total']);
export const DEMO_ASSESSED_ON = '2026-11-30';

/** The published ratings, and a demo maturity self-assessment for the running footprint when it has none; idempotent. */
export async function seedRatings(platform: Pick<Platform, 'record' | 'sql'>): Promise<void> {
  await new PublishedRatingStore(platform.sql).seed(PUBLISHED_RATINGS, 'seed');
  const footprint = await runningFootprint(platform.record);
  if (!footprint) return;
  const assessments = new MaturityAssessmentStore(platform.sql);
  if (await assessments.latest(footprint.onsCode)) return;
  const answers: MaturitySelfAssessment['answers'] = Object.fromEntries(
    ILLUSTRATIVE_MATURITY_CONFIGURATION.tests.flatMap((t) => t.criteria).map((c) => [c.id, DEMO_MET.has(c.id) ? { answer: 'met', evidence: 'Illustrative demo answer.' } : { answer: 'not-met' }]),
  );
  await assessments.record({ footprintCode: footprint.onsCode, assessedOn: DEMO_ASSESSED_ON, answers }, 'seed');
}
