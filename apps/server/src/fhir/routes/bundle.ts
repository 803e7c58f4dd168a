import type { FastifyPluginAsync } from 'fastify';
import { badRequest } from '@footprint/fhir';
import type { Bundle } from '@footprint/fhir';
import { controlCharacterMessage, findControlCharacter } from '../../http/control-characters';
import { contextOf, sendFhir } from '../request';
import type { FhirRouteOptions } from './options';

/**
 * Batch and transaction Bundles posted to the base URL. The record parses every entry and its
 * access policy decides each one (a transaction with a refused entry is refused whole).
 */
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
    const control = findControlCharacter(body);
    if (control) throw badRequest(controlCharacterMessage(control), control);
    const response = await record.processBundle(ctx, body);
    return sendFhir(request, reply, 200, response);
  });
};
