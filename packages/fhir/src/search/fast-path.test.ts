import type { Resource } from '@medplum/fhirtypes';
import { afterAll, describe, expect, it } from 'vitest';
import { condition, encounter, observation, patient } from '../../test/examples';
import { extractSearchValues, setFastPath } from './extract';
import { compileFastPath } from './fast-path';

const more = [
  { resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: { reference: 'Patient/p1' }, requester: { reference: 'Practitioner/d1' },
    medicationCodeableConcept: { coding: [{ system: 'https://dmd.nhs.uk', code: '39732311000001104', display: 'Metformin 500mg tablets' }] }, authoredOn: '2024-01-05T09:00:00Z',
    dosageInstruction: [{ timing: { repeat: { boundsPeriod: { start: '2024-01-05' } } } }] },
  { resourceType: 'AllergyIntolerance', clinicalStatus: { coding: [{ code: 'active' }] }, patient: { reference: 'Patient/p1' }, code: { text: 'Penicillin' }, onsetAge: { value: 12, unit: 'a' }, recordedDate: '2010' },
  { resourceType: 'Immunization', status: 'completed', vaccineCode: { coding: [{ system: 'http://snomed.info/sct', code: '39114911000001105' }] }, patient: { reference: 'Patient/p1' }, occurrenceDateTime: '2023-10-01', lotNumber: 'AB12' },
  { resourceType: 'Procedure', status: 'completed', code: { text: 'Appendicectomy' }, subject: { reference: 'Patient/p1' }, performedPeriod: { start: '2020-05-01T10:00:00Z', end: '2020-05-01T11:00:00Z' }, performer: [{ actor: { reference: 'Practitioner/d1' } }] },
  { resourceType: 'CarePlan', status: 'active', intent: 'plan', subject: { reference: 'Patient/p1' }, period: { start: '2024-01-01' }, category: [{ text: 'Diabetes' }], careTeam: [{ reference: 'CareTeam/t1' }] },
  { resourceType: 'CareTeam', status: 'active', subject: { reference: 'Patient/p1' }, participant: [{ member: { reference: 'Practitioner/d1' } }, { member: { reference: 'Organization/o1' } }] },
  { resourceType: 'EpisodeOfCare', status: 'active', patient: { reference: 'Patient/p1' }, managingOrganization: { reference: 'Organization/o1' }, period: { start: '2023-02' } },
  { resourceType: 'ServiceRequest', status: 'active', intent: 'order', subject: { reference: 'Patient/p1' }, code: { text: 'Referral' }, occurrenceDateTime: '2024-02-02', authoredOn: '2024-02-01' },
  { resourceType: 'Consent', status: 'active', scope: { text: 'x' }, category: [{ text: 'x' }], patient: { reference: 'Patient/p1' }, dateTime: '2024-01-01T00:00:00Z', policyRule: { text: 'opt-in' } },
  { resourceType: 'Organization', identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'RBQ' }], name: 'Liverpool Heart and Chest', address: [{ city: 'Liverpool', postalCode: 'L14 3PE' }], partOf: { reference: 'Organization/o0' } },
  { resourceType: 'Location', name: 'Ward 3', address: { city: 'Leeds' }, managingOrganization: { reference: 'Organization/o1' }, position: { longitude: -1.5, latitude: 53.8 } },
  { resourceType: 'Practitioner', name: [{ family: 'Okafor', given: ['Ada'] }], gender: 'female', telecom: [{ system: 'email', value: 'a@example.org' }] },
  { resourceType: 'PractitionerRole', practitioner: { reference: 'Practitioner/d1' }, organization: { reference: 'Organization/o1' }, code: [{ text: 'GP' }], period: { start: '2010' } },
  { resourceType: 'AuditEvent', type: { code: 'rest' }, recorded: '2024-05-01T09:30:00.123Z', agent: [{ requestor: true, who: { reference: 'Practitioner/d1' } }], source: { observer: { reference: 'Device/d' } }, entity: [{ what: { reference: 'Patient/p1' } }] },
  { ...observation, valueQuantity: { value: 7.2, unit: '%' }, component: undefined, effectivePeriod: { start: '2024-01-01' }, effectiveDateTime: undefined },
  { ...observation, valueCodeableConcept: { text: 'Positive', coding: [{ code: 'pos' }] }, component: undefined },
  { ...observation, valueString: 'see notes', component: undefined },
  { ...condition, onsetDateTime: undefined, onsetString: 'childhood', abatementAge: { value: 30, unit: 'a' } },
  { ...patient, deceasedBoolean: true },
  { ...patient, deceasedBoolean: false },
  { ...patient, deceasedDateTime: '2021-06-01' },
] as unknown as Resource[];

/** Parameters where the FHIRPath engine types a dateTime as a string for `as(string)`; FHIR does not. */
const knownLooseness = new Set(['onset-info', 'abatement-string']);

function values(resource: Resource, fast: boolean): string[] {
  setFastPath(fast);
  return extractSearchValues(resource).filter((v) => !knownLooseness.has(v.code)).map((v) => JSON.stringify(v)).sort();
}

describe('the fast path for search-parameter expressions', () => {
  afterAll(() => setFastPath(true));

  it('gives exactly the values the FHIRPath engine gives, for many resource types', () => {
    for (const resource of [patient, observation, condition, encounter, ...more]) {
      expect(values(resource, true), resource.resourceType).toEqual(values(resource, false));
    }
  });

  it('types a dateTime as a dateTime, so as(string) does not pick it up', () => {
    setFastPath(true);
    expect(extractSearchValues(condition).filter((v) => v.code === 'onset-info')).toEqual([]);
  });

  it('handles the common expression shapes and leaves the rest to FHIRPath', () => {
    expect(compileFastPath('Patient', 'Patient.name.given')).toBeTypeOf('function');
    expect(compileFastPath('Observation', "(Observation.value as Quantity) | (Observation.component.value as Quantity)")).toBeTypeOf('function');
    expect(compileFastPath('Patient', "Patient.telecom.where((system = 'email'))")).toBeTypeOf('function');
    expect(compileFastPath('Observation', 'Observation.subject.where((resolve() is Patient))')).toBeTypeOf('function');
    expect(compileFastPath('Patient', "Patient.name.where(given.exists())")).toBeUndefined();
    const deceased = compileFastPath('Patient', '(Patient.deceased.exists() and (Patient.deceased != false))')!;
    expect(deceased(patient)).toEqual([{ type: 'boolean', value: false }]);
    expect(deceased({ ...patient, deceasedBoolean: false })).toEqual([{ type: 'boolean', value: false }]);
    expect(deceased({ ...patient, deceasedBoolean: true })).toEqual([{ type: 'boolean', value: true }]);
    expect(deceased({ ...patient, deceasedDateTime: '2020-01-01' })).toEqual([{ type: 'boolean', value: true }]);
    const email = compileFastPath('Patient', "Patient.telecom.where((system = 'email'))")!;
    expect(email(patient)).toEqual([{ type: 'ContactPoint', value: { system: 'email', value: 'zoe@example.org' } }]);
  });
});
