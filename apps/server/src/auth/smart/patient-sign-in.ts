import type { FastifyRequest } from 'fastify';
import { PATIENT_SESSION_COOKIE, readNamedCookie } from '../../patient/cookies';
import { DEFAULT_PATIENT_SESSION_POLICY, resumePatientSession, type PatientSessionPolicy } from '../../patient/sessions';
import type { Platform } from '../../platform';
import type { PersonAuthenticator } from './person';

/**
 * The person approving a SMART app is the person signed in to the patient pages: their session
 * (NHS login-style OpenID Connect, /api/patient/sign-in), which comes back to the consent
 * screen once they have signed in.
 */
export function patientSignIn(platform: Platform, policy: PatientSessionPolicy = DEFAULT_PATIENT_SESSION_POLICY): PersonAuthenticator {
  return {
    async signedIn(request: FastifyRequest) {
      const token = readNamedCookie(request, PATIENT_SESSION_COOKIE);
      const session = token ? await resumePatientSession(platform.sql, token, policy) : undefined;
      return session ? { patientId: session.patientId, nhsNumber: session.nhsNumber, name: session.displayName } : undefined;
    },
    signInUrl: (returnTo) => `/api/patient/sign-in?returnTo=${encodeURIComponent(returnTo)}`,
  };
}
