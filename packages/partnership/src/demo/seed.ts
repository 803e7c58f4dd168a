import type { Repository } from '@footprint/record';
import { seedBundledPlaces } from '../register/places';
import type { PartnershipStore } from '../store/items';
import type { RunningFootprint } from '../organisations/running';
import { seedDemoPlans } from '../plan/seed';
import { seedDemoGovernance } from '../governance/demo';

/** What a demo seed works with: the store, the record (for organisations), and the footprint being demonstrated. */
export interface DemoSeedContext {
  store: PartnershipStore;
  record: Repository;
  footprint: RunningFootprint;
}

/** One part's demo seed: idempotent (store.seed), so restarts keep what people edited. */
export type DemoSeed = (context: DemoSeedContext) => Promise<void>;

/**
 * The demo's partnership content, each part's seed in order: places and delivery systems,
 * member organisations' roles, governance, the plans. Each part adds its seed to this list.
 */
export const DEMO_SEEDS: readonly { name: string; seed: DemoSeed }[] = [
  { name: 'places and delivery systems', seed: async ({ store, footprint }) => void (await seedBundledPlaces(store, footprint.onsCode)) },
  { name: 'plan', seed: seedDemoPlans },
  { name: 'governance', seed: seedDemoGovernance },
];

/** Runs every demo seed for the running footprint. */
export async function seedDemoPartnership(context: DemoSeedContext): Promise<void> {
  for (const { seed } of DEMO_SEEDS) await seed(context);
}
