import type { Patient } from '@footprint/fhir';
import type { AccessContext } from '../access-context';
import { AccessPolicy } from '../access/policy';
import { audited } from '../audit/audited';
import type { SqlClient } from '../db/sql-client';
import type { ReidentifiedPatient, ReidentifyRequest, SearchParams } from '../repository';
import { executeSearch } from '../search/execute';
import { parseRow } from '../search/include';
import { MAX_COUNT, parseSearch } from '../search/parse';

/**
 * Re-identification: the warehouse's pseudonyms back to people, only among the patients
 * registered at the practice, under the access policy, in one transaction with one AuditEvent
 * (operation `$reidentify`, the purpose of use, the practice and every person re-identified).
 * The pseudonyms and the pseudonymiser never leave the caller; nothing identifying is logged.
 */
export async function reidentify(sql: SqlClient, ctx: AccessContext, request: ReidentifyRequest): Promise<ReidentifiedPatient[]> {
  const policy = new AccessPolicy(ctx);
  const registered: SearchParams = [['general-practitioner', request.practice], ['_count', String(MAX_COUNT)]];
  const facts = { interaction: 'operation' as const, operation: '$reidentify', entities: [request.practice], query: `Patient?general-practitioner=${encodeURIComponent(request.practice)}` };
  return audited(sql, ctx, facts, async (tx) => {
    policy.requireReidentification(request.practice);
    const wanted = new Set(request.keys);
    const found: ReidentifiedPatient[] = [];
    let cursor: string | undefined;
    while (wanted.size > 0) {
      const model = parseSearch('Patient', cursor ? [...registered, ['_cursor', cursor]] : registered, 'strict');
      const page = await executeSearch(tx, policy, model);
      for (const row of page.rows) {
        const key = request.pseudonymOf(row.id);
        if (!wanted.has(key)) continue;
        found.push({ key, patient: parseRow(row) as Patient });
      }
      cursor = page.next;
      if (!cursor) break;
    }
    return { result: found, patients: found.map((f) => f.patient.id!) };
  });
}
