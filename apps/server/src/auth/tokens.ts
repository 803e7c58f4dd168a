import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { MAX_ACCESS_TOKEN_LIFETIME_SECONDS, TOKEN_ALGORITHM, type SigningKeys } from './keys';
import { isKnownPurpose } from './purposes';

/**
 * Short-lived access tokens: JWTs (RFC 9068 `at+jwt`) signed with ES256 by `jose`, naming their
 * issuer, audience and signing key (`kid`), and carrying who the client is, the organisation it
 * acts for, the granted scopes and the purpose of use. Verification is strict: one algorithm, the
 * configured issuer and audience, every required claim, a bounded lifetime and a known purpose.
 */
export interface AccessTokenClaims {
  /** Issuer: the configured public URL, or `footprint` when none is configured. */
  iss: string;
  /** Audience: the FHIR API (see tokenIdentity). */
  aud: string;
  /** The OAuth client id, staff user id or Patient id. */
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

/** The JOSE `typ` of an access token (RFC 9068), so an ID token or other JWT signed by the same key is never taken for one. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

/** How far clocks may disagree, in seconds, when checking `iat` and `exp`. */
const CLOCK_TOLERANCE_SECONDS = 30;

/** Who issues tokens and for which API: both must match exactly when a token is verified. */
export interface TokenIdentity {
  issuer: string;
  audience: string;
}

export interface MintOptions {
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

export interface MintedToken {
  token: string;
  expiresIn: number;
  jti: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

/** Why a token was refused; the message is safe to show the caller (it never echoes the token). */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/** Signs a new access token with the current signing key; returns it with its lifetime in seconds and its id. */
export async function mintAccessToken(keys: SigningKeys, identity: TokenIdentity, options: MintOptions): Promise<MintedToken> {
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const expiresIn = options.lifetimeSeconds ?? ACCESS_TOKEN_LIFETIME_SECONDS;
  if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_ACCESS_TOKEN_LIFETIME_SECONDS) {
    throw new Error(`An access token lives between 1 and ${MAX_ACCESS_TOKEN_LIFETIME_SECONDS} seconds, not ${expiresIn}`);
  }
  if (!isKnownPurpose(options.purpose)) throw new Error(`Unknown purpose of use: ${options.purpose}`);
  const key = await keys.current();
  const jti = randomUUID();
  const claims: JWTPayload = {
    ...(options.name ? { name: options.name } : {}),
    ...(options.organisation ? { org: options.organisation.reference } : {}),
    ...(options.organisation?.odsCode ? { ods: options.organisation.odsCode } : {}),
    scope: options.scopes.join(' '),
    purpose: options.purpose,
    ...(options.patient ? { patient: options.patient.id, nhs: options.patient.nhsNumber } : {}),
    ...(options.principal?.kind === 'user' ? { kind: 'user', role: options.principal.role } : {}),
    ...(options.principal?.kind === 'patient' ? { kind: 'patient', nhs: options.principal.nhsNumber } : {}),
  };
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: ACCESS_TOKEN_TYPE, kid: key.kid })
    .setIssuer(identity.issuer)
    .setAudience(identity.audience)
    .setSubject(options.clientId)
    .setIssuedAt(now)
    .setExpirationTime(now + expiresIn)
    .setJti(jti)
    .sign(key.privateKey);
  return { token, expiresIn, jti, exp: now + expiresIn };
}

/** Base64url with no padding and no stray characters: the only form a JWS segment may take (RFC 7515 §2). */
const SEGMENT = /^[A-Za-z0-9_-]+$/;

/**
 * Each segment must be canonical base64url: decoding and encoding again gives it back exactly, so
 * characters appended to a signature, or unused low bits set in its last character, are refused
 * rather than silently ignored by a lenient decoder.
 */
function checkCompactForm(token: string): void {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => !SEGMENT.test(part))) throw new InvalidTokenError('The access token is not a well-formed JWT');
  if (parts.some((part) => Buffer.from(part, 'base64url').toString('base64url') !== part)) {
    throw new InvalidTokenError('The access token is not canonical base64url');
  }
}

const OPTIONAL_STRINGS = ['name', 'org', 'ods', 'role', 'patient', 'nhs'] as const;

