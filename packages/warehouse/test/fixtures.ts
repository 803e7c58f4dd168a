import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A small synthetic footprint in FHIR R4 (UK Core style): a PCN, a practice, an acute trust, a
 * mental health trust and a council; four patients with names, NHS numbers and addresses (which
 * must never reach the warehouse); their diagnoses, blood pressures, prescriptions, encounters,
 * social care and one national data opt-out.
 */
type R = Record<string, unknown>;
const ODS = 'https://fhir.nhs.uk/Id/ods-organization-code';
const SCT = 'http://snomed.info/sct';
const KIND = 'https://fhir.footprint.example/CodeSystem/organisation-kind';
const ETHNIC = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory';
const LSOA = 'https://fhir.footprint.example/StructureDefinition/lsoa';

const org = (id: string, ods: string, name: string, kind: string, partOf?: string): R => ({
  resourceType: 'Organization',
  id,
  identifier: [{ system: ODS, value: ods }],
  name,
  type: [{ coding: [{ system: KIND, code: kind }] }],
  ...(partOf ? { partOf: { reference: `Organization/${partOf}` } } : {}),
});

export const organisations: R[] = [
  org('pcn-1', 'U12345', 'Central Liverpool PCN', 'pcn'),
  org('gp-1', 'N82001', 'Riverside Medical Centre', 'gp_practice', 'pcn-1'),
  org('trust-1', 'REM', 'Liverpool University Hospitals NHS Foundation Trust', 'acute_trust'),
  org('mh-1', 'RW4', 'Mersey Care NHS Foundation Trust', 'mental_health_provider'),
  org('la-1', 'LCC01', 'Liverpool City Council', 'local_authority'),
  { resourceType: 'Practitioner', id: 'prac-1', name: [{ family: 'Hartley', given: ['Sam'] }] },
  { resourceType: 'PractitionerRole', id: 'role-1', practitioner: { reference: 'Practitioner/prac-1' }, organization: { reference: 'Organization/gp-1' } },
];

interface Person {
  id: string;
  given: string;
  family: string;
  nhs: string;
  postcode: string;
  line: string;
  gender: string;
  birthDate: string;
  ethnic: string;
  lsoa: string;
  deceased?: string;
}

export const people: Person[] = [
  { id: 'pat-1', given: 'Alice', family: 'Wetherby', nhs: '9434765919', postcode: 'L1 8JQ', line: '12 Bold Street', gender: 'female', birthDate: '1950-07-23', ethnic: 'A', lsoa: 'E01006512' },
  { id: 'pat-2', given: 'Bashir', family: 'Qureshi', nhs: '9434765870', postcode: 'L8 2TA', line: '4 Princes Road', gender: 'male', birthDate: '1972-11-02', ethnic: 'J', lsoa: 'E01006513', deceased: '2024-03-14T10:00:00Z' },
  { id: 'pat-3', given: 'Chidi', family: 'Okonkwo', nhs: '9434765862', postcode: 'CW1 2AB', line: '9 Mill Lane', gender: 'unknown', birthDate: '1990-01', ethnic: 'N', lsoa: 'E01018386' },
  { id: 'pat-4', given: 'Dorothy', family: 'Optout', nhs: '9434765854', postcode: 'L17 0AA', line: '1 Lark Lane', gender: 'female', birthDate: '1961-05-05', ethnic: 'B', lsoa: 'E01006512' },
];

