import type { Condition, Encounter, Observation, Patient } from '@medplum/fhirtypes';

/**
 * Typical UK Core-shaped resources for tests and benchmarks: a registered patient with an NHS
 * number and a GP practice, a blood pressure observation, a diabetes diagnosis and a GP encounter.
 * All content is invented (the NHS number is in the 999 test range).
 */
export const patient: Patient = {
  resourceType: 'Patient',
  id: 'pat-1',
  meta: { lastUpdated: '2024-05-01T09:30:00.000Z' },
  identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9990000018' }],
  active: true,
  name: [{ use: 'official', family: 'Brontë', given: ['Zoë', 'Anne'], prefix: ['Ms'] }],
  telecom: [
    { system: 'phone', value: '01632 960001', use: 'home' },
    { system: 'email', value: 'zoe@example.org' },
  ],
  gender: 'female',
  birthDate: '1984-03',
  address: [{ line: ['1 Market Street'], city: 'Haworth', postalCode: 'BD22 8DR', country: 'GB' }],
  generalPractitioner: [{ reference: 'Organization/org-b86001', display: 'Haworth Practice' }],
  managingOrganization: { reference: 'https://record.example.nhs.uk/fhir/R4/Organization/org-b86001' },
};

export const observation: Observation = {
  resourceType: 'Observation',
  id: 'obs-1',
  status: 'final',
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
  code: { coding: [{ system: 'http://snomed.info/sct', code: '75367002', display: 'Blood pressure' }], text: 'Blood pressure' },
  subject: { reference: 'Patient/pat-1' },
  encounter: { reference: 'Encounter/enc-1' },
  effectiveDateTime: '2024-04-30T10:15:00+01:00',
  component: [
    {
      code: { coding: [{ system: 'http://snomed.info/sct', code: '271649006', display: 'Systolic blood pressure' }] },
      valueQuantity: { value: 142, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
    },
    {
      code: { coding: [{ system: 'http://snomed.info/sct', code: '271650006', display: 'Diastolic blood pressure' }] },
      valueQuantity: { value: 91, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
    },
  ],
};

export const condition: Condition = {
  resourceType: 'Condition',
  id: 'cond-1',
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
  verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] }],
  code: { coding: [{ system: 'http://snomed.info/sct', code: '44054006', display: 'Type 2 diabetes mellitus' }] },
  subject: { reference: 'Patient/pat-1' },
  onsetDateTime: '2019-11-02',
  recordedDate: '2019-11-05T12:00:00Z',
};

export const encounter: Encounter = {
  resourceType: 'Encounter',
  id: 'enc-1',
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
  type: [{ coding: [{ system: 'http://snomed.info/sct', code: '185347001', display: 'Encounter for problem' }] }],
  subject: { reference: 'Patient/pat-1' },
  participant: [{ individual: { reference: 'Practitioner/prac-1' } }],
  period: { start: '2024-04-30T10:00:00+01:00', end: '2024-04-30T10:20:00+01:00' },
  serviceProvider: { reference: 'Organization/org-b86001' },
};
