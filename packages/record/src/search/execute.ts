import type { AccessPolicy } from '../access/policy';
import type { SqlClient } from '../db/sql-client';
import { SqlParams } from '../db/sql-params';
import { compileCondition, tableFor, type CompileScope } from './compile';
import { cursorOwner, decodeCursor, encodeCursor } from './cursor';
import { resolveIncludes, type ResourceRow } from './include';
import type { SearchRequestModel } from './model';
import { afterCursor, compileSort, orderBy } from './sort';

export interface SearchPage {
  rows: ResourceRow[];
  includes: ResourceRow[];
  total?: number;
  next?: string;
}

/** The stable text of a search (everything but the cursor), bound into its cursors. */
function fingerprint(model: SearchRequestModel): string {
  return `${model.resourceType}?${model.applied.map(([k, v]) => `${k}=${v}`).join('&')}`;
}

/** The highest rid handed out so far, as SQL. */
const SNAPSHOT_SQL = 'SELECT (CASE WHEN is_called THEN last_value ELSE 0 END) AS n FROM resource_rid_seq';

/** The highest rid handed out so far: the snapshot bound for a new paged search. */
export async function currentSnapshot(sql: SqlClient): Promise<string> {
  const { rows } = await sql.query<{ n: string }>(`SELECT n::text AS n FROM (${SNAPSHOT_SQL}) s`);
  return rows[0].n;
}

/**
 * Runs a parsed search: the filters, the access policy and the keyset bound all in one WHERE, so
 * every page is full and only holds what the context may see; then includes, and a total only
 * when asked for.
 */
export async function executeSearch(sql: SqlClient, policy: AccessPolicy, model: SearchRequestModel): Promise<SearchPage> {
  const params = new SqlParams();
  const scope: CompileScope = { params, policy, aliasCounter: { n: 0 } };
  const type = model.resourceType;
  const where = [`r.resource_type = ${params.add(type)}`, 'NOT r.deleted', policy.predicate('r', 's', params)];
  for (const cond of model.conditions) where.push(compileCondition(cond, 'r', type, scope));
  const from = `FROM ${tableFor(type)} r WHERE ${where.join('\n AND ')}`;

  const query = fingerprint(model);
  const cursor = model.cursor ? decodeCursor(model.cursor, query, cursorOwner(policy.ctx)) : undefined;
  // A first page reads its snapshot bound in the page query itself (one round trip fewer),
  // unless a total needs the same bound for a second query first.
  const inline = !cursor && !(model.total || model.summaryCount);
  const snapshot = inline ? undefined : (cursor?.snapshot ?? (await currentSnapshot(sql)));
  const snap = snapshot === undefined ? '(SELECT n FROM snap)' : params.add(snapshot);

  let total: number | undefined;
  if (model.total || model.summaryCount) {
    const { rows } = await sql.query<{ n: number }>(`SELECT count(*)::int AS n ${from} AND r.rid <= ${snap}::bigint`, [...params.values]);
    total = Number(rows[0].n);
    if (model.summaryCount) return { rows: [], includes: [], total };
  }

  const keys = compileSort(model.sort, 'r', type, params);
  const outer = keys.map((k, i) => ({ ...k, expr: `q.sk${i}` }));
  const outerWhere = [`q.rid <= ${snap}::bigint`];
  if (cursor) outerWhere.push(afterCursor(outer, cursor.keys, 'q.rid', cursor.rid, params));
  // The page is chosen over narrow rows (rid and sort keys: an index-only scan of live rows of the
  // type), and only its rows are then joined back for their content.
  const select = ['r.rid', ...keys.map((k, i) => `${k.expr} AS sk${i}`)].join(', ');
  const page = `SELECT q.rid${outer.map((_, i) => `, q.sk${i}`).join('')}
    FROM (SELECT ${select} ${from}) q
    WHERE ${outerWhere.join(' AND ')}
    ORDER BY ${orderBy(outer, 'q.rid')}
    LIMIT ${model.count + 1}`;
  const pageKeys = keys.map((k, i) => ({ ...k, expr: `p.sk${i}` }));
  const text = `${snapshot === undefined ? `WITH snap AS MATERIALIZED (${SNAPSHOT_SQL}) ` : ''}SELECT c.rid::text AS rid, c.resource_type, c.id, c.patient_id, c.content${pageKeys.map((k, i) => `, ${k.expr}::text AS skt${i}`).join('')}${snapshot === undefined ? ', (SELECT n FROM snap)::text AS snapshot_n' : ''}
    FROM (${page}) p JOIN ${tableFor(type)} c ON c.rid = p.rid
    ORDER BY ${orderBy(pageKeys, 'p.rid')}`;
  const { rows } = await sql.query<ResourceRow & Record<string, unknown>>(text, params.values);
  let next: string | undefined;
  if (rows.length > model.count) {
    rows.length = model.count;
    const last = rows[rows.length - 1];
    next = encodeCursor({
      keys: keys.map((_, i) => (last[`skt${i}`] ?? null) as string | null),
      rid: last.rid,
      snapshot: snapshot ?? String(last.snapshot_n),
      query,
      by: cursorOwner(policy.ctx),
    });
  }
  const includes = await resolveIncludes(sql, policy, rows, model.includes, model.revincludes, model.warnings);
  return { rows, includes, ...(total !== undefined ? { total } : {}), ...(next ? { next } : {}) };
}
