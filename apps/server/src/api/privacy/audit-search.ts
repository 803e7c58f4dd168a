import { NHS_NUMBER_SYSTEM } from '@footprint/fhir';
import type { SqlClient } from '@footprint/record';
import { dayAfter, type AuditQuery } from './audit-query';

/** The audit row as the search reads it: only the columns every audit row has had since the record began. */
export interface AuditRow extends Record<string, unknown> {
  rid: string;
  organisation: string | null;
  content: string;
}

/** Staff accounts are the audit's `user` principals (agent identifiers in this system). */
export const USER_PRINCIPAL_SYSTEM = 'https://footprint.nhs.uk/Id/principal/user';

/** The Patient ids of people with this NHS number (normally one; a suspected duplicate makes two). */
export async function patientsWithNhsNumber(sql: SqlClient, nhsNumber: string): Promise<string[]> {
  const { rows } = await sql.query<{ id: string }>(
    `SELECT r.id FROM resource r JOIN search_token t ON t.rid = r.rid AND t.resource_type = 'Patient' AND t.code = 'identifier'
     WHERE r.resource_type = 'Patient' AND t.system = $1 AND t.value = $2`,
    [NHS_NUMBER_SYSTEM, nhsNumber],
  );
  return rows.map((r) => r.id);
}

/**
 * One page of the audit, newest first, filtered in SQL: the acting organisation (the scope and
 * the organisation filter), the person (the row's patient, or any Patient the event names, from
 * the AuditEvent's `patient` search index), the acting staff account (the requestor agent's
 * identifier), the purpose of use, the recorded date, and the page position (rid, which only
 * grows). Asks for one row more than the page to know whether there is a next page.
 */
export async function searchAudit(
  sql: SqlClient,
  filter: { organisation: string | null; patients: string[] | null; query: AuditQuery },
): Promise<{ rows: AuditRow[]; next?: string }> {
  const { query } = filter;
  const requestor = query.user === undefined ? null : JSON.stringify([{ requestor: true, who: { identifier: { system: USER_PRINCIPAL_SYSTEM, value: query.user } } }]);
  const purpose = query.purpose === undefined ? null : JSON.stringify([{ coding: [{ code: query.purpose }] }]);
  const { rows } = await sql.query<AuditRow>(
    `SELECT a.rid::text AS rid, a.organisation, a.content
     FROM audit_event a
     WHERE ($1::text IS NULL OR a.organisation = $1)
       AND ($2::text[] IS NULL OR a.patient_id = ANY($2::text[]) OR EXISTS (
         SELECT 1 FROM search_reference r
         WHERE r.rid = a.rid AND r.resource_type = 'AuditEvent' AND r.code = 'patient' AND r.target_type = 'Patient' AND r.target_id = ANY($2::text[])))
       AND ($3::jsonb IS NULL OR (a.content::jsonb -> 'agent') @> $3::jsonb)
       AND ($4::jsonb IS NULL OR (a.content::jsonb -> 'purposeOfEvent') @> $4::jsonb)
       AND ($5::timestamptz IS NULL OR a.last_updated >= $5::timestamptz)
       AND ($6::timestamptz IS NULL OR a.last_updated < $6::timestamptz)
       AND ($7::bigint IS NULL OR a.rid < $7::bigint)
     ORDER BY a.rid DESC
     LIMIT $8`,
    [
      filter.organisation,
      filter.patients,
      requestor,
      purpose,
      query.from ? `${query.from}T00:00:00Z` : null,
      query.to ? `${dayAfter(query.to)}T00:00:00Z` : null,
      query.before ?? null,
      query.count + 1,
    ],
  );
  const page = rows.slice(0, query.count);
  return rows.length > query.count ? { rows: page, next: page[page.length - 1].rid } : { rows: page };
}
