import type { Resource } from '@footprint/fhir';
import type { Repository } from '../../src/repository';
import { admin, marker, NHS, nhsNumber, ref, SCT } from './context';

/**
 * A small footprint of linked records covering the types the record must search: one GP practice
 * (Organization, Location, Practitioner, PractitionerRole), three patients and their clinical
 * records. Every resource carries the test's marker in a tag so searches can be scoped to it.
 */
export async function seedFootprint(repo: Repository) {
  const m = marker();
  const tag = { system: 'https://footprint.test/marker', code: m };
  const meta = { tag: [tag] };
  const put = async (r: Resource): Promise<Resource> => (await repo.create(admin, { ...r, meta })).resource;

  const org = await put({
    resourceType: 'Organization',
    identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'A81001' }],
    name: 'Riverside Medical Practice',
    type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'prov' }] }],
    active: true,
  });
  const location = await put({ resourceType: 'Location', name: 'Riverside Surgery', status: 'active', address: { city: 'St Albans', postalCode: 'AL1 1AA' }, managingOrganization: { reference: ref(org) } });
  const gp = await put({ resourceType: 'Practitioner', name: [{ family: 'Okafor', given: ['Ada'] }], identifier: [{ system: 'https://fhir.hl7.org.uk/Id/gmc-number', value: 'G1234567' }] });
  const role = await put({
    resourceType: 'PractitionerRole',
    practitioner: { reference: ref(gp) },
    organization: { reference: ref(org) },
    code: [{ coding: [{ system: SCT, code: '62247001', display: 'General practitioner' }] }],
    active: true,
  });
  const nhs = [nhsNumber(), nhsNumber(), nhsNumber()];
  const zoe = await put({
    resourceType: 'Patient',
    identifier: [{ system: NHS, value: nhs[0] }],
    name: [{ family: 'Brontë', given: ['Zoë', 'Anne'] }],
    gender: 'female',
    birthDate: '1980-05-01',
    address: [{ city: 'St Albans', postalCode: 'AL1 2BB' }],
    generalPractitioner: [{ reference: ref(gp) }],
    managingOrganization: { reference: ref(org) },
  });
  const raj = await put({ resourceType: 'Patient', identifier: [{ system: NHS, value: nhs[1] }], name: [{ family: 'Patel', given: ['Raj'] }], gender: 'male', birthDate: '1955-11-20', managingOrganization: { reference: ref(org) } });
  const eve = await put({ resourceType: 'Patient', identifier: [{ system: NHS, value: nhs[2] }], name: [{ family: 'Brown', given: ['Eve'] }], gender: 'female', birthDate: '2001' });

  const encounter = await put({
    resourceType: 'Encounter',
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    subject: { reference: ref(zoe) },
    participant: [{ individual: { reference: ref(gp) } }],
    period: { start: '2023-03-01T09:00:00Z', end: '2023-03-01T09:20:00Z' },
    serviceProvider: { reference: ref(org) },
    location: [{ location: { reference: ref(location) } }],
  });
  const diabetes = await put({
    resourceType: 'Condition',
    subject: { reference: ref(zoe) },
    code: { coding: [{ system: SCT, code: '44054006', display: 'Diabetes mellitus type 2' }] },
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    onsetDateTime: '2019-06-15',
    encounter: { reference: ref(encounter) },
  });
  const hypertension = await put({
    resourceType: 'Condition',
    subject: { reference: ref(raj) },
    code: { coding: [{ system: SCT, code: '38341003', display: 'Hypertensive disorder' }] },
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }] },
    onsetDateTime: '2010-01-10',
  });
  const hba1c = (subject: Resource, value: number, when: string) =>
    put({
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: SCT, code: '1049301000000100', display: 'HbA1c level' }], text: 'Haemoglobin A1c' },
      subject: { reference: ref(subject) },
      effectiveDateTime: when,
      valueQuantity: { value, unit: 'mmol/mol', system: 'http://unitsofmeasure.org', code: 'mmol/mol' },
      performer: [{ reference: ref(gp) }],
    });
  const obs = [await hba1c(zoe, 48, '2023-03-01T09:10:00Z'), await hba1c(zoe, 53.5, '2024-02-01T10:00:00Z'), await hba1c(raj, 40, '2022-07-07')];
  const bp = await put({
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '8480-6', display: 'Systolic blood pressure' }] },
    subject: { reference: ref(raj) },
    effectiveDateTime: '2024-01-05T08:00:00Z',
    valueQuantity: { value: 150, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
  });
  const metformin = await put({
    resourceType: 'MedicationRequest',
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: { coding: [{ system: 'https://dmd.nhs.uk', code: '325278007', display: 'Metformin 500mg tablets' }] },
    subject: { reference: ref(zoe) },
    authoredOn: '2019-07-01',
    requester: { reference: ref(gp) },
  });
  const allergy = await put({
    resourceType: 'AllergyIntolerance',
    patient: { reference: ref(zoe) },
    code: { coding: [{ system: SCT, code: '91936005', display: 'Allergy to penicillin' }] },
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
    criticality: 'high',
    recordedDate: '2015-02-02',
  });
  const procedure = await put({
    resourceType: 'Procedure',
    status: 'completed',
    subject: { reference: ref(raj) },
    code: { coding: [{ system: SCT, code: '80146002', display: 'Appendicectomy' }] },
    performedDateTime: '1990-08-08',
  });
  const immunisation = await put({
    resourceType: 'Immunization',
    status: 'completed',
    vaccineCode: { coding: [{ system: SCT, code: '39114911000001105', display: 'COVID-19 vaccine' }] },
    patient: { reference: ref(eve) },
    occurrenceDateTime: '2021-04-01',
  });
  const carePlan = await put({
    resourceType: 'CarePlan',
    status: 'active',
    intent: 'plan',
    subject: { reference: ref(zoe) },
    category: [{ coding: [{ system: SCT, code: '735985000', display: 'Diabetes self-management plan' }] }],
    period: { start: '2023-03-01' },
    instantiatesUri: ['https://footprint.test/plans/diabetes'],
    addresses: [{ reference: ref(diabetes) }],
  });
  const careTeam = await put({
    resourceType: 'CareTeam',
    status: 'active',
    subject: { reference: ref(zoe) },
    participant: [{ member: { reference: ref(gp) } }],
    name: 'Diabetes team',
  });
  const episode = await put({
    resourceType: 'EpisodeOfCare',
    status: 'active',
    patient: { reference: ref(zoe) },
    managingOrganization: { reference: ref(org) },
    period: { start: '2019-06-15' },
    type: [{ coding: [{ system: SCT, code: '44054006' }] }],
  });
  const referral = await put({
    resourceType: 'ServiceRequest',
    status: 'active',
    intent: 'order',
    subject: { reference: ref(raj) },
    code: { coding: [{ system: SCT, code: '306206005', display: 'Referral to cardiology service' }] },
    authoredOn: '2024-01-06',
    requester: { reference: ref(gp) },
  });
  const consent = await put({
    resourceType: 'Consent',
    status: 'active',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
    policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }] },
    patient: { reference: ref(eve) },
    dateTime: '2022-01-01T12:00:00Z',
  });
  const risk = await put({
    resourceType: 'RiskAssessment',
    status: 'final',
    subject: { reference: ref(raj) },
    prediction: [{ probabilityDecimal: 0.23 }],
  });
  return {
    marker: m,
    tag: `https://footprint.test/marker|${m}`,
    org, location, gp, role, zoe, raj, eve, nhs, encounter, diabetes, hypertension, obs, bp, metformin, allergy,
    procedure, immunisation, carePlan, careTeam, episode, referral, consent, risk,
  };
}

export type Footprint = Awaited<ReturnType<typeof seedFootprint>>;
