import type { FastifyPluginAsync } from 'fastify';
import { answerWithProblems } from '../api/problem';
import type { RelyingParty } from '../identity/relying-party';
import type { Platform } from '../platform';
import { accessLogRoutes } from './access-log';
import { patientCarePlanRoutes } from './care-plans';
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
  answerWithProblems(app, 'patient API', 'Try again later.');
  await patientSignInRoutes(app, { platform: options.platform, policy, relyingParty: options.relyingParty, publicUrl: options.publicUrl });
  await patientRecordRoutes(app, options.platform, policy);
  await accessLogRoutes(app, options.platform, policy);
  await choicesRoutes(app, options.platform, policy);
  await recordPdfRoutes(app, options.platform, policy);
  await patientCorrectionRoutes(app, options.platform, policy);
  await patientCarePlanRoutes(app, options.platform, policy);
};
