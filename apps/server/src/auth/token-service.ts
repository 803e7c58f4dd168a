import type { SqlClient } from '@footprint/record';
import { SigningKeys } from './keys';
import { checkPrincipal } from './principals';
import { isRevoked, revokeAccessToken, type RevokedBy } from './revocation';
import { checkScopeContext } from './scope-context';
import { ACCESS_TOKEN_LIFETIME_SECONDS, InvalidTokenError, mintAccessToken, verifyAccessToken, type AccessTokenClaims, type MintedToken, type MintOptions, type TokenIdentity } from './tokens';

export interface TokenServiceOptions {
  sql: SqlClient;
  keys: SigningKeys;
  identity: TokenIdentity;
  /** Lifetime of tokens the token endpoint issues, seconds (default 300). */
  lifetimeSeconds?: number;
}

/**
 * Everything the server does with access tokens, in one place: issuing them (signed with the
 * current key, for this issuer and audience), accepting them (signature and claims, then the
 * denylist, the principal as it is today and the scope context), and revoking them.
 */
export class TokenService {
  readonly sql: SqlClient;
  readonly keys: SigningKeys;
  readonly identity: TokenIdentity;
  readonly lifetimeSeconds: number;

  constructor(options: TokenServiceOptions) {
    this.sql = options.sql;
    this.keys = options.keys;
    this.identity = options.identity;
    this.lifetimeSeconds = options.lifetimeSeconds ?? ACCESS_TOKEN_LIFETIME_SECONDS;
  }

  /** Opens the data directory's signing keys (creating the first on first start). */
  static async open(sql: SqlClient, dataDir: string, identity: TokenIdentity, lifetimeSeconds?: number): Promise<TokenService> {
    return new TokenService({ sql, keys: await SigningKeys.open(dataDir), identity, ...(lifetimeSeconds !== undefined ? { lifetimeSeconds } : {}) });
  }

  /** Signs a token; its lifetime is the configured one unless the caller gives another. */
  issue(options: MintOptions): Promise<MintedToken> {
    return mintAccessToken(this.keys, this.identity, { lifetimeSeconds: this.lifetimeSeconds, ...options });
  }

  /**
   * The claims of a token the server accepts now, or InvalidTokenError saying why not: a valid
   * signature and claims, not revoked, naming an enabled principal that still holds what it
   * claims, with scopes of that principal's context only.
   */
  async authenticate(token: string): Promise<AccessTokenClaims> {
    const claims = await verifyAccessToken(this.keys, this.identity, token);
    checkScopeContext(claims);
    if (await isRevoked(this.sql, claims.jti)) throw new InvalidTokenError('The access token has been revoked');
    await checkPrincipal(this.sql, claims);
    return claims;
  }

  /**
   * Revokes a token this server issued (an expired one needs nothing done). Returns its claims
   * when it was a genuine token, undefined when it was not one of ours: RFC 7009 answers both alike.
   */
  async revoke(token: string, by: RevokedBy, onlyFor?: (claims: AccessTokenClaims) => boolean): Promise<{ claims: AccessTokenClaims; revoked: boolean } | undefined> {
    let claims: AccessTokenClaims;
    try {
      claims = await verifyAccessToken(this.keys, this.identity, token, { allowExpired: true });
    } catch (error) {
      if (error instanceof InvalidTokenError) return undefined;
      throw error;
    }
    if (onlyFor && !onlyFor(claims)) return { claims, revoked: false };
    if (claims.exp * 1000 > Date.now()) await revokeAccessToken(this.sql, { jti: claims.jti, subject: claims.sub, expiresAt: new Date(claims.exp * 1000), by });
    return { claims, revoked: true };
  }
}
