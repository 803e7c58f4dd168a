import type { Organization } from '@footprint/fhir';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresKinds, reserveTestSchema, testServerUrl, type TestSchema } from '@footprint/testing';
import { verifyAuditChain } from '../../src/audit/chain/verify';
import { createRecord, type OpenRecord } from '../../src/create-record';
import { admin, client } from '../suite/context';

/** Runs one statement as the server's superuser (the test database's administrator). */
async function asSuperuser(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

const withUser = (url: string, user: string) => {
  const u = new URL(url);
  u.username = user;
  u.password = '';
  return u.toString();
};

/**
 * On a PostgreSQL server the tables belong to an owner role that runs the migrations; the
 * application connects as a role granted only what it needs. This proves that role can write
 * and read the audit but cannot change it, remove it, empty it or switch its triggers off.
 */
describe.runIf(postgresKinds().includes('postgres'))('the application role on a PostgreSQL server', { timeout: 120_000 }, () => {
  const url = testServerUrl() as string;
  const suffix = randomBytes(4).toString('hex');
  const ownerRole = `fp_owner_${suffix}`;
  const appRole = `fp_app_${suffix}`;
  let reserved: TestSchema;
  let record: OpenRecord;

  beforeAll(async () => {
    reserved = reserveTestSchema('audit_roles');
    await asSuperuser(url, `CREATE ROLE ${ownerRole} LOGIN; CREATE ROLE ${appRole} LOGIN; GRANT CREATE ON DATABASE ${new URL(url).pathname.slice(1)} TO ${ownerRole}`);
    record = await createRecord({ databaseUrl: withUser(url, appRole), ownerDatabaseUrl: withUser(url, ownerRole), schema: reserved.schema, maxConnections: 2 });
  });
  afterAll(async () => {
    await record?.close();
    await reserved.drop();
    await asSuperuser(url, `DROP OWNED BY ${appRole}; DROP OWNED BY ${ownerRole}; DROP ROLE ${appRole}; DROP ROLE ${ownerRole}`);
  });

  it('the tables belong to the owner, and the application role is not warned about', async () => {
    const { rows } = await record.sql.query<{ owner: string; me: string }>("SELECT pg_get_userbyid(relowner) AS owner, current_user AS me FROM pg_class WHERE oid = to_regclass('audit_event')");
    expect(rows[0]).toEqual({ owner: ownerRole, me: appRole });
    expect(record.roleWarning).toBeUndefined();
  });

  it('writes, reads and audits as the application role, and the chain verifies', async () => {
    const { resource } = await record.repo.create<Organization>(admin, { resourceType: 'Organization', name: 'Granted' });
    await record.repo.read(client(['system/*.rs']), 'Organization', resource.id!);
    const result = await verifyAuditChain(record.sql);
    expect(result).toMatchObject({ ok: true, checked: 2 });
  });

  it.each([
    ["UPDATE audit_event SET outcome = '0'", /permission denied/],
    ['DELETE FROM audit_event', /permission denied/],
    ['TRUNCATE audit_event', /permission denied/],
    ['ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only', /must be owner/],
    ['ALTER TABLE audit_event DISABLE TRIGGER ALL', /must be owner/],
    ['DROP TRIGGER audit_event_append_only ON audit_event', /must be owner/],
    ['DROP TABLE audit_event', /must be owner/],
    ['DELETE FROM audit_chain_head', /permission denied/],
    ["UPDATE audit_chain_head SET hash = 'x'", /permission denied/],
    ['ALTER TABLE audit_event DISABLE TRIGGER audit_event_chain', /must be owner/],
    ['TRUNCATE audit_chain_head', /permission denied/],
    ["DELETE FROM search_token WHERE resource_type = 'AuditEvent'", /append-only/],
    ['ALTER TABLE search_token DISABLE TRIGGER ALL', /must be owner/],
    ['SET session_replication_role = replica', /permission denied/],
    ['DELETE FROM schema_migration', /permission denied/],
  ])('the application role cannot run %s', async (statement, refusal) => {
    await expect(record.sql.query(statement)).rejects.toThrow(refusal);
    const { rows } = await record.sql.query<{ n: string }>('SELECT count(*)::text AS n FROM audit_event');
    expect(Number(rows[0].n)).toBeGreaterThanOrEqual(2);
  });

  it('warns, or refuses with FOOTPRINT_DATABASE_ROLE_CHECK=refuse, when the application connects as a superuser', async () => {
    const superuser = await createRecord({ databaseUrl: url, schema: reserved.schema, maxConnections: 1 });
    try {
      expect(superuser.roleWarning).toMatch(/as postgres, which is a superuser.*FOOTPRINT_MIGRATION_DATABASE_URL/);
    } finally {
      await superuser.close();
    }
    await expect(createRecord({ databaseUrl: withUser(url, ownerRole), schema: reserved.schema, maxConnections: 1, roleCheck: 'refuse' })).rejects.toThrow(/owns the record tables/);
  });
});
