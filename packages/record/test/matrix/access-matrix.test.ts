import type { Condition, Encounter, Organization, Patient, Resource } from '@footprint/fhir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCIAL_CARE_EPISODE } from '../../src/access/relationships/codes';
import { staffContext } from '../../src/access/staff-policy';
import { CONFIDENTIALITY_SYSTEM } from '../../src/access/trust-codes';
import type { AccessContext } from '../../src/access-context';
import type { OpenRecord } from '../../src/create-record';
import type { Repository, SearchParams } from '../../src/repository';
import { testEngines } from '../engines';
import { expected, INTERACTIONS, RELATIONSHIPS, ROLES, SENSITIVITIES, type Cell, type Relationship, type Role, type RowFacts, type Sensitivity } from './dimensions';

const SCT = 'http://snomed.info/sct';
const HIV = { coding: [{ system: SCT, code: '86406008', display: 'Human immunodeficiency virus infection' }] };
const HYPERTENSION = { coding: [{ system: SCT, code: '38341003', display: 'Hypertensive disorder' }] };
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

interface Person {
  relationship: Relationship;
  patient: Patient;
  family: string;
  /** The sensitivity items (one Condition per sensitivity) and the visit that lists them. */
  items: Map<Sensitivity, Condition>;
  visit: Encounter;
}

/**
 * The access matrix (issue 9 §5): role × care relationship × sensitivity × interaction, every
 * combination generated from the dimensions, each with its expected allow or deny, and 0 leaks
 * (nothing shown that should be withheld, counts included) and 0 misses.
 */
