import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { badRequest, outcome } from '@footprint/fhir';
import type { Resource } from '@footprint/fhir';
import { resourceBody } from '../body';
import { contextOf, fhirBase, preferences, requireResourceType, sendFhir, sendResource, versionHeaders } from '../request';
import type { FhirRouteOptions } from './options';

interface TypeParams { type: string }
interface InstanceParams { type: string; id: string }
interface VersionParams { type: string; id: string; vid: string }

/** Create (plain and conditional), read, vread, update (with If-Match) and delete. */
export const crudRoutes: FastifyPluginAsync<FhirRouteOptions> = async (app, { record, baseUrl }) => {
  app.post<{ Params: TypeParams }>('/:type', async (request, reply) => {
    const { type } = request.params;
    requireResourceType(type);
    const ctx = contextOf(request);
    const resource = resourceBody(request.body, type);
    const ifNoneExist = request.headers['if-none-exist'];
    const result = await record.create(ctx, resource, typeof ifNoneExist === 'string' && ifNoneExist ? { ifNoneExist: ifNoneExist.replace(/^[^?]*\?/, '') } : {});
    const written = result.resource;
    const base = fhirBase(request, baseUrl);
    reply.header('location', `${base}/${type}/${written.id}/_history/${written.meta?.versionId ?? '1'}`);
    const status = result.outcome === 'created' ? 201 : 200;
    return respondWithWrite(request, reply, status, written);
  });

  app.get<{ Params: InstanceParams }>('/:type/:id', async (request, reply) => {
    const { type, id } = request.params;
    requireResourceType(type);
    const ctx = contextOf(request);
    const resource = await record.read(ctx, type, id);
    if (notModified(request, resource)) {
      versionHeaders(reply, resource);
      return reply.code(304).send();
    }
    return sendResource(request, reply, 200, resource);
  });

  app.get<{ Params: VersionParams }>('/:type/:id/_history/:vid', async (request, reply) => {
    const { type, id, vid } = request.params;
    requireResourceType(type);
    const ctx = contextOf(request);
    const resource = await record.vread(ctx, type, id, vid);
    return sendResource(request, reply, 200, resource);
  });

  app.put<{ Params: InstanceParams }>('/:type/:id', async (request, reply) => {
    const { type, id } = request.params;
    requireResourceType(type);
    const ctx = contextOf(request);
    const resource = resourceBody(request.body, type);
    if (resource.id === undefined) throw badRequest(`The body's id is missing; it must be "${id}" as in the URL`, 'id');
    if (resource.id !== id) throw badRequest(`The body's id "${resource.id}" does not match the URL's id "${id}"`, 'id');
    const ifMatch = request.headers['if-match'];
    const result = await record.update(ctx, resource, typeof ifMatch === 'string' && ifMatch ? { ifMatch } : {});
    const written = result.resource;
    if (result.outcome === 'created') {
      reply.header('location', `${fhirBase(request, baseUrl)}/${type}/${written.id}/_history/${written.meta?.versionId ?? '1'}`);
    }
    return respondWithWrite(request, reply, result.outcome === 'created' ? 201 : 200, written);
  });

  app.delete<{ Params: InstanceParams }>('/:type/:id', async (request, reply) => {
    const { type, id } = request.params;
    requireResourceType(type);
    const ctx = contextOf(request);
    await record.delete(ctx, type, id);
    return sendFhir(request, reply, 200, outcome('informational', `Deleted ${type}/${id}`, undefined, 'information'));
  });
};

/** Conditional read: `If-None-Match` with the current ETag, or `If-Modified-Since` not before the last update. */
function notModified(request: FastifyRequest, resource: Resource): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  const version = resource.meta?.versionId;
  if (typeof ifNoneMatch === 'string' && version) {
    return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || tag.trim().replace(/^W\//, '') === `"${version}"`);
  }
  const ifModifiedSince = request.headers['if-modified-since'];
  const lastUpdated = resource.meta?.lastUpdated;
  if (typeof ifModifiedSince === 'string' && lastUpdated) {
    const since = Date.parse(ifModifiedSince);
    // HTTP dates have whole seconds; compare at that precision.
    return !Number.isNaN(since) && Math.floor(Date.parse(lastUpdated) / 1000) * 1000 <= since;
  }
  return false;
}

/** Honours `Prefer: return=minimal|representation|OperationOutcome` on create and update. */
function respondWithWrite(request: FastifyRequest, reply: FastifyReply, status: number, resource: Resource) {
  const prefer = preferences(request).return;
  if (prefer === 'minimal') {
    versionHeaders(reply, resource);
    return reply.code(status).send();
  }
  if (prefer === 'OperationOutcome') {
    versionHeaders(reply, resource);
    const version = resource.meta?.versionId ?? '';
    return sendFhir(request, reply, status, outcome('informational', `${resource.resourceType}/${resource.id} version ${version} stored`, undefined, 'information'));
  }
  return sendResource(request, reply, status, resource);
}
