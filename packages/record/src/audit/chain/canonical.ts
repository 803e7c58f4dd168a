import { createHash } from 'node:crypto';

/** The previous hash of the first entry: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The fields of an audit row the chain protects, as text: the chain sequence number, the
 * AuditEvent's id, the organisation and patient columns the access policy filters on, action,
 * outcome, the sensitive flag and the stored FHIR JSON (which holds who, what, when and why).
 */
export interface ChainedFields {
  chainSeq: string;
  id: string;
  organisation: string | null;
  patientId: string | null;
  action: string;
  outcome: string;
  sensitive: boolean;
  content: string;
}

/** One field, length-prefixed in UTF-8 bytes so no value can pass for another (`-` for NULL). */
function field(value: string | null): string {
  return value === null ? '-' : `${Buffer.byteLength(value, 'utf8')}:${value}`;
}

/** The canonical content of one row: its fields, length-prefixed, in a fixed order, joined by commas. */
export function canonicalContent(row: ChainedFields): string {
  return [row.chainSeq, row.id, row.organisation, row.patientId, row.action, row.outcome, String(row.sensitive), row.content].map(field).join(',');
}

/** The entry's hash: SHA-256 (hex) of the previous entry's hash, a newline and the canonical content. */
export function linkHash(prevHash: string, row: ChainedFields): string {
  return createHash('sha256').update(`${prevHash}\n${canonicalContent(row)}`, 'utf8').digest('hex');
}

/** SQL for one field as `field` writes it, from an SQL text expression. */
function fieldSql(expr: string): string {
  return `coalesce(octet_length(${expr})::text || ':' || ${expr}, '-')`;
}

/**
 * The same hash as `linkHash`, as an SQL expression over SQL text expressions (parameters cast
 * to text, or columns), so the database computes it inside the statement that inserts the row.
 */
export function linkHashSql(prevHash: string, f: Record<keyof ChainedFields, string>): string {
  const parts = [f.chainSeq, f.id, f.organisation, f.patientId, f.action, f.outcome, f.sensitive, f.content].map(fieldSql).join(` || ',' || `);
  return `encode(sha256(convert_to(${prevHash} || E'\\n' || ${parts}, 'UTF8')), 'hex')`;
}
