import type { AuditEvent, Encounter, Organization, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '@footprint/record';
import { startTestServer, storageKinds, testNhsNumber, type TestServer } from '../../test/support';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { upsertUser } from './auth/users';
import { ROLES } from './auth/roles';
import { DEMO_USERS_FILE, seedDemoUsers } from './demo-users';
import { SESSION_COOKIE, sessionCookie } from './auth/cookies';

/** Sign-in, sessions, CSRF, roles and the audited care record, through the real server on real storage. */
describe.each(storageKinds)('web API on %s', (kind) => {
  let server: TestServer;
  let patientId: string;
  let practiceId: string;
  const nhsNumber = testNhsNumber(4242);

  beforeAll(async () => {
    // As `footprint demo` runs it: the start page may list the demo's users.
    server = await startTestServer(kind, { demoUsers: true });
    const { platform } = server;
    const ctx = systemContext();
    const practice = await platform.record.create<Organization>(ctx, {
      resourceType: 'Organization',
      name: 'Riverside Surgery',
      identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'N81001' }],
    });
    practiceId = practice.resource.id!;
    const trust = await platform.record.create<Organization>(ctx, {
      resourceType: 'Organization',
      name: 'Countess Hospital NHS Trust',
      identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'RJR' }],
    });
    const patient = await platform.record.create<Patient>(ctx, {
      resourceType: 'Patient',
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhsNumber }],
      name: [{ use: 'official', family: 'Testperson', given: ['Alex'] }],
      birthDate: '1961-04-12',
      gender: 'female',
      generalPractitioner: [{ reference: `Organization/${practiceId}` }],
    });
    patientId = patient.resource.id!;
    const encounter = await platform.record.create<Encounter>(ctx, {
      resourceType: 'Encounter',
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'EMER', display: 'emergency' },
      subject: { reference: `Patient/${patientId}` },
      period: { start: '2024-02-01T10:00:00Z', end: '2024-02-01T14:00:00Z' },
      serviceProvider: { reference: `Organization/${trust.resource.id}` },
    });
    await platform.record.create(ctx, {
      resourceType: 'Condition',
      subject: { reference: `Patient/${patientId}` },
      code: { coding: [{ system: 'http://snomed.info/sct', code: '38341003', display: 'Hypertensive disorder' }] },
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      recordedDate: '2024-02-01',
      encounter: { reference: `Encounter/${encounter.resource.id}` },
    });
    for (const [username, role] of [
      ['gp.test', 'gp_clinician'],
      ['analyst.test', 'analyst'],
      ['admin.test', 'administrator'],
    ] as const) {
      await upsertUser(platform.sql, {
        username,
        role,
        displayName: `Test ${role}`,
        password: `correct horse ${role}`,
        organisation: role === 'gp_clinician' ? { code: 'N81001', name: 'Riverside Surgery', reference: `Organization/${practiceId}` } : undefined,
      });
    }
  });
  afterAll(async () => server?.close());

  async function signIn(username: string, password: string) {
    const response = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
    const cookie = String(response.headers['set-cookie'] ?? '');
    return { response, cookie: cookie.split(';')[0], setCookie: cookie, csrf: (response.json() as { csrfToken?: string }).csrfToken };
  }

  it('signs in with a correct password and sets a HttpOnly, SameSite=Strict session cookie', async () => {
    const { response, setCookie, csrf } = await signIn('gp.test', 'correct horse gp_clinician');
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ role: 'gp_clinician', organisation: { code: 'N81001' } });
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).not.toContain('Secure');
    expect(csrf).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('marks the cookie Secure when the request came over HTTPS', () => {
    expect(sessionCookie('abc', true)).toBe(`__Host-${SESSION_COOKIE}=abc; Path=/; HttpOnly; SameSite=Strict; Secure`);
    expect(sessionCookie('abc', false)).not.toContain('Secure');
  });

  it('refuses wrong passwords and unknown users with the same answer', async () => {
    const wrong = await signIn('gp.test', 'wrong');
    const unknown = await signIn('nobody', 'wrong');
    expect(wrong.response.statusCode).toBe(401);
    expect(unknown.response.statusCode).toBe(401);
    expect(wrong.response.json().title).toBe(unknown.response.json().title);
    expect(wrong.response.headers['content-type']).toContain('application/problem+json');
    expect(wrong.cookie).toBe('');
  });

  it('answers malformed sign-in requests with a 4xx that says what is missing', async () => {
    const empty = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'gp.test' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toMatch(/password/);
    const form = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: 'username=gp.test&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect([400, 415]).toContain(form.statusCode);
    const crossSite = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'gp.test', password: 'correct horse gp_clinician' },
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.statusCode).toBe(403);
  });

  it('slows down an address after wrong passwords without locking the account for its owner', async () => {
    await upsertUser(server.platform.sql, { username: 'lock.test', role: 'analyst', displayName: 'Lock', password: 'right password' });
    for (let i = 0; i < 3; i++) expect((await signIn('lock.test', 'wrong')).response.statusCode).toBe(401);
    expect((await signIn('lock.test', 'right password')).response.statusCode).toBe(429);
    const owner = await server.app.inject({ method: 'POST', url: '/api/session', remoteAddress: '192.0.2.77', payload: { username: 'lock.test', password: 'right password' } });
    expect(owner.statusCode).toBe(200);
  });

  it('requires the CSRF token for state-changing requests and signs out', async () => {
    const { cookie, csrf } = await signIn('analyst.test', 'correct horse analyst');
    const noToken = await server.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } });
    expect(noToken.statusCode).toBe(403);
    const badToken = await server.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie, 'x-csrf-token': 'x'.repeat(43) } });
    expect(badToken.statusCode).toBe(403);
    expect((await server.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(200);
    const out = await server.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie, 'x-csrf-token': csrf! } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toContain('Max-Age=0');
    expect((await server.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(401);
  });

  it('ends sessions after the idle timeout and after the absolute lifetime', async () => {
    const idle = await signIn('analyst.test', 'correct horse analyst');
    const absolute = await signIn('analyst.test', 'correct horse analyst');
    const get = (cookie: string) => server.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect((await get(idle.cookie)).statusCode).toBe(200);
    const token = (c: string) => c.slice(c.indexOf('=') + 1);
    const { createHash } = await import('node:crypto');
    const digest = (t: string) => createHash('sha256').update(t).digest('base64url');
    await server.platform.sql.query(`UPDATE web_sessions SET last_seen_at = now() - interval '31 minutes' WHERE id = $1`, [digest(token(idle.cookie))]);
    await server.platform.sql.query(`UPDATE web_sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [digest(token(absolute.cookie))]);
    expect((await get(idle.cookie)).statusCode).toBe(401);
    expect((await get(absolute.cookie)).statusCode).toBe(401);
  });

  it('enforces roles on the API, not just in the menu', async () => {
    const analyst = await signIn('analyst.test', 'correct horse analyst');
    const search = await server.app.inject({
      method: 'POST',
      url: '/api/care-record/search',
      payload: { nhsNumber },
      headers: { cookie: analyst.cookie, 'x-csrf-token': analyst.csrf! },
    });
    expect(search.statusCode).toBe(403);
    const record = await server.app.inject({ method: 'GET', url: `/api/care-record/patients/${patientId}`, headers: { cookie: analyst.cookie } });
    expect(record.statusCode).toBe(403);
    const anonymous = await server.app.inject({ method: 'GET', url: `/api/care-record/patients/${patientId}` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('finds a person by NHS number and by name and date of birth, and rejects a bad NHS number', async () => {
    const gp = await signIn('gp.test', 'correct horse gp_clinician');
    const headers = { cookie: gp.cookie, 'x-csrf-token': gp.csrf! };
    const byNumber = await server.app.inject({ method: 'POST', url: '/api/care-record/search', payload: { nhsNumber }, headers });
    expect(byNumber.statusCode).toBe(200);
    expect(byNumber.json().people).toEqual([
      expect.objectContaining({ id: patientId, nhsNumber, birthDate: '1961-04-12', practice: { code: 'N81001', name: 'Riverside Surgery' } }),
    ]);
    const byName = await server.app.inject({
      method: 'POST',
      url: '/api/care-record/search',
      payload: { family: 'testperson', birthDate: '1961-04-12' },
      headers,
    });
    expect(byName.json().people.map((p: { id: string }) => p.id)).toEqual([patientId]);
    const wrongDob = await server.app.inject({ method: 'POST', url: '/api/care-record/search', payload: { family: 'Testperson', birthDate: '1961-04-13' }, headers });
    expect(wrongDob.json().people).toEqual([]);
    const bad = await server.app.inject({ method: 'POST', url: '/api/care-record/search', payload: { nhsNumber: '1234567890' }, headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toMatch(/NHS number/);
  });

  it('shows one summary across organisations and audits the view as the signed-in user for direct care', async () => {
    const gp = await signIn('gp.test', 'correct horse gp_clinician');
    const response = await server.app.inject({ method: 'GET', url: `/api/care-record/patients/${patientId}`, headers: { cookie: gp.cookie } });
    expect(response.statusCode).toBe(200);
    const summary = response.json();
    expect(summary.patient).toMatchObject({ name: 'TESTPERSON, Alex', nhsNumber });
    expect(summary.problems).toEqual([expect.objectContaining({ display: 'Hypertensive disorder', status: 'active', organisation: { code: 'RJR', name: 'Countess Hospital NHS Trust' } })]);
    expect(summary.encounters).toEqual([expect.objectContaining({ start: '2024-02-01', setting: 'emergency', organisation: { code: 'RJR', name: 'Countess Hospital NHS Trust' } })]);
    expect(summary.organisations).toEqual([{ code: 'RJR', name: 'Countess Hospital NHS Trust', items: 2 }]);

    const audit = await server.platform.record.search(systemContext(), 'AuditEvent', [['entity', `Patient/${patientId}`], ['_count', '200']]);
    const reads = (audit.matches as AuditEvent[]).filter(
      (e) => e.subtype?.[0]?.code === 'read' && e.agent?.[0]?.altId !== 'footprint' && e.purposeOfEvent?.[0]?.coding?.[0]?.code === 'TREAT',
    );
    expect(reads.length).toBeGreaterThan(0);
    expect(reads[0].agent?.[0]?.role?.[0]?.text).toBe('gp_clinician');
    expect(reads[0].agent?.[1]?.who?.reference).toBe(`Organization/${practiceId}`);
  });

  it('has no demo users until they are seeded, then one per role with a 0600 credentials file', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/api/demo-users' })).statusCode).toBe(404);
    const users = await seedDemoUsers(server.platform);
    expect(users.map((u) => u.role).sort()).toEqual([...ROLES].sort());
    expect(users.find((u) => u.role === 'gp_clinician')?.organisation).toEqual({ code: 'N81001', name: 'Riverside Surgery' });
    const file = join(server.platform.dataDir, DEMO_USERS_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const listed = await server.app.inject({ method: 'GET', url: '/api/demo-users' });
    expect(listed.json().users).toEqual(users);
    for (const user of users) expect((await signIn(user.username, user.password)).response.statusCode).toBe(200);
    const again = await seedDemoUsers(server.platform);
    expect(again.map((u) => u.password)).toEqual(users.map((u) => u.password));
  });

  it('shows administrators each partner organisation and its registered people on the data feeds', async () => {
    const admin = await signIn('admin.test', 'correct horse administrator');
    const feeds = await server.app.inject({ method: 'GET', url: '/api/feeds', headers: { cookie: admin.cookie } });
    expect(feeds.statusCode).toBe(200);
    expect(feeds.json().organisations).toContainEqual(expect.objectContaining({ code: 'N81001', name: 'Riverside Surgery', kindLabel: 'GP practice', patients: 1 }));
    const gp = await signIn('gp.test', 'correct horse gp_clinician');
    expect((await server.app.inject({ method: 'GET', url: '/api/feeds', headers: { cookie: gp.cookie } })).statusCode).toBe(403);
  });

  it('says population figures need a warehouse, and names bad filters precisely', async () => {
    const analyst = await signIn('analyst.test', 'correct horse analyst');
    const get = (url: string) => server.app.inject({ method: 'GET', url, headers: { cookie: analyst.cookie } });
    const catalogue = await get('/api/population/catalogue');
    expect(catalogue.statusCode).toBe(200);
    expect(catalogue.json().registers.map((r: { id: string }) => r.id)).toContain('hypertension');
    const noWarehouse = await get('/api/population/prevalence?register=hypertension&by=place');
    expect(noWarehouse.statusCode).toBe(503);
    expect(noWarehouse.json().detail).toMatch(/footprint warehouse build/);
    const badBreakdown = await get('/api/population/prevalence?register=hypertension&by=shoe_size');
    expect(badBreakdown.statusCode).toBe(400);
    expect(badBreakdown.json().title).toBe('Unknown breakdown');
    const badRegister = await get('/api/population/prevalence?register=gout&by=place');
    expect(badRegister.statusCode).toBe(400);
    const badMonths = await get('/api/population/trends?register=hypertension&months=999');
    expect(badMonths.statusCode).toBe(400);
  });

  it('answers an unknown record exactly as an unrelated one (403, no care relationship), and 400 for a malformed id', async () => {
    const gp = await signIn('gp.test', 'correct horse gp_clinician');
    const unrelated = await server.platform.record.create<Patient>(systemContext(), { resourceType: 'Patient', name: [{ family: 'Elsewhere' }] });
    const unknown = await server.app.inject({ method: 'GET', url: '/api/care-record/patients/does-not-exist', headers: { cookie: gp.cookie } });
    const refused = await server.app.inject({ method: 'GET', url: `/api/care-record/patients/${unrelated.resource.id}`, headers: { cookie: gp.cookie } });
    expect(unknown.statusCode).toBe(403);
    expect(refused.statusCode).toBe(403);
    expect(unknown.json()).toEqual(refused.json());
    expect(unknown.json()).toMatchObject({ title: 'No care relationship' });
    expect(String((unknown.json() as { detail: string }).detail)).toMatch(/no care relationship.*break glass/i);
    expect((await server.app.inject({ method: 'GET', url: '/api/care-record/patients/bad%20id!', headers: { cookie: gp.cookie } })).statusCode).toBe(400);
  });
});
