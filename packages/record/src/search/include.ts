import { parseStoredJson, type Resource } from '@footprint/fhir';
import type { AccessPolicy } from '../access/policy';
import type { SqlClient } from '../db/sql-client';
import { SqlParams } from '../db/sql-params';
import type { IncludeSpec } from './model';
import { tableFor } from './compile';

/** A row as read back for a search page or include. */
export interface ResourceRow {
  rid: string;
  resource_type: string;
  id: string;
  patient_id: string | null;
  content: string;
  [key: string]: unknown;
}

/** At most this many resources are included per page, so one search cannot pull in a whole record set. */
export const MAX_INCLUDES = 5000;

/**
 * Resolves `_include` and `_revinclude` for a page (and, for `:iterate`, for what they pulled in,
 * up to three rounds), reading only resources the policy lets the context read.
 */
export async function resolveIncludes(
  sql: SqlClient,
  policy: AccessPolicy,
  page: readonly ResourceRow[],
  includes: readonly IncludeSpec[],
  revincludes: readonly IncludeSpec[],
  warnings: string[],
): Promise<ResourceRow[]> {
  const seen = new Set(page.map((r) => r.rid));
  const out: ResourceRow[] = [];
  let frontier: readonly ResourceRow[] = page;
  for (let round = 0; round < 4 && frontier.length > 0; round++) {
    const next: ResourceRow[] = [];
    const wanted = (spec: IncludeSpec) => round === 0 || spec.iterate;
    for (const spec of includes.filter(wanted)) {
      const sources = frontier.filter((r) => r.resource_type === spec.sourceType).map((r) => r.rid);
      if (sources.length) next.push(...(await forward(sql, policy, spec, sources)));
    }
    for (const spec of revincludes.filter(wanted)) {
      const targets = frontier.map((r) => `${r.resource_type}/${r.id}`);
      next.push(...(await reverse(sql, policy, spec, targets)));
    }
    const fresh = next.filter((r) => !seen.has(r.rid) && (seen.add(r.rid), true));
    out.push(...fresh);
    if (out.length >= MAX_INCLUDES) {
      warnings.push(`Included resources were limited to ${MAX_INCLUDES} for this page`);
      return out.slice(0, MAX_INCLUDES);
    }
    frontier = fresh;
  }
  return out;
}

async function forward(sql: SqlClient, policy: AccessPolicy, spec: IncludeSpec, sourceRids: string[]): Promise<ResourceRow[]> {
  const p = new SqlParams();
  const conditions = [
    `x.rid = ANY(${p.add(sourceRids)}::bigint[])`,
    `x.resource_type = ${p.add(spec.sourceType)}`,
    `x.code = ${p.add(spec.code)}`,
    'NOT t.deleted',
    policy.predicate('t', 'r', p),
  ];
  if (spec.targetType) conditions.push(`x.target_type = ${p.add(spec.targetType)}`);
  const { rows } = await sql.query<ResourceRow>(
    `SELECT DISTINCT t.rid::text AS rid, t.resource_type, t.id, t.patient_id, t.content
     FROM search_reference x JOIN resource t ON t.resource_type = x.target_type AND t.id = x.target_id
     WHERE ${conditions.join(' AND ')} LIMIT ${MAX_INCLUDES + 1}`,
    p.values,
  );
  return rows;
}

async function reverse(sql: SqlClient, policy: AccessPolicy, spec: IncludeSpec, targets: string[]): Promise<ResourceRow[]> {
  const p = new SqlParams();
  const types = targets.map((t) => t.split('/')[0]);
  const ids = targets.map((t) => t.split('/')[1]);
  const table = tableFor(spec.sourceType);
  const conditions = [
    `(x.target_type, x.target_id) IN (SELECT * FROM unnest(${p.add(types)}::text[], ${p.add(ids)}::text[]))`,
    `x.resource_type = ${p.add(spec.sourceType)}`,
    `x.code = ${p.add(spec.code)}`,
    'NOT s.deleted',
    policy.predicate('s', 'r', p),
  ];
  if (spec.targetType) conditions.push(`x.target_type = ${p.add(spec.targetType)}`);
  const { rows } = await sql.query<ResourceRow>(
    `SELECT DISTINCT s.rid::text AS rid, s.resource_type, s.id, s.patient_id, s.content
     FROM search_reference x JOIN ${table} s ON s.rid = x.rid
     WHERE ${conditions.join(' AND ')} LIMIT ${MAX_INCLUDES + 1}`,
    p.values,
  );
  return rows;
}

export function parseRow(row: ResourceRow): Resource {
  return parseStoredJson(row.content) as Resource;
}
