import type { Resource } from '@medplum/fhirtypes';
import { condition, encounter, observation, patient } from './examples';

/** Valid resources of the types the record's tests must cover, for differential tests. */
export const validResources = [
  patient, observation, condition, encounter,
  { resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: { reference: 'Patient/p1' }, requester: { reference: 'Practitioner/d1' },
    medicationCodeableConcept: { coding: [{ system: 'https://dmd.nhs.uk', code: '39732311000001104', display: 'Metformin 500mg tablets' }] }, authoredOn: '2024-01-05T09:00:00Z',
    dosageInstruction: [{ text: 'one twice a day', timing: { repeat: { boundsPeriod: { start: '2024-01-05' }, frequency: 2, period: 1, periodUnit: 'd' } } }] },
  { resourceType: 'AllergyIntolerance', clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] }, patient: { reference: 'Patient/p1' }, code: { text: 'Penicillin' }, onsetAge: { value: 12, unit: 'a', system: 'http://unitsofmeasure.org', code: 'a' }, recordedDate: '2010' },
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
  { resourceType: 'Patient', name: [{ given: ['A', null, 'C'], _given: [null, { extension: [{ url: 'http://example.org/x', valueString: 'b' }] }, null] }],
    _birthDate: { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/patient-birthTime', valueDateTime: '1980-01-01T10:00:00Z' }] }, birthDate: '1980-01-01',
    contained: [{ resourceType: 'Organization', id: 'gp', name: 'GP' }], managingOrganization: { reference: '#gp' },
    text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">A</div>' } },
  { resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:0b7c3f0e-5d2a-4c1b-9e8f-1a2b3c4d5e6f', resource: patient }] },
] as unknown as Resource[];
