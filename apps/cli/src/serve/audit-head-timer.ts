import { recordChainHead } from '@footprint/record';
import type { OpenPlatform } from '../platform';

interface HeadLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Seconds between heads written outside the database: FOOTPRINT_AUDIT_HEAD_INTERVAL (default 300; 0 turns the timer off). */
export function auditHeadInterval(configured = process.env.FOOTPRINT_AUDIT_HEAD_INTERVAL): number {
  const seconds = Number(configured ?? '300');
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 86_400) throw new Error(`FOOTPRINT_AUDIT_HEAD_INTERVAL must be a whole number of seconds from 0 to 86400, not "${configured}"`);
  return seconds;
}

/**
 * Writes the audit chain head to audit-head.jsonl in the data directory, and to the log, now and
 * every `seconds` while the server runs (only when it moved), so a chain rewritten inside the
 * database no longer matches what was written outside it. Returns a function that writes a last
 * head and stops.
 */
export function startAuditHeadTimer(platform: Pick<OpenPlatform, 'sql' | 'dataDir'>, log: HeadLog, seconds: number): () => Promise<void> {
  const write = async () => {
    try {
      const { head, written } = await recordChainHead(platform.sql, platform.dataDir);
      if (written) log.info({ auditHead: { seq: head.seq, hash: head.hash } }, 'audit chain head');
    } catch (error) {
      log.error({ err: error }, 'could not record the audit chain head');
    }
  };
  if (seconds === 0) return async () => undefined;
  void write();
  const timer = setInterval(() => void write(), seconds * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await write();
  };
}
