import type { CarePlan, Consent, Encounter, Observation, Patient, ServiceRequest } from '@footprint/fhir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessContext } from '../../src/access-context';
import { systemContext } from '../../src/access-context';
import { staffContext, type StaffRole } from '../../src/access/staff-policy';
import type { OpenRecord } from '../../src/create-record';
import { openTestRecord } from '../engines';
import { admin, nhsNumber, NHS } from '../suite/context';
import { statusOf } from '../suite/crud';
import { optOut, sharingChoice, voluntarySharing } from './consents';

const PRACTICE = 'Organization/practice';
const HOSPITAL = 'Organization/hospital';
const CHARITY = 'Organization/charity';

function staff(role: StaffRole, organisation: string, id = `${role}-1`): AccessContext {
  return staffContext({ id, displayName: id, role, organisation: { code: 'X', reference: organisation } }, 'TREAT');
}
const withoutPatient = ({ patient: _patient, ...consent }: Consent): Consent => consent;
const writer = (organisation: string): AccessContext => ({ ...admin, organisation: { reference: organisation } });

describe('sharing choices, voluntary sharing and opt-outs, derived at write time and applied in SQL', () => {
  let record: OpenRecord;
  const hospital = staff('hospital_clinician', HOSPITAL);
  const gp = staff('gp_clinician', PRACTICE);

  // Registered at the practice; referred to the hospital (a care relationship, but not "treating now").
  const newPerson = async () => {
    const person = (
      await record.repo.create<Patient>(writer(PRACTICE), { resourceType: 'Patient', identifier: [{ system: NHS, value: nhsNumber() }], generalPractitioner: [{ reference: PRACTICE }] })
    ).resource;
    await relate(person, HOSPITAL, 'referral');
    await record.repo.create<Observation>(writer(PRACTICE), { resourceType: 'Observation', status: 'final', code: { text: 'HbA1c' }, subject: { reference: `Patient/${person.id}` } });
    await record.repo.create<Observation>(writer(HOSPITAL), { resourceType: 'Observation', status: 'final', code: { text: 'ECG' }, subject: { reference: `Patient/${person.id}` } });
    return person;
  };
  const observations = async (ctx: AccessContext, person: Patient) =>
    (await record.repo.search(ctx, 'Observation', [['patient', `Patient/${person.id}`]])).matches.map((o) => (o as Observation).code.text).sort();
  /** Writes what gives `organisation` a care relationship with the person (the record derives it). */
  const relate = async (person: Patient, organisation: string, basis: 'referral' | 'encounter') => {
    const subject = { reference: `Patient/${person.id}` };
    const at = { reference: organisation };
    if (basis === 'referral') await record.repo.create<ServiceRequest>(writer(organisation), { resourceType: 'ServiceRequest', status: 'active', intent: 'order', subject, performer: [at] });
    else {
      const start = new Date(Date.now() - 7 * 86_400_000).toISOString();
      await record.repo.create<Encounter>(writer(organisation), { resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, subject, serviceProvider: at, period: { start, end: start } });
    }
  };

  beforeAll(async () => {
    record = await openTestRecord('pglite');
  });
  afterAll(() => record.close());

  it('refuses malformed sharing choices, voluntary sharing and opt-outs with a 400, writing nothing', async () => {
    const person = await newPerson();
    const bad: Array<[Consent, RegExp]> = [
      [{ ...sharingChoice(person.id!, 'all-partners'), policyRule: { coding: [{ system: sharingChoice('x', 'all-partners').policyRule!.coding![0].system, code: 'everyone' }] } }, /not a sharing choice/],
      [withoutPatient(sharingChoice(person.id!, 'all-partners')), /Patient\/\{id\}/],
      [{ ...sharingChoice(person.id!, 'all-partners'), scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'research' }] } }, /patient-privacy/],
      [{ ...voluntarySharing(person.id!, [CHARITY]), provision: { type: 'permit' } }, /provision\.actor/],
      [{ ...voluntarySharing(person.id!, ['Practitioner/1']) }, /Organization\/\{id\}/],
      [{ ...optOut(person.id!, 'type-1-opt-out') }, /GP practice/],
      [{ ...optOut(person.id!, 'national-data-opt-out'), provision: { type: 'permit' } }, /deny/],
      [{ ...sharingChoice(person.id!, 'all-partners'), policyRule: { coding: [...sharingChoice('x', 'all-partners').policyRule!.coding!, ...optOut('x', 'national-data-opt-out').policyRule!.coding!] } }, /not several/],
    ];
    for (const [consent, message] of bad) {
      const error = await record.repo.create(admin, consent).then(() => undefined, (e: unknown) => e as { status: number; message: string });
      expect(error?.status, JSON.stringify(consent.policyRule)).toBe(400);
      expect(error?.message).toMatch(message);
      expect(await statusOf(record.repo.importBatch(admin, [{ ...consent, id: 'imported-bad' }]))).toBe(400);
    }
    const { rows } = await record.sql.query<{ n: string }>("SELECT count(*) AS n FROM resource WHERE resource_type = 'Consent' AND patient_id = $1", [person.id]);
    expect(Number(rows[0].n)).toBe(0);
  });

  it('all-partners (and no choice) lets every partner see; recording-organisation only the recorder, from the next request', async () => {
    const person = await newPerson();
    expect(await observations(hospital, person)).toEqual(['ECG', 'HbA1c']);
    const choice = (await record.repo.create(writer(PRACTICE), sharingChoice(person.id!, 'recording-organisation', '2026-01-01T00:00:00Z'))).resource;
    expect(await observations(hospital, person)).toEqual(['ECG']);
    expect(await observations(gp, person)).toEqual(['HbA1c']);
    expect(await statusOf(record.repo.read(hospital, 'Patient', person.id!))).toBe(403);
    expect((await record.repo.read<Patient>(gp, 'Patient', person.id!)).id).toBe(person.id);
    // The newest active choice wins; withdrawing it brings back the one before; deleting the last brings back the default.
    const later = (await record.repo.create(writer(PRACTICE), sharingChoice(person.id!, 'all-partners', '2026-06-01T00:00:00Z'))).resource;
    expect(await observations(hospital, person)).toEqual(['ECG', 'HbA1c']);
    await record.repo.update(writer(PRACTICE), { ...later, status: 'inactive' });
    expect(await observations(hospital, person)).toEqual(['ECG']);
    await record.repo.delete(writer(PRACTICE), 'Consent', choice.id!);
    expect(await observations(hospital, person)).toEqual(['ECG', 'HbA1c']);
    const { rows } = await record.sql.query('SELECT choice FROM sharing_choice WHERE patient_id = $1', [person.id]);
    expect(rows).toEqual([]);
  });

  it('gp-and-treating lets only organisations treating the person now, by relationship basis', async () => {
    const person = await newPerson();
    await record.repo.importBatch(writer(PRACTICE), [{ ...sharingChoice(person.id!, 'gp-and-treating'), id: `choice-${person.id}` }]);
    // A referral is a care relationship, but not one of those treating the person now.
    expect(await observations(hospital, person)).toEqual([]);
    await relate(person, HOSPITAL, 'encounter');
    expect(await observations(hospital, person)).toEqual(['ECG', 'HbA1c']);
  });

  it('a clinician blocked by the choice can break glass, and the review says it overrode a dissent', async () => {
    const person = await newPerson();
    await record.repo.create(writer(PRACTICE), sharingChoice(person.id!, 'gp-and-treating'));
    const grant = await record.repo.breakGlass(staff('hospital_clinician', HOSPITAL, 'dr-glass'), { patientId: person.id!, reason: 'emergency', explanation: 'Collapsed in the car park' });
    expect(grant.overridesDissent).toBe(true);
    expect(await observations(staff('hospital_clinician', HOSPITAL, 'dr-glass'), person)).toEqual(['ECG', 'HbA1c']);
  });

  it('a voluntary-sector worker sees only people who agreed to share with their organisation, and only the shared types', async () => {
    const person = await newPerson();
    const volunteer = staff('voluntary_worker', CHARITY);
    expect(await statusOf(record.repo.read(volunteer, 'Patient', person.id!))).toBe(403);
    expect(await statusOf(record.repo.search(volunteer, 'Observation', []))).toBe(403);
    const carePlan = (await record.repo.create<CarePlan>(writer(PRACTICE), { resourceType: 'CarePlan', status: 'active', intent: 'plan', subject: { reference: `Patient/${person.id}` } })).resource;
    const consent = (await record.repo.create(writer(PRACTICE), voluntarySharing(person.id!, [CHARITY, 'Organization/other-charity']))).resource;
    expect((await record.repo.read<Patient>(volunteer, 'Patient', person.id!)).id).toBe(person.id);
    expect((await record.repo.search(volunteer, 'CarePlan', [['patient', `Patient/${person.id}`]])).matches.map((c) => c.id)).toEqual([carePlan.id]);
    expect(await statusOf(record.repo.read(staff('voluntary_worker', 'Organization/unrelated'), 'Patient', person.id!))).toBe(403);
    await record.repo.update(writer(PRACTICE), { ...consent, status: 'inactive' });
    expect(await statusOf(record.repo.read(volunteer, 'Patient', person.id!))).toBe(403);
  });

  it('opt-outs withhold the person from planning and research reads, in SQL, while direct care continues', async () => {
    const person = await newPerson();
    const planning = systemContext('PUBHLTH', 'test-warehouse');
    const research = systemContext('HRESCH', 'test-research');
    const feed = async (ctx: AccessContext) => {
      const seen: string[] = [];
      for await (const batch of record.repo.changes(ctx, { since: '0' })) {
        for (const item of batch.items) if (item.resource.resourceType === 'Observation' && (item.resource as Observation).subject?.reference === `Patient/${person.id}`) seen.push((item.resource as Observation).code.text!);
        for (const item of batch.items) if (item.resource.resourceType === 'Patient' && item.resource.id === person.id) seen.push('Patient');
      }
      return seen.sort();
    };
    expect(await feed(planning)).toEqual(['ECG', 'HbA1c', 'Patient']);
    // A Type 1 opt-out at the practice withholds what the practice recorded, nothing else.
    const type1 = (await record.repo.create(writer(PRACTICE), optOut(person.id!, 'type-1-opt-out', PRACTICE))).resource;
    expect(await feed(planning)).toEqual(['ECG']);
    expect(await feed(research)).toEqual(['ECG']);
    expect((await record.repo.search(planning, 'Observation', [['patient', `Patient/${person.id}`], ['_summary', 'count']])).total).toBe(1);
    // A national data opt-out withholds everything; direct care is untouched.
    const national = (await record.repo.create(writer(PRACTICE), optOut(person.id!, 'national-data-opt-out'))).resource;
    expect(await feed(planning)).toEqual([]);
    expect(await statusOf(record.repo.read(planning, 'Patient', person.id!))).toBe(404);
    expect(await observations(gp, person)).toEqual(['ECG', 'HbA1c']);
    expect(await observations(admin, person)).toEqual(['ECG', 'HbA1c']);
    // Withdrawn by status, the person is back.
    await record.repo.update(writer(PRACTICE), { ...national, status: 'inactive' });
    await record.repo.update(writer(PRACTICE), { ...type1, status: 'inactive' });
    expect(await feed(planning)).toEqual(['ECG', 'HbA1c', 'Patient']);
  });
});
