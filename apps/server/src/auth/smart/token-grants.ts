import type { SqlClient } from '@footprint/record';
import type { TokenService } from '../token-service';
import { authenticateSmartApp, type SmartApp } from './apps';
import { issueRefreshToken, redeemCode, redeemRefreshToken, type PatientGrant } from './grants';
import { verifierMatches } from './pkce';
import { grantScopes, splitScopes } from '@footprint/record';

export interface SmartTokenOptions {
  sql: SqlClient;
  tokens: TokenService;
}

/** An RFC 6749 §5.2 error: status, code and a description safe to show the app. */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
  ) {
    super(description);
  }
}

export interface TokenRequest {
  field(name: string): string | undefined;
  /** client_secret_basic credentials, when the app sent them. */
  basic?: { id: string; secret: string };
}

/** The app making the token request: a confidential app by its secret, a public one by its id alone (PKCE proves the rest). */
export async function requestingApp(options: Pick<SmartTokenOptions, 'sql'>, request: TokenRequest): Promise<SmartApp> {
  const id = request.basic?.id ?? request.field('client_id');
  if (!id) throw new OAuthError(401, 'invalid_client', 'client_id is required');
  const secret = request.basic?.secret ?? request.field('client_secret');
  const app = await authenticateSmartApp(options.sql, id, secret);
  if (!app) throw new OAuthError(401, 'invalid_client', 'Unknown app, wrong secret, or a secret sent by a public app');
  return app;
}

async function tokenAnswer(options: SmartTokenOptions, app: SmartApp, grant: PatientGrant, refreshToken: string | undefined) {
  const { token, expiresIn } = await options.tokens.issue({
    clientId: app.id,
    name: app.name,
    scopes: grant.scopes,
    purpose: 'TREAT',
    patient: { id: grant.patientId, nhsNumber: grant.nhsNumber },
  });
  return {
    access_token: token,
    token_type: 'Bearer',
    expires_in: expiresIn,
    scope: grant.scopes.join(' '),
    patient: grant.patientId,
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
  };
}

const wantsRefresh = (scopes: readonly string[]) => scopes.includes('offline_access') || scopes.includes('online_access');

/**
 * `grant_type=authorization_code`: exchanges a one-time code, bound to the app, the redirect URI
 * and the PKCE challenge, for an access token acting as the person who approved it.
 */
export async function exchangeCode(options: SmartTokenOptions, request: TokenRequest) {
  const code = request.field('code');
  const redirectUri = request.field('redirect_uri');
  const verifier = request.field('code_verifier');
  if (!code) throw new OAuthError(400, 'invalid_request', 'code is required');
  if (!redirectUri) throw new OAuthError(400, 'invalid_request', 'redirect_uri is required (the one sent to the authorization endpoint)');
  if (!verifier) throw new OAuthError(400, 'invalid_request', 'code_verifier is required: Footprint requires PKCE (S256)');
  const app = await requestingApp(options, request);
  const redeemed = await redeemCode(options.sql, code);
  if (redeemed.kind === 'replayed') throw new OAuthError(400, 'invalid_grant', 'This authorization code has already been used; tokens issued from it are revoked');
  if (redeemed.kind !== 'ok') throw new OAuthError(400, 'invalid_grant', redeemed.kind === 'expired' ? 'The authorization code has expired' : 'Unknown authorization code');
  const { grant } = redeemed;
  if (grant.clientId !== app.id) throw new OAuthError(400, 'invalid_grant', 'The authorization code was issued to another app');
  if (grant.redirectUri !== redirectUri) throw new OAuthError(400, 'invalid_grant', 'redirect_uri does not match the authorization request');
  if (!verifierMatches(verifier, grant.codeChallenge)) throw new OAuthError(400, 'invalid_grant', 'code_verifier does not match the code_challenge');
  const refresh = wantsRefresh(grant.scopes) ? await issueRefreshToken(options.sql, grant, redeemed.codeHash) : undefined;
  return tokenAnswer(options, app, grant, refresh);
}

/** `grant_type=refresh_token`: a fresh access token (and a replacement refresh token), optionally for fewer scopes. */
export async function refreshAccess(options: SmartTokenOptions, request: TokenRequest) {
  const token = request.field('refresh_token');
  if (!token) throw new OAuthError(400, 'invalid_request', 'refresh_token is required');
  const app = await requestingApp(options, request);
  const previous = await redeemRefreshToken(options.sql, token, app.id);
  if (!previous) throw new OAuthError(400, 'invalid_grant', 'The refresh token is unknown, used, revoked or expired');
  const asked = request.field('scope');
  const scopes = asked === undefined ? previous.scopes : grantScopes(splitScopes(asked), previous.scopes);
  if (scopes.length === 0) throw new OAuthError(400, 'invalid_scope', 'A refresh may only ask for scopes already granted');
  const grant = { ...previous, scopes };
  const refresh = await issueRefreshToken(options.sql, grant, previous.codeHash);
  return tokenAnswer(options, app, grant, refresh);
}
