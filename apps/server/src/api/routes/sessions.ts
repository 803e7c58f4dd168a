import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform';
import { clearSessionCookie } from '../auth/cookies';
import { requireSession, sessionOf } from '../auth/guard';
import { endSessionById, endSessionsOf, listSessions, type SessionPolicy, type SessionSummary } from '../auth/sessions';
import { sendProblem } from '../problem';

const PUBLIC_ID = /^[A-Za-z0-9_-]{10,64}$/;

/**
 * A user's own sessions (/api/sessions): where and when each was started and last used, so a
 * forgotten or unfamiliar session can be signed out. Only the user's own sessions are listed or ended.
 */
export async function sessionsRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy): Promise<void> {
  const signedIn = requireSession(platform.sql, policy);

  app.get('/sessions', { preHandler: signedIn }, async (request, reply): Promise<{ sessions: SessionSummary[] }> => {
    const session = sessionOf(request);
    reply.header('cache-control', 'no-store');
    return { sessions: await listSessions(platform.sql, session.user.id, session.publicId, policy) };
  });

  /** Signs out every session of the user's but this one. */
  app.delete('/sessions', { preHandler: signedIn }, async (request, reply) => {
    const session = sessionOf(request);
    await endSessionsOf(platform.sql, session.user.id, undefined, session.publicId);
    return reply.code(204).send();
  });

  app.delete<{ Params: { id: string } }>('/sessions/:id', { preHandler: signedIn }, async (request, reply) => {
    const session = sessionOf(request);
    const { id } = request.params;
    if (!PUBLIC_ID.test(id)) return sendProblem(reply, 400, 'Not a session id', 'Session ids are the ones GET /api/sessions lists.');
    if (!(await endSessionById(platform.sql, session.user.id, id))) return sendProblem(reply, 404, 'No such session', 'It may have ended already.');
    if (id === session.publicId) clearSessionCookie(request, reply);
    return reply.code(204).send();
  });
}
