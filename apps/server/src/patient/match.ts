import type { Patient } from '@medplum/fhirtypes';
import { isValidNhsNumber, NHS_NUMBER_SYSTEM } from '@footprint/fhir';
import { systemContext, type Repository } from '@footprint/record';

/** Why a signed-in identity was not given a record (shown to the person as a page, never with their details). */
export type MatchRefusal = 'not-verified' | 'no-match';

export type MatchResult = { ok: true; patient: Patient } | { ok: false; reason: MatchRefusal };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Finds the person's record from the identity provider's claims, as NHS login gives them: a
 * verified identity (proofing level P9), an NHS number, and a date of birth that must equal the
 * record's. Exactly one Patient must match; anything else is refused and nothing is created.
 * The look-up is the platform's, audited as such.
 */
export async function matchPatient(record: Repository, claims: Record<string, unknown>): Promise<MatchResult> {
  if (claims.identity_proofing_level !== 'P9') return { ok: false, reason: 'not-verified' };
  const nhsNumber = typeof claims.nhs_number === 'string' ? claims.nhs_number.replace(/\s+/g, '') : '';
  const birthDate = typeof claims.birthdate === 'string' ? claims.birthdate : '';
  if (!isValidNhsNumber(nhsNumber) || !ISO_DATE.test(birthDate)) return { ok: false, reason: 'no-match' };
  const ctx = systemContext('HOPERAT', 'patient-sign-in');
  const found = await record.search(ctx, 'Patient', [['identifier', `${NHS_NUMBER_SYSTEM}|${nhsNumber}`], ['_count', '2']]);
  const patients = (found.matches as Patient[]).filter((p) => p.active !== false);
  if (patients.length !== 1 || patients[0].birthDate !== birthDate || !patients[0].id) return { ok: false, reason: 'no-match' };
  return { ok: true, patient: patients[0] };
}
