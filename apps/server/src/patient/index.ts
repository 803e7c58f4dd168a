import type { FastifyError, FastifyPluginAsync } from 'fastify';
import { OperationOutcomeError } from '@footprint/fhir';
import { ApiProblem, sendProblem } from '../api/problem';
import type { RelyingParty } from '../identity/relying-party';
import type { Platform } from '../platform';
import { accessLogRoutes } from './access-log';
import { choicesRoutes } from './choices';
import { patientRecordRoutes } from './record';
import { recordPdfRoutes } from './record-pdf/route';
import { patientCorrectionRoutes } from './corrections';
import { DEFAULT_PATIENT_SESSION_POLICY, type PatientSessionPolicy } from './sessions';
import { patientSignInRoutes } from './sign-in';

export type { AccessLog, AccessLogEntry, MyChoices, MyRecord, PatientSessionInfo } from './responses';
export { DEFAULT_PATIENT_SESSION_POLICY, type PatientSession, type PatientSessionPolicy } from './sessions';
export { patientSessionOf, requirePatientSession } from './guard';
export { patientContext, PATIENT_SCOPES } from './context';
export { readWholeRecord } from './everything';

export interface PatientRoutesOptions {
  platform: Platform;
  relyingParty: () => Promise<RelyingParty | undefined>;
  publicUrl: () => string;
  sessionPolicy?: PatientSessionPolicy;
}

/**
 * The citizens' route area, /api/patient: sign-in through OpenID Connect, their session, their
 * own record and its download, their access log, and their sharing choice and opt-out. Each call acts as the person (a patient AccessContext), so the record's one
 * policy bounds it to their compartment and audits it.
 */
export const patientRoutes: FastifyPluginAsync<PatientRoutesOptions> = async (app, options) => {
  const policy = options.sessionPolicy ?? DEFAULT_PATIENT_SESSION_POLICY;
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
    return payload;
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiProblem) return sendProblem(reply, error.status, error.title, error.detail);
    const status = error instanceof OperationOutcomeError ? error.status : ((error as { status?: number }).status ?? error.statusCode);
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return sendProblem(reply, status, status === 403 ? 'Not allowed' : status === 404 ? 'Not found' : 'Request not accepted', error.message);
    }
    request.log.error({ err: error }, 'patient API request failed');
    return sendProblem(reply, 500, 'Something went wrong', 'The error has been logged. Try again later.');
  });
  await patientSignInRoutes(app, { platform: options.platform, policy, relyingParty: options.relyingParty, publicUrl: options.publicUrl });
  await patientRecordRoutes(app, options.platform, policy);
  await accessLogRoutes(app, options.platform, policy);
  await choicesRoutes(app, options.platform, policy);
  await recordPdfRoutes(app, options.platform, policy);
  await patientCorrectionRoutes(app, options.platform, policy);
};
