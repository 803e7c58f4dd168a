import { NHS_NUMBER_SYSTEM, parseStoredJson, type Patient } from '@footprint/fhir';
import type { SqlClient } from '@footprint/record';
import { isRole, ROLE_LABELS } from '../auth/roles';
import type { PartnerOrganisation } from '../partner-organisations';
import type { AuditActorView } from './audit-views';

/**
 * Names for the ids an audit page holds, looked up once per page: staff accounts (name and role),
 * partner systems (OAuth client name), organisations (the record's partner list) and people (their
 * NHS number only; the privacy officer's pages never show a person's name).
 */
export interface Directory {
  staff: Map<string, { name: string; role: string }>;
  clients: Map<string, string>;
  nhsNumbers: Map<string, string | null>;
  partners: readonly PartnerOrganisation[];
}

export async function lookUp(sql: SqlClient, partners: readonly PartnerOrganisation[], ids: { staff: Iterable<string>; clients: Iterable<string>; patients: Iterable<string> }): Promise<Directory> {
  const staffIds = [...new Set(ids.staff)];
  const clientIds = [...new Set(ids.clients)];
  const patientIds = [...new Set(ids.patients)];
  const staff = new Map<string, { name: string; role: string }>();
  if (staffIds.length) {
    const { rows } = await sql.query<{ id: string; display_name: string; role: string }>('SELECT id, display_name, role FROM web_users WHERE id = ANY($1::text[])', [staffIds]);
    for (const row of rows) staff.set(row.id, { name: row.display_name, role: row.role });
  }
  const clients = new Map<string, string>();
  if (clientIds.length) {
    const { rows } = await sql.query<{ id: string; name: string }>('SELECT id, name FROM oauth_client WHERE id = ANY($1::text[])', [clientIds]);
    for (const row of rows) clients.set(row.id, row.name);
  }
  const nhsNumbers = new Map<string, string | null>();
  if (patientIds.length) {
    const { rows } = await sql.query<{ id: string; content: string | null }>("SELECT id, content FROM resource WHERE resource_type = 'Patient' AND id = ANY($1::text[])", [patientIds]);
    for (const row of rows) {
      const patient = row.content ? (parseStoredJson(row.content) as Patient) : undefined;
      nhsNumbers.set(row.id, patient?.identifier?.find((i) => i.system === NHS_NUMBER_SYSTEM)?.value ?? null);
    }
  }
  return { staff, clients, nhsNumbers, partners };
}

/** An organisation reference (`Organization/<id>`) by its ODS code and name. */
export function organisationOf(directory: Directory, reference: string | null): { code: string | null; name: string } | null {
  if (!reference) return null;
  const partner = directory.partners.find((p) => `Organization/${p.id}` === reference);
  return partner ? { code: partner.code, name: partner.name } : { code: null, name: 'An organisation not in the record' };
}

/** A staff account by name and role (an account since removed keeps its id). */
export function staffActor(directory: Directory, id: string, roleInEvent?: string | null): AuditActorView {
  const known = directory.staff.get(id);
  const role = known?.role ?? roleInEvent ?? null;
  return { kind: 'staff', id, name: known?.name ?? `Staff account ${id}`, role, roleLabel: role && isRole(role) ? ROLE_LABELS[role] : role };
}
