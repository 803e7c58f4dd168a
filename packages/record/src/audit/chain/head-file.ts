import { appendFileSync, chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlClient } from '../../db/sql-client';
import { readChainHead, type ChainHead } from './verify';

/** One head written outside the database: the chain's last sequence number and hash at a moment. */
export interface RecordedHead extends ChainHead {
  /** When it was read (ISO 8601). */
  at: string;
}

/** The file in the data directory holding the heads, one JSON object a line, appended. */
export const HEAD_FILE = 'audit-head.jsonl';

export function headFilePath(dataDir: string): string {
  return join(dataDir, HEAD_FILE);
}

/** Every head recorded in `dataDir` (none when the file does not exist); a line that is not a head is an error. */
export function readRecordedHeads(dataDir: string): RecordedHead[] {
  const path = headFilePath(dataDir);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      let parsed: Partial<RecordedHead>;
      try {
        parsed = JSON.parse(line) as Partial<RecordedHead>;
      } catch {
        throw new Error(`${path} line ${i + 1} is not JSON`);
      }
      if (!Number.isInteger(parsed.seq) || typeof parsed.hash !== 'string' || typeof parsed.at !== 'string') throw new Error(`${path} line ${i + 1} is not an audit head ({seq, hash, at})`);
      return { seq: parsed.seq as number, hash: parsed.hash, at: parsed.at };
    });
}

/**
 * Reads the chain head from the database and appends it to `dataDir`/audit-head.jsonl (mode 0600)
 * unless the last line already holds it. Returns the head and whether a line was written. Kept
 * outside the database, these lines let `footprint audit verify` catch a chain rewritten whole.
 */
export async function recordChainHead(sql: SqlClient, dataDir: string, now = new Date()): Promise<{ head: RecordedHead; written: boolean }> {
  const current = await readChainHead(sql);
  const head: RecordedHead = { ...current, at: now.toISOString() };
  const heads = readRecordedHeads(dataDir);
  const last = heads[heads.length - 1];
  if (last && last.seq === head.seq && last.hash === head.hash) return { head: last, written: false };
  const path = headFilePath(dataDir);
  appendFileSync(path, `${JSON.stringify(head)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return { head, written: true };
}
