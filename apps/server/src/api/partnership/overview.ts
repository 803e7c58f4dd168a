import type { FastifyInstance } from 'fastify';
import { membersOn, type RunningFootprint } from '@footprint/partnership';
import { requireSession } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import type { PartnershipContext } from './context';

/** GET /api/partnership/footprint */
export interface PartnershipFootprintAnswer extends RunningFootprint {
  /**
   * The record's Organization id of each member organisation (at any time), by its ODS code (or ONS
   * code when it has none): the staff pages link a member to /partnership/organisations/{id}, an id
   * the public register does not show.
   */
  organisationIds: Record<string, string>;
}

/**
 * GET /api/partnership/footprint: which footprint this instance runs (ONS and ODS codes, the
 * partnership body's name and record id), so the partnership page knows which footprint to ask
 * the public register for, and its members' record ids. A 404 problem while the record holds no
 * partnership body.
 */
export async function partnershipOverviewRoutes(app: FastifyInstance, context: PartnershipContext, policy: SessionPolicy): Promise<void> {
  const guard = requireSession(context.platform.sql, policy, 'partnership');
  app.get('/partnership/footprint', { preHandler: guard }, async (): Promise<PartnershipFootprintAnswer> => {
    const footprint = await context.footprint();
    const organisationIds: Record<string, string> = {};
    for (const member of await membersOn(context.platform.record, footprint.organisationId)) {
      const key = member.odsCode ?? member.onsCode;
      if (key) organisationIds[key] = member.id;
    }
    return { ...footprint, organisationIds };
  });
}
