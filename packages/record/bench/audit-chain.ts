/**
 * What the audit hash chain costs on a PostgreSQL server: the AuditEvent insert with the chain
 * (the head row advanced in the same statement) against the same insert without it, one at a
 * time and with concurrent writers (the head row serialises audit inserts until each commits),
 * and how fast `footprint audit verify` recomputes the chain.
 *
 *   npx tsx packages/record/bench/audit-chain.ts [events=2000] [concurrency=8]
 *
 * Uses FOOTPRINT_BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test,
 * in a throwaway schema that is dropped afterwards.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { extractSearchValues } from '@footprint/fhir';
import { systemContext } from '../src/access-context';
import { buildAuditEvent, type AuditFacts } from '../src/audit/audit-event';
import { verifyAuditChain } from '../src/audit/chain/verify';
import { writeAudit } from '../src/audit/write';
import { createRecord } from '../src/create-record';
import type { SqlClient } from '../src/db/sql-client';
import { Statement } from '../src/db/statement';
import { addIndexInserts } from '../src/store/index-values';

const url = process.env.FOOTPRINT_BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const events = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 8);
const schema = `bench_chain_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const ctx = systemContext('TREAT', 'bench-reader');
const facts: AuditFacts = { interaction: 'read', entities: ['Patient/p1'], patients: ['p1'], outcome: '0' };

/** The AuditEvent insert as it was before the chain, into a copy of the table without chain constraints. */
async function writeUnchained(sql: SqlClient): Promise<void> {
  const event = buildAuditEvent(ctx, facts, new Date().toISOString());
  const stmt = new Statement();
  const row = stmt.cte(
    'audit',
    `INSERT INTO audit_plain (rid, id, seq, last_updated, organisation, patient_id, action, outcome, content)
     SELECT n, ${stmt.add(event.id)}, n, ${stmt.add(event.recorded)}, ${stmt.add(null)}, ${stmt.add('p1')},
       ${stmt.add(event.action)}, ${stmt.add(event.outcome)}, ${stmt.add(JSON.stringify(event))}
     FROM (SELECT nextval('resource_rid_seq') AS n) s
     RETURNING rid`,
  );
  addIndexInserts(stmt, [{ resourceType: 'AuditEvent', values: extractSearchValues(event) }], row);
  await stmt.run(sql);
}

const chained = (sql: SqlClient) => writeAudit(sql, ctx, facts);

/** Mean ms per insert, one at a time, in alternating rounds so both variants see the same machine load. */
async function sequential(sql: SqlClient): Promise<{ plain: number; chain: number }> {
  for (let i = 0; i < 100; i++) {
    await writeUnchained(sql); // warm-up: prepared statements, caches
    await chained(sql);
  }
  const rounds = 10;
  const per = Math.ceil(events / rounds);
  const total = { plain: 0, chain: 0 };
  for (let r = 0; r < rounds; r++) {
    for (const [name, write] of [['plain', writeUnchained], ['chain', chained]] as const) {
      const t = performance.now();
      for (let i = 0; i < per; i++) await write(sql);
      total[name] += performance.now() - t;
    }
  }
  return { plain: total.plain / (per * rounds), chain: total.chain / (per * rounds) };
}

async function parallel(sql: SqlClient, write: (sql: SqlClient) => Promise<void>): Promise<number> {
  const t = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let i = 0; i < Math.ceil(events / concurrency); i++) await write(sql);
  }));
  return (Math.ceil(events / concurrency) * concurrency) / ((performance.now() - t) / 1000);
}

const record = await createRecord({ databaseUrl: url, schema, maxConnections: concurrency });
try {
  await record.sql.query('CREATE TABLE audit_plain (LIKE audit_event INCLUDING DEFAULTS INCLUDING INDEXES)');
  await record.sql.query('ALTER TABLE audit_plain ALTER COLUMN chain_seq DROP NOT NULL, ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL');
  const { plain: plainMs, chain: chainMs } = await sequential(record.sql);
  const plainRate = await parallel(record.sql, writeUnchained);
  const chainRate = await parallel(record.sql, chained);
  const t = performance.now();
  const verified = await verifyAuditChain(record.sql);
  const verifySeconds = (performance.now() - t) / 1000;
  if (!verified.ok) throw new Error(`chain did not verify: ${JSON.stringify(verified.problem)}`);
  const { rows } = await record.sql.query<{ v: string }>("SELECT current_setting('synchronous_commit') AS v");
  console.log(`audit chain on ${new URL(url).host} (PostgreSQL, synchronous_commit=${rows[0].v}), ${os.cpus().length} cores, ${events} events`);
  console.log(`  one at a time: ${plainMs.toFixed(3)} ms per AuditEvent without the chain, ${chainMs.toFixed(3)} ms with it (+${(chainMs - plainMs).toFixed(3)} ms, ${(((chainMs - plainMs) / plainMs) * 100).toFixed(0)}%)`);
  console.log(`  ${concurrency} concurrent writers: ${Math.round(plainRate)} AuditEvents/s without the chain, ${Math.round(chainRate)}/s with it`);
  console.log(`  verify: ${verified.checked} entries in ${verifySeconds.toFixed(2)} s (${Math.round(verified.checked / verifySeconds)} entries/s)`);
} finally {
  await record.close();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
}