/** The claims Footprint adds beyond the registered ones, checked for type and meaning. */
function checkClaims(payload: JWTPayload, now: number): AccessTokenClaims {
  const claims = payload as Partial<AccessTokenClaims> & JWTPayload;
  if (typeof claims.aud !== 'string') throw new InvalidTokenError('The access token must name exactly one audience');
  if (typeof claims.scope !== 'string') throw new InvalidTokenError('The access token is missing its scope');
  if (!isKnownPurpose(claims.purpose)) throw new InvalidTokenError('The access token carries an unknown purpose of use');
  if (typeof claims.jti !== 'string' || claims.jti.length === 0 || claims.jti.length > 200) throw new InvalidTokenError('The access token has no valid id (jti)');
  if (typeof claims.sub !== 'string' || claims.sub.length === 0) throw new InvalidTokenError('The access token has no subject');
  for (const name of OPTIONAL_STRINGS) {
    if (claims[name] !== undefined && typeof claims[name] !== 'string') throw new InvalidTokenError(`The access token's ${name} claim is not a string`);
  }
  if (claims.kind !== undefined && claims.kind !== 'user' && claims.kind !== 'patient') throw new InvalidTokenError('The access token acts as an unknown kind of principal');
  const iat = claims.iat!;
  const exp = claims.exp!;
  if (iat > now + CLOCK_TOLERANCE_SECONDS) throw new InvalidTokenError('The access token was issued in the future');
  if (exp - iat > MAX_ACCESS_TOKEN_LIFETIME_SECONDS || exp > now + MAX_ACCESS_TOKEN_LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS) {
    throw new InvalidTokenError(`The access token lives longer than the ${MAX_ACCESS_TOKEN_LIFETIME_SECONDS} seconds allowed`);
  }
  return claims as AccessTokenClaims;
}

export interface VerifyOptions {
  now?: number;
  /** Accept an expired token (revocation: RFC 7009 lets a client revoke what it holds, and an expired token needs nothing done). */
  allowExpired?: boolean;
}

/**
 * Verifies a token's form, algorithm (ES256 only), signing key (by `kid`, current or retired but
 * still verifying), signature, type, issuer, audience, expiry and claims; returns the claims or
 * throws InvalidTokenError. Whether its subject exists and is enabled, and whether it was revoked,
 * needs the database: see TokenService.
 */
export async function verifyAccessToken(keys: SigningKeys, identity: TokenIdentity, token: string, options: VerifyOptions = {}): Promise<AccessTokenClaims> {
  checkCompactForm(token);
  const now = options.now ?? Date.now();
  try {
    const { payload } = await jwtVerify(
      token,
      async (header) => {
        if (header.alg !== TOKEN_ALGORITHM) throw new InvalidTokenError('The access token uses an unsupported algorithm');
        if (typeof header.kid !== 'string') throw new InvalidTokenError('The access token names no signing key (kid)');
        const key = await keys.verificationKey(header.kid, new Date(now));
        if (!key) throw new InvalidTokenError('The access token was signed with a key this server does not hold');
        return key.publicKey;
      },
      {
        algorithms: [TOKEN_ALGORITHM],
        typ: ACCESS_TOKEN_TYPE,
        issuer: identity.issuer,
        audience: identity.audience,
        requiredClaims: ['iss', 'aud', 'sub', 'iat', 'exp', 'jti'],
        currentDate: new Date(options.allowExpired ? 0 : now),
        clockTolerance: options.allowExpired ? Number.MAX_SAFE_INTEGER : CLOCK_TOLERANCE_SECONDS,
      },
    );
    return checkClaims(payload, Math.floor(now / 1000));
  } catch (error) {
    if (error instanceof InvalidTokenError) throw error;
    throw new InvalidTokenError(describe(error));
  }
}

/** A safe sentence for each way jose refuses a token. */
function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The access token has expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The access token signature is not valid';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return `The access token has no ${error.claim} claim`;
    if (error.claim === 'iss') return 'The access token was not issued by this server';
    if (error.claim === 'aud') return 'The access token is not for this API';
    if (error.claim === 'typ') return 'The access token is not an access token (typ at+jwt)';
    return `The access token's ${error.claim} claim is missing or not valid`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The access token uses an unsupported algorithm';
  if (error instanceof errors.JOSEError) return 'The access token is not a well-formed JWT';
  throw error;
}
