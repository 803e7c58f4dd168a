import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Bundle, Observation, Organization, Patient } from '@medplum/fhirtypes';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '@footprint/record';
import { buildServer } from '../src/app';
import { registerSmartApp } from '../src/auth/smart/apps';
import { s256 } from '../src/auth/smart/pkce';
import { seedDemoIdentities, type DemoCitizen } from '../src/identity/demo-accounts';
import { Browserless, formAction, type Step } from './identity/browserless';
import { openTestPlatform, storageKinds, testNhsNumber } from './support';

const REDIRECT = 'http://localhost:8765/diary/callback';

/** The hidden fields and action of the consent form. */
function consentForm(html: string): { request: string; csrf: string } {
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1]?.replace(/&amp;/g, '&');
  const request = field('request');
  const csrf = field('csrf');
  if (!request || !csrf) throw new Error('no consent form on the page');
  return { request, csrf };
}

/**
 * Follows the browser's redirects from `start` as a browser would (meta refresh included),
 * signing in at the demo provider's real form when it is shown, until the browser is sent to
 * the app's redirect URI or stops on a page. Returns the steps.
 */
async function browse(browser: Browserless, start: string | URL, citizen: DemoCitizen, init: { form?: Record<string, string> } = {}): Promise<Step[]> {
  const steps: Step[] = [await browser.request(start, init)];
  for (let i = 0; i < 25; i++) {
    const last = steps[steps.length - 1];
    let next: URL | undefined;
    if (last.location && [302, 303].includes(last.status)) next = last.location;
    else if (last.status === 200) {
      const refresh = /<meta http-equiv="refresh" content="0;url=([^"]+)">/.exec(last.body)?.[1];
      if (refresh) next = new URL(refresh.replace(/&amp;/g, '&'), last.url);
      else if (last.url.pathname.startsWith('/idp/interaction/')) {
        steps.push(await browser.request(formAction(last.body), { form: { login: citizen.login, password: citizen.password } }));
        continue;
      }
    }
    if (!next || next.href.startsWith(REDIRECT)) break;
    steps.push(await browser.request(next));
  }
  return steps;
}

function pkce() {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: s256(verifier) };
}

