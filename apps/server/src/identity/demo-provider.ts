import { randomBytes } from 'node:crypto';
import type Provider from 'oidc-provider';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import type { SqlClient } from '@footprint/record';
import { IdentityAccounts, type IdentityAccount } from './accounts';
import { SqlOidcAdapter } from './oidc-adapter';
import { loadProviderKeys } from './provider-keys';

/** Where the demo provider is mounted on Footprint's own server; its issuer is `<public URL>/idp`. */
export const DEMO_IDP_PATH = '/idp';

/** The demo provider's two relying parties: citizens (as NHS login) and staff (as NHS CIS2). */
export const DEMO_CLIENTS = {
  patient: { id: 'footprint-patient', redirectPath: '/api/patient/callback', accounts: 'citizen' },
  staff: { id: 'footprint-staff', redirectPath: '/api/session/cis2/callback', accounts: 'staff' },
} as const;
export type DemoClient = keyof typeof DEMO_CLIENTS;

/**
 * The scopes and claims, named as NHS login (`profile`: NHS number, date of birth, proofing
 * level) and NHS CIS2 (`nationalrbacaccess`, `selectedrole`, `associatedorgs`) name them.
 */
const CLAIMS: NonNullable<Configuration['claims']> = {
  openid: ['sub'],
  profile: ['given_name', 'family_name', 'name', 'birthdate', 'nhs_number', 'identity_proofing_level', 'nhsid_useruid'],
  email: ['email'],
  nationalrbacaccess: ['nhsid_nrbac_roles'],
  selectedrole: ['selected_roleid'],
  associatedorgs: ['nhsid_user_orgs'],
};

export interface DemoIdentityProvider {
  provider: Provider;
  issuer: string;
  /** The client secret of each relying party (random per process; they live in the same process). */
  secrets: Record<DemoClient, string>;
  accounts: IdentityAccounts;
  /** Which kind of account may sign in to a client (staff cannot use the citizens' client, and the reverse). */
  accountKindFor(clientId: string): IdentityAccount['kind'] | undefined;
}

/** The claims an account releases: its stored claims, plus CIS2's `selected_roleid` when the person holds one role only. */
function releasedClaims(account: IdentityAccount): Record<string, unknown> {
  const claims: Record<string, unknown> = { ...account.claims };
  if ('nhsid_nrbac_roles' in account.claims && account.claims.nhsid_nrbac_roles.length === 1) {
    claims.selected_roleid = account.claims.nhsid_nrbac_roles[0].person_roleid;
  }
  return claims;
}

/**
 * A real OpenID Connect provider (the certified `oidc-provider`) holding the demo's synthetic
 * citizens and staff. Its state (sessions, codes, grants, tokens) and keys are stored in the
 * `identity` tables; its sign-in pages are interactions.ts. Deployments point the relying
 * parties at NHS login and NHS CIS2 instead and do not run it.
 */
export async function createDemoIdentityProvider(sql: SqlClient, publicUrl: string): Promise<DemoIdentityProvider> {
  const issuer = `${publicUrl}${DEMO_IDP_PATH}`;
  const keys = await loadProviderKeys(sql);
  const accounts = new IdentityAccounts(sql);
  const secrets: Record<DemoClient, string> = { patient: randomBytes(32).toString('base64url'), staff: randomBytes(32).toString('base64url') };
  const clients = (Object.keys(DEMO_CLIENTS) as DemoClient[]).map((name) => ({
    client_id: DEMO_CLIENTS[name].id,
    client_secret: secrets[name],
    client_name: name === 'patient' ? 'Footprint: your care record' : 'Footprint: staff',
    redirect_uris: [`${publicUrl}${DEMO_CLIENTS[name].redirectPath}`],
    post_logout_redirect_uris: [`${publicUrl}/`],
    grant_types: ['authorization_code'],
    response_types: ['code'] as ['code'],
    token_endpoint_auth_method: 'client_secret_basic' as const,
  }));

  // Loaded only when the demo provider runs: the package warns at import on Node 20, which would
  // otherwise reach the stderr of every CLI command.
  const { default: OidcProvider } = await import('oidc-provider');
  const provider = new OidcProvider(issuer, {
    adapter: (model: string) => new SqlOidcAdapter(sql, model),
    clients,
    jwks: { keys: [keys.signing] },
    cookies: { keys: keys.cookies },
    claims: CLAIMS,
    scopes: Object.keys(CLAIMS),
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `${DEMO_IDP_PATH}/interaction/${interaction.uid}` },
    ttl: { Session: 60 * 60, Interaction: 10 * 60, AuthorizationCode: 60, AccessToken: 5 * 60, IdToken: 5 * 60, Grant: 60 * 60 },
    async findAccount(_ctx, id) {
      const account = await accounts.find(id);
      if (!account) return undefined;
      return { accountId: account.id, claims: () => ({ sub: account.id, ...releasedClaims(account) }) };
    },
    // Footprint's own relying parties are first-party: the person is not asked to consent to sharing their identity with them.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session, params } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const existing = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (existing) {
        const grant = await ctx.oidc.provider.Grant.find(existing);
        if (grant) return grant;
      }
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(typeof params?.scope === 'string' ? params.scope : 'openid');
      await grant.save();
      return grant;
    },
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in problem</title></head><body style="font-family: Arial, sans-serif; max-width: 40em; margin: 3em auto"><h1>There is a problem with this sign-in</h1><p>${escapeHtml(String(out.error_description ?? out.error))}</p><p><a href="/">Go back to Footprint</a></p></body></html>`;
    },
  });

  const kinds = new Map<string, IdentityAccount['kind']>(Object.values(DEMO_CLIENTS).map((c) => [c.id, c.accounts]));
  return { provider, issuer, secrets, accounts, accountKindFor: (clientId) => kinds.get(clientId) };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
