import type { Organization } from '@footprint/fhir';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkHash } from '../../src/audit/chain/canonical';
import { readRecordedHeads, recordChainHead } from '../../src/audit/chain/head-file';
import { verifyAuditChain } from '../../src/audit/chain/verify';
import { addAudit, writeAudit } from '../../src/audit/write';
import type { OpenRecord } from '../../src/create-record';
import type { SqlClient } from '../../src/db/sql-client';
import { openPglite } from '../../src/db/pglite-client';
import { Statement } from '../../src/db/statement';
import { recordMigrationSets, runMigrationSets } from '../../src/migrations/registry';
import { testEngines } from '../engines';
import { admin, client } from '../suite/context';

interface Row extends Record<string, unknown> {
  rid: string;
  chain_seq: string;
  id: string;
  organisation: string | null;
  patient_id: string | null;
  action: string;
  outcome: string;
  sensitive: boolean;
  content: string;
  prev_hash: string;
  hash: string;
}

const rowAt = async (sql: SqlClient, seq: number): Promise<Row> =>
  (await sql.query<Row>('SELECT rid::text AS rid, chain_seq::text AS chain_seq, id, organisation, patient_id, action, outcome, sensitive, content, prev_hash, hash FROM audit_event WHERE chain_seq = $1', [seq])).rows[0];

/** Runs `change` as the table owner could: with the append-only and chain triggers disabled, then enabled again. */
const asOwner = (sql: SqlClient, change: (tx: SqlClient) => Promise<unknown>) =>
  sql.transaction(async (tx) => {
    await tx.query('ALTER TABLE audit_event DISABLE TRIGGER USER');
    await change(tx);
    await tx.query('ALTER TABLE audit_event ENABLE TRIGGER USER');
  });

const hashOf = (row: Row) =>
  linkHash(row.prev_hash, { chainSeq: row.chain_seq, id: row.id, organisation: row.organisation, patientId: row.patient_id, action: row.action, outcome: row.outcome, sensitive: row.sensitive, content: row.content });

