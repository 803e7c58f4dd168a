import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { badRequest, ID_PATTERN, isRealDate } from '@footprint/fhir';
import type { AccessContext, HistoryRequest, Repository } from '@footprint/record';
import { historyBundle, CURSOR_PARAM } from '../bundles';
import { contextOf, fhirBase, queryPairs, requireResourceType, sendFhir } from '../request';
import type { FhirRouteOptions } from './options';

/** The most entries one page may hold, whatever `_count` asks. */
export const MAX_PAGE_SIZE = 1000;

/** Reads `_count`, `_since` and the paging cursor shared by history and $everything. */
export function pagingParams(pairs: ReadonlyArray<[string, string]>): { count?: number; since?: string; cursor?: string } {
  const result: { count?: number; since?: string; cursor?: string } = {};
  for (const [name, value] of pairs) {
    if (name === '_count') {
      if (!/^\d+$/.test(value) || Number(value) < 1) throw badRequest(`_count must be a positive whole number, not "${value}"`, '_count');
      result.count = Math.min(Number(value), MAX_PAGE_SIZE);
    } else if (name === '_since') {
      if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value) || !isRealDate(value)) {
        throw badRequest(`_since must be a FHIR instant such as 2024-01-31T09:00:00Z, not "${value}"`, '_since');
      }
      result.since = value;
    } else if (name === CURSOR_PARAM) {
      result.cursor = value;
    }
  }
  return result;
}

/** Instance, type and system history, newest first, paged by the record's cursor. */
export const historyRoutes: FastifyPluginAsync<FhirRouteOptions> = async (app, { record, baseUrl }) => {
  const history = async (request: FastifyRequest, ctx: AccessContext, repo: Repository, path: string, target: Pick<HistoryRequest, 'resourceType' | 'id' | 'complete'>) => {
    const pairs = queryPairs(request);
    const paging = pagingParams(pairs);
    const result = await repo.history(ctx, { ...target, ...paging });
    const base = fhirBase(request, baseUrl);
    const applied = pairs.filter(([name]) => name === '_count' || name === '_since');
    return historyBundle(base, `${base}${path}`, applied, result);
  };

  app.get<{ Params: { type: string; id: string } }>('/:type/:id/_history', async (request, reply) => {
    const { type, id } = request.params;
    requireResourceType(type);
    // An id no resource can have (a NUL, a space) is bad input, not a question for the database.
    if (!ID_PATTERN.test(id)) throw badRequest(`"${id}" is not a valid resource id (1–64 letters, digits, '-' or '.')`, 'id');
    const ctx = contextOf(request);
    return sendFhir(request, reply, 200, await history(request, ctx, record, `/${type}/${id}/_history`, { resourceType: type, id }));
  });

  app.get<{ Params: { type: string } }>('/:type/_history', async (request, reply) => {
    const { type } = request.params;
    requireResourceType(type);
    const ctx = contextOf(request);
    return sendFhir(request, reply, 200, await history(request, ctx, record, `/${type}/_history`, { resourceType: type }));
  });

  app.get('/_history', async (request, reply) => {
    const ctx = contextOf(request);
    return sendFhir(request, reply, 200, await history(request, ctx, record, '/_history', { complete: true }));
  });
};
