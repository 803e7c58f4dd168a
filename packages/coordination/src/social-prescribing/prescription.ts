import { OperationOutcomeError, type Bundle, type Consent, type Patient, type QuestionnaireResponse, type ServiceRequest, type Task } from '@footprint/fhir';
import { voluntarySharingConsent, type AccessContext } from '@footprint/record';
import { CoordinationConflictError, CoordinationInputError, CoordinationNotFoundError } from '../errors';
import { REFERRAL_CATEGORY_SYSTEM, referralBundle } from '../referrals/shape';
import type { CoordinationRecord, MadeReferral } from '../referrals/service';
import { directoryService } from './directory';
import { bandOf, configuredScale, scaleByQuestionnaire, type WellbeingScale } from './wellbeing-scales';

/** What a link worker sends to prescribe a service of the directory (POST /api/coordination/social-prescribing/referrals). */
export interface PrescriptionRequest {
  patientId: string;
  serviceId: string;
  reason: string;
  /** The person agreed to the referral and to share with the service's organisation: required, and recorded as a Consent. */
  consent: true;
  dueDate?: string;
}

const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export function parsePrescriptionRequest(body: unknown): PrescriptionRequest {
  const b = obj(body);
  const problems: string[] = [];
  const str = (k: string) => (typeof b[k] === 'string' ? (b[k] as string).trim() : '');
  if (!ID.test(str('patientId'))) problems.push('patientId is required: the person’s record id');
  if (!ID.test(str('serviceId'))) problems.push('serviceId is required: a service of the directory');
  if (!str('reason')) problems.push('reason is required: what matters to the person, and what they hope for');
  else if (str('reason').length > 2000) problems.push('reason must be at most 2000 characters');
  if (b.consent !== true) problems.push('consent: the person must agree to the referral and to share their details with the organisation; record their agreement, or do not refer');
  const due = str('dueDate');
  if (due && (!DATE.test(due) || Number.isNaN(Date.parse(due)))) problems.push('dueDate must be a date, YYYY-MM-DD');
  if (problems.length) throw new CoordinationInputError(problems);
  return { patientId: str('patientId'), serviceId: str('serviceId'), reason: str('reason'), consent: true, ...(due ? { dueDate: due } : {}) };
}

/**
 * A link worker's social prescription (docs/coordination.md §5): the person's agreement to share
 * with the service's organisation (a voluntary-sharing Consent, recorded by the link worker's
 * organisation), the referral to that organisation naming the service (ServiceRequest
 * `performer` the organisation and the HealthcareService, category `social-prescribing`) and its
 * tracking Task, in one transaction through the record's policy. The Consent is what lets the
 * voluntary organisation see the referral and who the person is; a referral alone would not.
 */
export async function prescribe(record: CoordinationRecord, ctx: AccessContext, request: PrescriptionRequest): Promise<MadeReferral & { consentId: string }> {
  const from = ctx.organisation?.reference;
  if (!from) throw new CoordinationInputError(['Referrals are made by an organisation: your account is not linked to one']);
  await record.repo.read<Patient>(ctx, 'Patient', request.patientId);
  const service = await directoryService(record, ctx, request.serviceId);
  if (!service.active) throw new CoordinationConflictError(`${service.name} is not taking referrals at the moment`, 'The service is closed');
  const to = service.organisation.reference;
  if (to === from) throw new CoordinationInputError(['The service is your own organisation’s: there is nobody to refer to']);
  const now = new Date().toISOString();
  const consent: Consent = { ...voluntarySharingConsent(request.patientId, [to]), dateTime: now, performer: [{ reference: `Patient/${request.patientId}` }], organization: [{ reference: from }] };
  const referral = referralBundle({ patientId: request.patientId, from, to, category: 'social-prescribing', reason: request.reason, service: `HealthcareService/${service.id}`, authoredOn: now, ...(request.dueDate ? { dueDate: request.dueDate } : {}) });
  const bundle: Bundle = { resourceType: 'Bundle', type: 'transaction', entry: [{ resource: consent, request: { method: 'POST', url: 'Consent' } }, ...(referral.entry ?? [])] };
  const answer = await record.repo.processBundle(ctx, bundle);
  const [consentAt, requestAt, taskAt] = (answer.entry ?? []).map((e) => (e.response?.location ?? '').split('/')[1]);
  return { consentId: consentAt, serviceRequestId: requestAt, taskId: taskAt };
}

