import { isValidNhsNumber, NHS_NUMBER_SYSTEM, normalizeSearchString, type Patient } from '@footprint/fhir';

/**
 * What matching compares of a Patient, normalised once: the NHS number (only when it passes
 * Modulus 11), every family and given name (lower case, accents, spaces, hyphens and
 * apostrophes removed), the date of birth, administrative gender, postcodes (upper case, no
 * spaces) and first address lines.
 */
export interface Demographics {
  nhsNumber?: string;
  families: string[];
  givens: string[];
  birthDate?: string;
  gender?: string;
  postcodes: string[];
  addressLines: string[];
}

/** A name as matching compares it: `O'Brien-Smith` → `obriensmith`. */
export function normaliseName(text: string): string {
  return normalizeSearchString(text).replace(/[^a-z]/g, '');
}

/** A postcode as matching compares it: ` ls1 4ab ` → `LS14AB`. */
export function normalisePostcode(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** The outward code (district) of a normalised postcode: `LS14AB` → `LS1`. */
export function outwardCode(postcode: string): string {
  return postcode.length > 3 ? postcode.slice(0, -3) : postcode;
}

/** The NHS number of a Patient, when it carries one that passes the Modulus 11 check. */
export function validNhsNumber(patient: Patient): string | undefined {
  for (const identifier of patient.identifier ?? []) {
    const value = identifier.value?.replace(/\s/g, '');
    if (identifier.system === NHS_NUMBER_SYSTEM && value && isValidNhsNumber(value)) return value;
  }
  return undefined;
}

const unique = (values: Array<string | undefined>): string[] => [...new Set(values.filter((v): v is string => !!v))];

export function demographicsOf(patient: Patient): Demographics {
  const names = patient.name ?? [];
  const addresses = (patient.address ?? []).filter((a) => a.use !== 'old');
  const nhsNumber = validNhsNumber(patient);
  return {
    ...(nhsNumber ? { nhsNumber } : {}),
    families: unique(names.map((n) => (n.family ? normaliseName(n.family) : undefined))),
    givens: unique(names.flatMap((n) => (n.given ?? []).slice(0, 1).map(normaliseName))),
    ...(patient.birthDate ? { birthDate: patient.birthDate } : {}),
    ...(patient.gender && patient.gender !== 'unknown' ? { gender: patient.gender } : {}),
    postcodes: unique(addresses.map((a) => (a.postalCode ? normalisePostcode(a.postalCode) : undefined))),
    addressLines: unique(addresses.map((a) => (a.line?.[0] ? normalizeSearchString(a.line[0]) : undefined))),
  };
}
