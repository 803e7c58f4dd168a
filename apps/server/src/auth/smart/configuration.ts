import { PATIENT_APP_CEILING } from './scopes';

/**
 * The SMART App Launch discovery document (`/.well-known/smart-configuration`): where apps
 * authorise and get tokens, and what Footprint supports. Standalone launch only, for apps a
 * person connects to their own record, plus the client credentials grant for partner systems.
 * `base` is the configured public origin (never a request's Host header).
 */
export function smartConfiguration(base: string, issuer: string) {
  return {
    issuer,
    authorization_endpoint: `${base}/oauth/authorize`,
    token_endpoint: `${base}/oauth/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    revocation_endpoint: `${base}/oauth/revoke`,
    revocation_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic', 'none'],
    jwks_uri: `${base}/.well-known/jwks.json`,
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: [
      ...PATIENT_APP_CEILING,
      'patient/Patient.rs',
      'patient/Observation.rs',
      'patient/Condition.rs',
      'patient/MedicationRequest.rs',
      'patient/AllergyIntolerance.rs',
      'patient/Encounter.rs',
      'system/*.cruds',
      'system/*.rs',
      'system/*.read',
      'system/*.write',
    ],
    capabilities: [
      'launch-standalone',
      'client-public',
      'client-confidential-symmetric',
      'context-standalone-patient',
      'permission-patient',
      'permission-offline',
      'permission-online',
      'permission-v2',
      'permission-v1',
    ],
  };
}
