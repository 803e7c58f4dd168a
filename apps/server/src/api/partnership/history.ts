import type { FastifyInstance } from 'fastify';
import { itemHistory, recentChangesView, registerPartnershipKinds, type ChangesView, type ItemHistoryView, type RoleLabel } from '@footprint/partnership';
import { requireSession } from '../auth/guard';
import { isRole, ROLE_LABELS } from '../auth/roles';
import type { SessionPolicy } from '../auth/sessions';
import { ApiProblem } from '../problem';
import type { PartnershipContext } from './context';

/** A role as the history names it: the staff role's label, "Footprint" for the platform's own changes. */
const roleLabel: RoleLabel = (role) => (isRole(role) ? ROLE_LABELS[role] : role === 'system' ? 'Footprint' : role);

const KIND = /^[a-z]+(-[a-z]+)*$/;

function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new ApiProblem(400, `Invalid ${name}`, `Give ${name} once.`);
  return value;
}

/** The changes page's filters: `limit` 1 to 200 (default 50), `before` an earlier page's `next`, `kind` a kind name. */
function parseChangesQuery(query: Record<string, unknown>): { limit: number; before?: string; kind?: string } {
  const limit = single(query, 'limit');
  if (limit !== undefined && (!/^\d{1,3}$/.test(limit) || Number(limit) < 1 || Number(limit) > 200)) throw new ApiProblem(400, 'Invalid limit', 'limit is a whole number from 1 to 200.');
  const before = single(query, 'before');
  if (before !== undefined && before.length > 200) throw new ApiProblem(400, 'Invalid before', 'before is the next value of an earlier page.');
  const kind = single(query, 'kind');
  if (kind !== undefined && (kind.length > 80 || !KIND.test(kind))) throw new ApiProblem(400, 'Invalid kind', 'kind is a kind name: lower-case words joined by hyphens, such as governance-body.');
  return { limit: limit === undefined ? 50 : Number(limit), ...(before ? { before } : {}), ...(kind ? { kind } : {}) };
}

/**
 * The history of the partnership's register and plan (capability `partnership`), for every kind:
 *   GET /api/partnership/items/:id/history   every version of one item, newest first, with what each changed
 *   GET /api/partnership/changes?before&limit&kind   the footprint's recent changes, paged
 * Every kind is registered first, so titles show for kinds not written since the server started.
 */
export async function historyRoutes(app: FastifyInstance, context: PartnershipContext, policy: SessionPolicy): Promise<void> {
  registerPartnershipKinds();
  const guard = requireSession(context.platform.sql, policy, 'partnership');

  app.get<{ Params: { id: string } }>('/partnership/items/:id/history', { preHandler: guard }, async (request): Promise<ItemHistoryView> => itemHistory(context.store, request.params.id, roleLabel));

  app.get<{ Querystring: Record<string, unknown> }>('/partnership/changes', { preHandler: guard }, async (request): Promise<ChangesView> => {
    const options = parseChangesQuery(request.query);
    const footprint = await context.footprint();
    return recentChangesView(context.store, footprint.onsCode, options, roleLabel);
  });
}
