import type { Consent } from '@footprint/fhir';
import { CONSENT_CATEGORY, CONSENT_SCOPE_SYSTEM, DATA_OPT_OUT_SYSTEM, type DataOptOut } from '../../src/access/trust-codes';

/** A sharing-choice Consent, and a voluntary-sharing one, as the record's own builders make them. */
export { sharingChoiceConsent as sharingChoice, voluntarySharingConsent as voluntarySharing } from '../../src/access/consent/builders';

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
