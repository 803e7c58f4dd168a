import type { FastifyRequest } from 'fastify';
import { OperationOutcomeError, outcome } from '@footprint/fhir';
import { isStaffRole, splitScopes, type AccessContext, type PurposeOfUse } from '@footprint/record';
import { InvalidTokenError, verifyAccessToken } from './tokens';

/** A 401 whose OperationOutcome says what was wrong with the credentials (never echoing them). */
export class UnauthorisedError extends OperationOutcomeError {
  constructor(message: string) {
    super(401, outcome('login', message));
  }
}

/**
 * Builds the AccessContext for one request from its `Authorization: Bearer` token: the client
 * as principal, its organisation, the granted scopes and purpose of use, and request metadata
 * for the audit trail. Throws UnauthorisedError when the token is missing or invalid.
 */
export function accessContextFromRequest(request: FastifyRequest, signingKey: Buffer): AccessContext {
  const header = request.headers.authorization;
  if (!header) throw new UnauthorisedError('An Authorization: Bearer access token is required; get one from POST /oauth/token');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new UnauthorisedError('The Authorization header must be "Bearer <access token>"');
  let claims;
  try {
    claims = verifyAccessToken(signingKey, match[1]);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw new UnauthorisedError(error.message);
    throw error;
  }
  return {
    // A token acting as a member of staff carries their role; the record applies their staff policy.
    principal: isStaffRole(claims.role)
      ? { kind: 'user', id: claims.sub, role: claims.role, ...(claims.name ? { display: claims.name } : {}) }
      : { kind: 'client', id: claims.sub, ...(claims.name ? { display: claims.name } : {}) },
    ...(claims.org ? { organisation: { reference: claims.org, ...(claims.ods ? { odsCode: claims.ods } : {}) } } : {}),
    scopes: splitScopes(claims.scope),
    purpose: claims.purpose as PurposeOfUse,
    request: {
      id: request.id,
      sourceIp: request.ip,
      ...(request.headers['user-agent'] ? { userAgent: request.headers['user-agent'] } : {}),
    },
  };
}
