import type { FastifyRequest } from 'fastify';
import type { AccessContext, PurposeOfUse } from '@footprint/record';
import type { StaffUser } from './auth/users';

/**
 * The record's AccessContext for a signed-in member of staff: the user as principal, acting for
 * their organisation, with user-level read and search scopes and the purpose of the view. The
 * record writes the AuditEvent from this, so every view names the person who looked.
 */
export function staffContext(user: StaffUser, purpose: PurposeOfUse, request: FastifyRequest): AccessContext {
  return {
    principal: { kind: 'user', id: user.id, display: user.displayName, role: user.role },
    ...(user.organisation?.reference
      ? { organisation: { reference: user.organisation.reference, odsCode: user.organisation.code } }
      : {}),
    scopes: ['user/*.rs'],
    purpose,
    request: { id: request.id, sourceIp: request.ip, userAgent: request.headers['user-agent'] },
  };
}
