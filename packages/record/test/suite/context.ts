import { nhsNumberCheckDigit, type Resource } from '@footprint/fhir';
import { systemContext, type AccessContext } from '../../src/access-context';
import type { OpenRecord } from '../../src/create-record';

/** Opens a fresh, empty record (its own in-memory PGlite or its own schema on the server). */
export type OpenFreshRecord = () => Promise<OpenRecord>;

export interface SuiteOptions {
  /** Shown in test names: `pglite` or `postgres`. */
  name: string;
  open: OpenFreshRecord;
}

/** A partner system with every scope, acting for a GP practice, for direct care. */
export const admin: AccessContext = {
  principal: { kind: 'client', id: 'test-admin' },
  organisation: { reference: 'Organization/practice', odsCode: 'A81001' },
  scopes: ['system/*.cruds'],
  purpose: 'TREAT',
};

/** The platform itself (the CLI, the privacy pages' queries): the only principal that reads the whole audit trail. */
export const platform: AccessContext = systemContext();

export function client(scopes: string[], id = 'test-client'): AccessContext {
  return { principal: { kind: 'client', id }, organisation: { reference: 'Organization/trust', odsCode: 'RBQ' }, scopes, purpose: 'TREAT' };
}

let nhsCounter = 100000;
/** A fresh valid NHS number (Modulus 11) in the 999 test range. */
export function nhsNumber(): string {
  for (;;) {
    const stem = `999${String(++nhsCounter).padStart(6, '0')}`;
    const check = nhsNumberCheckDigit(stem);
    if (check !== null) return `${stem}${check}`;
  }
}

export const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
export const SCT = 'http://snomed.info/sct';

/** A unique marker per test, so tests sharing one record never see each other's data. */
let markerCounter = 0;
export function marker(): string {
  return `m${Date.now().toString(36)}${(++markerCounter).toString(36)}`;
}

/** A ref string. */
export const ref = (r: Resource): string => `${r.resourceType}/${r.id}`;
