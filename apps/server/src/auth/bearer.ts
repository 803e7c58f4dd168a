import { requestMetadata } from '../http/request-metadata';
import type { FastifyRequest } from 'fastify';
import { OperationOutcomeError, outcome } from '@footprint/fhir';
import { splitScopes, type AccessContext, type Principal, type PurposeOfUse } from '@footprint/record';
import type { TokenService } from './token-service';
import { InvalidTokenError, type AccessTokenClaims } from './tokens';

/** A 401 whose OperationOutcome says what was wrong with the credentials (never echoing them). */
export class UnauthorisedError extends OperationOutcomeError {
  constructor(message: string) {
    super(401, outcome('login', message));
  }
}

/**
 * Builds the AccessContext for one request from its `Authorization: Bearer` token: the client
 * as principal, its organisation, the granted scopes and purpose of use, and request metadata
 * for the audit trail. Throws UnauthorisedError when the token is missing or invalid, revoked,
 * names a principal that is gone or disabled, or carries scopes of another principal's context.
 */
export async function accessContextFromRequest(request: FastifyRequest, tokens: TokenService): Promise<AccessContext> {
  const header = request.headers.authorization;
  if (!header) throw new UnauthorisedError('An Authorization: Bearer access token is required; get one from POST /oauth/token');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new UnauthorisedError('The Authorization header must be "Bearer <access token>"');
  let claims;
  try {
    claims = await tokens.authenticate(match[1]);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw new UnauthorisedError(error.message);
    throw error;
  }
  return {
    principal: principalOf(claims),
    ...(claims.org ? { organisation: { reference: claims.org, ...(claims.ods ? { odsCode: claims.ods } : {}) } } : {}),
    scopes: splitScopes(claims.scope),
    purpose: claims.purpose as PurposeOfUse,
    request: requestMetadata(request),
  };
}

/**
 * The principal a token acts as: an OAuth client, or (tokens from `footprint token --user` and
 * `--patient`) a member of staff with their role, whom the record's staff policy then governs
 * exactly as in the web app, or a patient bounded by their own compartment.
 */
function principalOf(claims: AccessTokenClaims): Principal {
  const display = claims.name ? { display: claims.name } : {};
  if (claims.kind === 'user') {
    if (typeof claims.role !== 'string') throw new UnauthorisedError('The access token names a user without a role');
    return { kind: 'user', id: claims.sub, role: claims.role, ...display };
  }
  if (claims.kind === 'patient') {
    if (typeof claims.nhs !== 'string') throw new UnauthorisedError('The access token names a patient without an NHS number');
    return { kind: 'patient', id: claims.sub, nhsNumber: claims.nhs };
  }
  if (claims.kind !== undefined) throw new UnauthorisedError('The access token acts as an unknown kind of principal');
  // A token a person gave an app (SMART patient access) acts as that person, so the record bounds it to their compartment.
  if (typeof claims.patient === 'string' && typeof claims.nhs === 'string') return { kind: 'patient', id: claims.patient, nhsNumber: claims.nhs };
  return { kind: 'client', id: claims.sub, ...display };
}
