import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived access tokens: compact JWTs signed with HMAC-SHA256 (node:crypto, no library),
 * carrying who the client is, the organisation it acts for, the granted scopes and the purpose of use.
 */
export interface AccessTokenClaims {
  /** Issuer: the server's base URL or `footprint`. */
  iss: string;
  /** The OAuth client id. */
  sub: string;
  /** The client's display name (for the audit trail). */
  name?: string;
  /** The client's organisation reference, e.g. `Organization/abc`. */
  org?: string;
  /** The organisation's ODS code, when known. */
  ods?: string;
  /** Space-separated granted scopes. */
  scope: string;
  /** Purpose of use (HL7 v3 ActReason). */
  purpose: string;
  /** For a token acting as a member of staff: their staff role (the subject is then the user id). */
  role?: string;
  iat: number;
  exp: number;
  jti: string;
}

/** Default lifetime: five minutes, as SMART Backend Services recommends. */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 300;

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(text: string | Buffer): string {
  return Buffer.from(text).toString('base64url');
}

function sign(data: string, key: Buffer): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

export interface MintOptions {
  issuer: string;
  clientId: string;
  name?: string;
  organisation?: { reference: string; odsCode?: string };
  scopes: readonly string[];
  purpose: string;
  /** Mint a token acting as a member of staff with this role (`clientId` is then the user id). */
  role?: string;
  lifetimeSeconds?: number;
  now?: number;
}

/** Signs a new access token; returns it with its lifetime in seconds. */
export function mintAccessToken(key: Buffer, options: MintOptions): { token: string; expiresIn: number } {
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const expiresIn = options.lifetimeSeconds ?? ACCESS_TOKEN_LIFETIME_SECONDS;
  const claims: AccessTokenClaims = {
    iss: options.issuer,
    sub: options.clientId,
    ...(options.name ? { name: options.name } : {}),
    ...(options.organisation ? { org: options.organisation.reference } : {}),
    ...(options.organisation?.odsCode ? { ods: options.organisation.odsCode } : {}),
    scope: options.scopes.join(' '),
    purpose: options.purpose,
    ...(options.role ? { role: options.role } : {}),
    iat: now,
    exp: now + expiresIn,
    jti: randomUUID(),
  };
  const body = `${HEADER}.${base64url(JSON.stringify(claims))}`;
  return { token: `${body}.${sign(body, key).toString('base64url')}`, expiresIn };
}

/** Why a token was refused; the message is safe to show the caller (it never echoes the token). */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/** Verifies signature, algorithm and expiry; returns the claims or throws InvalidTokenError. */
export function verifyAccessToken(key: Buffer, token: string, now = Date.now()): AccessTokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw new InvalidTokenError('The access token is not a well-formed JWT');
  const [header, payload, signature] = parts;
  if (header !== HEADER) throw new InvalidTokenError('The access token uses an unsupported algorithm');
  const expected = sign(`${header}.${payload}`, key);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new InvalidTokenError('The access token signature is not valid');
  }
  let claims: AccessTokenClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as AccessTokenClaims;
  } catch {
    throw new InvalidTokenError('The access token payload is not valid JSON');
  }
  if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string' || typeof claims.scope !== 'string') {
    throw new InvalidTokenError('The access token is missing required claims');
  }
  if (claims.exp * 1000 <= now) throw new InvalidTokenError('The access token has expired');
  return claims;
}
