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
  /**
   * Who the token acts as when it is not an OAuth client: `user`, a member of staff (`sub` their
   * user id, `role` their staff role), or `patient`, a person (`sub` their Patient id, `nhs` their
   * NHS number). Minted only by holders of the signing key (`footprint token --user/--patient`).
   */
  kind?: 'user' | 'patient';
  /** The staff role of a `user` token. */
  role?: string;
  /** For a person's own access through a SMART app they connected (`sub` is then the app): their Patient id; the principal is the patient. */
  patient?: string;
  /** The NHS number of a `patient` token or of a SMART app's person. */
  nhs?: string;
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
  /** The person whose own record the token reaches (SMART patient access). */
  patient?: { id: string; nhsNumber: string };
  lifetimeSeconds?: number;
  now?: number;
  /** Act as a member of staff (with their role) or a patient (with their NHS number) instead of as the client `clientId`. */
  principal?: { kind: 'user'; role: string } | { kind: 'patient'; nhsNumber: string };
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
    ...(options.patient ? { patient: options.patient.id, nhs: options.patient.nhsNumber } : {}),
    ...(options.principal?.kind === 'user' ? { kind: 'user' as const, role: options.principal.role } : {}),
    ...(options.principal?.kind === 'patient' ? { kind: 'patient' as const, nhs: options.principal.nhsNumber } : {}),
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
