import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { SqlClient } from '@footprint/record';
import { isCrossSite } from '../api/auth/guard';
import { sendProblem } from '../api/problem';
import { PATIENT_SESSION_COOKIE, readNamedCookie } from './cookies';
import { resumePatientSession, type PatientSession, type PatientSessionPolicy } from './sessions';

const sessions = new WeakMap<FastifyRequest, PatientSession>();

/** The signed-in person of a request that passed the guard. */
export function patientSessionOf(request: FastifyRequest): PatientSession {
  const session = sessions.get(request);
  if (!session) throw new Error('patientSessionOf called on a route without the patient guard');
  return session;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Requires a live citizen session, and on state-changing requests this session's CSRF token in `X-CSRF-Token` from this site. */
export function requirePatientSession(sql: SqlClient, policy: PatientSessionPolicy): preHandlerAsyncHookHandler {
  return async function patientGuard(request: FastifyRequest, reply: FastifyReply) {
    const token = readNamedCookie(request, PATIENT_SESSION_COOKIE);
    const session = token ? await resumePatientSession(sql, token, policy) : undefined;
    if (!session) return sendProblem(reply, 401, 'Sign in required', 'Your session has ended or you are not signed in.');
    if (!SAFE.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (isCrossSite(request) || typeof sent !== 'string' || !same(sent, session.csrfToken)) {
        return sendProblem(reply, 403, 'Request refused', 'The request did not carry this session’s CSRF token.');
      }
    }
    sessions.set(request, session);
  };
}