export type Timepoint = 'before' | 'after';
export const TIMEPOINT_EXTENSION = 'https://fhir.footprint.example/StructureDefinition/wellbeing-timepoint';

export interface WellbeingAnswers {
  timepoint: Timepoint;
  answers: Record<string, number>;
}

export function parseWellbeing(body: unknown, scale: WellbeingScale = configuredScale()): WellbeingAnswers {
  const b = obj(body);
  const problems: string[] = [];
  if (b.timepoint !== 'before' && b.timepoint !== 'after') problems.push('timepoint must be before or after');
  const given = obj(b.answers);
  const answers: Record<string, number> = {};
  for (const item of scale.items) {
    const v = given[item.linkId];
    if (v === undefined || v === null || v === '') problems.push(`answers.${item.linkId} is required: ${item.text}`);
    else if (typeof v !== 'number' || !Number.isInteger(v) || v < item.min || v > item.max) problems.push(`answers.${item.linkId} must be a whole number from ${item.min} to ${item.max}`);
    else answers[item.linkId] = v;
  }
  for (const k of Object.keys(given)) if (!scale.items.some((i) => i.linkId === k)) problems.push(`answers.${k} is not a question of ${scale.name}`);
  if (problems.length) throw new CoordinationInputError(problems);
  return { timepoint: b.timepoint as Timepoint, answers };
}

/** A social prescribing referral's Task and ServiceRequest, read as the user (404 when not visible or not social prescribing). */
async function prescriptionOf(record: CoordinationRecord, ctx: AccessContext, taskId: string): Promise<{ task: Task; request: ServiceRequest }> {
  try {
    const task = await record.repo.read<Task>(ctx, 'Task', taskId);
    const requestId = /^ServiceRequest\/(.+)$/.exec(task.focus?.reference ?? '')?.[1];
    const request = requestId ? await record.repo.read<ServiceRequest>(ctx, 'ServiceRequest', requestId) : undefined;
    const social = request?.category?.some((c) => c.coding?.some((x) => x.system === REFERRAL_CATEGORY_SYSTEM && x.code === 'social-prescribing'));
    if (!request || !social) throw new CoordinationNotFoundError(`Task ${taskId} is not a social prescribing referral`);
    return { task, request };
  } catch (err) {
    if (err instanceof OperationOutcomeError && (err.status === 404 || err.status === 410 || err.status === 403)) throw new CoordinationNotFoundError(`No social prescribing referral ${taskId} is visible to your organisation`);
    throw err;
  }
}

/**
 * Records the person's answers to the wellbeing scale, before or after the prescription, as a
 * QuestionnaireResponse `basedOn` the referral, written by the referring organisation through
 * the policy. One of each: asking again replaces the earlier answers (a new version).
 */
