import { PartnershipStore, runningFootprint, seedDemoPartnership } from '@footprint/partnership';
import type { Platform } from '../../platform';

/**
 * The demo's partnership content (places, delivery systems, governance and plans) for the
 * footprint the record holds; idempotent. `footprint demo` and the browser tests call it after the
 * footprint is loaded. Returns false when the record holds no partnership body.
 */
export async function seedPartnershipDemo(platform: Pick<Platform, 'record' | 'sql'>): Promise<boolean> {
  const footprint = await runningFootprint(platform.record);
  if (!footprint) return false;
  await seedDemoPartnership({ store: new PartnershipStore(platform.sql), record: platform.record, footprint });
  return true;
}
