import type { Consent } from '@footprint/fhir';
import { CONSENT_CATEGORY, CONSENT_SCOPE_SYSTEM, SHARING_CHOICE_SYSTEM, VOLUNTARY_SHARING_SYSTEM, type SharingChoice } from '../trust-codes';

/** What every privacy Consent of a person has: its scope, category, person and status. */
const privacyConsent = (patientId: string, status: Consent['status']): Consent => ({
  resourceType: 'Consent',
  status,
  scope: { coding: [{ system: CONSENT_SCOPE_SYSTEM, code: 'patient-privacy' }] },
  category: [{ coding: [CONSENT_CATEGORY] }],
  patient: { reference: `Patient/${patientId}` },
});

/** A person's sharing choice (docs/trust.md §2) as the Consent the record reads it from. */
export function sharingChoiceConsent(patientId: string, choice: SharingChoice, dateTime = new Date().toISOString(), status: Consent['status'] = 'active'): Consent {
  return { ...privacyConsent(patientId, status), dateTime, policyRule: { coding: [{ system: SHARING_CHOICE_SYSTEM, code: choice }] } };
}

/** A person's agreement to share with the voluntary organisations named (docs/trust.md §2), as a Consent. */
export function voluntarySharingConsent(patientId: string, organisations: string[], status: Consent['status'] = 'active'): Consent {
  return {
    ...privacyConsent(patientId, status),
    policyRule: { coding: [{ system: VOLUNTARY_SHARING_SYSTEM, code: 'share' }] },
    provision: { type: 'permit', actor: organisations.map((reference) => ({ role: { text: 'voluntary organisation' }, reference: { reference } })) },
  };
}