export async function recordWellbeing(record: CoordinationRecord, ctx: AccessContext, taskId: string, given: WellbeingAnswers, scale: WellbeingScale = configuredScale()): Promise<WellbeingView> {
  const { task, request } = await prescriptionOf(record, ctx, taskId);
  if (task.requester?.reference !== ctx.organisation?.reference) throw new CoordinationConflictError('The organisation that made the referral records the person’s wellbeing before and after', 'Not your referral');
  if (given.timepoint === 'after' && !(await responsesOf(record, ctx, request)).some((r) => timepointOf(r) === 'before')) {
    throw new CoordinationConflictError('Record the person’s answers before the prescription first, so the change can be measured', 'No answers before yet');
  }
  const existing = (await responsesOf(record, ctx, request)).find((r) => timepointOf(r) === given.timepoint);
  const response: QuestionnaireResponse = {
    ...(existing ? { id: existing.id } : {}),
    resourceType: 'QuestionnaireResponse',
    status: 'completed',
    questionnaire: scale.questionnaire,
    subject: request.subject,
    basedOn: [{ reference: `ServiceRequest/${request.id}` }],
    authored: new Date().toISOString(),
    ...(ctx.organisation?.reference ? { author: { reference: ctx.organisation.reference } } : {}),
    extension: [{ url: TIMEPOINT_EXTENSION, valueCode: given.timepoint }],
    item: scale.items.map((i) => ({ linkId: i.linkId, text: i.text, answer: [{ valueInteger: given.answers[i.linkId] }] })),
  };
  if (existing) await record.repo.update(ctx, response);
  else await record.repo.create(ctx, response);
  return wellbeingOf(record, ctx, taskId);
}

const timepointOf = (r: QuestionnaireResponse): Timepoint | undefined => r.extension?.find((e) => e.url === TIMEPOINT_EXTENSION)?.valueCode as Timepoint | undefined;

async function responsesOf(record: CoordinationRecord, ctx: AccessContext, request: ServiceRequest): Promise<QuestionnaireResponse[]> {
  return (await record.repo.search(ctx, 'QuestionnaireResponse', [['based-on', `ServiceRequest/${request.id}`], ['_count', '10']])).matches as QuestionnaireResponse[];
}

export interface WellbeingView {
  scale: { code: string; name: string; source: string; licence: string; items: Array<{ linkId: string; text: string; min: number; max: number; minLabel: string; maxLabel: string; higherIsBetter: boolean }> };
  before?: { authored: string; answers: Record<string, { value: number; band: string }> };
  after?: { authored: string; answers: Record<string, { value: number; band: string }> };
  /** After minus before, per item, when both are in; `better` says whether the change is an improvement. */
  change?: Record<string, { by: number; better: boolean | null }>;
}

/** The wellbeing scale of a referral: its questions, the answers before and after, and the change. */
export async function wellbeingOf(record: CoordinationRecord, ctx: AccessContext, taskId: string, configured: WellbeingScale = configuredScale()): Promise<WellbeingView> {
  const { request } = await prescriptionOf(record, ctx, taskId);
  const responses = await responsesOf(record, ctx, request);
  const scale = scaleByQuestionnaire(responses[0]?.questionnaire) ?? configured;
  const at = (t: Timepoint) => {
    const r = responses.find((x) => timepointOf(x) === t && x.questionnaire === scale.questionnaire);
    if (!r) return undefined;
    const answers: Record<string, { value: number; band: string }> = {};
    for (const item of scale.items) {
      const value = r.item?.find((i) => i.linkId === item.linkId)?.answer?.[0]?.valueInteger;
      if (typeof value === 'number') answers[item.linkId] = { value, band: bandOf(item, value) };
    }
    return { authored: r.authored ?? '', answers };
  };
  const before = at('before');
  const after = at('after');
  const change = before && after ? Object.fromEntries(scale.items.filter((i) => before.answers[i.linkId] && after.answers[i.linkId]).map((i) => {
    const by = after.answers[i.linkId].value - before.answers[i.linkId].value;
    return [i.linkId, { by, better: by === 0 ? null : i.higherIsBetter ? by > 0 : by < 0 }];
  })) : undefined;
  const { code, name, source, licence, items } = scale;
  return {
    scale: { code, name, source, licence, items: items.map(({ bands: _bands, ...rest }) => rest) },
    ...(before ? { before } : {}),
    ...(after ? { after } : {}),
    ...(change ? { change } : {}),
  };
}
