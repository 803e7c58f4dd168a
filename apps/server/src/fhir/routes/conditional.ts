import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { OperationOutcomeError, badRequest, outcome } from '@footprint/fhir';
import type { Bundle, BundleEntry, OperationOutcome, Resource } from '@footprint/fhir';
import type { AccessContext, Repository } from '@footprint/record';
import { resourceBody } from '../body';
import { contextOf, fhirBase, requireResourceType, sendFhir, sendResource } from '../request';
import type { FhirRouteOptions } from './options';

/** The raw query string (without `?`), which names the resource a conditional interaction applies to. */
function criteria(request: FastifyRequest, interaction: string): string {
  const url = request.raw.url ?? request.url;
  const q = url.indexOf('?');
  const query = q < 0 ? '' : url.slice(q + 1);
  const kept = query.split('&').filter((p) => p && !/^_(format|pretty)=/.test(p)).join('&');
  if (!kept) throw badRequest(`A conditional ${interaction} needs search criteria in the query string, e.g. ?identifier=system|value`);
  return kept;
}

/**
 * Runs one entry as a single-entry transaction, so conditional updates and deletes share the
 * record's resolution rules (no match, one match, several matches → 412) with transactions.
 */
async function runEntry(record: Repository, ctx: AccessContext, entry: BundleEntry): Promise<BundleEntry> {
  const response = await record.processBundle(ctx, { resourceType: 'Bundle', type: 'transaction', entry: [entry] } as Bundle);
  const result = response.entry?.[0];
  if (!result?.response) throw new OperationOutcomeError(500, outcome('exception', 'The record returned no response for the conditional interaction'));
  return result;
}

function statusOf(entry: BundleEntry): number {
  return Number.parseInt(entry.response?.status ?? '200', 10) || 200;
}

/** Conditional update (`PUT /Patient?identifier=…`) and conditional delete (`DELETE /Patient?identifier=…`). */
export const conditionalRoutes: FastifyPluginAsync<FhirRouteOptions> = async (app, { record, baseUrl }) => {
  app.put<{ Params: { type: string } }>('/:type', async (request, reply) => {
    const { type } = request.params;
    requireResourceType(type);
    const ctx = contextOf(request);
    const resource = resourceBody(request.body, type);
    const result = await runEntry(record, ctx, { resource, request: { method: 'PUT', url: `${type}?${criteria(request, 'update')}` } });
    const status = statusOf(result);
    if (result.response?.location) reply.header('location', `${fhirBase(request, baseUrl)}/${result.response.location.replace(/^.*?\/fhir\/R4\//, '')}`);
    if (result.resource) return sendResource(request, reply, status, result.resource as Resource);
    return sendFhir(request, reply, status, result.response?.outcome ?? outcome('informational', `${type} stored`, undefined, 'information'));
  });

  app.delete<{ Params: { type: string } }>('/:type', async (request, reply) => {
    const { type } = request.params;
    requireResourceType(type);
    const ctx = contextOf(request);
    const result = await runEntry(record, ctx, { request: { method: 'DELETE', url: `${type}?${criteria(request, 'delete')}` } });
    const outcomeBody: OperationOutcome = (result.response?.outcome as OperationOutcome | undefined) ?? outcome('informational', `Deleted the ${type} matching the criteria`, undefined, 'information');
    return sendFhir(request, reply, 200, outcomeBody);
  });
};
