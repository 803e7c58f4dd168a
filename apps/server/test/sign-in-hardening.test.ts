import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersSettled } from '../src/api/auth/after-answer';
import { legacyScryptHash } from '../src/api/auth/passwords';
import { upsertUser } from '../src/api/auth/users';
import { buildServer } from '../src/app';
import { openTestPlatform, startTestServer, storageKinds, type TestServer } from './support';

/**
 * The sign-in defects a probe found (issue 10 §3 "Sign-in"), the password hashing (§2) and the
 * sessions (§2), through the real server on real storage. Each test fails on the code before the fix.
 */
describe.each(storageKinds)('staff sign-in hardening on %s', (kind) => {
  let server: TestServer;
  let address = 0;
  /** A fresh client address per test, so one test's refusals never slow another's. */
  const nextAddress = () => `198.51.100.${++address}`;

  beforeAll(async () => {
    server = await startTestServer(kind);
    await upsertUser(server.platform.sql, { username: 'nurse.one', role: 'hospital_clinician', displayName: 'Nurse One', password: 'nurse one password' });
    await upsertUser(server.platform.sql, { username: 'gone.one', role: 'analyst', displayName: 'Gone One', password: 'gone one password' });
    await server.platform.sql.query(`UPDATE web_users SET disabled_at = now() WHERE username = 'gone.one'`);
  });
  afterAll(async () => server?.close());

  function signIn(username: string, password: string, from: string, headers: Record<string, string> = {}) {
    return server.app.inject({ method: 'POST', url: '/api/session', remoteAddress: from, headers, payload: { username, password } });
  }
  const cookieOf = (response: { headers: Record<string, unknown> }) => String(response.headers['set-cookie'] ?? '').split(';')[0];
  const storedHash = async (username: string) =>
    (await server.platform.sql.query<{ password_hash: string }>(`SELECT password_hash FROM web_users WHERE username = $1`, [username])).rows[0].password_hash;

  it('cannot be made to lock another person out: five wrong passwords from elsewhere leave the owner able to sign in', async () => {
    const attacker = nextAddress();
    for (let i = 0; i < 5; i++) expect([401, 429]).toContain((await signIn('nurse.one', `guess ${i}`, attacker)).statusCode);
    const owner = await signIn('nurse.one', 'nurse one password', nextAddress());
    expect(owner.statusCode).toBe(200);
  });

  it('answers an unknown username, a disabled account and a wrong password identically, and a hammered account like any other', async () => {
    const attacker = nextAddress();
    for (let i = 0; i < 6; i++) await signIn('nurse.one', `guess ${i}`, attacker);
    const answers = await Promise.all([
      signIn('nobody.here', 'a password', nextAddress()),
      signIn('gone.one', 'not its password', nextAddress()),
      signIn('nurse.one', 'not its password', nextAddress()),
    ]);
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401);
      expect(answer.headers['content-type']).toBe(answers[0].headers['content-type']);
      expect(answer.body).toBe(answers[0].body);
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
    // Only the holder of a disabled account's right password learns that it is disabled.
    expect((await signIn('gone.one', 'gone one password', nextAddress())).json().title).toBe('Your account is disabled');
  });

  it('delays further tries from an address progressively, before looking at the username', async () => {
    const from = nextAddress();
    for (let i = 0; i < 3; i++) expect((await signIn('nurse.one', `wrong ${i}`, from)).statusCode).toBe(401);
    const slowed = await signIn('nurse.one', 'nurse one password', from);
    expect(slowed.statusCode).toBe(429);
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(slowed.headers['content-type']).toContain('application/problem+json');
    expect(slowed.json().detail).not.toMatch(/nurse|account/i);

    // The wait doubles with each refusal past the free ones: pretend the first wait passed, fail again, and the next wait is longer.
    await server.platform.sql.query(`UPDATE web_sign_in_failures SET failed_at = failed_at - interval '2 seconds' WHERE address = $1`, [from]);
    expect((await signIn('nurse.one', 'wrong again', from)).statusCode).toBe(401);
    const longer = await signIn('nurse.one', 'nurse one password', from);
    expect(longer.statusCode).toBe(429);
    expect(Number(longer.headers['retry-after'])).toBeGreaterThan(Number(slowed.headers['retry-after']));

    // Once the wait has passed, the right password works and the refusals are forgotten.
    await server.platform.sql.query(`UPDATE web_sign_in_failures SET failed_at = failed_at - interval '10 seconds' WHERE address = $1`, [from]);
    expect((await signIn('nurse.one', 'nurse one password', from)).statusCode).toBe(200);
  });

  it('limits one address spraying many usernames, with the same answer for names that exist and names that do not', async () => {
    const sprayer = nextAddress();
    for (let i = 0; i < 20; i++) expect((await signIn(`made.up.${i}`, 'Winter2026!', sprayer)).statusCode).toBe(401);
    const known = await signIn('nurse.one', 'Winter2026!', sprayer);
    const unknown = await signIn('made.up.99', 'Winter2026!', sprayer);
    expect(known.statusCode).toBe(429);
    expect(unknown.statusCode).toBe(429);
    expect(known.json()).toEqual(unknown.json());
    // Everyone else carries on.
    expect((await signIn('nurse.one', 'nurse one password', nextAddress())).statusCode).toBe(200);
  });

  it('stores new passwords as Argon2id at OWASP parameters and upgrades an old scrypt hash at the next right sign-in', async () => {
    expect(await storedHash('nurse.one')).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await upsertUser(server.platform.sql, { username: 'legacy.one', role: 'analyst', displayName: 'Legacy One', password: 'placeholder password' });
    const legacy = await legacyScryptHash('legacy one password');
    await server.platform.sql.query(`UPDATE web_users SET password_hash = $2 WHERE username = $1`, ['legacy.one', legacy]);
    expect((await signIn('legacy.one', 'not it', nextAddress())).statusCode).toBe(401);
    expect(await storedHash('legacy.one')).toBe(legacy);
    expect((await signIn('legacy.one', 'legacy one password', nextAddress())).statusCode).toBe(200);
    const upgraded = await storedHash('legacy.one');
    expect(upgraded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await signIn('legacy.one', 'legacy one password', nextAddress())).statusCode).toBe(200);
    expect(await storedHash('legacy.one')).toBe(upgraded);
  });

  it('audits a refused sign-in to a known account after answering', async () => {
    expect((await signIn('gone.one', 'gone one password', nextAddress())).statusCode).toBe(403);
    await answersSettled();
    const { rows } = await server.platform.sql.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM audit_event WHERE content::text LIKE '%sign-in-refused%' AND content::text LIKE '%gone.one%'`,
    );
    expect(Number(rows[0].n)).toBeGreaterThan(0);
  });

  it('rotates the session id at sign-in: the session the browser held before signing in ends', async () => {
    const from = nextAddress();
    const first = await signIn('nurse.one', 'nurse one password', from);
    const before = cookieOf(first);
    const second = await signIn('nurse.one', 'nurse one password', from, { cookie: before });
    const after = cookieOf(second);
    expect(after).not.toBe(before);
    const get = (cookie: string) => server.app.inject({ method: 'GET', url: '/api/session', remoteAddress: from, headers: { cookie } });
    expect((await get(before)).statusCode).toBe(401);
    expect((await get(after)).statusCode).toBe(200);
  });

  it('lists a user’s sessions with browser, address and last activity, and signs out the others', async () => {
    await upsertUser(server.platform.sql, { username: 'many.sessions', role: 'analyst', displayName: 'Many Sessions', password: 'many sessions password' });
    const laptop = await signIn('many.sessions', 'many sessions password', '203.0.113.10', { 'user-agent': 'Laptop browser/1.0' });
    const phone = await signIn('many.sessions', 'many sessions password', '203.0.113.20', { 'user-agent': 'Phone browser/2.0' });
    const tablet = await signIn('many.sessions', 'many sessions password', '203.0.113.30', { 'user-agent': 'Tablet browser/3.0' });
    const stranger = await signIn('nurse.one', 'nurse one password', nextAddress());
    const as = (response: typeof laptop) => ({ cookie: cookieOf(response), 'x-csrf-token': (response.json() as { csrfToken: string }).csrfToken });

    const listed = await server.app.inject({ method: 'GET', url: '/api/sessions', headers: as(laptop) });
    expect(listed.statusCode).toBe(200);
    expect(listed.headers['cache-control']).toBe('no-store');
    const sessions = (listed.json() as { sessions: Array<{ id: string; current: boolean; userAgent: string; address: string; lastActiveAt: string; signedInAt: string }> }).sessions;
    expect(sessions.map((s) => s.userAgent).sort()).toEqual(['Laptop browser/1.0', 'Phone browser/2.0', 'Tablet browser/3.0']);
    expect(sessions.filter((s) => s.current).map((s) => s.address)).toEqual(['203.0.113.10']);
    expect(sessions.every((s) => !Number.isNaN(Date.parse(s.lastActiveAt)) && !Number.isNaN(Date.parse(s.signedInAt)))).toBe(true);
    const phoneId = sessions.find((s) => s.userAgent === 'Phone browser/2.0')!.id;

    // Another user cannot end it, nor can a request without the CSRF token.
    expect((await server.app.inject({ method: 'DELETE', url: `/api/sessions/${phoneId}`, headers: as(stranger) })).statusCode).toBe(404);
    expect((await server.app.inject({ method: 'DELETE', url: `/api/sessions/${phoneId}`, headers: { cookie: cookieOf(laptop) } })).statusCode).toBe(403);
    expect((await server.app.inject({ method: 'DELETE', url: `/api/sessions/${phoneId}`, headers: as(laptop) })).statusCode).toBe(204);
    expect((await server.app.inject({ method: 'GET', url: '/api/session', headers: as(phone) })).statusCode).toBe(401);
    expect((await server.app.inject({ method: 'GET', url: '/api/session', headers: as(tablet) })).statusCode).toBe(200);

    expect((await server.app.inject({ method: 'DELETE', url: '/api/sessions', headers: as(laptop) })).statusCode).toBe(204);
    expect((await server.app.inject({ method: 'GET', url: '/api/session', headers: as(tablet) })).statusCode).toBe(401);
    expect((await server.app.inject({ method: 'GET', url: '/api/session', headers: as(laptop) })).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'GET', url: '/api/session', headers: as(stranger) })).statusCode).toBe(200);
  });

  it('ends a session after 30 minutes without a request', async () => {
    const response = await signIn('nurse.one', 'nurse one password', nextAddress());
    const cookie = cookieOf(response);
    const get = () => server.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    await server.platform.sql.query(`UPDATE web_sessions SET last_seen_at = now() - interval '29 minutes'`);
    expect((await get()).statusCode).toBe(200);
    await server.platform.sql.query(`UPDATE web_sessions SET last_seen_at = now() - interval '31 minutes'`);
    expect((await get()).statusCode).toBe(401);
  });
});

describe('session cookie behind a TLS proxy', () => {
  it('is __Host- prefixed and Secure when a trusted proxy says the request came over HTTPS, and not when an untrusted client says so', async () => {
    const opened = await openTestPlatform('pglite');
    const behindProxy = buildServer(opened.platform, { logger: false, trustProxy: true });
    const direct = buildServer(opened.platform, { logger: false, bootstrapAdministrator: false });
    try {
      await upsertUser(opened.platform.sql, { username: 'proxy.user', role: 'analyst', displayName: 'Proxy User', password: 'proxy user password' });
      const signIn = (app: typeof direct) =>
        app.inject({ method: 'POST', url: '/api/session', headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.5' }, payload: { username: 'proxy.user', password: 'proxy user password' } });
      const tls = await signIn(behindProxy);
      expect(tls.statusCode).toBe(200);
      const setCookie = String(tls.headers['set-cookie']);
      expect(setCookie).toMatch(/^__Host-footprint_session=[A-Za-z0-9_-]+; Path=\/; HttpOnly; SameSite=Strict; Secure$/);
      const secureCookie = setCookie.split(';')[0];
      const https = { 'x-forwarded-proto': 'https' };
      expect((await behindProxy.inject({ method: 'GET', url: '/api/session', headers: { ...https, cookie: secureCookie } })).statusCode).toBe(200);
      // A plain cookie of the same name is not accepted over TLS: only the __Host- one counts there.
      const plain = `footprint_session=${secureCookie.split('=')[1]}`;
      expect((await behindProxy.inject({ method: 'GET', url: '/api/session', headers: { ...https, cookie: plain } })).statusCode).toBe(401);
      // The session records the real client's address from the trusted proxy.
      const listed = await behindProxy.inject({ method: 'GET', url: '/api/sessions', headers: { ...https, cookie: secureCookie } });
      expect((listed.json() as { sessions: Array<{ address: string }> }).sessions[0].address).toBe('203.0.113.5');

      const untrusted = await signIn(direct);
      expect(untrusted.statusCode).toBe(200);
      expect(String(untrusted.headers['set-cookie'])).toMatch(/^footprint_session=/);
      expect(String(untrusted.headers['set-cookie'])).not.toContain('Secure');
    } finally {
      await behindProxy.close();
      await direct.close();
      await opened.close();
    }
  });
});

describe('demo users', () => {
  it('are served only when the demo command asks for them, never because a demo file exists', async () => {
    const opened = await openTestPlatform('pglite');
    await writeFile(join(opened.platform.dataDir, 'demo-users.json'), JSON.stringify({ users: [{ username: 'gp.clinician', password: 'secret-demo-password', role: 'gp_clinician' }] }));
    const serve = buildServer(opened.platform, { logger: false });
    const demo = buildServer(opened.platform, { logger: false, bootstrapAdministrator: false, demoUsers: true });
    try {
      const refused = await serve.inject({ method: 'GET', url: '/api/demo-users' });
      expect(refused.statusCode).toBe(404);
      expect(refused.body).not.toContain('secret-demo-password');
      const shown = await demo.inject({ method: 'GET', url: '/api/demo-users' });
      expect(shown.statusCode).toBe(200);
      expect(shown.body).toContain('secret-demo-password');
    } finally {
      await serve.close();
      await demo.close();
      await opened.close();
    }
  });
});
