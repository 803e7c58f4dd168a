import type { Consent } from '@footprint/fhir';
import { CONSENT_CATEGORY, CONSENT_SCOPE_SYSTEM, DATA_OPT_OUT_SYSTEM, SHARING_CHOICE_SYSTEM, VOLUNTARY_SHARING_SYSTEM, type DataOptOut, type SharingChoice } from '../../src/access/trust-codes';

/** A sharing-choice Consent in the shape trust-codes.ts documents. */
export function sharingChoice(patientId: string, choice: SharingChoice, dateTime = new Date().toISOString(), status: Consent['status'] = 'active'): Consent {
  return {
    resourceType: 'Consent',
    status,
    scope: { coding: [{ system: CONSENT_SCOPE_SYSTEM, code: 'patient-privacy' }] },
    category: [{ coding: [CONSENT_CATEGORY] }],
    patient: { reference: `Patient/${patientId}` },
    dateTime,
    policyRule: { coding: [{ system: SHARING_CHOICE_SYSTEM, code: choice }] },
  };
}

/** A voluntary-sharing Consent naming the voluntary organisations. */
export function voluntarySharing(patientId: string, organisations: string[], status: Consent['status'] = 'active'): Consent {
  return {
    resourceType: 'Consent',
    status,
    scope: { coding: [{ system: CONSENT_SCOPE_SYSTEM, code: 'patient-privacy' }] },
    category: [{ coding: [CONSENT_CATEGORY] }],
    patient: { reference: `Patient/${patientId}` },
    policyRule: { coding: [{ system: VOLUNTARY_SHARING_SYSTEM, code: 'share' }] },
    provision: { type: 'permit', actor: organisations.map((reference) => ({ role: { text: 'voluntary organisation' }, reference: { reference } })) },
  };
}

/** A national data opt-out or (with its practice) a Type 1 opt-out. */
export function optOut(patientId: string, kind: DataOptOut, practice?: string, status: Consent['status'] = 'active'): Consent {
  return {
    resourceType: 'Consent',
    status,
    scope: { coding: [{ system: CONSENT_SCOPE_SYSTEM, code: 'research' }] },
    category: [{ coding: [CONSENT_CATEGORY] }],
    patient: { reference: `Patient/${patientId}` },
    ...(practice ? { organization: [{ reference: practice }] } : {}),
    policyRule: { coding: [{ system: DATA_OPT_OUT_SYSTEM, code: kind }] },
    provision: { type: 'deny' },
  };
}
