import type { AuditEvent, Organization } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '@footprint/record';
import { answersSettled } from '../src/api/auth/after-answer';
import { upsertUser } from '../src/api/auth/users';
import { buildServer } from '../src/app';
import { startTestServer, storageKinds, type TestServer } from './support';

/** Staff accounts through the real server on real storage: /api/users, temporary passwords, disabling, audit. */
describe.each(storageKinds)('staff accounts on %s', (kind) => {
  let server: TestServer;
  let practiceId: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const practice = await server.platform.record.create<Organization>(systemContext(), {
      resourceType: 'Organization',
      name: 'Riverside Surgery',
      identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'N81001' }],
    });
    practiceId = practice.resource.id!;
    await upsertUser(server.platform.sql, { username: 'admin.one', role: 'administrator', displayName: 'Admin One', password: 'admin one password' });
    await upsertUser(server.platform.sql, { username: 'analyst.one', role: 'analyst', displayName: 'Analyst One', password: 'analyst one password' });
  });
  afterAll(async () => server?.close());

  async function signIn(username: string, password: string) {
    const response = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
    const cookie = String(response.headers['set-cookie'] ?? '').split(';')[0];
    const body = response.json() as { csrfToken?: string; user?: { mustChangePassword: boolean }; title?: string };
    return { response, body, headers: { cookie, 'x-csrf-token': body.csrfToken ?? '' } };
  }
  const post = (url: string, headers: Record<string, string>, payload?: object) => server.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
  const get = (url: string, headers: Record<string, string>) => server.app.inject({ method: 'GET', url, headers });

  async function accountEvents(username: string): Promise<AuditEvent[]> {
    // Refused sign-ins are audited just after their answer has gone.
    await answersSettled();
    const { rows } = await server.platform.sql.query<{ content: AuditEvent | string }>(`SELECT content FROM audit_event ORDER BY rid`);
    return rows
      .map((r) => (typeof r.content === 'string' ? (JSON.parse(r.content) as AuditEvent) : r.content))
      .filter((e) => e.entity?.some((x) => x.name === username && x.role?.code === '11'));
  }

  it('lets an administrator add a user, who signs in with the temporary password only into changing it', async () => {
    const admin = await signIn('admin.one', 'admin one password');
    const noCsrf = await post('/api/users', { cookie: admin.headers.cookie }, { username: 'asha.patel', displayName: 'Dr Asha Patel', role: 'gp_clinician', organisation: 'N81001' });
    expect(noCsrf.statusCode).toBe(403);

    const added = await post('/api/users', admin.headers, { username: 'Asha.Patel', displayName: 'Dr Asha Patel', role: 'gp_clinician', organisation: 'n81001' });
    expect(added.statusCode).toBe(201);
    const { user, temporaryPassword } = added.json() as { user: { username: string; role: { code: string; label: string }; organisation: { name: string }; mustChangePassword: boolean }; temporaryPassword: string };
    expect(user).toMatchObject({ username: 'asha.patel', role: { code: 'R8000', label: 'GP practice clinician' }, organisation: { name: 'Riverside Surgery' }, mustChangePassword: true });
    const { rows } = await server.platform.sql.query<{ password_hash: string; organisation_ref: string }>(`SELECT password_hash, organisation_ref FROM web_users WHERE username = 'asha.patel'`);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0].password_hash).not.toContain(temporaryPassword);
    expect(rows[0].organisation_ref).toBe(`Organization/${practiceId}`);

    const asha = await signIn('asha.patel', temporaryPassword);
    expect(asha.response.statusCode).toBe(200);
    expect(asha.body.user?.mustChangePassword).toBe(true);
    expect((await get('/api/session', asha.headers)).statusCode).toBe(200);
    const refused = await get('/api/care-record/patients/any', asha.headers);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ type: 'https://footprint.nhs.uk/problems/password-change-required', title: 'Change your password' });
    expect((await post('/api/care-record/search', asha.headers, { nhsNumber: '9990000018' })).statusCode).toBe(403);

    const change = (currentPassword: string, newPassword: string) => post('/api/session/password', asha.headers, { currentPassword, newPassword });
    expect((await change(temporaryPassword, 'short')).json().detail).toMatch(/at least 12 characters/);
    expect((await change(temporaryPassword, temporaryPassword)).json().detail).toMatch(/different from your current \(temporary\) password/);
    expect((await change(temporaryPassword, 'my name is asha.patel ok')).json().detail).toMatch(/must not contain your username/);
    expect((await change('not the password', 'a long new passphrase')).json().title).toBe('Your current password is not correct');
    const changed = await change(temporaryPassword, 'kettle orbit meadow');
    expect(changed.statusCode).toBe(200);
    expect(changed.json().user.mustChangePassword).toBe(false);

    // The same session carries on, past the password gate (the care record now answers as for any GP).
    const after = await get('/api/care-record/patients/any', asha.headers);
    expect(after.json().type).not.toBe('https://footprint.nhs.uk/problems/password-change-required');
    expect((await signIn('asha.patel', temporaryPassword)).response.statusCode).toBe(401);
    expect((await signIn('asha.patel', 'kettle orbit meadow')).body.user?.mustChangePassword).toBe(false);

    const events = await accountEvents('asha.patel');
    expect(events.map((e) => e.subtype?.[1]?.code)).toEqual(['add', 'change-password', 'sign-in-refused']);
    expect(events[0]).toMatchObject({
      type: { code: '110113', display: 'Security Alert' },
      subtype: [{ code: '110137' }, { code: 'add' }],
      action: 'C',
      purposeOfEvent: [{ coding: [{ code: 'SYSADMIN' }] }],
      agent: [{ role: [{ text: 'administrator' }] }],
    });
    expect(events[0].entity?.[0].detail).toEqual(expect.arrayContaining([{ type: 'role', valueString: 'gp_clinician (R8000)' }, { type: 'organisation', valueString: 'N81001' }]));
    // Searchable as FHIR, like every other AuditEvent in the trail.
    const found = await server.platform.record.search(systemContext(), 'AuditEvent', [['subtype', 'https://footprint.nhs.uk/CodeSystem/account-change|add']]);
    expect(found.matches.map((e) => (e as AuditEvent).entity?.[0].name)).toContain('asha.patel');
    const text = JSON.stringify(events);
    expect(text).not.toContain(temporaryPassword);
    expect(text).not.toContain('kettle orbit meadow');
    expect(text).not.toContain('scrypt');
  });

  it('answers bad account requests with precise problems and writes nothing', async () => {
    const admin = await signIn('admin.one', 'admin one password');
    const add = (payload: object) => post('/api/users', admin.headers, payload);
    const cases: Array<[object, number, RegExp]> = [
      [{ username: 'x1', displayName: 'X', role: 'surgeon', organisation: 'N81001' }, 400, /"surgeon" is not a role/],
      [{ username: 'x1', displayName: 'X', role: 'R8000', organisation: 'N81001' }, 400, /R8000 is the code of gp_clinician and hospital_clinician/],
      [{ username: 'x1', displayName: 'X', role: 'gp_clinician', organisation: 'Y99999' }, 400, /No organisation with ODS code Y99999/],
      [{ username: 'x1', displayName: 'X', role: 'gp_clinician' }, 400, /works for an organisation/],
      [{ username: 'X Y', displayName: 'X', role: 'analyst' }, 400, /lower-case letters/],
      [{ username: 'x1', role: 'analyst' }, 400, /displayName/],
      [{ username: 'admin.one', displayName: 'Again', role: 'analyst' }, 409, /already a user "admin.one"/],
    ];
    for (const [payload, status, detail] of cases) {
      const response = await add(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().detail).toMatch(detail);
    }
    expect((await server.platform.sql.query(`SELECT 1 FROM web_users WHERE username = 'x1'`)).rows).toEqual([]);
    expect((await post('/api/users/nobody/disable', admin.headers)).statusCode).toBe(404);
    expect((await post('/api/users/nobody/role', admin.headers, { role: 'analyst' })).statusCode).toBe(404);

    const analyst = await signIn('analyst.one', 'analyst one password');
    const notAdmin = await get('/api/users', analyst.headers);
    expect(notAdmin.statusCode).toBe(403);
    expect(notAdmin.json().title).toBe('Not allowed for your role');
  });

  it('accepts an unambiguous RBAC code, lists roles with codes, and changes a role at once', async () => {
    const admin = await signIn('admin.one', 'admin one password');
    const added = await post('/api/users', admin.headers, { username: 'privacy.one', displayName: 'Privacy One', role: 'R0001', organisation: 'N81001' });
    expect(added.json().user.role).toMatchObject({ role: 'privacy_officer', code: 'R0001' });
    const list = (await get('/api/users', admin.headers)).json() as { users: Array<{ username: string }>; roles: Array<{ role: string; code: string }>; organisations: Array<{ code: string }> };
    expect(list.roles).toContainEqual(expect.objectContaining({ role: 'administrator', code: 'R8008', label: 'Administrator' }));
    expect(list.organisations).toContainEqual({ code: 'N81001', name: 'Riverside Surgery' });
    expect(list.users.map((u) => u.username)).toEqual(expect.arrayContaining(['admin.one', 'privacy.one']));

    const analyst = await signIn('analyst.one', 'analyst one password');
    expect((await get('/api/users', analyst.headers)).statusCode).toBe(403);
    const promoted = await post('/api/users/analyst.one/role', admin.headers, { role: 'administrator' });
    expect(promoted.json().user.role.code).toBe('R8008');
    expect((await get('/api/users', analyst.headers)).statusCode).toBe(200);
    expect((await post('/api/users/analyst.one/role', admin.headers, { role: 'analyst' })).statusCode).toBe(200);
    expect((await accountEvents('analyst.one')).map((e) => e.subtype?.[0]?.code)).toEqual(['110136', '110136']);
  });

  it('disables an account (ending its sessions), refuses its sign-in, and enables it again', async () => {
    const admin = await signIn('admin.one', 'admin one password');
    const analyst = await signIn('analyst.one', 'analyst one password');
    expect((await get('/api/session', analyst.headers)).statusCode).toBe(200);
    expect((await post('/api/users/analyst.one/disable', admin.headers)).json().user.status).toBe('disabled');
    expect((await get('/api/session', analyst.headers)).statusCode).toBe(401);
    const refused = await signIn('analyst.one', 'analyst one password');
    expect(refused.response.statusCode).toBe(403);
    expect(refused.body.title).toBe('Your account is disabled');
    expect((await signIn('analyst.one', 'wrong password')).response.statusCode).toBe(401);
    expect((await post('/api/users/analyst.one/enable', admin.headers)).json().user.status).toBe('active');
    expect((await signIn('analyst.one', 'analyst one password')).response.statusCode).toBe(200);
    const events = await accountEvents('analyst.one');
    expect(events.map((e) => e.subtype?.[1]?.code)).toEqual(expect.arrayContaining(['disable', 'sign-in-refused', 'enable']));
    expect(events.find((e) => e.subtype?.[1]?.code === 'sign-in-refused')).toMatchObject({ type: { code: '110114' }, outcome: '4', outcomeDesc: 'account disabled' });
  });

  it('resets a password to a new temporary one and ends the account’s sessions', async () => {
    const admin = await signIn('admin.one', 'admin one password');
    const analyst = await signIn('analyst.one', 'analyst one password');
    const reset = await post('/api/users/analyst.one/reset-password', admin.headers);
    const { temporaryPassword } = reset.json() as { temporaryPassword: string };
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    expect((await get('/api/session', analyst.headers)).statusCode).toBe(401);
    expect((await signIn('analyst.one', 'analyst one password')).response.statusCode).toBe(401);
    const again = await signIn('analyst.one', temporaryPassword);
    expect(again.body.user?.mustChangePassword).toBe(true);
    expect((await get('/api/footprint', again.headers)).json().type).toBe('https://footprint.nhs.uk/problems/password-change-required');
  });

  it('will not let an administrator disable themselves or remove the last administrator', async () => {
    const admin = await signIn('admin.one', 'admin one password');
    const self = await post('/api/users/admin.one/disable', admin.headers);
    expect(self.statusCode).toBe(409);
    expect(self.json().title).toBe('You cannot disable yourself');
    const demote = await post('/api/users/admin.one/role', admin.headers, { role: 'analyst' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().detail).toMatch(/no active administrator/);
    const { rows } = await server.platform.sql.query<{ role: string }>(`SELECT role FROM web_users WHERE username = 'admin.one'`);
    expect(rows[0].role).toBe('administrator');
  });

  it('never signs in an account without a password (an OpenID Connect identity), and keeps identities unique', async () => {
    const insert = (id: string, username: string) =>
      server.platform.sql.query(
        `INSERT INTO web_users (id, username, display_name, role, identity_issuer, identity_subject) VALUES ($1, $2, 'Linked', 'analyst', 'https://cis2.example', 'subject-1')`,
        [id, username],
      );
    await insert('linked-1', 'linked.one');
    await expect(insert('linked-2', 'linked.two')).rejects.toThrow();
    expect((await signIn('linked.one', 'anything at all')).response.statusCode).toBe(401);
    const admin = await signIn('admin.one', 'admin one password');
    const listed = (await get('/api/users', admin.headers)).json().users.find((u: { username: string }) => u.username === 'linked.one');
    expect(listed.signIn).toEqual({ password: false, identity: true });
  });

  it('switches password sign-in off with localPasswords false', async () => {
    const app = buildServer(server.platform, { logger: false, localPasswords: false, bootstrapAdministrator: false });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/sign-in-options' })).json()).toMatchObject({ localPasswords: false });
      const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin.one', password: 'admin one password' } });
      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().title).toBe('Password sign-in is switched off');
      expect(response.headers['set-cookie']).toBeUndefined();
    } finally {
      await app.close();
    }
    expect((await server.app.inject({ method: 'GET', url: '/api/sign-in-options' })).json()).toMatchObject({ localPasswords: true });
  });
});
