import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  addPersonToMeeting,
  CoordinationInputError,
  markMeetingHeld,
  meetingOf,
  meetingsOf,
  meetingSuggestions,
  meetingView,
  parseMeetingOutcome,
  parseMeetingPlan,
  planMeeting,
  recordMeetingOutcome,
  type MeetingSource,
} from '@footprint/coordination';
import type { Platform } from '../../platform';
import { requireSession, sessionOf } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { staffContext } from '../context';

const ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** Multidisciplinary team meetings hosted by the user's organisation, under /api/coordination/meetings (docs/coordination.md §3). */
export async function meetingsRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy): Promise<void> {
  const guard = requireSession(platform.sql, policy, 'coordination');
  const record = { repo: platform.record, sql: platform.sql };
  const context = (request: FastifyRequest) => staffContext(sessionOf(request).user, 'TREAT', request);
  const checkId = (id: string) => {
    if (!ID.test(id)) throw new CoordinationInputError([`"${id}" is not a meeting id`]);
  };

  app.get('/coordination/meetings', { preHandler: guard }, async (request) => ({ meetings: await meetingsOf(record, context(request)) }));

  app.post('/coordination/meetings', { preHandler: guard }, async (request, reply) => {
    const meeting = await planMeeting(record, context(request), parseMeetingPlan(request.body));
    return reply.code(201).header('location', `/api/coordination/meetings/${meeting.id}`).send(meeting);
  });

  app.get<{ Params: { id: string } }>('/coordination/meetings/:id', { preHandler: guard }, async (request) => {
    checkId(request.params.id);
    const ctx = context(request);
    return meetingView(record, ctx, await meetingOf(record, ctx, request.params.id));
  });

  app.post<{ Params: { id: string } }>('/coordination/meetings/:id/people', { preHandler: guard }, async (request) => {
    checkId(request.params.id);
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as { patientId?: unknown; source?: unknown };
    const patientId = typeof body.patientId === 'string' ? body.patientId : '';
    const source = (typeof body.source === 'string' ? body.source : 'by-hand') as MeetingSource;
    const ctx = context(request);
    return meetingView(record, ctx, await addPersonToMeeting(record, ctx, request.params.id, patientId, source));
  });

  app.get<{ Params: { id: string }; Querystring: { source?: string } }>('/coordination/meetings/:id/suggestions', { preHandler: guard }, async (request, reply) => {
    checkId(request.params.id);
    reply.header('cache-control', 'no-store');
    return meetingSuggestions(record, context(request), request.params.id, (request.query.source ?? 'frailty') as MeetingSource);
  });

  app.post<{ Params: { id: string } }>('/coordination/meetings/:id/outcomes', { preHandler: guard }, async (request, reply) => {
    checkId(request.params.id);
    const ctx = context(request);
    const meeting = await recordMeetingOutcome(record, ctx, request.params.id, parseMeetingOutcome(request.body));
    return reply.code(201).send(await meetingView(record, ctx, meeting));
  });

  app.post<{ Params: { id: string } }>('/coordination/meetings/:id/held', { preHandler: guard }, async (request) => {
    checkId(request.params.id);
    const ctx = context(request);
    return meetingView(record, ctx, await markMeetingHeld(record, ctx, request.params.id));
  });
}