describe.each(testEngines())('the access matrix on $name', ({ open }) => {
  let record: OpenRecord;
  let repo: Repository;
  const facts = new Map<string, RowFacts>();
  const people: Person[] = [];
  let org: Organization;
  let other: Organization;
  const cells: Cell[] = [];

  const writer = (organisation: Organization): AccessContext => ({
    principal: { kind: 'client', id: 'matrix-writer' },
    organisation: { reference: `Organization/${organisation.id}` },
    scopes: ['system/*.cruds'],
    purpose: 'TREAT',
  });
  async function put<T extends Resource>(by: Organization, resource: T, fact: Omit<RowFacts, 'resourceType'>): Promise<T> {
    const stored = (await repo.create<T>(writer(by), resource)).resource;
    facts.set(`${stored.resourceType}/${stored.id}`, { resourceType: stored.resourceType, ...fact });
    return stored;
  }

  beforeAll(async () => {
    record = await open();
    repo = record.repo;
    const seed = writer({ resourceType: 'Organization', id: 'seed' });
    org = (await repo.create<Organization>(seed, { resourceType: 'Organization', name: 'Matrix Council', type: [{ coding: [{ code: 'local_authority' }] }] })).resource;
    other = (await repo.create<Organization>(seed, { resourceType: 'Organization', name: 'Other Trust' })).resource;
    for (const o of [org, other]) facts.set(`Organization/${o.id}`, { resourceType: 'Organization', sensitivity: 'normal' });
    await put(other, { resourceType: 'Practitioner', name: [{ family: 'Shared' }] }, { sensitivity: 'normal' });
    const at = (o: Organization) => ({ reference: `Organization/${o.id}` });

    for (const [i, relationship] of RELATIONSHIPS.entries()) {
      const family = `Matrix${i}x`;
      const fact = { person: relationship, sensitivity: 'normal' as const };
      const patient = await put<Patient>(other, { resourceType: 'Patient', name: [{ family }], ...(relationship === 'registered-gp' ? { generalPractitioner: [at(org)] } : {}) }, fact);
      const subject = { reference: `Patient/${patient.id}` };
      switch (relationship) {
        case 'episode-of-care':
          await put(org, { resourceType: 'EpisodeOfCare', status: 'active', patient: subject, managingOrganization: at(org) }, fact);
          break;
        case 'social-care-episode':
          await put(org, { resourceType: 'EpisodeOfCare', status: 'active', type: [{ coding: [{ ...SOCIAL_CARE_EPISODE }] }], patient: subject, managingOrganization: at(org) }, fact);
          break;
        case 'encounter':
        case 'encounter-over-12-months': {
          const start = relationship === 'encounter' ? daysAgo(30) : daysAgo(800);
          await put(org, { resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, subject, serviceProvider: at(org), period: { start, end: start } }, fact);
          break;
        }
        case 'referral':
          await put(org, { resourceType: 'ServiceRequest', status: 'active', intent: 'order', subject, performer: [at(org)] }, fact);
          break;
        case 'care-team':
          await put(org, { resourceType: 'CareTeam', status: 'active', subject, managingOrganization: [at(org)] }, fact);
          break;
        case 'registered-gp':
        case 'none':
          break;
      }
      await put(other, { resourceType: 'Observation', status: 'final', code: { text: 'blood pressure' }, subject }, fact);
      const items = new Map<Sensitivity, Condition>();
      for (const sensitivity of SENSITIVITIES) {
        const by = sensitivity.endsWith('same-org') ? org : other;
        const labelled = sensitivity.startsWith('label') ? { meta: { security: [{ system: CONFIDENTIALITY_SYSTEM, code: 'R' }] } } : {};
        const code = sensitivity.startsWith('code') ? HIV : HYPERTENSION;
        items.set(sensitivity, await put<Condition>(by, { resourceType: 'Condition', ...labelled, code, subject }, { person: relationship, sensitivity }));
      }
      const visit = await put<Encounter>(
        other,
        { resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, subject, serviceProvider: at(other), period: { start: daysAgo(3) }, diagnosis: [...items.values()].map((c) => ({ condition: { reference: `Condition/${c.id}` } })) },
        fact,
      );
      people.push({ relationship, patient, family, items, visit });
    }
  }, 600_000);
  afterAll(async () => record?.close());

  function contextFor(role: Role, self: Person): AccessContext {
    if (role === 'patient') return { principal: { kind: 'patient', id: self.patient.id!, nhsNumber: '9990000018' }, scopes: ['patient/*.rs'], purpose: 'TREAT' };
    const ctx = staffContext({ id: `matrix-${role}`, displayName: role, role, organisation: { code: 'MX1', reference: `Organization/${org.id}` } }, role === 'administrator' ? 'HOPERAT' : 'TREAT');
    return ctx;
  }
  /** What the record answered: the `Type/id`s shown, or none when it refused (403/404/410). */
  async function shown(run: () => Promise<Resource[]>): Promise<string[]> {
    try {
      return (await run()).map((r) => `${r.resourceType}/${r.id}`);
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 403 || status === 404 || status === 410) return [];
      throw error;
    }
  }
  const search = (ctx: AccessContext, type: string, params: SearchParams, part: 'matches' | 'includes' = 'matches') => shown(async () => (await repo.search(ctx, type, params))[part]);

  it('generates every cell and answers each as expected, with 0 leaks and 0 misses', async () => {
    for (const role of ROLES) {
      for (const person of people) {
        // A patient principal is the person of the row; staff act for the organisation.
        const ctx = contextFor(role, person);
        const oracle = (ref: string) => {
          const fact = facts.get(ref);
          if (!fact) throw new Error(`unknown row ${ref}`);
          return expected(role, fact, role === 'patient' ? person.relationship : undefined);
        };
        const record = (sensitivity: Cell['sensitivity'], interaction: Cell['interaction'], ref: string, actual: boolean) =>
          cells.push({ role, relationship: person.relationship, sensitivity, interaction, expected: oracle(ref), actual });
        const patientRef = `Patient/${person.patient.id}`;
        // Every row a query returns must be allowed, whichever cell asked: anything else is a leak.
        const unexpected: string[] = [];
        const check = (answer: string[]) => {
          for (const ref of answer) if (!oracle(ref)) unexpected.push(ref);
          return answer;
        };

        record('person', 'read', patientRef, (await shown(async () => [await repo.read(ctx, 'Patient', person.patient.id!)])).length === 1);
        const revinclude = check(await search(ctx, 'Patient', [['_id', person.patient.id!], ['_revinclude', 'Condition:subject']], 'includes'));
        const everything = check(await shown(async () => { const r = await repo.everything(ctx, person.patient.id!, {}); return [...r.matches, ...r.includes]; }));
        const chained = check(await search(ctx, 'Condition', [['subject:Patient.family', person.family], ['_count', '50']]));
        const included = check(await search(ctx, 'Encounter', [['_id', person.visit.id!], ['_include', 'Encounter:diagnosis']], 'includes'));
        const typeHistory = check(await shown(async () => (await repo.history(ctx, { resourceType: 'Condition', count: 1000 })).entries.flatMap((e) => (e.resource ? [e.resource] : []))));
        let counted: number | undefined;
        try {
          counted = (await repo.search(ctx, 'Condition', [['patient', patientRef], ['_summary', 'count']])).total;
        } catch {
          counted = 0;
        }
        const visibleConditions = [...person.items.values()].filter((c) => oracle(`Condition/${c.id}`)).length;
        cells.push({ role, relationship: person.relationship, sensitivity: 'person', interaction: 'count', expected: true, actual: (counted ?? 0) === visibleConditions });

        for (const [sensitivity, item] of person.items) {
          const ref = `Condition/${item.id}`;
          record(sensitivity, 'read', ref, (await shown(async () => [await repo.read(ctx, 'Condition', item.id!)])).length === 1);
          record(sensitivity, 'vread', ref, (await shown(async () => [await repo.vread(ctx, 'Condition', item.id!, '1')])).length === 1);
          record(sensitivity, 'search', ref, (check(await search(ctx, 'Condition', [['_id', item.id!]]))).includes(ref));
          record(sensitivity, '_revinclude', ref, revinclude.includes(ref));
          record(sensitivity, '_include', ref, included.includes(ref));
          record(sensitivity, 'chaining', ref, chained.includes(ref));
          record(sensitivity, '_has', ref, check(await shown(async () => (await repo.search(ctx, 'Patient', [['_has:Condition:subject:_id', item.id!]], { handling: 'strict' })).matches)).includes(patientRef));
          record(sensitivity, '$everything', ref, everything.includes(ref));
          record(sensitivity, 'history-type', ref, typeHistory.includes(ref));
          const instance = await shown(async () => (await repo.history(ctx, { resourceType: 'Condition', id: item.id! })).entries.flatMap((e) => (e.resource ? [e.resource] : [])));
          record(sensitivity, 'history-instance', ref, check(instance).includes(ref));
        }
        expect(unexpected, `${role} / ${person.relationship}: rows shown that should be withheld`).toEqual([]);
      }
    }
    const combinations = new Set(cells.map((c) => `${c.role}|${c.relationship}|${c.sensitivity}|${c.interaction}`));
    expect(combinations.size).toBe(ROLES.length * RELATIONSHIPS.length * (SENSITIVITIES.length * (INTERACTIONS.length - 1) + 2));
    const leaks = cells.filter((c) => c.actual && !c.expected);
    const misses = cells.filter((c) => !c.actual && c.expected);
    expect(leaks, 'leaks').toEqual([]);
    expect(misses, 'misses').toEqual([]);
    // The matrix is not trivially one-sided: some cells allow and some deny for every role that reads.
    expect(cells.filter((c) => c.expected).length).toBeGreaterThan(100);
    expect(cells.filter((c) => !c.expected).length).toBeGreaterThan(100);
  }, 900_000);

  it('answers a staff user without a relationship the same 403 for an existing and a missing person', async () => {
    const gp = contextFor('gp_clinician', people[0]);
    const unrelated = people.find((p) => p.relationship === 'none')!;
    const errors = await Promise.all([unrelated.patient.id!, 'no-such-person'].map((id) => repo.read(gp, 'Patient', id).catch((e: { status: number; outcome: unknown }) => e)));
    expect(errors.map((e) => (e as { status: number }).status)).toEqual([403, 403]);
    expect((errors[0] as { outcome: unknown }).outcome).toEqual((errors[1] as { outcome: unknown }).outcome);
    expect(JSON.stringify((errors[0] as { outcome: unknown }).outcome)).toMatch(/no care relationship.*break glass/);
  });
});
