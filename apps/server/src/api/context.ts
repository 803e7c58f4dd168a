import { requestMetadata } from '../http/request-metadata';
import type { FastifyRequest } from 'fastify';
import { staffContext as recordStaffContext, type AccessContext, type PurposeOfUse } from '@footprint/record';
import type { StaffUser } from './auth/users';

/**
 * The record's AccessContext for a signed-in member of staff, acting for `purpose`. What their
 * role may do in the record is the record's staff policy (packages/record/src/access/staff-policy.ts);
 * this only adds the request metadata for the audit trail, so every view names the person who looked.
 */
export function staffContext(user: StaffUser, purpose: PurposeOfUse, request: FastifyRequest): AccessContext {
  return recordStaffContext(user, purpose, requestMetadata(request));
}
