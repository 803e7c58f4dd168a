import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { SqlClient } from '@footprint/record';
import { sendProblem } from '../problem';
import { readSessionToken } from './cookies';
import { can, type Capability } from './roles';
import { resumeSession, type ActiveSession, type SessionPolicy } from './sessions';

const sessions = new WeakMap<FastifyRequest, ActiveSession>();

/** The signed-in session of a request that passed a guard. */
export function sessionOf(request: FastifyRequest): ActiveSession {
  const session = sessions.get(request);
  if (!session) throw new Error('sessionOf called on a route without a guard');
  return session;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A cross-site request is refused outright: if the browser sent Origin it must be this server.
 * SameSite=Strict cookies already keep the session off cross-site requests; this is the second lock.
 */
export function isCrossSite(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

/** The problem type of every refusal made while the user still holds a temporary password. */
export const PASSWORD_CHANGE_REQUIRED = 'https://footprint.nhs.uk/problems/password-change-required';

export interface GuardOptions {
  /** Let a user who must change their temporary password through (who am I, sign out, change password). */
  duringPasswordChange?: boolean;
}

/**
 * A preHandler that requires a live session, the given capability for the user's role, and for
 * state-changing methods the session's CSRF token in the `X-CSRF-Token` header (synchronizer token).
 * A user signed in with a temporary password is refused everywhere but the routes that let them change it.
 */
export function requireSession(sql: SqlClient, policy: SessionPolicy, capability?: Capability, options: GuardOptions = {}): preHandlerAsyncHookHandler {
  return async function guard(request: FastifyRequest, reply: FastifyReply) {
    const token = readSessionToken(request);
    const session = token ? await resumeSession(sql, token, policy) : undefined;
    if (!session) return sendProblem(reply, 401, 'Sign in required', 'Your session has ended or you are not signed in.');
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (isCrossSite(request) || typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) {
        return sendProblem(reply, 403, 'Request refused', 'The request did not carry this session’s CSRF token.');
      }
    }
    if (session.user.mustChangePassword && !options.duringPasswordChange) {
      return sendProblem(reply, 403, 'Change your password', 'You signed in with a temporary password. Choose a new password before doing anything else.', PASSWORD_CHANGE_REQUIRED);
    }
    if (capability && !can(session.user.role, capability)) {
      return sendProblem(reply, 403, 'Not allowed for your role', `Your role does not give access to ${capability}.`);
    }
    sessions.set(request, session);
  };
}
