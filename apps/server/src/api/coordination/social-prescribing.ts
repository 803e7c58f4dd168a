import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  addService,
  configuredScale,
  CoordinationInputError,
  DAY_NAMES,
  DAYS,
  directoryPlaces,
  directoryService,
  NEEDS,
  ownServices,
  parseDirectoryQuery,
  parsePrescriptionRequest,
  parseServiceEntry,
  parseWellbeing,
  prescribe,
  recordWellbeing,
  searchDirectory,
  updateService,
  wellbeingOf,
} from '@footprint/coordination';
import type { Platform } from '../../platform';
import { requireSession, sessionOf } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { staffContext } from '../context';
import { refreshSocialPrescribingFigures } from './figures';

const ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** The vocabulary of the directory's search form (GET /api/coordination/directory/options). */
export interface DirectoryOptions {
  needs: Array<{ code: string; label: string }>;
  days: Array<{ code: string; label: string }>;
  places: string[];
}

/**
 * The directory of voluntary, community and social enterprise services, and link workers' social
 * prescriptions with the wellbeing scale before and after, under /api/coordination
 * (docs/coordination.md §5). Voluntary organisations keep their own entries; every partner searches them.
 */
export async function socialPrescribingRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy): Promise<void> {
  // An unknown FOOTPRINT_WELLBEING_SCALE stops the server here, at start-up, not at the first answer.
  configuredScale();
  const guard = requireSession(platform.sql, policy, 'coordination');
  const record = { repo: platform.record, sql: platform.sql };
  const context = (request: FastifyRequest) => staffContext(sessionOf(request).user, 'TREAT', request);
  const checkId = (id: string, what: string) => {
    if (!ID.test(id)) throw new CoordinationInputError([`"${id}" is not a ${what} id`]);
  };

  app.get('/coordination/directory/options', { preHandler: guard }, async (request): Promise<DirectoryOptions> => ({
    needs: Object.entries(NEEDS).map(([code, label]) => ({ code, label })),
    days: DAYS.map((code) => ({ code, label: DAY_NAMES[code] })),
    places: await directoryPlaces(record, context(request)),
  }));

  app.get<{ Querystring: Record<string, unknown> }>('/coordination/directory/services', { preHandler: guard }, async (request) => ({
    services: await searchDirectory(record, context(request), parseDirectoryQuery(request.query)),
  }));

  app.get('/coordination/directory/own', { preHandler: guard }, async (request) => ({ services: await ownServices(record, context(request)) }));

  app.get<{ Params: { id: string } }>('/coordination/directory/services/:id', { preHandler: guard }, async (request) => {
    checkId(request.params.id, 'service');
    return directoryService(record, context(request), request.params.id);
  });

  app.post('/coordination/directory/services', { preHandler: guard }, async (request, reply) => {
    const made = await addService(record, context(request), parseServiceEntry(request.body));
    return reply.code(201).header('location', `/api/coordination/directory/services/${made.id}`).send(made);
  });

  app.put<{ Params: { id: string } }>('/coordination/directory/services/:id', { preHandler: guard }, async (request) => {
    checkId(request.params.id, 'service');
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (typeof body.version !== 'string' || !body.version) throw new CoordinationInputError(['version is required: the version of the entry you changed']);
    return updateService(record, context(request), request.params.id, body.version, parseServiceEntry(body));
  });

  app.post('/coordination/social-prescribing/referrals', { preHandler: guard }, async (request, reply) => {
    const made = await prescribe(record, context(request), parsePrescriptionRequest(request.body));
    return reply.code(201).header('location', `/api/coordination/tasks/${made.taskId}`).send(made);
  });

  app.get<{ Params: { taskId: string } }>('/coordination/social-prescribing/referrals/:taskId/wellbeing', { preHandler: guard }, async (request, reply) => {
    checkId(request.params.taskId, 'task');
    reply.header('cache-control', 'no-store');
    return wellbeingOf(record, context(request), request.params.taskId);
  });

  app.post<{ Params: { taskId: string } }>('/coordination/social-prescribing/referrals/:taskId/wellbeing', { preHandler: guard }, async (request) => {
    checkId(request.params.taskId, 'task');
    const view = await recordWellbeing(record, context(request), request.params.taskId, parseWellbeing(request.body));
    await refreshSocialPrescribingFigures(platform, request.log);
    return view;
  });
}
