import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Encounter, Organization, Patient } from '@footprint/fhir';
import { systemContext } from '@footprint/record';
import { upsertUser } from '../src/api/auth/users';
import { startTestServer, storageKinds, testNhsNumber, type TestServer } from './support';

const ODS = 'https://fhir.nhs.uk/Id/ods-organization-code';
const KIND = 'https://fhir.footprint.example/CodeSystem/organisation-kind';
const NHS = 'https://fhir.nhs.uk/Id/nhs-number';

type Who = { cookie: string; csrf: string };

/**
 * The privacy officer's audit search and unusual-access report through the real server on real
 * storage: staff open records through the web API (so the audit is the record's own), then the
 * officer searches and reports; refusals, bad filters and the scope are checked, and so is the
 * audit of the officer's own looks.
 */
describe.each(storageKinds)('privacy officer audit search and unusual access on %s', (kind) => {
  let server: TestServer;
  const people: Array<{ id: string; nhsNumber: string }> = [];
  let colleague: { id: string; nhsNumber: string };
  let namesake: { id: string; nhsNumber: string };
  let stranger: { id: string; nhsNumber: string };
  let trustId: string;
  let practiceId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(kind);
    const { platform } = server;
    const ctx = systemContext();
    const org = async (name: string, code: string, orgKind: string) =>
      (await platform.record.create<Organization>(ctx, { resourceType: 'Organization', name, identifier: [{ system: ODS, value: code }], type: [{ coding: [{ system: KIND, code: orgKind }] }] })).resource;
    const practice = await org('Riverside Surgery', 'N81001', 'gp_practice');
    const trust = await org('Countess Hospital NHS Trust', 'RJR', 'acute_trust');
    const partnership = await org('Cheshire Partnership', 'QYG', 'partnership');
    trustId = trust.id!;
    practiceId = practice.id!;
    const atPractice = { ...ctx, organisation: { reference: `Organization/${practice.id}` } };
    const person = async (seed: number, family: string, given: string, seenAtTrust: boolean) => {
      const nhsNumber = testNhsNumber(seed);
      const created = await platform.record.create<Patient>(atPractice, {
        resourceType: 'Patient',
        identifier: [{ system: NHS, value: nhsNumber }],
        name: [{ family, given: [given] }],
        generalPractitioner: [{ reference: `Organization/${practice.id}` }],
      });
      if (seenAtTrust) {
        await platform.record.create<Encounter>(ctx, {
          resourceType: 'Encounter',
          status: 'finished',
          class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
          subject: { reference: `Patient/${created.resource.id}` },
          period: { start: '2026-01-10T10:00:00Z', end: '2026-01-10T11:00:00Z' },
          serviceProvider: { reference: `Organization/${trust.id}` },
        });
      }
      return { id: created.resource.id!, nhsNumber };
    };
    for (let i = 0; i < 4; i++) people.push(await person(7100 + i, `Person${String.fromCharCode(65 + i)}`, 'Sam', true));
    colleague = await person(7200, 'Okonjo', 'Ada', true);
    namesake = await person(7201, 'Hughes', 'Lee', true);
    stranger = await person(7202, 'Nobody', 'Kim', false);

    const atTrust = { code: 'RJR', name: trust.name!, reference: `Organization/${trust.id}` };
    await upsertUser(platform.sql, { username: 'doctor', role: 'hospital_clinician', displayName: 'Dr Tom Hughes', password: 'doctor password', organisation: atTrust });
    await upsertUser(platform.sql, { username: 'nurse', role: 'hospital_clinician', displayName: 'Ada Okonjo', password: 'nurse password', organisation: atTrust });
    await upsertUser(platform.sql, { username: 'officer', role: 'privacy_officer', displayName: 'Pat Officer', password: 'officer password', organisation: atTrust });
    await upsertUser(platform.sql, {
      username: 'footprint.officer',
      role: 'privacy_officer',
      displayName: 'Lou Partnership',
      password: 'partnership officer password',
      organisation: { code: 'QYG', name: partnership.name!, reference: `Organization/${partnership.id}` },
    });
    await upsertUser(platform.sql, { username: 'gp', role: 'gp_clinician', displayName: 'Dr Gita Rao', password: 'gp password', organisation: { code: 'N81001', name: practice.name!, reference: `Organization/${practice.id}` } });
    const { rows } = await platform.sql.query<{ id: string; username: string }>('SELECT id, username FROM web_users');
    for (const row of rows) ids[row.username] = row.id;

    // The doctor opens six people's records (a burst), among them a colleague's and a namesake's;
    // then breaks glass for someone the trust has never seen. The GP opens one record at the practice.
    const doctor = await signIn('doctor', 'doctor password');
    for (const p of [...people, colleague, namesake]) expect((await call(doctor, 'GET', `/api/care-record/patients/${p.id}`)).statusCode).toBe(200);
    const glass = await call(doctor, 'POST', '/api/care-record/break-glass', { nhsNumber: stranger.nhsNumber, reason: 'emergency', explanation: 'Collapsed in the car park' });
    expect(glass.statusCode).toBe(200);
    expect((await call(doctor, 'GET', `/api/care-record/patients/${stranger.id}`)).statusCode).toBe(200);
    const gp = await signIn('gp', 'gp password');
    expect((await call(gp, 'GET', `/api/care-record/patients/${people[0].id}`)).statusCode).toBe(200);
  });
  afterAll(async () => server?.close());

  async function signIn(username: string, password: string): Promise<Who> {
    const response = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
    expect(response.statusCode).toBe(200);
    return { cookie: String(response.headers['set-cookie']).split(';')[0], csrf: (response.json() as { csrfToken: string }).csrfToken };
  }
  async function call(who: Who, method: 'GET' | 'POST', url: string, payload?: object) {
    return server.app.inject({ method, url, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf }, ...(payload ? { payload } : {}) });
  }
  const officer = () => signIn('officer', 'officer password');

  it('is the privacy officer’s alone', async () => {
    const doctor = await signIn('doctor', 'doctor password');
    for (const url of ['/api/privacy/audit', '/api/privacy/audit/options', '/api/privacy/unusual-access']) {
      const refused = await call(doctor, 'GET', url);
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    expect((await server.app.inject({ method: 'GET', url: '/api/privacy/audit' })).statusCode).toBe(401);
  });

  it('finds every access to one person by NHS number: who, what, when, why and the outcome', async () => {
    const me = await officer();
    const response = await call(me, 'GET', `/api/privacy/audit?nhsNumber=${colleague.nhsNumber.replace(/(\d{3})(\d{3})(\d{4})/, '$1 $2 $3')}`);
    expect(response.statusCode).toBe(200);
    const answer = response.json();
    expect(answer.scope).toEqual({ kind: 'organisation', organisation: { code: 'RJR', name: 'Countess Hospital NHS Trust' } });
    expect(answer.entries.length).toBeGreaterThan(0);
    for (const entry of answer.entries) {
      expect(entry.people).toContainEqual({ nhsNumber: colleague.nhsNumber });
      expect(entry.organisation).toEqual({ code: 'RJR', name: 'Countess Hospital NHS Trust' });
    }
    expect(answer.entries[0]).toMatchObject({
      who: { kind: 'staff', id: ids.doctor, name: 'Dr Tom Hughes', roleLabel: 'Hospital clinician' },
      purpose: { code: 'TREAT', label: 'Direct care' },
      breakGlass: false,
      outcome: { code: '0', label: 'Allowed' },
    });
    expect(answer.entries.map((e: { when: string }) => e.when)).toEqual([...answer.entries.map((e: { when: string }) => e.when)].sort().reverse());
    // No names in the answer: people appear by NHS number only.
    expect(response.body).not.toContain('Okonjo');
  });

  it('marks break-glass, and filters by purpose and by user', async () => {
    const me = await officer();
    const emergency = (await call(me, 'GET', '/api/privacy/audit?purpose=ETREAT')).json();
    expect(emergency.entries.length).toBeGreaterThanOrEqual(2);
    expect(emergency.entries.every((e: { breakGlass: boolean; who: { id: string } }) => e.breakGlass && e.who.id === ids.doctor)).toBe(true);
    expect(emergency.entries.map((e: { action: string }) => e.action)).toContain('Broke glass');
    expect(emergency.entries.flatMap((e: { people: unknown[] }) => e.people)).toContainEqual({ nhsNumber: stranger.nhsNumber });

    const byNurse = (await call(me, 'GET', `/api/privacy/audit?user=${ids.nurse}`)).json();
    expect(byNurse.entries).toEqual([]);
    const byDoctor = (await call(me, 'GET', `/api/privacy/audit?user=${ids.doctor}&count=200`)).json();
    expect(byDoctor.entries.length).toBeGreaterThan(8);
    expect(byDoctor.entries.every((e: { who: { id: string } }) => e.who.id === ids.doctor)).toBe(true);
  });

  it('filters by date and pages without gaps or repeats', async () => {
    const me = await officer();
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await call(me, 'GET', `/api/privacy/audit?from=${tomorrow}`)).json().entries).toEqual([]);
    expect((await call(me, 'GET', '/api/privacy/audit?to=2020-01-01')).json().entries).toEqual([]);
    const all = (await call(me, 'GET', `/api/privacy/audit?user=${ids.doctor}&from=${today}&to=${today}&count=200`)).json().entries.map((e: { id: string }) => e.id);
    expect(all.length).toBeGreaterThan(4);
    const seen: string[] = [];
    let next: string | undefined;
    do {
      const page = (await call(me, 'GET', `/api/privacy/audit?user=${ids.doctor}&from=${today}&to=${today}&count=3${next ? `&before=${next}` : ''}`)).json();
      expect(page.entries.length).toBeLessThanOrEqual(3);
      seen.push(...page.entries.map((e: { id: string }) => e.id));
      next = page.next;
    } while (next);
    expect(seen).toEqual(all);
  });

  it('keeps a trust’s officer to the trust; the partnership’s officer sees the footprint', async () => {
    const me = await officer();
    const mine = (await call(me, 'GET', '/api/privacy/audit?count=200')).json();
    expect(mine.entries.some((e: { who: { id: string } }) => e.who.id === ids.gp)).toBe(false);
    const other = await call(me, 'GET', `/api/privacy/audit?organisation=${practiceId}`);
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ title: 'Outside your organisation' });
    expect((await call(me, 'GET', `/api/privacy/audit?organisation=${trustId}`)).statusCode).toBe(200);
    const options = (await call(me, 'GET', '/api/privacy/audit/options')).json();
    expect(options.users.map((u: { name: string }) => u.name)).toEqual(['Ada Okonjo', 'Dr Tom Hughes', 'Pat Officer']);
    expect(options.organisations.map((o: { code: string }) => o.code)).toEqual(['RJR']);

    const footprint = await signIn('footprint.officer', 'partnership officer password');
    const all = (await call(footprint, 'GET', `/api/privacy/audit?organisation=${practiceId}`)).json();
    expect(all.scope.kind).toBe('footprint');
    expect(all.entries.length).toBeGreaterThan(0);
    expect(all.entries.some((e: { who: { id: string } }) => e.who.id === ids.gp)).toBe(true);
    expect(all.entries.every((e: { organisation: { code: string } }) => e.organisation.code === 'N81001')).toBe(true);
  });

  it('answers bad filters with a problem naming them', async () => {
    const me = await officer();
    for (const [query, title] of [
      ['nhsNumber=1234567890', 'Invalid NHS number'],
      ['from=2026-02-30', 'Invalid start date'],
      ['to=yesterday', 'Invalid end date'],
      ['from=2026-03-02&to=2026-03-01', 'Dates the wrong way round'],
      ['purpose=SNOOP', 'Invalid purpose'],
      ['before=abc', 'Invalid page'],
      ['count=0', 'Invalid count'],
      [`user=${'a'.repeat(201)}`, 'Invalid user'],
      ['user=%00', 'Request not accepted'],
      ['user=a&user=b', 'Give user once'],
    ]) {
      const response = await call(me, 'GET', `/api/privacy/audit?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().title, query).toBe(title);
    }
    for (const query of ['people=1', 'minutes=abc', 'from=2020-01-01&to=2026-01-01']) {
      expect((await call(me, 'GET', `/api/privacy/unusual-access?${query}`)).statusCode, query).toBe(400);
    }
  });

  it('audits each search: who searched, the filters without the NHS number, and whose entries it showed', async () => {
    const me = await officer();
    const answer = (await call(me, 'GET', `/api/privacy/audit?nhsNumber=${namesake.nhsNumber}`)).json();
    const { rows } = await server.platform.sql.query<{ content: string }>("SELECT content FROM audit_event WHERE content LIKE '%_privacy=audit-search%' ORDER BY rid DESC LIMIT 1");
    expect(rows).toHaveLength(1);
    const event = JSON.parse(rows[0].content);
    expect(event.agent[0].who.identifier.value).toBe(ids.officer);
    expect(event.entity.find((e: { description?: string }) => e.description)?.description).toBe('AuditEvent?_privacy=audit-search&nhsNumber=***');
    expect(rows[0].content).not.toContain(namesake.nhsNumber);
    // The people named are exactly those whose NHS numbers the page showed.
    const nhsOf = new Map([...people, colleague, namesake, stranger].map((p) => [`Patient/${p.id}`, p.nhsNumber]));
    const named = event.entity.map((e: { what?: { reference?: string } }) => e.what?.reference).filter(Boolean).map((r: string) => nhsOf.get(r));
    const shown = new Set(answer.entries.flatMap((e: { people: Array<{ nhsNumber: string }> }) => e.people.map((p) => p.nhsNumber)));
    expect(named).toContain(namesake.nhsNumber);
    expect(new Set(named)).toEqual(shown);
  });

  it('reports many records in a short time, a colleague’s record and a namesake’s, computed over the audit', async () => {
    const me = await officer();
    const report = (await call(me, 'GET', '/api/privacy/unusual-access?people=6&minutes=60')).json();
    expect(report.thresholds).toEqual({ people: 6, minutes: 60 });
    expect(report.bursts).toHaveLength(1);
    expect(report.bursts[0]).toMatchObject({ user: { id: ids.doctor, name: 'Dr Tom Hughes' }, organisation: { code: 'RJR' } });
    // Six people by relationship, the stranger by break-glass, and the officer's own looks (by NHS number) are not the doctor's.
    expect(report.bursts[0].people).toBe(7);
    expect((await call(me, 'GET', '/api/privacy/unusual-access?people=8&minutes=60')).json().bursts).toEqual([]);

    expect(report.colleagues).toEqual([
      expect.objectContaining({ user: expect.objectContaining({ id: ids.doctor }), person: { nhsNumber: colleague.nhsNumber }, colleague: { name: 'Ada Okonjo', isUser: false } }),
    ]);
    expect(report.colleagues[0].times).toBeGreaterThan(0);
    expect(report.surnames).toEqual([expect.objectContaining({ user: expect.objectContaining({ id: ids.doctor }), person: { nhsNumber: namesake.nhsNumber } })]);
    const body = JSON.stringify(report);
    expect(body).not.toContain('Lee');

    const { rows } = await server.platform.sql.query<{ content: string }>("SELECT content FROM audit_event WHERE content LIKE '%_privacy=unusual-access%' ORDER BY rid DESC LIMIT 1");
    const event = JSON.parse(rows[0].content);
    const shown = event.entity.map((e: { what?: { reference?: string } }) => e.what?.reference).filter(Boolean);
    expect(shown.sort()).toEqual([`Patient/${colleague.id}`, `Patient/${namesake.id}`].sort());
  });
});
