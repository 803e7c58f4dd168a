import type { FastifyInstance } from 'fastify';
import type { Consent } from '@medplum/fhirtypes';
import {
  CONSENT_CATEGORY,
  CONSENT_SCOPE_SYSTEM,
  DATA_OPT_OUT_SYSTEM,
  SHARING_CHOICE_LABELS,
  SHARING_CHOICE_SYSTEM,
  SHARING_CHOICES,
  type AccessContext,
  type Repository,
  type SharingChoice,
} from '@footprint/record';
import { ApiProblem } from '../api/problem';
import type { Platform } from '../platform';
import { patientContext } from './context';
import { patientSessionOf, requirePatientSession } from './guard';
import type { MyChoices } from './responses';
import type { PatientSessionPolicy } from './sessions';

const NATIONAL_DATA_OPT_OUT = 'national-data-opt-out';

const hasScope = (consent: Consent, code: string) => consent.scope?.coding?.some((c) => c.system === CONSENT_SCOPE_SYSTEM && c.code === code) ?? false;
const ruleCode = (consent: Consent, system: string) => consent.policyRule?.coding?.find((c) => c.system === system)?.code;
const isSharingChoice = (c: Consent) => hasScope(c, 'patient-privacy') && ruleCode(c, SHARING_CHOICE_SYSTEM) !== undefined;
const isNationalOptOut = (c: Consent) => hasScope(c, 'research') && ruleCode(c, DATA_OPT_OUT_SYSTEM) === NATIONAL_DATA_OPT_OUT;

/** Newest first, by the Consent's dateTime and then its last update, as the trust codes say the one in force is chosen. */
function newestFirst(a: Consent, b: Consent): number {
  return (b.dateTime ?? '').localeCompare(a.dateTime ?? '') || (b.meta?.lastUpdated ?? '').localeCompare(a.meta?.lastUpdated ?? '');
}

async function myConsents(record: Repository, ctx: AccessContext, patientId: string): Promise<Consent[]> {
  const found = await record.search(ctx, 'Consent', [['patient', `Patient/${patientId}`], ['_count', '1000']]);
  return (found.matches as Consent[]).sort(newestFirst);
}

function baseConsent(patientId: string, scope: 'patient-privacy' | 'research'): Consent {
  return {
    resourceType: 'Consent',
    status: 'active',
    scope: { coding: [{ system: CONSENT_SCOPE_SYSTEM, code: scope }] },
    category: [{ coding: [{ ...CONSENT_CATEGORY }] }],
    patient: { reference: `Patient/${patientId}` },
    performer: [{ reference: `Patient/${patientId}` }],
    dateTime: new Date().toISOString(),
  };
}

function describeChoices(consents: Consent[]): MyChoices {
  const sharing = consents.find((c) => c.status === 'active' && isSharingChoice(c));
  const choice = (sharing ? ruleCode(sharing, SHARING_CHOICE_SYSTEM) : undefined) as SharingChoice | undefined;
  const current: SharingChoice = choice && (SHARING_CHOICES as readonly string[]).includes(choice) ? choice : 'all-partners';
  const optOut = consents.find((c) => c.status === 'active' && isNationalOptOut(c));
  return {
    sharing: {
      choice: current,
      label: SHARING_CHOICE_LABELS[current],
      since: sharing?.dateTime ?? null,
      options: SHARING_CHOICES.map((code) => ({ code, label: SHARING_CHOICE_LABELS[code] })),
    },
    nationalDataOptOut: { optedOut: Boolean(optOut), since: optOut?.dateTime ?? null },
  };
}

/**
 * The person's choices, recorded as FHIR Consents in the shapes of trust-codes.ts: their sharing
 * choice (a new active `patient-privacy` Consent, the earlier ones made inactive) and the
 * national data opt-out (an active `research` deny Consent; withdrawing makes it inactive).
 * The record's policy decides what each Consent means; this only writes them, as the person.
 */
export async function choicesRoutes(app: FastifyInstance, platform: Platform, policy: PatientSessionPolicy): Promise<void> {
  const guard = requirePatientSession(platform.sql, policy);
  const { record } = platform;

  app.get('/choices', { preHandler: guard }, async (request): Promise<MyChoices> => {
    const session = patientSessionOf(request);
    return describeChoices(await myConsents(record, patientContext(session, request), session.patientId));
  });

  app.put<{ Body: { choice?: unknown } }>('/choices/sharing', { preHandler: guard }, async (request): Promise<MyChoices> => {
    const choice = request.body?.choice;
    if (typeof choice !== 'string' || !(SHARING_CHOICES as readonly string[]).includes(choice)) {
      throw new ApiProblem(400, 'Choose how your record is shared', `choice must be one of ${SHARING_CHOICES.join(', ')}.`);
    }
    const session = patientSessionOf(request);
    const ctx = patientContext(session, request);
    await record.transaction(ctx, async (tx) => {
      const consents = await myConsents(tx, ctx, session.patientId);
      for (const earlier of consents.filter((c) => c.status === 'active' && isSharingChoice(c))) {
        await tx.update(ctx, { ...earlier, status: 'inactive' });
      }
      await tx.create<Consent>(ctx, {
        ...baseConsent(session.patientId, 'patient-privacy'),
        policyRule: { coding: [{ system: SHARING_CHOICE_SYSTEM, code: choice, display: SHARING_CHOICE_LABELS[choice as SharingChoice] }] },
      });
    });
    return describeChoices(await myConsents(record, ctx, session.patientId));
  });

  app.put<{ Body: { optedOut?: unknown } }>('/choices/national-data-opt-out', { preHandler: guard }, async (request): Promise<MyChoices> => {
    const optedOut = request.body?.optedOut;
    if (typeof optedOut !== 'boolean') throw new ApiProblem(400, 'Say whether you opt out', 'optedOut must be true or false.');
    const session = patientSessionOf(request);
    const ctx = patientContext(session, request);
    await record.transaction(ctx, async (tx) => {
      const active = (await myConsents(tx, ctx, session.patientId)).filter((c) => c.status === 'active' && isNationalOptOut(c));
      if (optedOut && active.length === 0) {
        await tx.create<Consent>(ctx, {
          ...baseConsent(session.patientId, 'research'),
          policyRule: { coding: [{ system: DATA_OPT_OUT_SYSTEM, code: NATIONAL_DATA_OPT_OUT, display: 'National data opt-out' }] },
          provision: { type: 'deny' },
        });
      }
      if (!optedOut) for (const consent of active) await tx.update(ctx, { ...consent, status: 'inactive' });
    });
    return describeChoices(await myConsents(record, ctx, session.patientId));
  });
}
