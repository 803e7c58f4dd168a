import { join } from 'node:path';
import { ensureAdministratorClient, seedCarePlansDemo, seedCoordinationDemo, seedSocialPrescribingDemo, sendSocialPrescribingFigures, seedDemoIdentities, seedMeetingsDemo, seedDemoUsers, seedEngagementDemo, seedPartnershipDemo, seedPerformanceDemo } from '@footprint/server';
import type { Platform } from '@footprint/server';
import { hasCareRelationships, systemContext } from '@footprint/record';
import { seedDemoEnquiries } from '@footprint/engage';
import { runningFootprint } from '@footprint/partnership';
import { rebuildRelationshipsWithProgress } from '../commands/relationships';
import { buildWarehouse, openWarehouse, refreshWarehouse } from '@footprint/warehouse';
import { generateAndLoad } from '../commands/generate';
import type { ProgressReporter } from '../progress';
import { warehouseProgress } from '../warehouse-progress';

/** The demonstration footprint: Cheshire and Merseyside, sized to be ready in about a minute on 2 cores. */
export const DEMO_FOOTPRINT = { footprint: 'cheshire-and-merseyside', seed: 42, duplicates: true } as const;
export const DEFAULT_DEMO_PEOPLE = 2500;

/** How many people the demo generates: FOOTPRINT_DEMO_PEOPLE or the default. */
export function demoPeople(): number {
  const configured = process.env.FOOTPRINT_DEMO_PEOPLE;
  if (configured === undefined || configured === '') return DEFAULT_DEMO_PEOPLE;
  const n = Number(configured);
  if (!Number.isInteger(n) || n < 100 || n > 909_090) throw new Error(`FOOTPRINT_DEMO_PEOPLE must be a whole number from 100 to 909090 (got "${configured}")`);
  return n;
}

/**
 * Everything `footprint demo` does to storage before serving it, each step idempotent so a restart
 * (or a start after an interrupted one) picks up where it left off:
 * 1. the administrator client (credentials.json for `footprint token`);
 * 2. on a record with no patients, a synthetic footprint generated and loaded through the same
 *    import path partner files take (an interrupted load resumes);
 * 3. care relationships rebuilt when the record was stored before they existed (new writes keep them);
 * 4. the warehouse built, or refreshed if the record changed since;
 * 5. one demo user per role (their passwords shown on the start page);
 * 6. the demo identity provider's synthetic citizens and staff (their logins shown on the start page too);
 * 7. the partnership's register and plan for the footprint (places, governance, the seed plans);
 * 8. system performance: indicator values from the warehouse, the synthetic national series, the published ratings;
 * 9. engagement: its public pages and consultations, and a few synthetic enquiries in the get-in-touch inbox.
 */
export async function prepareDemoFootprint(platform: Platform, progress: ProgressReporter, options: { people?: number } = {}): Promise<void> {
  const admin = await ensureAdministratorClient(platform.sql, platform.dataDir);
  if (admin.created) progress.log(`Administrator client created; its id and secret are in ${admin.path}`);

  const ctx = systemContext('SYSADMIN', 'footprint-demo');
  const existing = await platform.record.search(ctx, 'Patient', [['_summary', 'count']]);
  const outDir = join(platform.dataDir, 'demo-footprint');
  const people = options.people ?? demoPeople();
  if ((existing.total ?? 0) < people) {
    progress.log(`Generating a synthetic ${DEMO_FOOTPRINT.footprint} footprint of ${people.toLocaleString('en-GB')} people`);
    const loaded = await generateAndLoad(platform, { ...DEMO_FOOTPRINT, people, outDir }, progress);
    progress.log(`Loaded ${loaded.manifest.resources.toLocaleString('en-GB')} resources into the shared care record (${loaded.failed} failed)`);
  }

  if ((existing.total ?? 0) > 0 && !(await hasCareRelationships(platform.sql))) {
    progress.log('Deriving care relationships for a record stored before they existed');
    await rebuildRelationshipsWithProgress(platform, progress);
  }

  const settings = { dataDir: platform.dataDir, engine: 'duckdb' as const, record: platform.record };
  const built = await hasWarehouse(platform.dataDir);
  progress.log(built ? 'Refreshing the population health warehouse' : 'Building the population health warehouse');
  await warehouseProgress(progress, (onProgress) => (built ? refreshWarehouse({ ...settings, onProgress }) : buildWarehouse({ ...settings, onProgress })));

  await seedDemoUsers(platform);
  progress.log('Demo users are ready: their usernames and passwords are on the start page');
  await seedDemoIdentities(platform);
  progress.log('Demo citizens and CIS2 staff are ready at the demo identity provider (/idp): their logins are on the start page');
  if (await seedPartnershipDemo(platform)) progress.log("The partnership's register, governance and plans are ready");
  await seedPerformanceDemo(platform);
  progress.log('System performance is ready: indicator values, SPC and the plan\'s scorecard');
  await seedEngagementDemo(platform);
  progress.log('Engagement is ready: the public pages at /public, news, questions and consultations');
  const partnership = (await runningFootprint(platform.record))?.name ?? 'The partnership';
  if (await seedCoordinationDemo(platform)) progress.log('Care coordination has referrals between the practice, the hospital and the council in every state (/coordination)');
  if (await seedMeetingsDemo(platform)) progress.log('Team meetings: the demo practice held a frailty meeting last week and has its next one planned (/coordination/meetings)');
  if (await seedCarePlansDemo(platform)) progress.log('Shared care plans: frailty and end of life plans with care teams from the practice, the council and the hospital; the first demo citizen sees theirs under "Your care plan"');
  if (await seedSocialPrescribingDemo(platform)) progress.log('Social prescribing: the demo voluntary organisation\'s services in the directory (/coordination/directory) and a link worker\'s referral it has accepted');
  const figures = await sendSocialPrescribingFigures(platform);
  if (figures > 0) progress.log(`Social prescribing sent ${figures.toLocaleString('en-GB')} disclosure-controlled values to the performance indicators`);
  if (await seedDemoEnquiries(platform.sql, partnership)) progress.log('Get in touch has three synthetic enquiries in its inbox (/engage/enquiries)');
}

async function hasWarehouse(dataDir: string): Promise<boolean> {
  try {
    const warehouse = await openWarehouse({ dataDir, engine: 'duckdb' });
    try {
      return (await warehouse.meta()) !== undefined;
    } finally {
      await warehouse.close();
    }
  } catch {
    return false;
  }
}
