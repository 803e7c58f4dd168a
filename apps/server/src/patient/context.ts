import { requestMetadata } from '../http/request-metadata';
import type { FastifyRequest } from 'fastify';
import type { AccessContext } from '@footprint/record';
import type { PatientSession } from './sessions';

/**
 * What a signed-in person may do in the record: read and search their own compartment, and
 * create and update Consents (their sharing choice and opt-outs). The record's AccessPolicy
 * bounds a patient principal to their own compartment, decides, and audits each access.
 */
export const PATIENT_SCOPES = ['patient/*.rs', 'patient/Consent.cu'] as const;

/** The AccessContext of a signed-in person, with the request metadata for the audit trail. */
export function patientContext(session: PatientSession, request: FastifyRequest): AccessContext {
  return {
    principal: { kind: 'patient', id: session.patientId, nhsNumber: session.nhsNumber },
    scopes: PATIENT_SCOPES,
    purpose: 'TREAT',
    request: requestMetadata(request),
  };
}
