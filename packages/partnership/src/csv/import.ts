import type { SqlClient } from '@footprint/record';
import { PartnershipProblem } from '../errors';
import { changedFields, type Editor, type PartnershipStore } from '../store/items';
import { itemKind, type ItemKind } from '../store/kinds';
import { columnPath, META_COLUMNS, unflattenData } from './cells';
import { readCsv, type CsvRow } from './csv';

/** What an import did. */
export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** At most this many rows in one file (a footprint's items of one kind are far fewer). */
export const MAX_IMPORT_ROWS = 20_000;
/** The refusal names this many problems; the rest are counted. */
const PROBLEMS_SHOWN = 5;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

interface Existing {
  id: string;
  kind: string;
  footprint: string;
  parent_id: string | null;
  version: number;
  data: unknown;
  deleted: boolean;
}

interface Planned {
  row: number;
  id?: string;
  parentId?: string;
  data: unknown;
  existing?: Existing;
}

/** The items (any kind) with these ids, as they are now. */
async function lookUp(sql: SqlClient, ids: string[]): Promise<Map<string, Existing>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql.query<Existing & Record<string, unknown>>('SELECT id, kind, footprint, parent_id, version, data, deleted FROM partnership_item WHERE id = ANY($1::text[])', [ids]);
  return new Map(rows.map((r) => [r.id, { ...r, version: Number(r.version), data: typeof r.data === 'string' ? (JSON.parse(r.data) as unknown) : r.data }]));
}

/** The column a schema issue is about: the data column whose field holds the issue's path (or the field's own name). */
function columnFor(path: readonly PropertyKey[], dataColumns: readonly string[]): string {
  const parts = path.map(String);
  let best: string | undefined;
  for (const column of dataColumns) {
    const p = columnPath(column);
    if (p.length <= parts.length && p.every((x, i) => x === parts[i]) && (!best || p.length > columnPath(best).length)) best = column;
  }
  if (best) return best;
  const name = parts.join('.');
  return (META_COLUMNS as readonly string[]).includes(parts[0] ?? '') || parts[0] === 'data' ? `data.${name}` : name || '(the row)';
}

/** Writes rows whose parent is in the same file after that parent; a loop of parents is refused. */
function parentsFirst(planned: Planned[]): Planned[] {
  const inFile = new Set(planned.map((p) => p.id).filter(Boolean));
  const done = new Set<string>();
  const ordered: Planned[] = [];
  let left = planned;
  while (left.length > 0) {
    const ready = left.filter((p) => !p.parentId || !inFile.has(p.parentId) || done.has(p.parentId) || p.existing);
    if (ready.length === 0) throw new PartnershipProblem(400, 'Invalid CSV file', `row ${left[0].row}, column parent_id: the rows' parents make a loop.`);
    for (const p of ready) {
      ordered.push(p);
      if (p.id) done.add(p.id);
    }
    left = left.filter((p) => !ready.includes(p));
  }
  return ordered;
}

/**
 * Imports a CSV file of one kind's items into a footprint (the export's format, cells.ts). Every
 * row is checked first: its data against the kind's schema, its id (an existing item of this
 * kind and footprint is updated, a new id or none is created), its parent_id (a live item of the
 * kind's parent kind in the footprint, or a row of this file) and, for an update, its version
 * (the file must not be older than the item). Any problem refuses the whole file, naming the row
 * and column of the first few; otherwise every row is written in one transaction, as `imported`
 * changes by `editor`, and the counts are returned.
 */
