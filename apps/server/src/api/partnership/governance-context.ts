import { Governance } from '@footprint/partnership';
import type { PartnershipContext } from './context';

/** The governance of the footprint this instance serves, read fresh for each request (organisations from the record). */
export async function governanceOf(context: PartnershipContext): Promise<Governance> {
  return new Governance(context.store, context.platform.record, await context.footprint(), context.platform.sql);
}
