import type { AddressInfo } from 'node:net';
import type { Organization } from '@medplum/fhirtypes';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '@footprint/record';
import { buildServer } from '../../src/app';
import { authenticate } from '../../src/api/auth/users';
import { seedDemoIdentities, type DemoIdentities } from '../../src/identity/demo-accounts';
import type { Platform } from '../../src/platform';
import { openTestPlatform, storageKinds, testNhsNumber } from '../support';
import { Browserless, signInThroughProvider } from './browserless';

/** Staff sign in as NHS CIS2 works: organisation and role from the claims, a choice when they hold several. */
describe.each(storageKinds)('staff sign-in through OpenID Connect (CIS2-style) on %s', (kind) => {
  let app: FastifyInstance;
  let platform: Platform;
  let close: () => Promise<void>;
  let base: string;
  let identities: DemoIdentities;

  beforeAll(async () => {
    const opened = await openTestPlatform(kind);
    platform = opened.platform;
    const ctx = systemContext();
    const practice = await platform.record.create<Organization>(ctx, {
      resourceType: 'Organization',
      name: 'Riverside Surgery',
      identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'N81001' }],
    });
    await platform.record.create<Organization>(ctx, {
      resourceType: 'Organization',
      name: 'Countess Hospital NHS Trust',
      type: [{ coding: [{ system: 'https://fhir.footprint.example/CodeSystem/organisation-kind', code: 'acute_trust' }] }],
      identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'RJR' }],
    });
    await platform.record.create(ctx, {
      resourceType: 'Patient',
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: testNhsNumber(6100) }],
      name: [{ use: 'official', family: 'Quinn', given: ['Robin'] }],
      birthDate: '1980-01-01',
      generalPractitioner: [{ reference: `Organization/${practice.resource.id}` }],
    });
    app = buildServer(platform, { logger: false, demoIdentityProvider: true, bootstrapAdministrator: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    identities = await seedDemoIdentities(platform);
    close = async () => {
      await app.close();
      await opened.close();
    };
  });
  afterAll(async () => close?.());

  const staffNamed = (name: string) => identities.staff.find((s) => s.name === name)!;

  async function session(browser: Browserless) {
    const answer = await browser.request('/api/session');
    return { status: answer.status, body: answer.status === 200 ? (JSON.parse(answer.body) as { user: { username: string; role: string; displayName: string; organisation: { code: string } | null }; csrfToken: string }) : undefined };
  }

  it('signs in a member of staff with one role straight into it', async () => {
    const browser = new Browserless(base);
    const steps = await signInThroughProvider(browser, '/api/session/cis2', staffNamed('Morgan Reid').login, staffNamed('Morgan Reid').password);
    expect(steps[steps.length - 1].url.pathname).toBe('/');
    const me = await session(browser);
    expect(me.status).toBe(200);
    expect(me.body!.user).toMatchObject({ displayName: 'Morgan Reid', role: 'privacy_officer', organisation: { code: 'RJR' } });
  });

  it('asks a member of staff with roles at two organisations to choose one, then acts in it', async () => {
    const jo = staffNamed('Jo Mensah');
    const browser = new Browserless(base);
    const steps = await signInThroughProvider(browser, '/api/session/cis2', jo.login, jo.password);
    expect(steps[steps.length - 1].url.pathname).toBe('/sign-in/choose-role');
    expect((await session(browser)).status).toBe(401);

    const roles = JSON.parse((await browser.request('/api/session/cis2/roles')).body) as { choices: Array<{ id: string; role: string; organisation: { code: string } }> };
    expect(roles.choices.map((c) => [c.role, c.organisation.code]).sort()).toEqual([
      ['gp_clinician', 'N81001'],
      ['hospital_clinician', 'RJR'],
    ]);
    const post = (choice: unknown) =>
      fetch(new URL('/api/session/cis2/roles', base), { method: 'POST', headers: { cookie: browser.jar.header(new URL(base)), 'content-type': 'application/json' }, body: JSON.stringify({ choice }) });
    expect((await post('not-one-of-mine')).status).toBe(400);
    const chosen = await post(roles.choices.find((c) => c.role === 'hospital_clinician')!.id);
    expect(chosen.status).toBe(200);
    browser.jar.store(new URL(base), chosen.headers);
    const me = await session(browser);
    expect(me.body!.user).toMatchObject({ displayName: 'Jo Mensah', role: 'hospital_clinician', organisation: { code: 'RJR' } });
    // The choice was used up.
    expect((await post(roles.choices[0].id)).status).toBe(401);

    // Next time Jo chooses the practice: the same account, linked to the same identity, now in that role.
    const again = new Browserless(base);
    await signInThroughProvider(again, '/api/session/cis2', jo.login, jo.password);
    const second = JSON.parse((await again.request('/api/session/cis2/roles')).body) as { choices: Array<{ id: string; role: string }> };
    const response = await fetch(new URL('/api/session/cis2/roles', base), {
      method: 'POST',
      headers: { cookie: again.jar.header(new URL(base)), 'content-type': 'application/json' },
      body: JSON.stringify({ choice: second.choices.find((c) => c.role === 'gp_clinician')!.id }),
    });
    const answer = (await response.json()) as { user: { username: string; role: string; organisation: { code: string } } };
    expect(answer.user).toMatchObject({ role: 'gp_clinician', organisation: { code: 'N81001' } });
    expect(answer.user.username).toBe(me.body!.user.username);
    const { rows } = await platform.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM web_users WHERE display_name = 'Jo Mensah'`);
    expect(rows[0].n).toBe(1);
    // The linked account has no password anyone knows.
    expect((await authenticate(platform.sql, answer.user.username, jo.password)).ok).toBe(false);
  });

  it('does not let a citizen sign in as staff', async () => {
    const citizen = identities.citizens[0];
    const browser = new Browserless(base);
    const page = (await browser.follow('/api/session/cis2')).pop()!;
    const action = /<form method="post" action="([^"]+)"/.exec(page.body)![1];
    const refused = await browser.request(action, { form: { login: citizen.login, password: citizen.password } });
    expect(refused.status).toBe(401);
  });
});