export function patient(p: Person): R {
  return {
    resourceType: 'Patient',
    id: p.id,
    identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: p.nhs }],
    name: [{ use: 'official', family: p.family, given: [p.given], text: `${p.given} ${p.family}` }],
    telecom: [{ system: 'phone', value: '0151 496 0000' }],
    gender: p.gender,
    birthDate: p.birthDate,
    ...(p.deceased ? { deceasedDateTime: p.deceased } : {}),
    address: [{ use: 'home', line: [p.line], city: 'Liverpool', postalCode: p.postcode, extension: [{ url: LSOA, valueString: p.lsoa }] }],
    extension: [{ url: ETHNIC, valueCodeableConcept: { coding: [{ system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategory', code: p.ethnic }] } }],
    generalPractitioner: [{ reference: 'Organization/gp-1' }],
  };
}

const subject = (id: string) => ({ reference: `Patient/${id}` });

export function clinical(): R[] {
  return [
    {
      resourceType: 'Condition',
      id: 'cond-1',
      subject: subject('pat-1'),
      code: { coding: [{ system: SCT, code: '38341003', display: 'Hypertension' }], text: 'Alice Wetherby has high blood pressure' },
      onsetDateTime: '2019-04-02',
      recorder: { reference: 'PractitionerRole/role-1' },
      note: [{ text: 'Discussed with Alice at 12 Bold Street' }],
    },
    {
      resourceType: 'Condition',
      id: 'cond-err',
      subject: subject('pat-1'),
      verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'entered-in-error' }] },
      code: { coding: [{ system: SCT, code: '44054006' }] },
      recordedDate: '2020-01-01',
    },
    {
      resourceType: 'Observation',
      id: 'bp-1',
      status: 'final',
      subject: subject('pat-1'),
      code: { coding: [{ system: SCT, code: '75367002', display: 'Blood pressure' }] },
      effectiveDateTime: '2023-06-01T09:30:00+01:00',
      performer: [{ reference: 'Organization/gp-1' }],
      component: [
        { code: { coding: [{ system: SCT, code: '72313002' }] }, valueQuantity: { value: 152, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } },
        { code: { coding: [{ system: SCT, code: '1091811000000102' }] }, valueQuantity: { value: 94, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } },
      ],
    },
    {
      resourceType: 'Observation',
      id: 'hba1c-1',
      status: 'final',
      subject: subject('pat-2'),
      code: { coding: [{ system: SCT, code: '999791000000106' }] },
      effectiveDateTime: '2022-02-10',
      valueQuantity: { value: 49.5, unit: 'mmol/mol', system: 'http://unitsofmeasure.org', code: 'mmol/mol' },
    },
    {
      resourceType: 'Observation',
      id: 'obs-cancelled',
      status: 'cancelled',
      subject: subject('pat-2'),
      code: { coding: [{ system: SCT, code: '999791000000106' }] },
      effectiveDateTime: '2022-02-11',
    },
    {
      resourceType: 'MedicationRequest',
      id: 'med-1',
      status: 'active',
      intent: 'order',
      subject: subject('pat-1'),
      medicationCodeableConcept: { coding: [{ system: SCT, code: '318475005', display: 'Amlodipine 5mg tablets' }] },
      authoredOn: '2019-04-02',
      requester: { reference: 'Organization/gp-1' },
      note: [{ text: 'Alice prefers the morning' }],
    },
    {
      resourceType: 'Encounter',
      id: 'enc-gp',
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      type: [{ coding: [{ system: SCT, code: '185349003' }] }],
      subject: subject('pat-1'),
      period: { start: '2023-06-01T09:20:00+01:00', end: '2023-06-01T09:40:00+01:00' },
      serviceProvider: { reference: 'Organization/gp-1' },
    },
    {
      resourceType: 'Encounter',
      id: 'enc-ae',
      status: 'finished',
      class: { code: 'EMER' },
      subject: subject('pat-2'),
      period: { start: '2023-01-05', end: '2023-01-05' },
      serviceProvider: { identifier: { system: ODS, value: 'REM' } },
      diagnosis: [{ condition: { reference: 'Condition/dx-ae' }, rank: 1 }],
    },
    {
      resourceType: 'Condition',
      id: 'dx-ae',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis' }] }],
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'R07.4' }] },
      subject: subject('pat-2'),
      encounter: { reference: 'Encounter/enc-ae' },
      recordedDate: '2023-01-05',
    },
    {
      resourceType: 'Observation',
      id: 'death-2',
      status: 'final',
      code: { coding: [{ system: SCT, code: '184305005' }] },
      subject: subject('pat-2'),
      effectiveDateTime: '2024-03-14',
      valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'I21.9' }] },
    },
    {
      resourceType: 'Encounter',
      id: 'enc-admit',
      status: 'finished',
      class: { code: 'IMP' },
      priority: { coding: [{ code: 'EM' }] },
      subject: subject('pat-2'),
      period: { start: '2023-01-05', end: '2023-01-09' },
      serviceProvider: { reference: 'Organization/trust-1' },
      reasonCode: [{ coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'I21.9' }] }],
    },
    {
      resourceType: 'Encounter',
      id: 'enc-mh',
      status: 'finished',
      class: { code: 'AMB' },
      subject: subject('pat-3'),
      period: { start: '2024-02-01' },
      serviceProvider: { reference: 'Organization/mh-1' },
    },
    {
      resourceType: 'Procedure',
      id: 'sc-1',
      status: 'completed',
      subject: subject('pat-3'),
      code: { coding: [{ system: SCT, code: '410606002' }] },
      performedDateTime: '2024-03-01',
      performer: [{ actor: { reference: 'Organization/la-1' }, onBehalfOf: { reference: 'Organization/la-1' } }],
    },
    {
      resourceType: 'ServiceRequest',
      id: 'sc-ref',
      status: 'active',
      intent: 'order',
      subject: subject('pat-3'),
      code: { coding: [{ system: SCT, code: '308440001' }] },
      authoredOn: '2024-02-20',
      requester: { reference: 'Organization/gp-1' },
      performer: [{ reference: 'Organization/la-1' }],
    },
    {
      resourceType: 'Immunization',
      id: 'imm-1',
      status: 'completed',
      patient: subject('pat-2'),
      vaccineCode: { coding: [{ system: SCT, code: '39114911000001105' }] },
      occurrenceDateTime: '2023-10-01',
    },
    {
      resourceType: 'AllergyIntolerance',
      id: 'allergy-1',
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
      patient: subject('pat-1'),
      code: { coding: [{ system: SCT, code: '91936005' }] },
      recordedDate: '2001-05-06',
    },
    // Everything for the opted-out patient: none of it may appear.
    { resourceType: 'Condition', id: 'cond-4', subject: subject('pat-4'), code: { coding: [{ system: SCT, code: '38341003' }] }, onsetDateTime: '2018-01-01' },
    { resourceType: 'Encounter', id: 'enc-4', status: 'finished', class: { code: 'AMB' }, subject: subject('pat-4'), period: { start: '2018-01-01' }, serviceProvider: { reference: 'Organization/gp-1' } },
  ];
}

