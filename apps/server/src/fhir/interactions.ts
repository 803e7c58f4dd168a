import type { FastifyRequest } from 'fastify';
import { isResourceType, requireInteraction, type TypeInteraction } from '@footprint/fhir';

/** Which type-level interaction each FHIR route serves, by method and route path under the FHIR base. */
const ROUTE_INTERACTIONS: Readonly<Record<string, TypeInteraction>> = {
  'POST /:type': 'create',
  'PUT /:type/:id': 'update',
  'PUT /:type': 'update',
  'DELETE /:type/:id': 'delete',
  'DELETE /:type': 'delete',
  'GET /:type/:id': 'read',
  'GET /:type/:id/_history/:vid': 'vread',
  'GET /:type': 'search-type',
  'POST /:type/_search': 'search-type',
  'GET /:type/:id/_history': 'history-instance',
  'GET /:type/_history': 'history-type',
};

/**
 * Answers 405 Method Not Allowed (with an Allow header, see the error handler) before anything
 * else runs, for an interaction the record does not serve on the URL's resource type: writes to
 * AuditEvent, any interaction on Parameters. Operations ($validate, $everything…) are not affected.
 */
export function refuseUnsupportedInteraction(request: FastifyRequest, fhirPrefix: string): void {
  const type = (request.params as { type?: unknown } | undefined)?.type;
  if (typeof type !== 'string' || !isResourceType(type)) return;
  const route = (request.routeOptions.url ?? '').slice(fhirPrefix.length);
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  const interaction = ROUTE_INTERACTIONS[`${method} ${route}`];
  if (interaction) requireInteraction(type, interaction);
}
