import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Observation, Organization, Patient } from '@footprint/fhir';
import { systemContext } from '@footprint/record';
import type { PostgresKind } from '@footprint/testing';
import { ROLES, upsertUser } from '../../src/api';
import { buildServer } from '../../src/app';
import { createClient } from '../../src/auth/clients';
import { startPatientSession, DEFAULT_PATIENT_SESSION_POLICY } from '../../src/patient/sessions';
import { PATIENT_SESSION_COOKIE } from '../../src/patient/cookies';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFootprint } from '@footprint/synth';
import { buildWarehouseFromNdjson } from '@footprint/warehouse';
import { openTestPlatform, testNhsNumber } from '../support';
import { testLogger } from '../../src/test-logger';

/** A route as Fastify registered it: its URL pattern and methods. */
export interface RegisteredRoute {
  url: string;
  methods: string[];
}

/** Who a fuzzed request is sent as: nobody, a partner system, a signed-in member of staff or a signed-in citizen. */
export interface Caller {
  name: string;
  headers: Record<string, string>;
}

/**
 * A server under fuzz: the real server on real storage, with every route it registered (read
 * from the onRoute hook, so routes added later are fuzzed too), seeded with one practice, one
 * patient and an observation, a partner system's token, a signed-in member of staff of every
 * role and a signed-in citizen.
 */
export interface FuzzServer {
  app: FastifyInstance;
  routes: RegisteredRoute[];
  callers: Caller[];
  patientId: string;
  observationId: string;
  /**
   * Sends a request; a 5xx answer or a throw is recorded in `failures` under `key` (what was
   * fuzzed, e.g. the route pattern), first example kept, so one run reports every failing target.
   */
  send(request: InjectOptions, key: string): Promise<LightMyRequestResponse | undefined>;
  /** The failing targets found so far: key and status, with the first request and answer seen. */
  failures: Map<string, string>;
  close(): Promise<void>;
}

/** Inputs sent by every fuzz suite in this worker; each suite prints its own count. */
export const sent = { requests: 0 };

/** A request as the report shows it (long bodies cut). */
export function describeRequest(request: InjectOptions): string {
  const payload = typeof request.payload === 'string' ? request.payload.slice(0, 1500) : request.payload;
  return JSON.stringify({ method: request.method, url: request.url, headers: request.headers, payload });
}

/** How long a fuzz suite's server may take to start (storage, a small warehouse, a sign-in per role) on a busy machine. */
export const START_TIMEOUT = 600_000;

export async function startFuzzServer(kind: PostgresKind, options: { demoIdentityProvider?: boolean; warehouse?: boolean } = {}): Promise<FuzzServer> {
  const { platform, close } = await openTestPlatform(kind);
  // A fixed public URL: requests are injected, so there is no listening address to take one from.
  const app = buildServer(platform, { logger: testLogger(), demoIdentityProvider: options.demoIdentityProvider ?? false, publicUrl: 'http://localhost:80' });
  const failures = new Map<string, string>();
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    routes.push({ url: route.url, methods });
  });
  await app.ready();
  if (options.warehouse) await buildSmallWarehouse(platform.dataDir);

  const ctx = systemContext();
  const practice = await platform.record.create<Organization>(ctx, {
    resourceType: 'Organization',
    name: 'Fuzz Surgery',
    identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'N81099' }],
  });
  const nhsNumber = testNhsNumber(7070);
  const patient = await platform.record.create<Patient>(ctx, {
    resourceType: 'Patient',
    identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhsNumber }],
    name: [{ family: 'Fuzzperson', given: ['Quinn'] }],
    birthDate: '1970-01-01',
    gender: 'other',
    generalPractitioner: [{ reference: `Organization/${practice.resource.id}` }],
  });
  const patientId = patient.resource.id!;
  const observation = await platform.record.create<Observation>(ctx, {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://snomed.info/sct', code: '27113001' }] },
    subject: { reference: `Patient/${patientId}` },
    valueQuantity: { value: 70, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
  });

  const callers: Caller[] = [{ name: 'nobody', headers: {} }];
  const { client, secret } = await createClient(platform.sql, { name: 'fuzz partner', organisation: `Organization/${practice.resource.id}`, scopes: ['system/*.cruds'], purpose: 'TREAT' });
  const token = await app.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: client.id, client_secret: secret } });
  if (token.statusCode !== 200) throw new Error(`token request failed: ${token.statusCode} ${token.body}`);
  callers.push({ name: 'partner system', headers: { authorization: `Bearer ${(token.json() as { access_token: string }).access_token}` } });

  for (const role of ROLES) {
    const username = `fuzz.${role.replace(/_/g, '-')}`;
    const password = `fuzz password for ${role}`;
    await upsertUser(platform.sql, {
      username,
      role,
      displayName: `Fuzz ${role}`,
      password,
      organisation: { code: 'N81099', name: 'Fuzz Surgery', reference: `Organization/${practice.resource.id}` },
    });
    const signIn = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
    if (signIn.statusCode !== 200) throw new Error(`sign-in of ${role} failed: ${signIn.statusCode} ${signIn.body}`);
    const cookie = String(signIn.headers['set-cookie'] ?? '').split(';')[0];
    const csrf = (signIn.json() as { csrfToken: string }).csrfToken;
    callers.push({ name: `staff ${role}`, headers: { cookie, 'x-csrf-token': csrf } });
  }

  const citizen = await startPatientSession(platform.sql, { patientId, nhsNumber, displayName: 'Quinn Fuzzperson', issuer: 'https://fuzz.invalid', subject: 'fuzz-subject' }, DEFAULT_PATIENT_SESSION_POLICY);
  callers.push({ name: 'citizen', headers: { cookie: `${PATIENT_SESSION_COOKIE}=${citizen.token}`, 'x-csrf-token': citizen.csrfToken } });

  return {
    app,
    routes,
    callers,
    patientId,
    observationId: observation.resource.id!,
    failures,
    async send(request, key) {
      sent.requests++;
      try {
        const response = await app.inject(request);
        // Bad input must be a 4xx (or a harmless 2xx/3xx); a 5xx is a bug.
        if (response.statusCode >= 500) {
          const id = `${key} -> ${response.statusCode}`;
          if (!failures.has(id)) failures.set(id, `${describeRequest(request)}\n  answered ${response.body.slice(0, 600)}`);
        }
        return response;
      } catch (error) {
        const id = `${key} -> threw`;
        if (!failures.has(id)) failures.set(id, `${describeRequest(request)}\n  threw ${String(error)}`);
        return undefined;
      }
    },
    async close() {
      await app.close();
      await close();
    },
  };
}

/** Fails with every failing target found since the last check (key, first request, answer), or passes when there were none. */
export function expectNoFailures(server: FuzzServer): void {
  const report = [...server.failures].map(([key, example]) => `${key}\n  ${example}`).join('\n\n');
  const count = server.failures.size;
  server.failures.clear();
  expect(report, `${count} fuzz targets answered 5xx or threw`).toBe('');
}

/** A small synthetic warehouse in the data directory, so the population and dashboard routes answer for real instead of 503. */
async function buildSmallWarehouse(dataDir: string): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'footprint-fuzz-'));
  try {
    await writeFootprint({ footprint: 'cheshire-and-merseyside', people: 120, seed: 11, outDir: folder });
    await buildWarehouseFromNdjson(folder, { dataDir, workers: 0 });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