/** A SMART App Launch standalone launch driven end to end over real HTTP: discover, authorise with PKCE, sign in, approve, token, read. */
describe.each(storageKinds)('SMART App Launch standalone for a patient app on %s', (kind) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let base: string;
  let citizen: DemoCitizen;
  let patientId: string;
  let otherId: string;
  let config: { authorization_endpoint: string; token_endpoint: string };

  beforeAll(async () => {
    const opened = await openTestPlatform(kind);
    const { platform } = opened;
    const ctx = systemContext();
    const practice = await platform.record.create<Organization>(ctx, { resourceType: 'Organization', name: 'Riverside Surgery', identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'N81001' }] });
    for (const [n, family] of ['Ashworth', 'Bennett', 'Carter', 'Dobson'].entries()) {
      const patient = await platform.record.create<Patient>(ctx, {
        resourceType: 'Patient',
        identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: testNhsNumber(7100 + n * 7) }],
        name: [{ use: 'official', family, given: ['Sam'] }],
        birthDate: `196${n}-04-1${n}`,
        generalPractitioner: [{ reference: `Organization/${practice.resource.id}` }],
      });
      await platform.record.create<Observation>(ctx, {
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] },
        subject: { reference: `Patient/${patient.resource.id}` },
        effectiveDateTime: '2024-05-01T09:00:00Z',
        valueQuantity: { value: 60 + n, unit: 'beats/minute' },
      });
    }
    await registerSmartApp(platform.sql, { id: 'health-diary', name: 'My Health Diary', type: 'public', redirectUris: [REDIRECT] });
    app = buildServer(platform, { logger: false, demoIdentityProvider: true, bootstrapAdministrator: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const identities = await seedDemoIdentities(platform);
    citizen = identities.citizens.find((c) => c.matchesRecord)!;
    const patients = await platform.record.search(ctx, 'Patient', [['_count', '10']]);
    const nhsOf = (p: Patient) => p.identifier?.find((i) => i.system === 'https://fhir.nhs.uk/Id/nhs-number')?.value;
    patientId = (patients.matches as Patient[]).find((p) => nhsOf(p) === citizen.nhsNumber)!.id!;
    otherId = (patients.matches as Patient[]).find((p) => p.id !== patientId)!.id!;
    close = async () => {
      await app.close();
      await opened.close();
    };
  });
  afterAll(async () => close?.());

  const authorizeUrl = (challenge: string, state: string, scope = 'launch/patient patient/*.rs offline_access') => {
    const url = new URL(config.authorization_endpoint);
    url.search = new URLSearchParams({ response_type: 'code', client_id: 'health-diary', redirect_uri: REDIRECT, scope, state, aud: `${base}/fhir/R4`, code_challenge: challenge, code_challenge_method: 'S256' }).toString();
    return url;
  };
  const token = async (form: Record<string, string>) => {
    const response = await fetch(config.token_endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  };
  const fhir = async (path: string, accessToken: string) => {
    const response = await fetch(`${base}/fhir/R4/${path}`, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/fhir+json' } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('discovers, authorises with PKCE, signs the person in, asks their consent, and reads only their record', async () => {
    const discovered = await fetch(`${base}/fhir/R4/.well-known/smart-configuration`);
    expect(discovered.status).toBe(200);
    config = (await discovered.json()) as typeof config;
    expect(config.authorization_endpoint).toBe(`${base}/oauth/authorize`);

    const browser = new Browserless(base);
    const { verifier, challenge } = pkce();
    const steps = await browse(browser, authorizeUrl(challenge, 'state-123'), citizen);
    // The person signed in at the provider's real form, and now sees the consent screen.
    expect(steps.some((s) => s.url.pathname.startsWith('/idp/interaction/'))).toBe(true);
    const consent = steps[steps.length - 1];
    expect(consent.url.pathname).toBe('/oauth/consent');
    expect(consent.body).toContain('Allow My Health Diary to use your health record?');
    expect(consent.body).toContain('Read and search everything in your record');
    expect(consent.body).toContain('Keep access when you are not using it');

    // A forged answer (wrong CSRF token) is refused; the real one returns to the app with a code.
    const form = consentForm(consent.body);
    const forged = await browser.request('/oauth/consent', { form: { ...form, csrf: 'forged', decision: 'approve' } });
    expect(forged.status).toBe(403);
    const approved = await browser.request('/oauth/consent', { form: { ...form, decision: 'approve' } });
    expect(approved.status).toBe(303);
    const back = approved.location!;
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('state-123');
    const code = back.searchParams.get('code')!;
    // The consent cannot be answered twice.
    expect((await browser.request('/oauth/consent', { form: { ...form, decision: 'approve' } })).status).toBe(400);

    // The code is bound to the redirect URI and the verifier; a wrong attempt uses it up.
    const wrongRedirect = await token({ grant_type: 'authorization_code', client_id: 'health-diary', code, redirect_uri: 'http://localhost:8765/other', code_verifier: verifier });
    expect(wrongRedirect).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const used = await token({ grant_type: 'authorization_code', client_id: 'health-diary', code, redirect_uri: REDIRECT, code_verifier: verifier });
    expect(used.body.error).toBe('invalid_grant');

    // Again (the person is still signed in, so straight to consent): now the right exchange.
    const second = pkce();
    const again = await browse(browser, authorizeUrl(second.challenge, 'state-456'), citizen);
    expect(again.some((s) => s.url.pathname.startsWith('/idp/interaction/'))).toBe(false);
    const answer = await browser.request('/oauth/consent', { form: { ...consentForm(again[again.length - 1].body), decision: 'approve' } });
    const code2 = answer.location!.searchParams.get('code')!;
    const badVerifier = await token({ grant_type: 'authorization_code', client_id: 'health-diary', code: code2, redirect_uri: REDIRECT, code_verifier: pkce().verifier });
    expect(badVerifier.body.error).toBe('invalid_grant');

    const third = pkce();
    const thirdSteps = await browse(browser, authorizeUrl(third.challenge, 'state-789'), citizen);
    const thirdAnswer = await browser.request('/oauth/consent', { form: { ...consentForm(thirdSteps[thirdSteps.length - 1].body), decision: 'approve' } });
    const granted = await token({ grant_type: 'authorization_code', client_id: 'health-diary', code: thirdAnswer.location!.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: third.verifier });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ token_type: 'Bearer', patient: patientId, scope: 'launch/patient patient/*.rs offline_access' });
    expect(granted.body.refresh_token).toBeTruthy();
    const accessToken = granted.body.access_token;

    // The token acts as the person: their Patient and their observations, nobody else's.
    const me = await fhir(`Patient/${patientId}`, accessToken);
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(patientId);
    const observations = await fhir(`Observation?patient=${patientId}`, accessToken);
    expect(observations.status).toBe(200);
    const entries = (observations.body as unknown as Bundle).entry ?? [];
    expect(entries.length).toBe(1);
    expect((entries[0].resource as Observation).subject?.reference).toBe(`Patient/${patientId}`);
    expect((await fhir(`Patient/${otherId}`, accessToken)).status).toBe(404);
    const theirs = await fhir(`Observation?patient=${otherId}`, accessToken);
    expect((theirs.body as unknown as Bundle).entry ?? []).toEqual([]);
    const everyone = await fhir('Observation', accessToken);
    expect(((everyone.body as unknown as Bundle).entry ?? []).map((e) => (e.resource as Observation).subject?.reference)).toEqual([`Patient/${patientId}`]);
    // Reading is all it may do.
    const write = await fetch(`${base}/fhir/R4/Observation`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/fhir+json' }, body: JSON.stringify({ resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: `Patient/${patientId}` } }) });
    expect(write.status).toBe(403);

    // The refresh token is good once and is replaced.
    const refreshed = await token({ grant_type: 'refresh_token', client_id: 'health-diary', refresh_token: granted.body.refresh_token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.patient).toBe(patientId);
    expect(refreshed.body.refresh_token).not.toBe(granted.body.refresh_token);
    expect((await token({ grant_type: 'refresh_token', client_id: 'health-diary', refresh_token: granted.body.refresh_token })).body.error).toBe('invalid_grant');
    // Reusing the old one revoked the chain (it may have been stolen).
    expect((await token({ grant_type: 'refresh_token', client_id: 'health-diary', refresh_token: refreshed.body.refresh_token })).body.error).toBe('invalid_grant');
  });

  it('returns access_denied with the state when the person does not allow the app', async () => {
    const browser = new Browserless(base);
    const { challenge } = pkce();
    const steps = await browse(browser, authorizeUrl(challenge, 'state-no'), citizen);
    const denied = await browser.request('/oauth/consent', { form: { ...consentForm(steps[steps.length - 1].body), decision: 'deny' } });
    expect(denied.status).toBe(303);
    expect(Object.fromEntries(denied.location!.searchParams)).toMatchObject({ error: 'access_denied', state: 'state-no' });
  });
});
