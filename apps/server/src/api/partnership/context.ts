import type { FastifyRequest } from 'fastify';
import { PartnershipProblem, PartnershipStore, runningFootprint, type Editor, type RunningFootprint } from '@footprint/partnership';
import type { Platform } from '../../platform';
import { sessionOf } from '../auth/guard';

/** What every partnership route works with: the store, and the footprint this instance serves. */
export interface PartnershipContext {
  platform: Platform;
  store: PartnershipStore;
  /** The running footprint (from the record's partnership body), or a 404 problem when there is none yet. */
  footprint(): Promise<RunningFootprint>;
}

export function partnershipContext(platform: Platform): PartnershipContext {
  const store = new PartnershipStore(platform.sql);
  let cached: RunningFootprint | undefined;
  return {
    platform,
    store,
    async footprint() {
      cached ??= await runningFootprint(platform.record);
      if (!cached) throw new PartnershipProblem(404, 'No partnership yet', 'The record holds no partnership body: import the footprint\'s organisations first (docs/partnership.md).');
      return cached;
    },
  };
}

/** The signed-in user as the register's history names them. */
export function editorOf(request: FastifyRequest): Editor {
  const { user } = sessionOf(request);
  return { id: user.id, name: user.displayName, role: user.role };
}
