import { nhsNumberCheckDigit, type Resource } from '@footprint/fhir';

const SCT = 'http://snomed.info/sct';
const UCUM = 'http://unitsofmeasure.org';
const families = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Khan'];
const givens = ['Olivia', 'Amelia', 'Isla', 'Ava', 'Oliver', 'George', 'Harry', 'Noah', 'Mohammed', 'Aisha'];
const conditions = [['44054006', 'Diabetes mellitus type 2'], ['38341003', 'Hypertensive disorder'], ['195967001', 'Asthma'], ['13645005', 'COPD']];
const observations = [['1049301000000100', 'HbA1c level', 'mmol/mol', 30, 90], ['271649006', 'Systolic blood pressure', 'mm[Hg]', 95, 190], ['60621009', 'Body mass index', 'kg/m2', 17, 45]] as const;

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

function nhs(n: number): string {
  for (let k = n; ; k++) {
    const stem = `9${String(k).padStart(8, '0')}`;
    const check = nhsNumberCheckDigit(stem);
    if (check !== null) return `${stem}${check}`;
  }
}

/**
 * One synthetic person's record (deterministic): a Patient, encounters, conditions,
 * observations and prescriptions, 18 resources, with ids fixed so batches can be re-run.
 */
export function personRecord(i: number, runId: string): Resource[] {
  const pid = `${runId}-p${i}`;
  const subject = { reference: `Patient/${pid}` };
  const out: Resource[] = [
    {
      resourceType: 'Patient',
      id: pid,
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhs(i * 13) }],
      name: [{ family: pick(families), given: [pick(givens)] }],
      gender: rand() < 0.5 ? 'female' : 'male',
      birthDate: `${1930 + Math.floor(rand() * 90)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
      address: [{ postalCode: `AL${1 + Math.floor(rand() * 9)} ${Math.floor(rand() * 9)}AB` }],
      managingOrganization: { reference: 'Organization/practice' },
    },
  ];
  for (let e = 0; e < 3; e++) {
    const day = `20${10 + Math.floor(rand() * 14)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`;
    out.push({
      resourceType: 'Encounter',
      id: `${pid}-e${e}`,
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      subject,
      period: { start: `${day}T09:00:00Z`, end: `${day}T09:15:00Z` },
      serviceProvider: { reference: 'Organization/practice' },
    });
  }
  for (let c = 0; c < 2; c++) {
    const [code, display] = pick(conditions);
    out.push({
      resourceType: 'Condition',
      id: `${pid}-c${c}`,
      subject,
      code: { coding: [{ system: SCT, code, display }] },
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      onsetDateTime: `20${10 + Math.floor(rand() * 14)}-05-01`,
    });
  }
  for (let o = 0; o < 10; o++) {
    const [code, display, unit, lo, hi] = pick(observations);
    out.push({
      resourceType: 'Observation',
      id: `${pid}-o${o}`,
      status: 'final',
      code: { coding: [{ system: SCT, code, display }] },
      subject,
      encounter: { reference: `Encounter/${pid}-e${o % 3}` },
      effectiveDateTime: `20${10 + Math.floor(rand() * 14)}-0${1 + Math.floor(rand() * 9)}-0${1 + Math.floor(rand() * 9)}T10:00:00Z`,
      valueQuantity: { value: Math.round((lo + rand() * (hi - lo)) * 10) / 10, unit, system: UCUM, code: unit },
    });
  }
  for (let m = 0; m < 2; m++) {
    out.push({
      resourceType: 'MedicationRequest',
      id: `${pid}-m${m}`,
      status: 'active',
      intent: 'order',
      subject,
      medicationCodeableConcept: { coding: [{ system: 'https://dmd.nhs.uk', code: '325278007', display: 'Metformin 500mg tablets' }] },
      authoredOn: '2020-02-02',
    });
  }
  return out;
}
