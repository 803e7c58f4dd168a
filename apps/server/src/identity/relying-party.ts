import { createHash, randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import type { SqlClient } from '@footprint/record';

/** Where a relying party signs people in: an issuer, this server's client there, and the scopes it asks for. */
export interface RelyingPartySettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scope: string;
}

/** Who signed in: the issuer, their subject there, and the claims of the validated id_token merged with UserInfo. */
export interface SignedInIdentity {
  issuer: string;
  subject: string;
  claims: Record<string, unknown>;
}

/** A sign-in that could not be completed, with a reason safe to show (never a claim's value). */
export class SignInFailed extends Error {
  constructor(
    readonly reason: 'expired' | 'cancelled' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

/** Plain HTTP is accepted only for a provider on this machine (the demo); anything else must be HTTPS. */
function isLocal(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');
const TRANSACTION_SECONDS = 10 * 60;

/**
 * An OpenID Connect relying party (openid-client): the authorization code flow with PKCE (S256),
 * state and nonce, the id_token validated against the issuer's keys, then UserInfo fetched and
 * checked to be about the same subject. Each sign-in in flight is a row in
 * `identity_sign_in_transaction`, found by a random token the browser holds in a cookie and
 * used once. The same code serves the demo provider and NHS login or NHS CIS2.
 */
export class RelyingParty {
  private configuration?: Promise<oidc.Configuration>;

  constructor(
    private readonly sql: SqlClient,
    readonly purpose: 'patient' | 'staff',
    private readonly settings: () => Promise<RelyingPartySettings>,
  ) {}

  private config(): Promise<oidc.Configuration> {
    this.configuration ??= (async () => {
      const settings = await this.settings();
      const issuer = new URL(settings.issuer);
      const insecure = issuer.protocol === 'http:' && isLocal(issuer);
      return oidc.discovery(issuer, settings.clientId, undefined, oidc.ClientSecretBasic(settings.clientSecret), insecure ? { execute: [oidc.allowInsecureRequests] } : undefined);
    })().catch((error: unknown) => {
      this.configuration = undefined;
      throw error;
    });
    return this.configuration;
  }

  /** Starts a sign-in: the URL to send the browser to, and the token identifying this sign-in (for a cookie). */
  async start(): Promise<{ url: string; transaction: string }> {
    const [config, settings] = await Promise.all([this.config(), this.settings()]);
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const transaction = randomBytes(32).toString('base64url');
    await this.sql.query(`DELETE FROM identity_sign_in_transaction WHERE expires_at < now()`);
    await this.sql.query(
      `INSERT INTO identity_sign_in_transaction (id, purpose, state, nonce, code_verifier, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))`,
      [digest(transaction), this.purpose, state, nonce, verifier, TRANSACTION_SECONDS],
    );
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: settings.redirectUri,
      scope: settings.scope,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      // Each visit asks the person to sign in again, as a shared care record should.
      prompt: 'login',
    });
    return { url: url.href, transaction };
  }

  /** Completes a sign-in from the callback URL the browser arrived at; the transaction is used up whatever happens. */
  async finish(transaction: string | undefined, callbackUrl: URL): Promise<SignedInIdentity> {
    if (!transaction) throw new SignInFailed('expired', 'no sign-in in progress in this browser');
    const { rows } = await this.sql.query<{ state: string; nonce: string; code_verifier: string }>(
      `DELETE FROM identity_sign_in_transaction WHERE id = $1 AND purpose = $2 AND expires_at > now() RETURNING state, nonce, code_verifier`,
      [digest(transaction), this.purpose],
    );
    const pending = rows[0];
    if (!pending) throw new SignInFailed('expired', 'the sign-in in progress has expired or was already used');
    if (callbackUrl.searchParams.get('error') === 'access_denied') throw new SignInFailed('cancelled', 'the person cancelled at the identity provider');
    const config = await this.config();
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.code_verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('no id_token');
      const userInfo = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
      return { issuer: config.serverMetadata().issuer, subject: idToken.sub, claims: { ...userInfo, ...idToken } };
    } catch (error) {
      throw new SignInFailed('failed', `the identity provider's answer was not accepted (${(error as Error).message})`);
    }
  }
}
