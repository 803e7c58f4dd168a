import { DEMO_CLIENTS, type DemoIdentityProvider } from './demo-provider';
import type { RelyingPartySettings } from './relying-party';

/** The scopes each relying party asks for: NHS login's profile for citizens, CIS2's role scopes for staff. */
export const DEFAULT_SCOPES = {
  patient: 'openid profile email',
  staff: 'openid profile email nationalrbacaccess selectedrole associatedorgs',
} as const;

const ENV_PREFIX = { patient: 'FOOTPRINT_PATIENT_OIDC', staff: 'FOOTPRINT_STAFF_OIDC' } as const;

/**
 * Where each kind of person signs in. With `FOOTPRINT_PATIENT_OIDC_ISSUER` (citizens: NHS login)
 * or `FOOTPRINT_STAFF_OIDC_ISSUER` (staff: NHS CIS2) set, that issuer, with `…_CLIENT_ID`,
 * `…_CLIENT_SECRET` and optionally `…_SCOPE`; otherwise the demo's own provider when it runs;
 * otherwise none (that sign-in is switched off). The code path is the same for all of them.
 */
export function relyingPartySettings(
  purpose: 'patient' | 'staff',
  publicUrl: string,
  env: NodeJS.ProcessEnv,
  demo: DemoIdentityProvider | undefined,
): RelyingPartySettings | undefined {
  const prefix = ENV_PREFIX[purpose];
  const redirectUri = `${publicUrl}${DEMO_CLIENTS[purpose].redirectPath}`;
  const issuer = env[`${prefix}_ISSUER`];
  if (issuer) {
    const clientId = env[`${prefix}_CLIENT_ID`];
    const clientSecret = env[`${prefix}_CLIENT_SECRET`];
    if (!clientId || !clientSecret) throw new Error(`${prefix}_ISSUER is set, so ${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET must be set too`);
    return { issuer, clientId, clientSecret, redirectUri, scope: env[`${prefix}_SCOPE`] || DEFAULT_SCOPES[purpose] };
  }
  if (!demo) return undefined;
  return { issuer: demo.issuer, clientId: DEMO_CLIENTS[purpose].id, clientSecret: demo.secrets[purpose], redirectUri, scope: DEFAULT_SCOPES[purpose] };
}

/** Whether a sign-in is configured by the environment (so it works without the demo provider). */
export function configuredByEnvironment(purpose: 'patient' | 'staff', env: NodeJS.ProcessEnv): boolean {
  return Boolean(env[`${ENV_PREFIX[purpose]}_ISSUER`]);
}
