import type { Condition, Consent, Organization, Patient, Resource } from '@footprint/fhir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCIAL_WORKER_TYPES, staffContext, VOLUNTARY_ADDRESSED_TYPES, VOLUNTARY_SHARED_TYPES } from '../../src/access/staff-policy';
import type { AccessContext } from '../../src/access-context';
import type { OpenRecord } from '../../src/create-record';
import type { Repository } from '../../src/repository';
import { testEngines } from '../engines';
import { sharingChoice, voluntarySharing } from '../trust/consents';

/**
 * The person's-control matrix: role × the organisation's relationship with the person × the
 * person's sharing choice × break-glass × interaction, every combination generated from the
 * lists below, each checked row by row against an oracle written from the rules in
 * docs/break-glass-and-consent.md (not from the policy's code): 0 leaks, 0 misses, exact counts.
 */
const ROLES = ['gp_clinician', 'hospital_clinician', 'social_worker', 'voluntary_worker'] as const;
type Role = (typeof ROLES)[number];
const RELATIONSHIPS = ['none', 'registered-gp', 'referral', 'encounter'] as const;
type Relationship = (typeof RELATIONSHIPS)[number];
const CHOICES = ['default', 'all-partners', 'gp-and-treating', 'recording-organisation', 'voluntary-share'] as const;
type Choice = (typeof CHOICES)[number];
const BREAK_GLASS = ['none', 'active'] as const;
type BreakGlass = (typeof BREAK_GLASS)[number];
const INTERACTIONS = ['read Patient', 'search Condition', 'count Condition', '$everything'] as const;
type Interaction = (typeof INTERACTIONS)[number];

/** Who may break glass, as the docs list them. */
const BREAK_GLASS_ROLES: readonly Role[] = ['gp_clinician', 'hospital_clinician', 'social_worker'];
/** "Those treating me now": registration, an open episode, a recent encounter, an active care team, an open social care episode; not a referral. */
const TREATING_NOW: readonly Relationship[] = ['registered-gp', 'encounter'];

const SCT = 'http://snomed.info/sct';
const HIV = { coding: [{ system: SCT, code: '86406008', display: 'Human immunodeficiency virus infection' }] };
const HYPERTENSION = { coding: [{ system: SCT, code: '38341003', display: 'Hypertensive disorder' }] };
const ASTHMA = { coding: [{ system: SCT, code: '195967001', display: 'Asthma' }] };
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

interface Row {
  ref: string;
  resourceType: string;
  /** Recorded by the user's organisation (`org`) or by the other one. */
  by: 'org' | 'other';
  sensitive: boolean;
  /** A referral or task addressed to the user's organisation (ServiceRequest.performer, Task.owner). */
  addressed?: boolean;
}
interface Person {
  relationship: Relationship;
  choice: Choice;
  breakGlass: BreakGlass;
  patient: Patient;
  rows: Row[];
}
interface Cell {
  role: Role;
  relationship: Relationship;
  choice: Choice;
  breakGlass: BreakGlass;
  interaction: Interaction;
  expected: string[];
  actual: string[];
}

/**
 * May a `role` user acting for `org` see `row` of `person`? Never a sensitive row another
 * organisation recorded. Voluntary workers: only the voluntary-shared types and the referrals
 * addressed to their organisation, and only when the
 * person's voluntary-sharing Consent names `org` (no relationship needed, no break-glass). Others:
 * only their role's types, and then with a relationship the sharing choice permits, or a
 * running break-glass grant.
 */
function oracle(role: Role, person: Person, row: Row): boolean {
  if (row.sensitive && row.by !== 'org') return false;
  if (role === 'voluntary_worker') {
    const shared = (VOLUNTARY_SHARED_TYPES as readonly string[]).includes(row.resourceType) || ((VOLUNTARY_ADDRESSED_TYPES as readonly string[]).includes(row.resourceType) && row.addressed === true);
    return shared && person.choice === 'voluntary-share';
  }
  if (role === 'social_worker' && !SOCIAL_WORKER_TYPES.includes(row.resourceType)) return false;
  if (person.breakGlass === 'active' && BREAK_GLASS_ROLES.includes(role)) return true;
  if (person.relationship === 'none') return false;
  switch (person.choice) {
    case 'default':
    case 'all-partners':
    case 'voluntary-share':
      return true;
    case 'gp-and-treating':
      return TREATING_NOW.includes(person.relationship);
    case 'recording-organisation':
      return row.by === 'org';
  }
}

