import type { Bundle, Condition, Organization, Patient, Resource } from '@medplum/fhirtypes';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { generateFootprint } from '@footprint/synth';
import { renderRecordPdf } from './render';
import { formatNhsNumber, summariseRecord } from './summary';

/** A synthetic person's $everything-shaped Bundle: their compartment plus the footprint's organisations and roles. */
async function syntheticPersonBundle(): Promise<{ bundle: Bundle; patient: Patient; conditions: Condition[] }> {
  const resources: Resource[] = [];
  await generateFootprint({ footprint: 'cheshire-and-merseyside', people: 60, seed: 11 }, { resource: (_org, r) => resources.push(structuredClone(r)), groundTruth: () => undefined });
  const mentions = (r: Resource, id: string) => JSON.stringify(r).includes(`"Patient/${id}"`);
  const patients = resources.filter((r): r is Patient => r.resourceType === 'Patient');
  // The person with the most diagnoses, so every section has something to show.
  const ranked = patients.map((p) => ({ p, n: resources.filter((r) => r.resourceType === 'Condition' && mentions(r, p.id!)).length })).sort((a, b) => b.n - a.n);
  const patient = ranked[0].p;
  const compartment = resources.filter((r) => r === patient || mentions(r, patient.id!));
  const shared = resources.filter((r) => r.resourceType === 'Organization' || r.resourceType === 'PractitionerRole');
  const bundle: Bundle = { resourceType: 'Bundle', type: 'searchset', entry: [...compartment, ...shared].map((resource) => ({ resource })) };
  return { bundle, patient, conditions: compartment.filter((r): r is Condition => r.resourceType === 'Condition') };
}

async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

describe('the readable PDF of a person’s record', () => {
  it('formats NHS numbers 3-3-4', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
    expect(formatNhsNumber(undefined)).toBe('Not recorded');
  });

  it('renders a synthetic person’s $everything with their details, every section, who recorded each entry and page numbers', async () => {
    const { bundle, patient, conditions } = await syntheticPersonBundle();
    expect(conditions.length).toBeGreaterThan(0);
    const summary = summariseRecord(bundle);
    const pdf = await renderRecordPdf(summary, new Date('2026-12-01T12:00:00Z'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');

    const nhs = patient.identifier!.find((i) => i.system === 'https://fhir.nhs.uk/Id/nhs-number')!.value!;
    expect(text).toContain(`NHS number: ${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`);
    expect(text).toContain(patient.name![0].family!.toUpperCase());
    const [y, m, d] = patient.birthDate!.split('-');
    expect(text).toContain(`Date of birth: ${Number(d)} ${new Date(Date.UTC(Number(y), Number(m) - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${y}`);
    expect(text).toContain('Generated on 1 December 2026');
    for (const title of ['Problems and diagnoses', 'Medicines', 'Allergies and reactions', 'Test results and measurements', 'Appointments and admissions']) expect(text).toContain(title);
    const diagnosis = conditions[0].code!.coding![0].display!;
    expect(text).toContain(diagnosis);
    // Each entry names the organisation that recorded it, resolved from the Bundle.
    const practice = bundle.entry!.map((e) => e.resource!).find((r): r is Organization => r.resourceType === 'Organization' && r.id === patient.generalPractitioner?.[0]?.reference?.split('/')[1])
      ?? bundle.entry!.map((e) => e.resource!).find((r): r is Organization => r.resourceType === 'Organization' && (patient.managingOrganization?.reference ?? '').endsWith(r.id!));
    expect(text).toMatch(/Recorded by (?!Organisation not recorded)\S/);
    if (practice?.name) expect(text).toContain(practice.name);
    const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain(`Page ${pages} of ${pages}`);
  }, 60_000);

  it('says so when a section is empty rather than leaving it out', async () => {
    const patient: Patient = { resourceType: 'Patient', id: 'p1', name: [{ family: 'Example', given: ['Alex'] }], birthDate: '1980-02-29' };
    const text = (await pdfText(await renderRecordPdf(summariseRecord({ resourceType: 'Bundle', type: 'searchset', entry: [{ resource: patient }] })))).replace(/\s+/g, ' ');
    expect(text).toContain('EXAMPLE, Alex');
    expect(text).toContain('Date of birth: 29 February 1980');
    expect(text).toContain('NHS number: Not recorded');
    expect(text).toContain('No allergies recorded.');
    expect(text).toContain('Page 1 of 1');
  });
});
