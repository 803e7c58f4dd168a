import type { FastifyPluginAsync } from 'fastify';
import { breakGlassHours } from '../../break-glass/hours';
import { breakGlassAnswer, parseBreakGlassParameters } from '../../break-glass/parameters';
import { breakGlassReasonCodeSystem, breakGlassReasonValueSet } from '../../break-glass/terminology';
import { contextOf, sendFhir } from '../request';
import type { FhirRouteOptions } from './options';

/** Paths of the published break-glass reason terminology, readable without a token. */
export const BREAK_GLASS_TERMINOLOGY_ROUTES = ['/fhir/R4/CodeSystem/break-glass-reason', '/fhir/R4/ValueSet/break-glass-reason'];

/**
 * `POST Patient/{id}/$break-glass`: a clinician's time-limited access to one person's record (the
 * record decides who may, writes the grant and opens the privacy officer's review), and the
 * reasons' CodeSystem and ValueSet at their canonical ids.
 */
export const breakGlassRoutes: FastifyPluginAsync<FhirRouteOptions> = async (app, { record }) => {
  const hours = breakGlassHours();
  app.post<{ Params: { id: string } }>('/Patient/:id/$break-glass', async (request, reply) => {
    const ctx = contextOf(request);
    const { reason, explanation } = parseBreakGlassParameters(request.body);
    const grant = await record.breakGlass(ctx, { patientId: request.params.id, reason, explanation, hours });
    return sendFhir(request, reply, 200, breakGlassAnswer(grant));
  });
  app.get('/CodeSystem/break-glass-reason', async (request, reply) => sendFhir(request, reply, 200, breakGlassReasonCodeSystem()));
  app.get('/ValueSet/break-glass-reason', async (request, reply) => sendFhir(request, reply, 200, breakGlassReasonValueSet()));
};