describe.each(testEngines())('the consent and break-glass matrix on $name', ({ open }) => {
  let record: OpenRecord;
  let repo: Repository;
  let org: Organization;
  let other: Organization;
  const people: Person[] = [];
  /** Every person row written, by reference, to recognise another person's row as a leak. */
  const owner = new Map<string, Person>();
  const cells: Cell[] = [];
  const refusedBreakGlass: number[] = [];

  const writer = (organisation: Organization): AccessContext => ({
    principal: { kind: 'client', id: 'consent-matrix-writer' },
    organisation: { reference: `Organization/${organisation.id}` },
    scopes: ['system/*.cruds'],
    purpose: 'TREAT',
  });
  const userOf = (role: Role): AccessContext =>
    staffContext({ id: `consent-matrix-${role}`, displayName: role, role, organisation: { code: 'CM1', reference: `Organization/${org.id}` } }, 'TREAT');

  beforeAll(async () => {
    record = await open();
    repo = record.repo;
    const seed = writer({ resourceType: 'Organization', id: 'seed' });
    org = (await repo.create<Organization>(seed, { resourceType: 'Organization', name: 'Consent Matrix Partner' })).resource;
    other = (await repo.create<Organization>(seed, { resourceType: 'Organization', name: 'Consent Matrix Other' })).resource;
    const at = (o: Organization) => ({ reference: `Organization/${o.id}` });

    let i = 0;
    for (const relationship of RELATIONSHIPS) {
      for (const choice of CHOICES) {
        for (const breakGlass of BREAK_GLASS) {
          const rows: Row[] = [];
          const put = async <T extends Resource>(by: 'org' | 'other', resource: T, sensitive = false): Promise<T> => {
            const stored = (await repo.create<T>(writer(by === 'org' ? org : other), resource)).resource;
            rows.push({ ref: `${stored.resourceType}/${stored.id}`, resourceType: stored.resourceType, by, sensitive });
            return stored;
          };
          const patient = await put<Patient>('other', {
            resourceType: 'Patient',
            name: [{ family: `Consent${i++}x` }],
            ...(relationship === 'registered-gp' ? { generalPractitioner: [at(org)] } : {}),
          });
          const subject = { reference: `Patient/${patient.id}` };
          if (relationship === 'encounter') {
            const start = daysAgo(30);
            await put('org', { resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, subject, serviceProvider: at(org), period: { start, end: start } });
          } else if (relationship === 'referral') {
            await put('org', { resourceType: 'ServiceRequest', status: 'active', intent: 'order', subject, performer: [at(org)] });
            rows.at(-1)!.addressed = true;
          }
          if (choice === 'voluntary-share') await put<Consent>('other', voluntarySharing(patient.id!, [`Organization/${org.id}`]));
          else if (choice !== 'default') await put<Consent>('other', sharingChoice(patient.id!, choice));
          await put<Condition>('org', { resourceType: 'Condition', code: HYPERTENSION, subject });
          await put<Condition>('other', { resourceType: 'Condition', code: ASTHMA, subject });
          await put<Condition>('other', { resourceType: 'Condition', code: HIV, subject }, true);
          const person: Person = { relationship, choice, breakGlass, patient, rows };
          for (const row of rows) owner.set(row.ref, person);
          people.push(person);
          if (breakGlass === 'active') {
            for (const role of ROLES) {
              const request = { patientId: patient.id!, reason: 'emergency' as const, explanation: `Consent matrix: ${role} needs the record now` };
              if (BREAK_GLASS_ROLES.includes(role)) await repo.breakGlass(userOf(role), request);
              else refusedBreakGlass.push(await repo.breakGlass(userOf(role), request).then(() => 200, (e: { status?: number }) => e.status ?? 500));
            }
          }
        }
      }
    }
  }, 600_000);
  afterAll(async () => record?.close());

  /** The `Type/id`s the record answered, or none when it refused (403/404). */
  async function shown(run: () => Promise<Resource[]>): Promise<string[]> {
    try {
      return (await run()).map((r) => `${r.resourceType}/${r.id}`);
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 403 || status === 404) return [];
      throw error;
    }
  }

  it('generates every cell and answers each as the rules say, with 0 leaks, 0 misses and exact counts', async () => {
    expect(refusedBreakGlass.length).toBeGreaterThan(0);
    expect(new Set(refusedBreakGlass)).toEqual(new Set([403]));
    for (const role of ROLES) {
      const ctx = userOf(role);
      for (const person of people) {
        const id = person.patient.id!;
        const visible = person.rows.filter((row) => oracle(role, person, row));
        const visibleRefs = new Set(visible.map((r) => r.ref));
        const conditions = visible.filter((r) => r.resourceType === 'Condition').map((r) => r.ref);
        const patientVisible = visibleRefs.has(`Patient/${id}`);
        const cell = (interaction: Interaction, expected: string[], actual: string[]) =>
          cells.push({ role, relationship: person.relationship, choice: person.choice, breakGlass: person.breakGlass, interaction, expected: [...expected].sort(), actual: [...actual].sort() });

        cell('read Patient', patientVisible ? [`Patient/${id}`] : [], await shown(async () => [await repo.read(ctx, 'Patient', id)]));
        cell('search Condition', conditions, await shown(async () => (await repo.search(ctx, 'Condition', [['patient', `Patient/${id}`], ['_count', '50']])).matches));
        let total = 0;
        try {
          total = (await repo.search(ctx, 'Condition', [['patient', `Patient/${id}`], ['_summary', 'count']])).total ?? 0;
        } catch (error) {
          const status = (error as { status?: number }).status;
          if (status !== 403 && status !== 404) throw error;
        }
        // A count is compared as a count: `n` placeholders for what was expected and what was answered.
        cell('count Condition', conditions.map((_, n) => `#${n}`), Array.from({ length: total }, (_, n) => `#${n}`));
        // $everything is an operation on the Patient: nothing unless the Patient itself may be seen.
        // Rows that belong to no person (the organisations named) are left aside; another person's row is a leak.
        const everything = await shown(async () => {
          const r = await repo.everything(ctx, id, {});
          return [...r.matches, ...r.includes];
        });
        cell('$everything', patientVisible ? [...visibleRefs] : [], [...new Set(everything.filter((ref) => owner.has(ref)))]);
      }
    }

    const key = (c: Cell) => `${c.role}|${c.relationship}|${c.choice}|${c.breakGlass}|${c.interaction}`;
    expect(new Set(cells.map(key)).size).toBe(ROLES.length * RELATIONSHIPS.length * CHOICES.length * BREAK_GLASS.length * INTERACTIONS.length);
    expect(cells).toHaveLength(640);
    const leaks = cells.flatMap((c) => c.actual.filter((ref) => !c.expected.includes(ref)).map((ref) => `${key(c)}: ${ref}`));
    const misses = cells.flatMap((c) => c.expected.filter((ref) => !c.actual.includes(ref)).map((ref) => `${key(c)}: ${ref}`));
    expect(leaks, 'leaks').toEqual([]);
    expect(misses, 'misses').toEqual([]);
    // Not trivially one-sided: plenty of cells allow something and plenty deny everything.
    const allows = cells.filter((c) => c.expected.length > 0).length;
    const denies = cells.filter((c) => c.expected.length === 0).length;
    expect(allows).toBeGreaterThan(100);
    expect(denies).toBeGreaterThan(100);
    // The sensitive Condition another organisation recorded is never shown, break-glass or not.
    const hiv = new Set(people.flatMap((p) => p.rows.filter((r) => r.sensitive).map((r) => r.ref)));
    expect(cells.filter((c) => c.actual.some((ref) => hiv.has(ref)))).toEqual([]);
  }, 600_000);
});
