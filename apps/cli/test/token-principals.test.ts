import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle, Condition, Observation, Organization, Patient, Resource } from '@footprint/fhir';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, systemContext, type Repository } from '@footprint/record';
import { buildServer, configuredPublicBase, mintAccessToken, platformMigrations, SigningKeys, tokenIdentity, upsertUser, type Platform } from '@footprint/server';
import { openWarehouseHandle } from '@footprint/warehouse';
import { openOnTestStorage, postgresKinds } from '@footprint/testing';
import type { FastifyInstance } from 'fastify';
import { patientToken, staffToken } from '../src/commands/token';

const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const SOCIAL_CARE = { system: 'https://fhir.footprint.example/CodeSystem/episode-of-care-type', code: 'social-care' };

/** Through `footprint token --user` and `--patient`, the FHIR API answers as the web app does for the same person. */
describe.each(postgresKinds())('tokens acting as staff and patients on %s', (kind) => {
  let dataDir: string;
  let app: FastifyInstance;
  let platform: Platform;
  let close: () => Promise<void>;
  const people: Record<string, Patient> = {};
  const nhsNumbers = ['9990000018', '9990000026', '9990000034'];

  const create = async <T extends Resource>(repo: Repository, r: T, organisation?: string): Promise<T> =>
    (await repo.create<T>(organisation ? { ...systemContext(), organisation: { reference: organisation } } : systemContext(), r)).resource;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'footprint-cli-principals-'));
    const opened = await openOnTestStorage(kind, 'fp_cli_principals', (at) => createRecord({ ...at, migrations: platformMigrations }));
    platform = { record: opened.repo, sql: opened.sql, dataDir, warehouse: openWarehouseHandle({ dataDir }) };
    app = buildServer(platform, { logger: false });
    await app.ready();
    close = async () => {
      await app.close();
      await platform.warehouse.close();
      await opened.close();
    };
    const repo = platform.record;
    const practice = await create<Organization>(repo, { resourceType: 'Organization', name: 'Practice' });
    const trust = await create<Organization>(repo, { resourceType: 'Organization', name: 'Trust' });
    const council = await create<Organization>(repo, { resourceType: 'Organization', name: 'Council', type: [{ coding: [{ code: 'local_authority' }] }] });
    const [registered, social, unrelated] = await Promise.all(
      ['Registered', 'Social', 'Unrelated'].map((family, i) =>
        create<Patient>(repo, {
          resourceType: 'Patient',
          identifier: [{ system: NHS, value: nhsNumbers[i] }],
          name: [{ family }],
          birthDate: '1970-01-01',
          ...(i === 0 ? { generalPractitioner: [{ reference: `Organization/${practice.id}` }] } : {}),
        }),
      ),
    );
    Object.assign(people, { registered, social, unrelated });
    await create(repo, { resourceType: 'EpisodeOfCare', status: 'active', type: [{ coding: [SOCIAL_CARE] }], patient: { reference: `Patient/${social.id}` }, managingOrganization: { reference: `Organization/${council.id}` } });
    for (const p of [registered, social, unrelated]) {
      await create<Condition>(repo, { resourceType: 'Condition', subject: { reference: `Patient/${p.id}` }, code: { coding: [{ system: 'http://snomed.info/sct', code: '38341003' }] }, recordedDate: '2025-01-01' }, `Organization/${practice.id}`);
      await create<Observation>(repo, { resourceType: 'Observation', status: 'final', subject: { reference: `Patient/${p.id}` }, code: { text: 'blood pressure' }, effectiveDateTime: '2025-01-01' }, `Organization/${practice.id}`);
      // HIV, recorded by the trust: sensitive, so only the trust and the person see it.
      await create<Condition>(repo, { resourceType: 'Condition', subject: { reference: `Patient/${p.id}` }, code: { coding: [{ system: 'http://snomed.info/sct', code: '86406008' }] }, recordedDate: '2025-02-01' }, `Organization/${trust.id}`);
    }
    for (const [username, role, org] of [
      ['gp.token', 'gp_clinician', practice],
      ['sw.token', 'social_worker', council],
      ['analyst.token', 'analyst', undefined],
    ] as const) {
      await upsertUser(platform.sql, {
        username,
        role,
        displayName: username,
        password: `correct horse ${username}`,
        ...(org ? { organisation: { code: org.name!, name: org.name!, reference: `Organization/${org.id}` } } : {}),
      });
    }
  });
  afterAll(async () => {
    await close?.();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function bearer(minted: Awaited<ReturnType<typeof staffToken>>): Promise<Record<string, string>> {
    const { token } = await mintAccessToken(await SigningKeys.open(dataDir), tokenIdentity(configuredPublicBase({}, {})), minted);
    return { authorization: `Bearer ${token}` };
  }

  async function webCookie(username: string): Promise<string> {
    const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password: `correct horse ${username}` } });
    expect(response.statusCode).toBe(200);
    return String(response.headers['set-cookie']).split(';')[0];
  }

  async function fhirIds(headers: Record<string, string>, url: string): Promise<string[] | number> {
    const response = await app.inject({ method: 'GET', url: `/fhir/R4/${url}`, headers });
    if (response.statusCode !== 200) return response.statusCode;
    return ((response.json() as Bundle).entry ?? []).filter((e) => e.search?.mode !== 'include').map((e) => e.resource!.id!).sort();
  }

  for (const username of ['gp.token', 'sw.token', 'analyst.token']) {
    it(`${username}: the same people, problems and results through FHIR as on the web`, async () => {
      const headers = await bearer(await staffToken(platform, username));
      const cookie = await webCookie(username);
      for (const person of Object.values(people)) {
        const web = await app.inject({ method: 'GET', url: `/api/care-record/patients/${person.id}`, headers: { cookie } });
        const fhir = await app.inject({ method: 'GET', url: `/fhir/R4/Patient/${person.id}`, headers });
        const webStatus = web.statusCode === 200 ? 200 : web.statusCode;
        expect(fhir.statusCode, `${username} reading ${person.name?.[0]?.family}`).toBe(username === 'analyst.token' ? 403 : webStatus);
        if (web.statusCode !== 200) continue;
        const summary = web.json() as { problems: Array<{ id: string }>; results: Array<{ id: string }> };
        const conditions = await fhirIds(headers, `Condition?patient=${person.id}`);
        const observations = await fhirIds(headers, `Observation?patient=${person.id}`);
        expect(conditions).toEqual(summary.problems.map((p) => p.id).sort());
        expect(observations === 403 ? [] : observations).toEqual(summary.results.map((r) => r.id).sort());
        const counted = await app.inject({ method: 'GET', url: `/fhir/R4/Condition?patient=${person.id}&_summary=count`, headers });
        expect((counted.json() as Bundle).total).toBe(summary.problems.length);
      }
    });
  }

  it('a GP token sees its registered person only, without the sensitive item another organisation recorded', async () => {
    const headers = await bearer(await staffToken(platform, 'gp.token'));
    expect((await app.inject({ method: 'GET', url: `/fhir/R4/Patient/${people.registered.id}`, headers })).statusCode).toBe(200);
    const refused = await app.inject({ method: 'GET', url: `/fhir/R4/Patient/${people.unrelated.id}`, headers });
    const unknown = await app.inject({ method: 'GET', url: '/fhir/R4/Patient/no-such-person', headers });
    expect(refused.statusCode).toBe(403);
    expect(unknown.statusCode).toBe(403);
    expect(refused.json()).toEqual(unknown.json());
    expect(await fhirIds(headers, `Condition?patient=${people.registered.id}`)).toHaveLength(1);
  });

  it('a patient token reads the person’s own record, sensitive items included, and nobody else’s', async () => {
    const headers = await bearer(await patientToken(platform, nhsNumbers[2]));
    expect((await app.inject({ method: 'GET', url: `/fhir/R4/Patient/${people.unrelated.id}`, headers })).statusCode).toBe(200);
    expect(await fhirIds(headers, 'Condition')).toHaveLength(2);
    expect((await app.inject({ method: 'GET', url: `/fhir/R4/Patient/${people.registered.id}`, headers })).statusCode).toBe(404);
    await expect(patientToken(platform, '9990000042')).rejects.toThrow(/No person/);
    await expect(patientToken(platform, '1234567890')).rejects.toThrow(/not a valid NHS number/);
    await expect(staffToken(platform, 'nobody')).rejects.toThrow(/no staff user/);
  });
});
