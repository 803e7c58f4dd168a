import type { Bundle, Organization, Patient, Task } from '@footprint/fhir';
import { referralBundle } from '@footprint/coordination';
import { sinkMessages, startMailSink, type RunningMailSink } from '@footprint/engage';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/app';
import { createClient } from '../src/auth/clients';
import { testLogger } from '../src/test-logger';
import { FHIR_JSON, openTestPlatform, storageKinds, testNhsNumber } from './support';

async function until<T>(check: () => Promise<T | undefined | false>, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Email notices of referrals (issue 14 §3), through a real SMTP server (the demo's mail sink): a
 * new referral tells the receiving organisation, each change of state tells the sender, at the
 * addresses on their Organizations, and no notice says who the referral is about or why.
 */
describe.each(storageKinds)('referral email notices on %s', (kind) => {
  let app: FastifyInstance;
  let sink: RunningMailSink;
  let closePlatform: () => Promise<void>;
  let sql: Parameters<typeof sinkMessages>[0];

  const tokenFor = async (organisation: string, scopes: string[]) => {
    const { client, secret } = await createClient(sql, { name: `client for ${organisation}`, organisation, scopes });
    const response = await app.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: client.id, client_secret: secret } });
    return { authorization: `Bearer ${(response.json() as { access_token: string }).access_token}` };
  };

  beforeAll(async () => {
    const opened = await openTestPlatform(kind);
    closePlatform = opened.close;
    sql = opened.platform.sql;
    sink = await startMailSink(sql);
    app = buildServer(opened.platform, { logger: testLogger(), mail: { smtpUrl: sink.url, from: 'Footprint <noreply@footprint.example>' }, subscriptions: { intervalMs: 150 }, publicUrl: 'https://footprint.example.nhs.uk' });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await sink?.close();
    await closePlatform?.();
  });

  it('tells the council of a new referral and the practice of each change, naming nobody', async () => {
    const admin = await tokenFor('Organization/platform', ['system/*.cruds']);
    const create = async <T extends Organization | Patient>(resource: T) =>
      (await app.inject({ method: 'POST', url: `/fhir/R4/${resource.resourceType}`, headers: { ...admin, ...FHIR_JSON }, payload: resource })).json() as T;
    const council = await create<Organization>({ resourceType: 'Organization', name: 'Wirral Council Adult Social Care', telecom: [{ system: 'email', use: 'work', value: 'asc.referrals@wirral.example' }] });
    const practice = await create<Organization>({ resourceType: 'Organization', name: 'Riverside Medical Practice', telecom: [{ system: 'phone', value: '0151 000 0000' }, { system: 'email', value: 'practice.team@riverside.example' }] });
    const nhsNumber = testNhsNumber(4242);
    const patient = await create<Patient>({ resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhsNumber }], name: [{ family: 'Quigley', given: ['Marjorie'] }] });

    const bundle = referralBundle({ patientId: patient.id!, from: `Organization/${practice.id}`, to: `Organization/${council.id}`, category: 'adult-social-care', reason: 'Two falls at home this month', dueDate: '2026-12-18' });
    // The practice's system makes the referral; the council's system accepts it (the Task's owner moves it on).
    const practiceSystem = await tokenFor(`Organization/${practice.id}`, ['system/ServiceRequest.crs', 'system/Task.crus']);
    const councilSystem = await tokenFor(`Organization/${council.id}`, ['system/Task.rus']);
    const made = await app.inject({ method: 'POST', url: '/fhir/R4', headers: { ...practiceSystem, ...FHIR_JSON }, payload: bundle });
    expect(made.statusCode).toBe(200);
    const taskId = /^Task\/([^/]+)/.exec((made.json() as Bundle).entry![1].response!.location!)![1];

    const first = await until(async () => (await sinkMessages(sql)).find((m) => m.envelopeTo.includes('asc.referrals@wirral.example')), 'the notice to the council');
    expect(first.subject).toBe('New referral for Wirral Council Adult Social Care');
    expect(first.text).toContain('Riverside Medical Practice has referred someone to Wirral Council Adult Social Care.');
    expect(first.text).toContain('It is due by 2026-12-18.');
    expect(first.text).toContain(`https://footprint.example.nhs.uk/coordination/referrals/${taskId}`);

    const task = (await app.inject({ method: 'GET', url: `/fhir/R4/Task/${taskId}`, headers: councilSystem })).json() as Task;
    const accepted = await app.inject({ method: 'PUT', url: `/fhir/R4/Task/${taskId}`, headers: { ...councilSystem, ...FHIR_JSON }, payload: { ...task, status: 'accepted' } });
    expect(accepted.statusCode).toBe(200);
    const second = await until(async () => (await sinkMessages(sql)).find((m) => m.envelopeTo.includes('practice.team@riverside.example')), 'the notice to the practice');
    expect(second.subject).toBe('Your referral to Wirral Council Adult Social Care is accepted');

    // Nothing about the person, nor why, leaves by email; each state was told once.
    const all = await sinkMessages(sql);
    for (const message of all) expect(`${message.subject}\n${message.text}`).not.toMatch(new RegExp(`Quigley|Marjorie|${nhsNumber}|falls`));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await sinkMessages(sql)).toHaveLength(2);
  });
});
