import type { FastifyPluginAsync } from 'fastify';
import { ID_PATTERN, OperationOutcomeError, badRequest, notFound, outcome, validateResource } from '@footprint/fhir';
import type { OperationOutcome, Parameters, Resource } from '@footprint/fhir';
import { searchsetBundle } from '../bundles';
import { contextOf, fhirBase, queryPairs, requireResourceType, sendFhir } from '../request';
import { pagingParams } from './history';
import type { FhirRouteOptions } from './options';

/** The resource to validate: the body itself, or the `resource` parameter of a Parameters body. */
function resourceToValidate(body: unknown): unknown {
  if (body && typeof body === 'object' && (body as Resource).resourceType === 'Parameters') {
    const parameter = (body as Parameters).parameter?.find((p) => p.name === 'resource');
    if (!parameter?.resource) throw badRequest('The Parameters body has no "resource" parameter to validate', 'Parameters.parameter');
    return parameter.resource;
  }
  if (body === undefined || body === null) throw badRequest('$validate needs a resource in the body');
  return body;
}

/** Runs the record's write-time validation and reports its findings as an OperationOutcome (200 either way). */
function validationOutcome(resource: unknown, resourceType: string, id?: string): OperationOutcome {
  try {
    validateResource(resource, { resourceType });
  } catch (error) {
    if (error instanceof OperationOutcomeError && error.status < 500) return error.outcome;
    throw error;
  }
  if (id !== undefined && (resource as Resource).id !== id) {
    return outcome('invalid', `The resource's id "${String((resource as Resource).id)}" does not match the URL's id "${id}"`, 'id');
  }
  return outcome('informational', `The ${resourceType} is valid`, undefined, 'information');
}

/** `Patient/{id}/$everything` (paged) and `$validate` at type and instance level. */
export const operationRoutes: FastifyPluginAsync<FhirRouteOptions> = async (app, { record, baseUrl }) => {
  app.get<{ Params: { type: string; id: string } }>('/:type/:id/$everything', async (request, reply) => {
    const { type, id } = request.params;
    if (type !== 'Patient') throw notFound(`$everything is supported on Patient, not ${type}`);
    if (!ID_PATTERN.test(id)) throw badRequest(`"${id}" is not a valid resource id (1–64 letters, digits, '-' or '.')`, 'id');
    const ctx = contextOf(request);
    const pairs = queryPairs(request);
    const paging = pagingParams(pairs);
    const types = pairs.filter(([name]) => name === '_type').flatMap(([, value]) => value.split(',')).filter(Boolean);
    types.forEach(requireResourceType);
    const result = await record.everything(ctx, id, { ...paging, ...(types.length ? { types } : {}) });
    const base = fhirBase(request, baseUrl);
    const applied = pairs.filter(([name]) => name === '_count' || name === '_since' || name === '_type');
    return sendFhir(request, reply, 200, searchsetBundle(base, `${base}/Patient/${id}/$everything`, { ...result, applied }));
  });

  app.post<{ Params: { type: string } }>('/:type/$validate', async (request, reply) => {
    const { type } = request.params;
    requireResourceType(type);
    contextOf(request);
    return sendFhir(request, reply, 200, validationOutcome(resourceToValidate(request.body), type));
  });

  app.post<{ Params: { type: string; id: string } }>('/:type/:id/$validate', async (request, reply) => {
    const { type, id } = request.params;
    requireResourceType(type);
    contextOf(request);
    return sendFhir(request, reply, 200, validationOutcome(resourceToValidate(request.body), type, id));
  });
};
