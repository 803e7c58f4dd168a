import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Patient } from '@medplum/fhirtypes';
import { isCrossSite } from '../api/auth/guard';
import { sendProblem } from '../api/problem';
import { SignInFailed, type RelyingParty } from '../identity/relying-party';
import type { Platform } from '../platform';
import { sameOriginRedirect } from '../identity/public-url';
import { addCookie, cookieValue, PATIENT_SESSION_COOKIE, readNamedCookie } from './cookies';
import { patientSessionOf, requirePatientSession } from './guard';
import { matchPatient } from './match';
import { endPatientSession, startPatientSession, type PatientSessionPolicy } from './sessions';

const TRANSACTION_COOKIE = 'footprint_patient_sign_in';
/** Where to go after signing in, when sign-in was asked for by another step (a SMART app's consent screen). */
const RETURN_COOKIE = 'footprint_patient_return';
/** Only these pages of this server may be returned to: never another site, never an arbitrary path. */
const RETURN_TO = /^\/(?:oauth\/consent\?request=[A-Za-z0-9_-]{1,100}|patient(?:\/[A-Za-z0-9\-/]*)?)$/;
/** The web page that explains a refused or failed sign-in; the reason is a code, never a claim. */
const PROBLEM_PAGE = '/patient/sign-in-problem';

function displayName(patient: Patient): string {
  const name = patient.name?.find((n) => n.use === 'official') ?? patient.name?.[0];
  return name?.text ?? ([...(name?.given ?? []), name?.family].filter(Boolean).join(' ') || 'You');
}

export interface PatientSignInOptions {
  platform: Platform;
  policy: PatientSessionPolicy;
  /** The relying party for citizens, or undefined when citizen sign-in is not configured. */
  relyingParty: () => Promise<RelyingParty | undefined>;
  /** This server's public URL (sign-in starts there, so its cookies and the callback share one origin). */
  publicUrl: () => string;
}

/**
 * Citizen sign-in through OpenID Connect (NHS login, or the demo's provider): start, callback,
 * who am I and sign out. A person is signed in only when the claims match exactly one Patient
 * in the record; otherwise they are sent to a page that says why, and nothing is created.
 */
export async function patientSignInRoutes(app: FastifyInstance, options: PatientSignInOptions): Promise<void> {
  const { platform, policy } = options;
  const problem = (reason: string) => `${PROBLEM_PAGE}?reason=${reason}`;
  const clearTransaction = (request: FastifyRequest) => cookieValue(request, TRANSACTION_COOKIE, '', { sameSite: 'Lax', maxAge: 0 });

  app.get('/sign-in', async (request, reply) => {
    // Keep the whole sign-in on one origin, or the callback would not find this browser's cookie.
    const elsewhere = sameOriginRedirect(request.headers.host, request.url, options.publicUrl());
    if (elsewhere) return reply.redirect(elsewhere, 303);
    const rp = await options.relyingParty();
    if (!rp) return reply.redirect(problem('unavailable'), 303);
    try {
      const { url, transaction } = await rp.start();
      addCookie(reply, cookieValue(request, TRANSACTION_COOKIE, transaction, { sameSite: 'Lax', maxAge: 600 }));
      const returnTo = (request.query as Record<string, unknown> | undefined)?.returnTo;
      if (typeof returnTo === 'string' && RETURN_TO.test(returnTo)) addCookie(reply, cookieValue(request, RETURN_COOKIE, encodeURIComponent(returnTo), { sameSite: 'Lax', maxAge: 600 }));
      return reply.header('cache-control', 'no-store').redirect(url, 303);
    } catch (error) {
      request.log.warn({ err: error }, 'could not start citizen sign-in');
      return reply.redirect(problem('unavailable'), 303);
    }
  });

  app.get('/callback', async (request, reply) => {
    const rp = await options.relyingParty();
    addCookie(reply, clearTransaction(request));
    reply.header('cache-control', 'no-store');
    if (!rp) return reply.redirect(problem('unavailable'), 303);
    let identity;
    try {
      identity = await rp.finish(readNamedCookie(request, TRANSACTION_COOKIE), new URL(request.url, options.publicUrl()));
    } catch (error) {
      if (error instanceof SignInFailed) {
        request.log.info({ reason: error.reason, detail: error.message }, 'citizen sign-in not completed');
        return reply.redirect(problem(error.reason), 303);
      }
      throw error;
    }
    const match = await matchPatient(platform.record, identity.claims);
    if (!match.ok) {
      request.log.info({ reason: match.reason }, 'citizen sign-in refused: the identity does not match a record');
      return reply.redirect(problem(match.reason), 303);
    }
    const { token } = await startPatientSession(
      platform.sql,
      {
        patientId: match.patient.id!,
        nhsNumber: String(identity.claims.nhs_number).replace(/\s+/g, ''),
        displayName: displayName(match.patient),
        issuer: identity.issuer,
        subject: identity.subject,
      },
      policy,
    );
    addCookie(reply, cookieValue(request, PATIENT_SESSION_COOKIE, token, { sameSite: 'Strict' }));
    const returnTo = readNamedCookie(request, RETURN_COOKIE);
    addCookie(reply, cookieValue(request, RETURN_COOKIE, '', { sameSite: 'Lax', maxAge: 0 }));
    return reply.redirect(returnTo && RETURN_TO.test(returnTo) ? returnTo : '/patient', 303);
  });

  const guard = requirePatientSession(platform.sql, policy);

  app.get('/session', { preHandler: guard }, async (request) => {
    const session = patientSessionOf(request);
    return { person: { name: session.displayName, nhsNumber: session.nhsNumber }, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  });

  app.delete('/session', { preHandler: guard }, async (request, reply) => {
    if (isCrossSite(request)) return sendProblem(reply, 403, 'Request refused', 'Sign-out must come from this site.');
    const token = readNamedCookie(request, PATIENT_SESSION_COOKIE);
    if (token) await endPatientSession(platform.sql, token);
    addCookie(reply, cookieValue(request, PATIENT_SESSION_COOKIE, '', { sameSite: 'Strict', maxAge: 0 }));
    return reply.code(204).send();
  });
}
