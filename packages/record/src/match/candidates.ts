import { NHS_NUMBER_SYSTEM, normalizeSearchString, type Patient } from '@footprint/fhir';
import type { AccessPolicy } from '../access/policy';
import type { SqlClient } from '../db/sql-client';
import { SqlParams } from '../db/sql-params';
import { validNhsNumber } from './demographics';

/** The most candidates scored for one record: those found by the most blocks first. */
export const MAX_CANDIDATES = 200;

export interface CandidateRow {
  rid: string;
  id: string;
  content: string;
  [key: string]: unknown;
}

/** Both ways a postcode may have been written, in the record's search form (`ls1 4ab`, `ls14ab`). */
function postcodeForms(postcode: string): string[] {
  const compact = postcode.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const spaced = compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
  return [...new Set([compact, spaced].map(normalizeSearchString))];
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

/** Whether a record gives matching anything to look candidates up by. */
export function hasBlockingKey(patient: Patient): boolean {
  return !!validNhsNumber(patient) || /^\d{4}-\d{2}-\d{2}$/.test(patient.birthDate ?? '') || (patient.name ?? []).some((n) => !!n.family);
}

/**
 * Candidate retrieval by blocking, one SQL statement over the record's search indexes (never
 * a scan of every Patient): the same NHS number (search_token), the same date of birth
 * (search_date), or the same family name together with the same postcode or first given name
 * (search_string, normalised). Only rows the policy lets the context search are returned, never
 * `excludeId`; those found by most blocks come first.
 */
export async function findCandidates(sql: SqlClient, policy: AccessPolicy, patient: Patient, excludeId?: string): Promise<CandidateRow[]> {
  const statement = candidateStatement(policy, patient, excludeId);
  if (!statement) return [];
  const { rows } = await sql.query<CandidateRow>(statement.text, statement.values);
  return rows;
}

/** The blocking statement of `findCandidates` (undefined when the record has no blocking key). */
export function candidateStatement(policy: AccessPolicy, patient: Patient, excludeId?: string): { text: string; values: unknown[] } | undefined {
  const p = new SqlParams();
  const blocks: string[] = [];
  const string = (code: string, values: string[]) =>
    `SELECT rid FROM search_string WHERE resource_type = 'Patient' AND code = ${p.add(code)} AND normalized = ANY(${p.add(values)}::text[])`;
  const nhs = validNhsNumber(patient);
  if (nhs) {
    blocks.push(`SELECT rid FROM search_token WHERE resource_type = 'Patient' AND code = 'identifier' AND system = ${p.add(NHS_NUMBER_SYSTEM)} AND value = ${p.add(nhs)}`);
  }
  if (patient.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(patient.birthDate)) {
    blocks.push(
      `SELECT rid FROM search_date WHERE resource_type = 'Patient' AND code = 'birthdate' AND lo >= ${p.add(`${patient.birthDate}T00:00:00.000Z`)}::timestamptz AND lo < ${p.add(nextDay(patient.birthDate))}::timestamptz`,
    );
  }
  const names = patient.name ?? [];
  const families = [...new Set(names.flatMap((n) => (n.family ? [normalizeSearchString(n.family)] : [])))];
  if (families.length) {
    const postcodes = [...new Set((patient.address ?? []).flatMap((a) => (a.postalCode ? postcodeForms(a.postalCode) : [])))];
    const givens = [...new Set(names.flatMap((n) => (n.given?.[0] ? [normalizeSearchString(n.given[0])] : [])))];
    if (postcodes.length) blocks.push(`(${string('family', families)} INTERSECT ${string('address-postalcode', postcodes)})`);
    if (givens.length) blocks.push(`(${string('family', families)} INTERSECT ${string('given', givens)})`);
  }
  if (blocks.length === 0) return undefined;
  const where = [`r.resource_type = 'Patient'`, 'NOT r.deleted', policy.predicate('r', 's', p)];
  if (excludeId) where.push(`r.id <> ${p.add(excludeId)}`);
  return {
    text: `WITH hits AS (${blocks.map((b) => `SELECT rid FROM (${b}) b`).join(' UNION ALL ')}),
       ranked AS (SELECT rid, count(*) AS n FROM hits GROUP BY rid)
     SELECT r.rid::text AS rid, r.id, r.content FROM ranked h JOIN resource r ON r.rid = h.rid
     WHERE ${where.join(' AND ')}
     ORDER BY h.n DESC, r.rid LIMIT ${MAX_CANDIDATES}`,
    values: p.values,
  };
}
