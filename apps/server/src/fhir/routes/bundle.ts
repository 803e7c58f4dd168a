import type { FastifyPluginAsync } from 'fastify';
import { badRequest } from '@footprint/fhir';
import type { Bundle } from '@footprint/fhir';
import type { AccessContext } from '@footprint/record';
import type { Permission } from '../../auth/scopes';
import { contextOf, requireResourceType, requireScope, sendFhir } from '../request';
import type { FhirRouteOptions } from './options';

const PERMISSION_OF: Record<string, (url: string) => Permission> = {
  GET: (url) => (/^[A-Za-z]+\/[^/?]+/.test(url) ? 'r' : 's'),
  HEAD: (url) => (/^[A-Za-z]+\/[^/?]+/.test(url) ? 'r' : 's'),
  POST: () => 'c',
  PUT: () => 'u',
  PATCH: () => 'u',
  DELETE: () => 'd',
};

/**
 * Checks, before anything is written, that the token's scopes allow every entry's interaction,
 * so a transaction the caller may not fully perform is refused whole with a 403 naming the entry.
 */
function checkEntryScopes(ctx: AccessContext, bundle: Bundle): void {
  bundle.entry?.forEach((entry, index) => {
    const method = entry.request?.method;
    const url = entry.request?.url;
    if (!method || !url) throw badRequest(`Bundle entry ${index} needs request.method and request.url`, `Bundle.entry[${index}].request`);
    const type = /^([A-Za-z]+)/.exec(url.replace(/^.*\/fhir\/R4\//, ''))?.[1];
    if (!type) throw badRequest(`Bundle entry ${index} has a request.url without a resource type: ${url}`, `Bundle.entry[${index}].request.url`);
    requireResourceType(type);
    const permission = PERMISSION_OF[method]?.(url);
    if (!permission) throw badRequest(`Bundle entry ${index} has an unsupported method ${method}`, `Bundle.entry[${index}].request.method`);
    requireScope(ctx, type, permission);
  });
}

/** Batch and transaction Bundles posted to the base URL. */
export const bundleRoutes: FastifyPluginAsync<FhirRouteOptions> = async (app, { record }) => {
  app.post('/', async (request, reply) => {
    const ctx = contextOf(request);
    const body = request.body as Bundle | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('POST to the base URL takes a batch or transaction Bundle');
    if (body.resourceType !== 'Bundle') throw badRequest(`POST to the base URL takes a Bundle, not a ${String(body.resourceType)}`, 'resourceType');
    if (body.type !== 'batch' && body.type !== 'transaction') {
      throw badRequest(`Bundle.type must be batch or transaction, not ${String(body.type)}`, 'Bundle.type');
    }
    if (body.entry !== undefined && !Array.isArray(body.entry)) throw badRequest('Bundle.entry must be an array', 'Bundle.entry');
    checkEntryScopes(ctx, body);
    const response = await record.processBundle(ctx, body);
    return sendFhir(request, reply, 200, response);
  });
};