export async function importItemsCsv(sql: SqlClient, store: PartnershipStore, kind: ItemKind, footprint: string, text: string, editor: Editor): Promise<ImportCounts> {
  const rows: CsvRow[] = readCsv(text, { required: ['id'], maxRows: MAX_IMPORT_ROWS, trim: false });
  const header = rows.length ? Object.keys(rows[0].cells) : [];
  const dataColumns = header.filter((c) => !(META_COLUMNS as readonly string[]).includes(c));
  const problems: string[] = [];
  const problem = (row: number, column: string, message: string) => problems.push(`row ${row}, column ${column}: ${message}`);
  const ids = rows.map((r) => r.cells.id.trim()).filter((id) => id !== '');
  const parentIds = rows.map((r) => (r.cells.parent_id ?? '').trim()).filter((id) => id !== '');
  const found = await lookUp(sql, [...new Set([...ids, ...parentIds])]);
  const allowedParents = [kind.parentKind ?? []].flat();
  const parentLabel = allowedParents.map((k) => itemKind(k)?.label ?? k).join(' or ');
  const fileIds = new Set<string>();
  const allFileIds = new Set(ids);
  const planned: Planned[] = [];
  for (const { row, cells } of rows) {
    const id = cells.id.trim();
    const parentId = (cells.parent_id ?? '').trim();
    const version = (cells.version ?? '').trim();
    let existing: Existing | undefined;
    if (id !== '') {
      existing = found.get(id);
      if (!ID.test(id)) problem(row, 'id', 'an id is 1 to 80 letters, digits, dots, hyphens or underscores');
      else if (fileIds.has(id)) problem(row, 'id', `${id} is on an earlier row too`);
      else if (existing && existing.kind !== kind.kind) problem(row, 'id', `${id} is a ${existing.kind}, not a ${kind.kind}`);
      else if (existing && existing.footprint !== footprint) problem(row, 'id', `${id} belongs to another footprint (${existing.footprint})`);
      else if (existing?.deleted) problem(row, 'id', `the ${kind.label} ${id} has been deleted`);
      fileIds.add(id);
    }
    if (version !== '' && !/^[1-9]\d{0,8}$/.test(version)) problem(row, 'version', 'must be a whole number from 1, or empty');
    const { data, problems: cellProblems } = unflattenData(cells, dataColumns);
    for (const p of cellProblems) problem(row, p.column, p.message);
    const parsed = kind.schema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        // A column the kind has no field for: name the column itself.
        if (issue.code === 'unrecognized_keys') for (const key of issue.keys) problem(row, columnFor([...issue.path, key], dataColumns), `a ${kind.label} has no such field`);
        else problem(row, columnFor(issue.path, dataColumns), issue.message);
      }
    }
    if (allowedParents.length === 0 && parentId !== '') problem(row, 'parent_id', `a ${kind.label} does not belong under another item: leave it empty`);
    if (allowedParents.length > 0) {
      const parent = found.get(parentId);
      const inFile = allowedParents.includes(kind.kind) && allFileIds.has(parentId) && parentId !== id;
      if (parentId === '') problem(row, 'parent_id', `a ${kind.label} belongs to a ${parentLabel}: name it`);
      else if (!inFile && (!parent || parent.deleted || !allowedParents.includes(parent.kind) || parent.footprint !== footprint)) {
        problem(row, 'parent_id', `${parentId} is not a ${parentLabel} of this footprint`);
      }
    }
    if (existing && !existing.deleted && existing.kind === kind.kind && (existing.parent_id ?? '') !== parentId) {
      problem(row, 'parent_id', `the import does not move items: ${id} belongs to ${existing.parent_id ?? 'nothing'}`);
    }
    if (parsed.success && existing && version !== '' && Number(version) !== existing.version && changedFields(existing.data, parsed.data).length > 0) {
      problem(row, 'version', `${id} is at version ${existing.version} now, not ${version}: someone has changed it since the file was exported. Export it again and make your changes there`);
    }
    if (parsed.success) planned.push({ row, ...(id ? { id } : {}), ...(parentId ? { parentId } : {}), data: parsed.data, ...(existing ? { existing } : {}) });
  }
  if (problems.length > 0) {
    const more = problems.length - PROBLEMS_SHOWN;
    throw new PartnershipProblem(400, `Invalid ${kind.label} CSV`, `Nothing was imported. ${problems.slice(0, PROBLEMS_SHOWN).join('; ')}${more > 0 ? `; and ${more} more ${more === 1 ? 'problem' : 'problems'}` : ''}.`);
  }
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  await store.batch(async (tx) => {
    for (const p of parentsFirst(planned)) {
      try {
        if (!p.existing) {
          await tx.create(kind, { footprint, data: p.data, ...(p.id ? { id: p.id } : {}), ...(p.parentId ? { parentId: p.parentId } : {}) }, editor, 'imported');
          counts.created++;
        } else if (changedFields(p.existing.data, p.data).length === 0) counts.unchanged++;
        else {
          await tx.update(kind, p.existing.id, p.data, editor, { ifVersion: p.existing.version, change: 'imported' });
          counts.updated++;
        }
      } catch (error) {
        // Someone wrote between the check and the write: the whole file is refused, naming the row.
        if (error instanceof PartnershipProblem) throw new PartnershipProblem(error.status, error.title, `Nothing was imported. Row ${p.row}: ${error.detail ?? error.title}`);
        throw error;
      }
    }
  });
  return counts;
}
