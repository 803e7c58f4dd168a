import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { outcome } from '@footprint/fhir';
import { formPairs, contextOf, fhirBase, preferences, queryPairs, requireResourceType, sendFhir } from '../request';
import { searchsetBundle } from '../bundles';
import type { FhirRouteOptions } from './options';

interface TypeParams { type: string }

/** Type search by GET and by POST `_search` (form body parameters join the query string's). */
export const searchRoutes: FastifyPluginAsync<FhirRouteOptions> = async (app, { record, baseUrl }) => {
  const search = async (request: FastifyRequest<{ Params: TypeParams }>, params: Array<[string, string]>) => {
    const { type } = request.params;
    requireResourceType(type);
    const ctx = contextOf(request);
    const handling = preferences(request).handling;
    const result = await record.search(ctx, type, params, handling ? { handling } : {});
    const base = fhirBase(request, baseUrl);
    const warnings = result.warnings.length
      ? { resourceType: 'OperationOutcome' as const, issue: result.warnings.map((w) => ({ severity: 'warning' as const, code: 'not-supported' as const, diagnostics: w })) }
      : undefined;
    return searchsetBundle(base, `${base}/${type}`, result, warnings);
  };

  app.get<{ Params: TypeParams }>('/:type', async (request, reply) => {
    return sendFhir(request, reply, 200, await search(request, queryPairs(request)));
  });

  app.post<{ Params: TypeParams }>('/:type/_search', async (request, reply) => {
    const form = typeof request.body === 'string' ? formPairs(request.body) : [];
    if (request.body !== undefined && typeof request.body !== 'string') {
      return sendFhir(request, reply, 415, outcome('not-supported', 'POST _search takes its parameters as application/x-www-form-urlencoded'));
    }
    return sendFhir(request, reply, 200, await search(request, [...queryPairs(request), ...form]));
  });
};
