import { badRequest, type Resource } from '@footprint/fhir';
import type { Consent } from '@medplum/fhirtypes';
import {
  CONSENT_SCOPE_SYSTEM,
  DATA_OPT_OUT_SYSTEM,
  DATA_OPT_OUTS,
  SHARING_CHOICE_SYSTEM,
  SHARING_CHOICES,
  VOLUNTARY_SHARING_SYSTEM,
  type DataOptOut,
  type SharingChoice,
} from '../trust-codes';

/** What one Consent written with the trust codes implies for the access policy while it is in force. */
export interface ConsentImplication {
  consentId: string;
  patientId: string;
  /** A sharing choice (active Consents only). */
  sharing?: { choice: SharingChoice; effective: string };
  /** Voluntary organisations (`Organization/{id}`) the person shares with (active Consents only). */
  voluntary: string[];
  /** Opt-outs in force (active Consents only); a Type 1 opt-out names its practice. */
  optOuts: Array<{ optOut: DataOptOut; practice: string | null }>;
}

const TRUST_SYSTEMS = [SHARING_CHOICE_SYSTEM, VOLUNTARY_SHARING_SYSTEM, DATA_OPT_OUT_SYSTEM];
const ORGANISATION_REFERENCE = /^Organization\/[A-Za-z0-9\-.]{1,64}$/;
const PATIENT_REFERENCE = /^Patient\/([A-Za-z0-9\-.]{1,64})$/;

function scopeOf(consent: Consent): string | undefined {
  return consent.scope?.coding?.find((c) => c.system === CONSENT_SCOPE_SYSTEM)?.code;
}

function requireScope(consent: Consent, scope: string, what: string): void {
  if (scopeOf(consent) !== scope) throw badRequest(`A ${what} Consent needs scope ${CONSENT_SCOPE_SYSTEM}#${scope}`, 'Consent.scope');
}

/**
 * Reads a Consent written with the trust codes (trust-codes.ts) and says what it implies; a
 * Consent without them is none of the policy's business (undefined). A malformed one is a 400
 * naming what is wrong, before anything is written: exactly one trust policyRule code, a
 * `Patient/{id}` patient, the scope and provision its kind needs, and known codes.
 */
export function consentImplication(resource: Resource, id: string): ConsentImplication | undefined {
  if (resource.resourceType !== 'Consent') return undefined;
  const consent = resource as Consent;
  const codings = (consent.policyRule?.coding ?? []).filter((c) => c.system !== undefined && TRUST_SYSTEMS.includes(c.system));
  if (codings.length === 0) return undefined;
  if (codings.length > 1) throw badRequest('A Consent may carry one sharing choice, voluntary-sharing or opt-out code in policyRule, not several', 'Consent.policyRule');
  const [coding] = codings;
  const patient = PATIENT_REFERENCE.exec(consent.patient?.reference ?? '');
  if (!patient) throw badRequest('A sharing choice, voluntary-sharing or opt-out Consent needs patient as a Patient/{id} reference', 'Consent.patient');
  const active = consent.status === 'active';
  const implication: ConsentImplication = { consentId: id, patientId: patient[1], voluntary: [], optOuts: [] };
  const code = coding.code ?? '';

  if (coding.system === SHARING_CHOICE_SYSTEM) {
    if (!(SHARING_CHOICES as readonly string[]).includes(code)) {
      throw badRequest(`"${code}" is not a sharing choice (${SHARING_CHOICES.join(', ')})`, 'Consent.policyRule.coding.code');
    }
    requireScope(consent, 'patient-privacy', 'sharing choice');
    const effective = consent.dateTime ?? resource.meta?.lastUpdated ?? new Date().toISOString();
    if (Number.isNaN(Date.parse(effective))) throw badRequest(`Consent.dateTime "${effective}" is not a date and time`, 'Consent.dateTime');
    if (active) implication.sharing = { choice: code as SharingChoice, effective };
  } else if (coding.system === VOLUNTARY_SHARING_SYSTEM) {
    if (code !== 'share') throw badRequest(`"${code}" is not a voluntary-sharing code (share)`, 'Consent.policyRule.coding.code');
    requireScope(consent, 'patient-privacy', 'voluntary-sharing');
    if (consent.provision?.type !== 'permit') throw badRequest('A voluntary-sharing Consent needs provision.type permit', 'Consent.provision.type');
    const actors = (consent.provision.actor ?? []).map((a) => a.reference?.reference ?? '');
    if (actors.length === 0) throw badRequest('A voluntary-sharing Consent names the voluntary organisations in provision.actor', 'Consent.provision.actor');
    const bad = actors.find((r) => !ORGANISATION_REFERENCE.test(r));
    if (bad !== undefined) throw badRequest(`provision.actor reference "${bad}" is not an Organization/{id} reference`, 'Consent.provision.actor.reference');
    if (active) implication.voluntary = [...new Set(actors)];
  } else {
    if (!(DATA_OPT_OUTS as readonly string[]).includes(code)) {
      throw badRequest(`"${code}" is not an opt-out (${DATA_OPT_OUTS.join(', ')})`, 'Consent.policyRule.coding.code');
    }
    requireScope(consent, 'research', 'opt-out');
    if (consent.provision?.type !== 'deny') throw badRequest('An opt-out Consent needs provision.type deny', 'Consent.provision.type');
    let practice: string | null = null;
    if (code === 'type-1-opt-out') {
      const organisations = (consent.organization ?? []).map((o) => o.reference ?? '');
      if (organisations.length !== 1 || !ORGANISATION_REFERENCE.test(organisations[0])) {
        throw badRequest('A Type 1 opt-out names its GP practice as the one Organization/{id} in organization', 'Consent.organization');
      }
      practice = organisations[0];
    }
    if (active) implication.optOuts = [{ optOut: code as DataOptOut, practice }];
  }
  return implication;
}
