import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';

/**
 * Benchmark input: a deterministic synthetic population in the shape Footprint's generator writes
 * (UK Core Patients with LSOA and ethnic category, GP diagnoses, blood pressure panels, HbA1c,
 * prescriptions, GP and hospital encounters), about 30 resources per person. Only for timing the
 * warehouse; clinical realism is packages/synth's job.
 */
type R = Record<string, unknown>;
const SCT = 'http://snomed.info/sct';
const ODS = 'https://fhir.nhs.uk/Id/ods-organization-code';
const lsoas = ['E01006512', 'E01006513', 'E01018386', 'E01000001'];
const conditions = ['38341003', '44054006', '195967001', '49436004', '13645005', '35489007'];
const medicines = ['318475005', '325278007', '319740004', '317896006'];

function* random(seed: number): Generator<number> {
  let s = seed >>> 0;
  for (;;) {
    s = (s * 1664525 + 1013904223) >>> 0;
    yield s / 2 ** 32;
  }
}

/** A valid (Modulus 11) NHS number for person `n`, in the 999 test range. */
function nhsNumber(n: number): string {
  for (let base = 999000000 + n * 2; ; base++) {
    const digits = String(base).split('').map(Number);
    const sum = digits.reduce((total, d, i) => total + d * (10 - i), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check !== 10) return `${base}${check}`;
  }
}

export function organisations(): R[] {
  const out: R[] = [{ resourceType: 'Organization', id: 'pcn-0', identifier: [{ system: ODS, value: 'U00001' }], name: 'PCN', type: [{ coding: [{ code: 'pcn' }] }] }];
  for (let i = 0; i < 20; i++) {
    out.push({ resourceType: 'Organization', id: `gp-${i}`, identifier: [{ system: ODS, value: `N8${String(i).padStart(4, '0')}` }], name: `Practice ${i}`, type: [{ coding: [{ code: 'gp_practice' }] }], partOf: { reference: 'Organization/pcn-0' } });
    out.push({ resourceType: 'PractitionerRole', id: `role-${i}`, organization: { reference: `Organization/gp-${i}` } });
  }
  out.push({ resourceType: 'Organization', id: 'trust-0', identifier: [{ system: ODS, value: 'REM' }], name: 'Trust', type: [{ coding: [{ code: 'acute_trust' }] }] });
  return out;
}

/** The resources of person `n`: their Patient first, then their record. */
export function person(n: number): R[] {
  const rnd = random(n + 1);
  const next = () => rnd.next().value as number;
  const id = `p${n}`;
  const gp = Math.floor(next() * 20);
  const subject = { reference: `Patient/${id}` };
  const year = 1930 + Math.floor(next() * 80);
  const out: R[] = [
    {
      resourceType: 'Patient',
      id,
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhsNumber(n) }],
      name: [{ family: `Family${n}`, given: [`Given${n}`] }],
      gender: next() < 0.5 ? 'female' : 'male',
      birthDate: `${year}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`,
      address: [{ postalCode: 'L1 8JQ', extension: [{ url: 'https://fhir.footprint.example/StructureDefinition/lsoa', valueString: lsoas[n % lsoas.length] }] }],
      extension: [{ url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory', valueCodeableConcept: { coding: [{ code: 'ABCDHJMNR'[n % 9] }] } }],
      generalPractitioner: [{ reference: `Organization/gp-${gp}` }],
    },
  ];
  let k = 0;
  const rid = () => `${id}-${k++}`;
  for (let i = 0; i < 3; i++) {
    out.push({ resourceType: 'Condition', id: rid(), subject, code: { coding: [{ system: SCT, code: conditions[Math.floor(next() * conditions.length)] }] }, onsetDateTime: `20${10 + Math.floor(next() * 14)}-03-04`, recorder: { reference: `PractitionerRole/role-${gp}` } });
  }
  for (let i = 0; i < 8; i++) {
    out.push({
      resourceType: 'Observation', id: rid(), status: 'final', subject, code: { coding: [{ system: SCT, code: '75367002' }] }, effectiveDateTime: `20${10 + Math.floor(next() * 14)}-05-06T10:00:00Z`,
      performer: [{ reference: `Organization/gp-${gp}` }],
      component: [
        { code: { coding: [{ system: SCT, code: '72313002' }] }, valueQuantity: { value: 110 + Math.floor(next() * 60), unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } },
        { code: { coding: [{ system: SCT, code: '1091811000000102' }] }, valueQuantity: { value: 60 + Math.floor(next() * 40), unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } },
      ],
    });
    out.push({ resourceType: 'Observation', id: rid(), status: 'final', subject, code: { coding: [{ system: SCT, code: '999791000000106' }] }, effectiveDateTime: `20${10 + Math.floor(next() * 14)}-07-08`, valueQuantity: { value: 30 + Math.floor(next() * 40), unit: 'mmol/mol', system: 'http://unitsofmeasure.org', code: 'mmol/mol' } });
  }
  for (let i = 0; i < 6; i++) {
    out.push({ resourceType: 'MedicationRequest', id: rid(), status: 'active', intent: 'order', subject, medicationCodeableConcept: { coding: [{ system: SCT, code: medicines[Math.floor(next() * medicines.length)] }] }, authoredOn: `20${10 + Math.floor(next() * 14)}-01-02`, requester: { reference: `PractitionerRole/role-${gp}` } });
  }
  for (let i = 0; i < 5; i++) {
    const hospital = next() < 0.2;
    out.push({
      resourceType: 'Encounter', id: rid(), status: 'finished', class: { code: hospital ? 'IMP' : 'AMB' }, subject,
      type: [{ coding: [{ system: SCT, code: hospital ? '183452005' : '185349003' }] }],
      period: { start: `20${10 + Math.floor(next() * 14)}-09-10`, end: `20${10 + Math.floor(next() * 14)}-09-12` },
      serviceProvider: { reference: hospital ? 'Organization/trust-0' : `Organization/gp-${gp}` },
      ...(hospital ? { reasonCode: [{ coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'I21.9' }] }] } : {}),
    });
  }
  return out;
}

/** Writes `people` persons as bulk-data NDJSON (one file per type); returns the resource count. */
export async function writeSyntheticNdjson(folder: string, people: number): Promise<number> {
  await mkdir(folder, { recursive: true });
  const streams = new Map<string, ReturnType<typeof createWriteStream>>();
  const write = async (resource: R) => {
    const type = resource.resourceType as string;
    let stream = streams.get(type);
    if (!stream) streams.set(type, (stream = createWriteStream(join(folder, `${type}.ndjson`))));
    if (!stream.write(`${JSON.stringify(resource)}\n`)) await once(stream, 'drain');
  };
  let count = 0;
  for (const r of organisations()) {
    await write(r);
    count++;
  }
  for (let n = 0; n < people; n++) {
    for (const r of person(n)) {
      await write(r);
      count++;
    }
  }
  for (const stream of streams.values()) {
    stream.end();
    await once(stream, 'finish');
  }
  return count;
}
