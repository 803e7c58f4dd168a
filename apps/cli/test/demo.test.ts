import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarePlan, CareTeam } from '@footprint/fhir';
import { STAFF_ROLES as ROLES, systemContext } from '@footprint/record';
import { openWarehouse } from '@footprint/warehouse';
import { prepareDemoFootprint } from '../src/demo/prepare';
import { openPlatform, type OpenPlatform } from '../src/platform';
import type { ProgressReporter } from '../src/progress';

const quiet: ProgressReporter = {
  start: () => ({ update() {}, increment() {}, setTotal() {}, stop() {} }),
  log: () => {},
};

/** 120 people, four of whom the demo registers a second time (the constructed duplicates the duplicates page shows). */
const DEMO_RECORDS = 120 + 4;
const patientCount = async (platform: OpenPlatform) =>
  (await platform.record.search(systemContext(), 'Patient', [['_summary', 'count']])).total ?? 0;

describe('footprint demo: preparing the demonstration footprint', () => {
  let dataDir: string;
  let platform: OpenPlatform;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-demo-'));
    platform = await openPlatform({ dataDir, embedded: true });
    await prepareDemoFootprint(platform, quiet, { people: 120 });
  }, 300_000);
  afterAll(async () => {
    await platform?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('loads a synthetic footprint into the record, builds the warehouse and seeds one user per role', async () => {
    expect(await patientCount(platform)).toBe(DEMO_RECORDS);
    const warehouse = await openWarehouse({ dataDir, engine: 'duckdb' });
    try {
      const [row] = await warehouse.query<{ n: number }>('SELECT count(*) AS n FROM patients');
      expect(Number(row.n)).toBeGreaterThan(100);
      expect(await warehouse.meta()).toBeDefined();
    } finally {
      await warehouse.close();
    }
    const users = JSON.parse(await readFile(join(dataDir, 'demo-users.json'), 'utf8')) as { users: { role: string }[] };
    expect(users.users.map((u) => u.role).sort()).toEqual([...ROLES].sort());
    expect((await stat(join(dataDir, 'credentials.json'))).mode & 0o777).toBe(0o600);
  });

  it('seeds the demo identity provider with synthetic citizens (one of them mismatched) and CIS2 staff', async () => {
    const identities = JSON.parse(await readFile(join(dataDir, 'demo-identities.json'), 'utf8')) as {
      citizens: Array<{ nhsNumber: string; matchesRecord: boolean; password: string }>;
      staff: Array<{ roles: Array<{ roleCode: string; organisation: { code: string } }> }>;
    };
    expect(identities.citizens.map((c) => c.matchesRecord)).toEqual([true, true, true, true, false]);
    for (const citizen of identities.citizens) {
      const found = await platform.record.search(systemContext(), 'Patient', [['identifier', `https://fhir.nhs.uk/Id/nhs-number|${citizen.nhsNumber}`]]);
      expect(found.matches).toHaveLength(1);
    }
    const twoOrganisations = identities.staff.find((s) => new Set(s.roles.map((r) => r.organisation.code)).size === 2);
    expect(twoOrganisations?.roles.map((r) => r.roleCode)).toEqual(['R8000', 'R8000']);
    expect(identities.staff.flatMap((s) => s.roles.map((r) => r.roleCode))).toContain('R0001');
    expect((await stat(join(dataDir, 'demo-identities.json'))).mode & 0o777).toBe(0o600);
  });

  it('gives shared care plans to show: a frailty plan the council has started on, and an end of life plan with its DNACPR decision', async () => {
    const plans = (await platform.record.search(systemContext(), 'CarePlan', [['category', 'https://fhir.footprint.example/CodeSystem/care-plan-template|frailty-anticipatory,https://fhir.footprint.example/CodeSystem/care-plan-template|end-of-life'], ['_count', '20']])).matches as CarePlan[];
    const kinds = plans.map((p) => p.category?.[0]?.coding?.[0]?.code);
    expect(kinds).toContain('frailty-anticipatory');
    expect(kinds).toContain('end-of-life');
    const frailty = plans.find((p) => p.category?.[0]?.coding?.[0]?.code === 'frailty-anticipatory' && p.meta?.versionId === '2')!;
    expect(frailty.activity?.map((a) => a.detail?.status)).toContain('in-progress');
    const team = (await platform.record.read<CareTeam>(systemContext(), 'CareTeam', frailty.careTeam![0].reference!.split('/')[1]));
    expect(new Set(team.participant?.map((m) => m.onBehalfOf?.reference)).size).toBeGreaterThanOrEqual(2);
    const endOfLife = plans.find((p) => p.category?.[0]?.coding?.[0]?.code === 'end-of-life')!;
    expect(endOfLife.extension?.find((e) => e.url.endsWith('resuscitation-decision'))?.extension?.find((e) => e.url === 'decision')?.valueCode).toBe('do-not-attempt-cpr');
  });

  it('gives social prescribing to show: the voluntary organisation’s services in the directory, and an accepted referral with the person’s consent and wellbeing before', async () => {
    const services = await platform.record.search(systemContext(), 'HealthcareService', [['service-category', 'https://fhir.footprint.example/CodeSystem/service-directory|social-prescribing'], ['_count', '50']]);
    expect(services.matches.length).toBeGreaterThanOrEqual(5);
    const referrals = await platform.record.search(systemContext(), 'ServiceRequest', [['category', 'https://fhir.footprint.example/CodeSystem/referral-category|social-prescribing'], ['_count', '50']]);
    const prescribed = referrals.matches.find((r) => (r as { performer?: Array<{ reference?: string }> }).performer?.some((p) => p.reference?.startsWith('HealthcareService/')));
    expect(prescribed).toBeDefined();
    const consents = await platform.record.search(systemContext(), 'Consent', [['patient', (prescribed as { subject: { reference: string } }).subject.reference], ['_count', '10']]);
    expect(consents.matches.some((c) => JSON.stringify(c).includes('voluntary-sharing'))).toBe(true);
    const answers = await platform.record.search(systemContext(), 'QuestionnaireResponse', [['based-on', `ServiceRequest/${prescribed!.id}`]]);
    expect(answers.matches).toHaveLength(1);
  });

  it('gives care coordination work to show: referrals in every state, a held team meeting with its outcome, and the next one planned', async () => {
    const referrals = await platform.record.search(systemContext(), 'Task', [['code', 'http://hl7.org/fhir/CodeSystem/task-code|fulfill'], ['_count', '100']]);
    expect(new Set(referrals.matches.map((t) => (t as { status: string }).status))).toEqual(new Set(['requested', 'accepted', 'in-progress', 'completed', 'rejected']));
    const meetings = (await platform.sql.query<{ status: string; people: string; outcomes: string }>(
      `SELECT m.status, (SELECT count(*) FROM coordination_meeting_person p WHERE p.meeting_id = m.id) AS people,
              (SELECT count(*) FROM coordination_meeting_person p WHERE p.meeting_id = m.id AND cardinality(p.outcome_refs) > 0) AS outcomes
         FROM coordination_meeting m ORDER BY m.held_on`,
    )).rows.map((r) => ({ status: r.status, people: Number(r.people), outcomes: Number(r.outcomes) }));
    expect(meetings[0]).toEqual({ status: 'held', people: 1, outcomes: 1 });
    expect(meetings[1]).toMatchObject({ status: 'planned', outcomes: 0 });
    expect(meetings[1].people).toBeGreaterThan(0);
  });

  it('reuses what is there on the next start: no second copy of anyone', async () => {
    const before = await readFile(join(dataDir, 'demo-identities.json'), 'utf8');
    await prepareDemoFootprint(platform, quiet, { people: 120 });
    expect(await patientCount(platform)).toBe(DEMO_RECORDS);
    expect(await readFile(join(dataDir, 'demo-identities.json'), 'utf8')).toBe(before);
  }, 300_000);
});
