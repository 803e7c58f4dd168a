import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform';
import { clearSessionCookie, readCookie, SESSION_COOKIE, setSessionCookie } from '../auth/cookies';
import { isCrossSite, requireSession, sessionOf } from '../auth/guard';
import { capabilitiesOf, ROLE_LABELS, type Role } from '../auth/roles';
import { endSession, startSession, type SessionPolicy } from '../auth/sessions';
import { authenticate, type StaffUser } from '../auth/users';
import { sendProblem } from '../problem';

/** What the web app learns about the signed-in user. */
export function describeUser(user: StaffUser) {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    roleLabel: ROLE_LABELS[user.role as Role],
    organisation: user.organisation ? { code: user.organisation.code, name: user.organisation.name } : null,
    capabilities: capabilitiesOf(user.role),
  };
}

/** Sign in (POST), who am I (GET) and sign out (DELETE) at /api/session. */
export async function sessionRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy): Promise<void> {
  app.post<{ Body: { username?: unknown; password?: unknown } }>('/session', async (request, reply) => {
    // Login CSRF: refuse anything cross-site; JSON bodies cannot be sent cross-site without a CORS preflight.
    if (isCrossSite(request)) return sendProblem(reply, 403, 'Request refused', 'Sign-in must come from this site.');
    if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return sendProblem(reply, 415, 'Unsupported media type', 'Send the username and password as application/json.');
    }
    const { username, password } = request.body ?? {};
    if (typeof username !== 'string' || username.trim() === '' || typeof password !== 'string' || password === '') {
      return sendProblem(reply, 400, 'Enter your username and password', 'Both username and password are required.');
    }
    if (username.length > 64 || password.length > 256) {
      return sendProblem(reply, 400, 'Username or password too long');
    }
    const result = await authenticate(platform.sql, username, password);
    if (!result.ok) {
      return result.reason === 'locked'
        ? sendProblem(reply, 429, 'Account temporarily locked', 'Too many wrong passwords. Try again in 15 minutes.')
        : sendProblem(reply, 401, 'Username or password is not correct', 'Check your username and password and try again.');
    }
    const { token, csrfToken } = await startSession(platform.sql, result.user.id, policy);
    setSessionCookie(request, reply, token);
    reply.header('cache-control', 'no-store');
    return { user: describeUser(result.user), csrfToken };
  });

  app.get('/session', { preHandler: requireSession(platform.sql, policy) }, async (request, reply) => {
    const session = sessionOf(request);
    reply.header('cache-control', 'no-store');
    return { user: describeUser(session.user), csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  });

  app.delete('/session', { preHandler: requireSession(platform.sql, policy) }, async (request, reply) => {
    const token = readCookie(request, SESSION_COOKIE);
    if (token) await endSession(platform.sql, token);
    clearSessionCookie(request, reply);
    return reply.code(204).send();
  });
}