for (const engine of testEngines()) {
  describe(`the audit hash chain on ${engine.name}`, { timeout: 120_000 }, () => {
    let record: OpenRecord;
    let sql: SqlClient;
    const dataDir = mkdtempSync(join(tmpdir(), 'footprint-chain-'));
    beforeAll(async () => {
      record = await engine.open();
      sql = record.sql;
      const { resource } = await record.repo.create<Organization>(admin, { resourceType: 'Organization', name: 'Chained' });
      for (let i = 0; i < 6; i++) await record.repo.read(client(['system/*.rs'], `reader-${i}`), 'Organization', resource.id!);
    });
    afterAll(async () => {
      await record?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('numbers every audit row 1, 2, 3… with the previous hash and its own, and an intact chain verifies', async () => {
      const { rows } = await sql.query<Row>('SELECT chain_seq::text AS chain_seq, prev_hash, hash FROM audit_event ORDER BY audit_event.chain_seq');
      expect(rows.map((r) => Number(r.chain_seq))).toEqual(rows.map((_, i) => i + 1));
      for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
      const last = await rowAt(sql, rows.length);
      expect(hashOf(last)).toBe(last.hash);
      const progress: number[] = [];
      const result = await verifyAuditChain(sql, { batchSize: 3, onProgress: (p) => progress.push(p.done) });
      expect(result).toEqual({ ok: true, checked: rows.length, head: { seq: rows.length, hash: last.hash } });
      expect(progress.at(-1)).toBe(rows.length);
    });

    it('rolls the head back with a rolled-back statement (no gap), and keeps concurrent inserts gapless', async () => {
      const before = (await verifyAuditChain(sql)).head.seq;
      await expect(
        sql.transaction(async (tx) => {
          await writeAudit(tx, admin, { interaction: 'read', entities: ['Organization/x'], patients: [], outcome: '0' });
          throw new Error('work failed');
        }),
      ).rejects.toThrow('work failed');
      await Promise.all(Array.from({ length: 12 }, (_, i) => writeAudit(sql, client(['system/*.rs'], `parallel-${i}`), { interaction: 'read', entities: [], patients: [], outcome: '0' })));
      const result = await verifyAuditChain(sql);
      expect(result.ok).toBe(true);
      expect(result.head.seq).toBe(before + 12);
    });

    it('chains two AuditEvents written in one statement and one written by a plain INSERT, and refuses chain values chosen by the writer', async () => {
      const stmt = new Statement();
      addAudit(stmt, admin, { interaction: 'read', entities: [], patients: [], outcome: '0' });
      addAudit(stmt, client(['system/*.rs'], 'second'), { interaction: 'read', entities: [], patients: [], outcome: '0' });
      await stmt.run(sql);
      const copy = (id: string, chain: string) =>
        `INSERT INTO audit_event (rid, id, seq, last_updated, organisation, patient_id, action, outcome, content${chain ? ', chain_seq, prev_hash, hash' : ''})
         SELECT nextval('resource_rid_seq'), '${id}', 0, last_updated, organisation, patient_id, action, outcome, replace(content, id, '${id}')${chain} FROM audit_event WHERE chain_seq = 1`;
      // Chain values chosen by the writer are refused at commit; without them, the trigger chains the row.
      await expect(sql.query(copy('forged-chain', ", 999, 'x', 'y'"))).rejects.toThrow(/append-only/);
      await sql.query(copy('plain-insert', ''));
      const result = await verifyAuditChain(sql);
      expect(result.ok).toBe(true);
      const { rows } = await sql.query<{ chain_seq: string }>("SELECT chain_seq::text AS chain_seq FROM audit_event WHERE id = 'plain-insert'");
      expect(Number(rows[0].chain_seq)).toBe(result.head.seq);
    });

    it('names the first changed entry when a row is altered as the owner, in its content or a column', async () => {
      const original = await rowAt(sql, 3);
      await asOwner(sql, (tx) => tx.query("UPDATE audit_event SET content = replace(content, '\"outcome\":\"0\"', '\"outcome\":\"4\"') WHERE chain_seq = 3"));
      expect((await verifyAuditChain(sql)).problem).toMatchObject({ seq: 3, kind: 'changed' });
      await asOwner(sql, (tx) => tx.query('UPDATE audit_event SET content = $1, patient_id = $2 WHERE chain_seq = 3', [original.content, 'someone-else']));
      expect((await verifyAuditChain(sql)).problem).toMatchObject({ seq: 3, kind: 'changed' });
      await asOwner(sql, (tx) => tx.query("UPDATE audit_event SET patient_id = $1, last_updated = last_updated + interval '1 hour' WHERE chain_seq = 3", [original.patient_id]));
      expect((await verifyAuditChain(sql)).problem).toMatchObject({ seq: 3, kind: 'changed' });
      await asOwner(sql, (tx) => tx.query("UPDATE audit_event SET last_updated = last_updated - interval '1 hour' WHERE chain_seq = 3"));
      expect((await verifyAuditChain(sql)).ok).toBe(true);
    });

    it('names the entry after a row changed and rehashed, since the next link no longer follows', async () => {
      const original = await rowAt(sql, 2);
      const forged = { ...original, content: original.content.replace('"action":"R"', '"action":"E"') };
      await asOwner(sql, (tx) => tx.query('UPDATE audit_event SET content = $1, hash = $2 WHERE chain_seq = 2', [forged.content, hashOf(forged)]));
      expect((await verifyAuditChain(sql)).problem).toMatchObject({ seq: 3, kind: 'inserted' });
      await asOwner(sql, (tx) => tx.query('UPDATE audit_event SET content = $1, hash = $2 WHERE chain_seq = 2', [original.content, original.hash]));
      expect((await verifyAuditChain(sql)).ok).toBe(true);
    });

    it('names the first missing entry when a row is removed, and a removed tail', async () => {
      const head = (await verifyAuditChain(sql)).head.seq;
      await asOwner(sql, (tx) => tx.query('DELETE FROM audit_event WHERE chain_seq = 4'));
      expect((await verifyAuditChain(sql)).problem).toMatchObject({ seq: 4, kind: 'missing' });
      await asOwner(sql, (tx) => tx.query('DELETE FROM audit_event WHERE chain_seq >= 4'));
      expect((await verifyAuditChain(sql)).problem).toMatchObject({ seq: 4, kind: 'missing' });
      expect(head).toBeGreaterThan(4);
    });
  });
}

describe('inserted rows, a moved head and a chain rewritten whole', { timeout: 120_000 }, () => {
  for (const engine of testEngines()) {
    it(`are each named at their first broken link on ${engine.name}`, async () => {
      const record = await engine.open();
      const dataDir = mkdtempSync(join(tmpdir(), 'footprint-chain-head-'));
      try {
        const { sql } = record;
        for (let i = 0; i < 5; i++) await writeAudit(sql, client(['system/*.rs'], `r-${i}`), { interaction: 'read', entities: [], patients: [], outcome: '0' });
        const recorded = await recordChainHead(sql, dataDir, new Date('2026-12-01T10:00:00Z'));
        expect(recorded).toMatchObject({ written: true, head: { seq: 5 } });
        expect((await recordChainHead(sql, dataDir)).written).toBe(false);
        expect(statSync(join(dataDir, 'audit-head.jsonl')).mode & 0o777).toBe(0o600);
        expect(readRecordedHeads(dataDir)).toEqual([{ seq: 5, hash: recorded.head.hash, at: '2026-12-01T10:00:00.000Z' }]);
        expect((await verifyAuditChain(sql, { recorded: readRecordedHeads(dataDir) })).ok).toBe(true);

        // Inserted beyond the head, with a correct hash: the head never moved for it.
        const five = await rowAt(sql, 5);
        const extra = { ...five, id: 'forged-1', chain_seq: '6', prev_hash: five.hash, content: five.content.replace(five.id, 'forged-1') };
        await asOwner(sql, (tx) =>
          tx.query(
            `INSERT INTO audit_event (rid, id, seq, last_updated, organisation, patient_id, action, outcome, content, chain_seq, prev_hash, hash)
             SELECT nextval('resource_rid_seq'), $1, 0, last_updated, organisation, patient_id, action, outcome, $2, 6, $3, $4 FROM audit_event WHERE chain_seq = 5`,
            [extra.id, extra.content, extra.prev_hash, hashOf(extra)],
          ),
        );
        expect((await verifyAuditChain(sql)).problem).toMatchObject({ seq: 6, kind: 'inserted' });
        await asOwner(sql, (tx) => tx.query('DELETE FROM audit_event WHERE chain_seq = 6'));

        // A row numbered outside the chain.
        await asOwner(sql, (tx) =>
          tx.query(
            `INSERT INTO audit_event (rid, id, seq, last_updated, organisation, patient_id, action, outcome, content, chain_seq, prev_hash, hash)
             SELECT nextval('resource_rid_seq'), 'forged-0', 0, last_updated, organisation, patient_id, action, outcome, content, 0, prev_hash, hash FROM audit_event WHERE chain_seq = 1`,
          ),
        );
        expect((await verifyAuditChain(sql)).problem).toMatchObject({ seq: 0, kind: 'inserted' });
        await asOwner(sql, (tx) => tx.query('DELETE FROM audit_event WHERE chain_seq = 0'));

        // A row inserted with the chain trigger disabled, never chained.
        await asOwner(sql, (tx) =>
          tx.query(
            `INSERT INTO audit_event (rid, id, seq, last_updated, organisation, patient_id, action, outcome, content)
             SELECT nextval('resource_rid_seq'), 'unchained', 0, last_updated, organisation, patient_id, action, outcome, content FROM audit_event WHERE chain_seq = 1`,
          ),
        );
        expect((await verifyAuditChain(sql)).problem).toMatchObject({ seq: 0, kind: 'inserted', detail: expect.stringContaining('unchained') });
        await asOwner(sql, (tx) => tx.query("DELETE FROM audit_event WHERE id = 'unchained'"));
        expect((await verifyAuditChain(sql)).ok).toBe(true);

        // The head moved.
        await expect(sql.query("UPDATE audit_event SET chain_seq = NULL WHERE chain_seq = 5")).rejects.toThrow(/append-only/);
        await sql.query("UPDATE audit_chain_head SET hash = repeat('a', 64)");
        expect((await verifyAuditChain(sql)).problem).toMatchObject({ seq: 5, kind: 'head-mismatch' });
        await sql.query('UPDATE audit_chain_head SET hash = $1', [five.hash]);

        // Rewritten whole from entry 3 on, head included: consistent inside the database, caught by the head written outside it.
        await asOwner(sql, async (tx) => {
          let prev = (await rowAt(tx, 2)).hash;
          for (let seq = 3; seq <= 5; seq++) {
            const row = await rowAt(tx, seq);
            const rewritten = { ...row, prev_hash: prev, content: row.content.replace('"outcome":"0"', '"outcome":"8"') };
            prev = hashOf(rewritten);
            await tx.query('UPDATE audit_event SET content = $1, prev_hash = $2, hash = $3 WHERE chain_seq = $4', [rewritten.content, rewritten.prev_hash, prev, seq]);
          }
          await tx.query('UPDATE audit_chain_head SET hash = $1', [prev]);
        });
        expect((await verifyAuditChain(sql)).ok).toBe(true);
        expect((await verifyAuditChain(sql, { recorded: readRecordedHeads(dataDir) })).problem).toMatchObject({ seq: 5, kind: 'rewritten' });

        // Truncated below a head recorded outside: the tail removed and the head moved back with it.
        await asOwner(sql, (tx) => tx.query('DELETE FROM audit_event WHERE chain_seq >= 4'));
        await sql.query('UPDATE audit_chain_head SET seq = 3, hash = $1', [(await rowAt(sql, 3)).hash]);
        expect((await verifyAuditChain(sql)).ok).toBe(true);
        expect((await verifyAuditChain(sql, { recorded: readRecordedHeads(dataDir) })).problem).toMatchObject({ seq: 4, kind: 'missing' });
      } finally {
        await record.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  }
});

describe('the audit migration', { timeout: 120_000 }, () => {
  it('chains the rows written before the chain existed, in rid order, and the chain carries on from them', async () => {
    const sql = await openPglite(undefined);
    try {
      const before = recordMigrationSets.filter((s) => s.namespace !== 'audit');
      await runMigrationSets(sql, before);
      for (let i = 0; i < 3; i++) {
        await sql.query(
          `INSERT INTO audit_event (rid, id, seq, last_updated, organisation, patient_id, action, outcome, content)
           VALUES (nextval('resource_rid_seq'), $1, 0, $2, NULL, $3, 'R', '0', $4)`,
          [`old-${i}`, '2026-01-01T00:00:00.000Z', i === 1 ? 'pat-1' : null, JSON.stringify({ resourceType: 'AuditEvent', id: `old-${i}`, recorded: '2026-01-01T00:00:00.000Z' })],
        );
      }
      await runMigrationSets(sql, recordMigrationSets);
      await writeAudit(sql, admin, { interaction: 'read', entities: [], patients: [], outcome: '0' });
      const { rows } = await sql.query<{ id: string; chain_seq: string }>('SELECT id, chain_seq::text AS chain_seq FROM audit_event ORDER BY rid');
      expect(rows.map((r) => [r.id.startsWith('old-') ? r.id : 'new', Number(r.chain_seq)])).toEqual([['old-0', 1], ['old-1', 2], ['old-2', 3], ['new', 4]]);
      expect(await verifyAuditChain(sql)).toMatchObject({ ok: true, checked: 4, head: { seq: 4 } });
      await expect(sql.query("UPDATE audit_event SET outcome = '4'")).rejects.toThrow(/append-only/);
      await expect(sql.query('DELETE FROM audit_chain_head')).rejects.toThrow(/append-only/);
    } finally {
      await sql.close();
    }
  });
});
