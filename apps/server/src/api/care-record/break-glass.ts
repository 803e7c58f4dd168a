import type { FastifyInstance } from 'fastify';
import { isValidNhsNumber, NHS_NUMBER_SYSTEM, OperationOutcomeError } from '@footprint/fhir';
import { BREAK_GLASS_REASON_LABELS, BREAK_GLASS_REASON_SYSTEM, BREAK_GLASS_REASONS, BREAK_GLASS_ROLES, EXPLANATION_MAX, systemContext, type AccessContext, type BreakGlassReason, type Repository } from '@footprint/record';
import { breakGlassHours } from '../../break-glass/hours';
import type { Platform } from '../../platform';
import { requireSession, sessionOf } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { staffContext } from '../context';
import { ApiProblem } from '../problem';

/** The emergency access shown on the care record: until when, and whether it overrode the person's choice. */
export interface EmergencyAccessView {
  expires: string;
  overridesDissent: boolean;
}

/** The break-glass reasons for the form: the published code system's codes and labels. */
export interface BreakGlassReasons {
  system: string;
  reasons: Array<{ code: string; label: string }>;
}

/** The answer to a break-glass from the care record: which record to open, and until when. */
export interface BreakGlassAnswer extends EmergencyAccessView {
  patientId: string;
}

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** True when this member of staff may break glass (the record decides again when they do). */
export function canBreakGlass(ctx: AccessContext): boolean {
  return ctx.principal.kind === 'user' && (BREAK_GLASS_ROLES as readonly string[]).includes(ctx.principal.role);
}

/**
 * The care record's refusal for a person the user may not see: the same words whether or not the
 * person exists, so it reveals nothing, and for clinicians the way in (break-glass).
 */
export function noRelationship(ctx: AccessContext): ApiProblem {
  return canBreakGlass(ctx)
    ? new ApiProblem(
        403,
        'No care relationship',
        'Your organisation has no care relationship with this person, or their sharing choice does not include it. If you need their record to care for them now, you can break glass: access lasts a few hours, every look is recorded, and your privacy officer reviews it.',
      )
    : new ApiProblem(403, 'No care relationship', 'Your organisation has no care relationship with this person.');
}

function readRequest(body: unknown): { reason: BreakGlassReason; explanation: string } {
  if (!body || typeof body !== 'object') throw new ApiProblem(400, 'Send the break-glass as a JSON object', 'It needs reason and explanation.');
  const { reason, explanation } = body as Record<string, unknown>;
  if (typeof reason !== 'string' || !(BREAK_GLASS_REASONS as readonly string[]).includes(reason)) {
    throw new ApiProblem(400, 'Choose a reason', `reason must be one of ${BREAK_GLASS_REASONS.join(', ')}.`);
  }
  if (typeof explanation !== 'string' || explanation.trim() === '') throw new ApiProblem(400, 'Explain why you need this record', 'explanation must not be empty.');
  if (explanation.length > EXPLANATION_MAX) throw new ApiProblem(400, 'Explanation too long', `Keep it to ${EXPLANATION_MAX} characters.`);
  return { reason: reason as BreakGlassReason, explanation };
}

/** The one live person with this NHS number, found by the platform itself: break-glass is how a clinician reaches someone they cannot search for. */
async function personWithNhsNumber(record: Repository, nhsNumber: string): Promise<string> {
  const result = await record.search(systemContext('TREAT', 'footprint-break-glass'), 'Patient', [['identifier', `${NHS_NUMBER_SYSTEM}|${nhsNumber}`], ['_count', '2'], ['_elements', 'id']]);
  if (result.matches.length === 0) throw new ApiProblem(404, 'No one with this NHS number', 'No person with this NHS number is in the shared care record.');
  if (result.matches.length > 1) throw new ApiProblem(409, 'More than one person has this NHS number', 'Ask your administrator to resolve the duplicate before breaking glass.');
  return result.matches[0].id!;
}

/**
 * Break-glass from the web app, for clinicians refused a record: on a record they opened
 * (POST /api/care-record/patients/:id/break-glass) or by NHS number from the search
 * (POST /api/care-record/break-glass). The record checks the role, writes the grant and opens
 * the privacy officer's review; the answer says which record to open and until when.
 */
export async function careRecordBreakGlassRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy): Promise<void> {
  const guard = requireSession(platform.sql, policy, 'care-record');
  const { record } = platform;
  const hours = breakGlassHours();

  const grant = async (ctx: AccessContext, patientId: string, body: unknown): Promise<BreakGlassAnswer> => {
    if (!canBreakGlass(ctx)) throw new ApiProblem(403, 'Not allowed for your role', 'Only clinicians and social workers may break glass.');
    const { reason, explanation } = readRequest(body);
    try {
      const granted = await record.breakGlass(ctx, { patientId, reason, explanation, hours });
      return { patientId, expires: granted.expires, overridesDissent: granted.overridesDissent };
    } catch (error) {
      if (error instanceof OperationOutcomeError && error.status === 404) throw new ApiProblem(404, 'No such person', 'This person is not in the shared care record.');
      throw error;
    }
  };

  app.get('/care-record/break-glass-reasons', { preHandler: guard }, async (): Promise<BreakGlassReasons> => ({
    system: BREAK_GLASS_REASON_SYSTEM,
    reasons: BREAK_GLASS_REASONS.map((code) => ({ code, label: BREAK_GLASS_REASON_LABELS[code] })),
  }));

  app.post<{ Params: { id: string }; Body: unknown }>('/care-record/patients/:id/break-glass', { preHandler: guard }, async (request) => {
    if (!FHIR_ID.test(request.params.id)) throw new ApiProblem(400, 'Invalid record id');
    return grant(staffContext(sessionOf(request).user, 'TREAT', request), request.params.id, request.body);
  });

  app.post<{ Body: unknown }>('/care-record/break-glass', { preHandler: guard }, async (request) => {
    const ctx = staffContext(sessionOf(request).user, 'TREAT', request);
    if (!canBreakGlass(ctx)) throw new ApiProblem(403, 'Not allowed for your role', 'Only clinicians and social workers may break glass.');
    const nhsNumber = typeof (request.body as { nhsNumber?: unknown } | null)?.nhsNumber === 'string' ? (request.body as { nhsNumber: string }).nhsNumber.replace(/\s+/g, '') : '';
    if (!isValidNhsNumber(nhsNumber)) throw new ApiProblem(400, 'Invalid NHS number', 'An NHS number is 10 digits with a valid check digit.');
    readRequest(request.body);
    return grant(ctx, await personWithNhsNumber(record, nhsNumber), request.body);
  });
}
