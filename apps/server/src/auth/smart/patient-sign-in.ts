import type { Platform } from '../../platform';
import type { PersonAuthenticator } from './person';

/**
 * The person's sign-in for the SMART authorisation step: the patient session of the patient
 * pages (NHS login-style OpenID Connect). Until that session exists nobody is signed in.
 */
export function patientSignIn(_platform: Platform): PersonAuthenticator {
  return {
    signedIn: async () => undefined,
    signInUrl: (returnTo) => `/patient/sign-in?returnTo=${encodeURIComponent(returnTo)}`,
  };
}
