import type { FastifyRequest } from 'fastify';

/** The person approving an app: who they are in the record. */
export interface SignedInPerson {
  patientId: string;
  nhsNumber: string;
  /** Their name, shown to them on the consent screen (never logged). */
  name?: string;
}

/**
 * How the SMART authorisation step learns who the person is. Kept apart from the OAuth code so
 * that the person signs in exactly as they do to the patient pages (NHS login-style OpenID
 * Connect), and the SMART step only asks "who is signed in here?".
 */
export interface PersonAuthenticator {
  /** The person signed in on this browser, if any. */
  signedIn(request: FastifyRequest): Promise<SignedInPerson | undefined>;
  /** Where to send a person to sign in, coming back to `returnTo` (a path on this server) afterwards. */
  signInUrl(returnTo: string): string;
}
