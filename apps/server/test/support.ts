import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createRecord } from '@footprint/record';
export { sharingChoiceConsent as sharingChoice } from '@footprint/record';
import { openWarehouseHandle } from '@footprint/warehouse';
import { openOnTestStorage, postgresKinds, type PostgresKind } from '@footprint/testing';
import { buildServer, type ServerOptions } from '../src/app';
import { createClient } from '../src/auth/clients';
import { SigningKeys } from '../src/auth/keys';
import { mintAccessToken, type MintOptions } from '../src/auth/tokens';
import { upsertUser } from '../src/api/auth/users';
import { configuredPublicBase, tokenIdentity } from '../src/http/public-base';
import type { StaffRole } from '@footprint/record';
import { platformMigrations } from '../src/migrations';
import type { Platform } from '../src/platform';
import { testLogger } from '../src/test-logger';

/** Storage the server suites run on: PGlite always, the PostgreSQL server when FOOTPRINT_TEST_DATABASE_URL is set (required in CI). */
export const storageKinds: PostgresKind[] = postgresKinds();

export interface TestServer {
  app: FastifyInstance;
  platform: Platform;
  /** A bearer token for a client with exactly these scopes (default `system/*.cruds`), obtained through POST /oauth/token. */
  token(scopes?: string[]): Promise<string>;
  /** A token signed with the server's own current key, for its issuer and audience, as `footprint token` mints them. */
  mint(options: MintOptions): Promise<string>;
  /** A staff user (created, or updated to this role) and a token acting as them, as `footprint token --user` makes. */
  staffToken(username: string, role: StaffRole, organisation: { reference: string; odsCode: string }, scopes: readonly string[]): Promise<string>;
  close(): Promise<void>;
}

/**
 * Opens fresh storage (in-memory PGlite, or a unique schema on the server) through the platform's
 * migration registry, as `footprint serve` does, and a temporary data directory.
 */
export async function openTestPlatform(kind: PostgresKind): Promise<{ platform: Platform; close(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'footprint-server-'));
  const opened = await openOnTestStorage(kind, 'fp_server', (location) => createRecord({ ...location, migrations: platformMigrations }));
  const platform: Platform = { record: opened.repo, sql: opened.sql, dataDir, warehouse: openWarehouseHandle({ dataDir }) };
  return {
    platform,
    async close() {
      await platform.warehouse.close();
      await opened.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startTestServer(kind: PostgresKind, options: ServerOptions = {}): Promise<TestServer> {
  const { platform, close } = await openTestPlatform(kind);
  const app = buildServer(platform, { logger: testLogger(), ...options });
  await app.ready();
  const tokens = new Map<string, string>();
  const mint = async (minted: MintOptions) => (await mintAccessToken(await SigningKeys.open(platform.dataDir), tokenIdentity(configuredPublicBase(options, {})), minted)).token;
  return {
    app,
    platform,
    mint,
    async staffToken(username, role, organisation, scopes) {
      const user = await upsertUser(platform.sql, { username, displayName: `User ${username}`, role, password: `correct horse ${username}`, organisation: { code: organisation.odsCode, name: organisation.odsCode, reference: organisation.reference } });
      return mint({ clientId: user.id, name: user.displayName, organisation, scopes, purpose: 'TREAT', principal: { kind: 'user', role } });
    },
    async token(scopes = ['system/*.cruds']) {
      const key = scopes.join(' ');
      const cached = tokens.get(key);
      if (cached) return cached;
      const { client, secret } = await createClient(platform.sql, { name: `test ${key}`, organisation: 'Organization/test', scopes, purpose: 'TREAT' });
      const response = await app.inject({
        method: 'POST',
        url: '/oauth/token',
        payload: { grant_type: 'client_credentials', client_id: client.id, client_secret: secret },
      });
      if (response.statusCode !== 200) throw new Error(`token request failed: ${response.statusCode} ${response.body}`);
      const token = (response.json() as { access_token: string }).access_token;
      tokens.set(key, token);
      return token;
    },
    async close() {
      await app.close();
      await close();
    },
  };
}

/** A valid NHS number (Modulus 11) from the 999 test range, for test patients. */
export function testNhsNumber(seed: number): string {
  for (let n = seed; ; n++) {
    const digits = `999${String(n).padStart(6, '0')}`.slice(0, 9);
    const sum = [...digits].reduce((s, d, i) => s + Number(d) * (10 - i), 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return digits + (check === 11 ? '0' : String(check));
  }
}

export const FHIR_JSON = { 'content-type': 'application/fhir+json' };

/**
 * Polls a Bulk Data status URL until the export leaves 202 (at most about ten seconds), calling
 * `onProgress` with each 202 answer, and returns the final answer.
 */
export async function pollExport(app: FastifyInstance, statusUrl: string, headers: Record<string, string>, onProgress?: (response: Awaited<ReturnType<FastifyInstance['inject']>>) => void) {
  const { pathname } = new URL(statusUrl);
  let response = await app.inject({ method: 'GET', url: pathname, headers });
  for (let i = 0; i < 200 && response.statusCode === 202; i++) {
    onProgress?.(response);
    await new Promise((r) => setTimeout(r, 50));
    response = await app.inject({ method: 'GET', url: pathname, headers });
  }
  return response;
}

/** A signed-in member of staff in a test: the session cookie and the CSRF token the staff API asks for. */
export interface StaffSession {
  cookie: string;
  csrf: string;
}

/** Signs a member of staff in through POST /api/session, as the web app does. */
export async function signInStaff(app: FastifyInstance, username: string, password: string): Promise<StaffSession> {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`signing in ${username} answered ${response.statusCode}: ${response.body}`);
  return { cookie: String(response.headers['set-cookie']).split(';')[0], csrf: (response.json() as { csrfToken: string }).csrfToken };
}

/** Calls the staff API as a signed-in member of staff; a payload is sent as JSON exactly as given (null and arrays too). */
export function callAsStaff(app: FastifyInstance, who: StaffSession, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const headers: Record<string, string> = { cookie: who.cookie, 'x-csrf-token': who.csrf };
  if (payload === undefined) return app.inject({ method, url, headers });
  return app.inject({ method, url, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
}