/** The national data opt-out for pat-4, as the warehouse recognises it (docs/warehouse.md). */
export function optOutConsent(patientId = 'pat-4', id = 'consent-4'): R {
  return {
    resourceType: 'Consent',
    id,
    status: 'active',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'research' }] },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
    patient: { reference: `Patient/${patientId}` },
    policy: [{ uri: 'https://digital.nhs.uk/services/national-data-opt-out' }],
    provision: { type: 'deny' },
  };
}

/** A Consent that permits: not an opt-out. */
export function permitConsent(): R {
  return { ...optOutConsent('pat-1', 'consent-1'), provision: { type: 'permit' } };
}

export function allResources(): R[] {
  return [...organisations, ...people.map(patient), ...clinical(), optOutConsent(), permitConsent()];
}

/** Writes the footprint as bulk-data NDJSON, one file per resource type. */
export async function writeNdjson(folder: string, resources: R[] = allResources()): Promise<void> {
  await mkdir(folder, { recursive: true });
  const byType = new Map<string, R[]>();
  for (const r of resources) byType.set(r.resourceType as string, [...(byType.get(r.resourceType as string) ?? []), r]);
  for (const [type, list] of byType) await writeFile(join(folder, `${type}.ndjson`), list.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

/** Strings from the source that must never appear in any warehouse table. */
export function identifyingStrings(): string[] {
  return [...people.flatMap((p) => [p.id, p.given, p.family, p.nhs, p.postcode, p.line, `${p.given} ${p.family}`]), 'Bold Street', '0151 496 0000', 'Hartley', 'prac-1', 'role-1'];
}
