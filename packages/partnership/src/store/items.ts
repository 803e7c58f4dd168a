import { randomUUID } from 'node:crypto';
import type { SqlClient } from '@footprint/record';
import { PartnershipProblem } from '../errors';
import { isCalendarDate } from './fields';
import { registerItemKinds, type ItemKind } from './kinds';

/** Who made a change: a staff user (id, display name, role) or the platform itself (seeding, imports). */
export interface Editor {
  id: string;
  name: string;
  role: string;
}

/** The platform's own changes (the demo's seed, reference data loads). */
export const PLATFORM_EDITOR: Editor = { id: 'footprint', name: 'Footprint (seed data)', role: 'system' };

export type ItemChange = 'created' | 'updated' | 'deleted' | 'restored' | 'imported';

/** An item as it is now (or as it was at one version, in history). */
export interface Item<T = unknown> {
  id: string;
  kind: string;
  footprint: string;
  parentId: string | null;
  version: number;
  data: T;
  deleted: boolean;
  /** When this version was written (ISO 8601). */
  updatedAt: string;
  updatedBy: { id: string; name: string };
}

/** One version in an item's history: what it held, and who changed what, when. */
export interface ItemVersion<T = unknown> extends Item<T> {
  change: ItemChange;
  /** Top-level fields of `data` that differ from the version before (all of them when created). */
  changedFields: string[];
  changedBy: Editor;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;
/** Items belong to a footprint by its ONS code (E54000008), which it keeps through its history. */
const FOOTPRINT = /^E54\d{6}$/;

interface ItemRow extends Record<string, unknown> {
  id: string;
  kind: string;
  footprint: string;
  parent_id: string | null;
  version: number;
  data: unknown;
  deleted: boolean;
  updated_at: Date | string;
  updated_by_id: string;
  updated_by_name: string;
}

interface VersionRow extends Record<string, unknown> {
  id: string;
  kind: string;
  footprint: string;
  parent_id: string | null;
  version: number;
  data: unknown;
  deleted: boolean;
  change: ItemChange;
  changed_fields: unknown;
  changed_at: Date | string;
  changed_by_id: string;
  changed_by_name: string;
  changed_by_role: string;
}

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();
const json = (value: unknown) => (typeof value === 'string' ? (JSON.parse(value) as unknown) : value);

function toItem<T>(row: ItemRow): Item<T> {
  return {
    id: row.id,
    kind: row.kind,
    footprint: row.footprint,
    parentId: row.parent_id,
    version: Number(row.version),
    data: json(row.data) as T,
    deleted: row.deleted,
    updatedAt: iso(row.updated_at),
    updatedBy: { id: row.updated_by_id, name: row.updated_by_name },
  };
}

function toVersion<T>(row: VersionRow): ItemVersion<T> {
  return {
    id: row.id,
    kind: row.kind,
    footprint: row.footprint,
    parentId: row.parent_id,
    version: Number(row.version),
    data: json(row.data) as T,
    deleted: row.deleted,
    updatedAt: iso(row.changed_at),
    updatedBy: { id: row.changed_by_id, name: row.changed_by_name },
    change: row.change,
    changedFields: json(row.changed_fields) as string[],
    changedBy: { id: row.changed_by_id, name: row.changed_by_name, role: row.changed_by_role },
  };
}

/** Validates data against its kind's schema; a refusal names the first field and what is wrong. */
export function validateItem<T>(kind: ItemKind<T>, data: unknown): T {
  const result = kind.schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : kind.label;
  throw new PartnershipProblem(400, `Invalid ${kind.label}`, `${where}: ${issue?.message ?? 'is not valid'}`);
}

/** JSON with every object's keys sorted, so the same value always reads the same (PostgreSQL's jsonb keeps keys in its own order). */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v));
}

/** Whether two data values are the same, whatever order their objects' keys are in. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** Which top-level fields differ between two versions' data. */
export function changedFields(before: unknown, after: unknown): string[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => !sameValue(a[k], b[k]));
}

const ITEM_COLUMNS = 'id, kind, footprint, parent_id, version, data, deleted, updated_at, updated_by_id, updated_by_name';

/**
 * The partnership's versioned items on the platform's PostgreSQL (embedded or server). Every write
 * is one transaction that changes the item and appends its version, so the current state and the
 * history never disagree; a write with a stale `ifVersion` is refused (409) rather than lost.
 */
export class PartnershipStore {
  constructor(private readonly sql: SqlClient) {}

  /** Creates an item (version 1). `id` defaults to a random UUID; an id already in use is a 409. */
  async create<T>(kind: ItemKind<T>, input: { footprint: string; data: unknown; parentId?: string; id?: string }, editor: Editor, change: 'created' | 'imported' = 'created'): Promise<Item<T>> {
    registerItemKinds(kind as ItemKind<never>);
    const data = validateItem(kind, input.data);
    const id = input.id ?? randomUUID();
    if (!ID.test(id)) throw new PartnershipProblem(400, `Invalid ${kind.label} id`, 'An id is 1 to 80 letters, digits, dots, hyphens or underscores.');
    if (!FOOTPRINT.test(input.footprint)) throw new PartnershipProblem(400, 'Invalid footprint', 'A footprint is named by its ONS code, such as E54000008.');
    return this.sql.transaction(async (tx) => {
      if (input.parentId !== undefined) await this.checkParent(tx, kind, input.parentId, input.footprint);
      else if (kind.parentKind) throw new PartnershipProblem(400, `Invalid ${kind.label}`, `A ${kind.label} belongs to a ${[kind.parentKind].flat().join(' or ')}: give parentId.`);
      const now = new Date().toISOString();
      const inserted = await tx.query<ItemRow>(
        `INSERT INTO partnership_item (id, kind, footprint, parent_id, version, data, deleted, created_at, updated_at, updated_by_id, updated_by_name)
         VALUES ($1, $2, $3, $4, 1, $5::jsonb, false, $6, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING ${ITEM_COLUMNS}`,
        [id, kind.kind, input.footprint, input.parentId ?? null, JSON.stringify(data), now, editor.id, editor.name],
      );
      if (inserted.rows.length === 0) throw new PartnershipProblem(409, `${capitalise(kind.label)} already exists`, `There is already an item with id ${id}.`);
      await this.appendVersion(tx, inserted.rows[0], change, Object.keys(data as object).sort(), editor);
      return toItem<T>(inserted.rows[0]);
    });
  }

  /**
   * Replaces an item's data with a new version. With `ifVersion`, refuses (409) if someone else
   * changed it since. Data identical to the current version writes nothing and returns it as it is.
   */
  async update<T>(kind: ItemKind<T>, id: string, data: unknown, editor: Editor, options: { ifVersion?: number; change?: 'updated' | 'imported' } = {}): Promise<Item<T>> {
    registerItemKinds(kind as ItemKind<never>);
    const valid = validateItem(kind, data);
    return this.sql.transaction(async (tx) => {
      const current = await this.lockLive(tx, kind, id, options.ifVersion);
      const fields = changedFields(current.data, valid);
      if (fields.length === 0) return toItem<T>(current);
      const row = await this.writeVersion(tx, current, valid, false, editor);
      await this.appendVersion(tx, row, options.change ?? 'updated', fields, editor);
      return toItem<T>(row);
    });
  }

  /** Marks an item deleted (a new version: history keeps everything). Refused (409) while live items hang under it. */
  async remove<T>(kind: ItemKind<T>, id: string, editor: Editor, options: { ifVersion?: number } = {}): Promise<Item<T>> {
    return this.sql.transaction(async (tx) => {
      const current = await this.lockLive(tx, kind, id, options.ifVersion);
      const children = await tx.query<{ kind: string; n: string | number }>('SELECT kind, count(*) AS n FROM partnership_item WHERE parent_id = $1 AND NOT deleted GROUP BY kind', [id]);
      if (children.rows.length > 0) {
        const what = children.rows.map((r) => `${r.n} ${r.kind}`).join(', ');
        throw new PartnershipProblem(409, `${capitalise(kind.label)} still has items under it`, `Remove or move these first: ${what}.`);
      }
      const row = await this.writeVersion(tx, current, json(current.data), true, editor);
      await this.appendVersion(tx, row, 'deleted', [], editor);
      return toItem<T>(row);
    });
  }

  /** The item, or a 404 naming the kind. Deleted items are not found unless `includeDeleted`. */
  async get<T>(kind: ItemKind<T>, id: string, options: { includeDeleted?: boolean } = {}): Promise<Item<T>> {
    const item = await this.find(kind, id, options);
    if (!item) throw new PartnershipProblem(404, `No such ${kind.label}`, `There is no ${kind.label} with id ${id}.`);
    return item;
  }

  async find<T>(kind: ItemKind<T>, id: string, options: { includeDeleted?: boolean } = {}): Promise<Item<T> | undefined> {
    if (!ID.test(id)) return undefined;
    const { rows } = await this.sql.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM partnership_item WHERE id = $1 AND kind = $2`, [id, kind.kind]);
    const row = rows[0];
    if (!row || (row.deleted && !options.includeDeleted)) return undefined;
    return toItem<T>(row);
  }

  /** The live items of a kind in a footprint (optionally under one parent), oldest first. */
  async list<T>(kind: ItemKind<T>, footprint: string, options: { parentId?: string } = {}): Promise<Item<T>[]> {
    const params: unknown[] = [footprint, kind.kind];
    let where = 'footprint = $1 AND kind = $2 AND NOT deleted';
    if (options.parentId !== undefined) {
      params.push(options.parentId);
      where += ' AND parent_id = $3';
    }
    const { rows } = await this.sql.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM partnership_item WHERE ${where} ORDER BY created_at, id`, params);
    return rows.map((r) => toItem<T>(r));
  }

  /** Every version of an item, newest first (deleted items too). 404 if it never existed. */
  async history(id: string): Promise<ItemVersion[]> {
    const { rows } = ID.test(id)
      ? await this.sql.query<VersionRow>('SELECT * FROM partnership_item_version WHERE id = $1 ORDER BY version DESC', [id])
      : { rows: [] as VersionRow[] };
    if (rows.length === 0) throw new PartnershipProblem(404, 'No such item', `Nothing in the partnership's register has id ${id}.`);
    return rows.map((r) => toVersion(r));
  }

  /**
   * The latest changes in a footprint, newest first (optionally of one kind). `before` is an
   * earlier page's `next` cursor (or a moment, ISO 8601: changes strictly before it).
   */
  async recentChanges(footprint: string, options: { limit?: number; before?: string; kind?: string } = {}): Promise<ItemVersion[]> {
    return (await this.changesPage(footprint, options)).changes;
  }

  /**
   * A page of a footprint's changes, newest first, and the cursor of the next page. Changes are
   * ordered by (changed_at, id, version), all descending, and the cursor names the last one shown
   * with the time at full (microsecond) precision, so equal timestamps never make a gap or a repeat.
   */
  async changesPage(footprint: string, options: { limit?: number; before?: string; kind?: string } = {}): Promise<{ changes: ItemVersion[]; next?: string }> {
    const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
    const params: unknown[] = [footprint, limit + 1];
    let where = 'footprint = $1';
    if (options.kind !== undefined) {
      params.push(options.kind);
      where += ` AND kind = $${params.length}`;
    }
    if (options.before) {
      const cursor = parseChangeCursor(options.before);
      if (!cursor) throw new PartnershipProblem(400, 'Invalid before', 'before is the next value of an earlier page, or a date and time (ISO 8601).');
      params.push(cursor.at);
      if (cursor.id === undefined) where += ` AND changed_at < $${params.length}::timestamptz`;
      else {
        params.push(cursor.id, cursor.version);
        where += ` AND (changed_at, id, version) < ($${params.length - 2}::timestamptz, $${params.length - 1}::text, $${params.length}::integer)`;
      }
    }
    const { rows } = await this.sql.query<VersionRow & { cursor_at: string }>(
      `SELECT *, to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at FROM partnership_item_version WHERE ${where} ORDER BY changed_at DESC, id DESC, version DESC LIMIT $2`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { changes: page.map((r) => toVersion(r)), ...(rows.length > limit && last ? { next: `${last.cursor_at}~${last.id}~${last.version}` } : {}) };
  }

  /** The given versions of items (for showing what each change replaced), in no particular order. */
  async versionsOf(keys: readonly { id: string; version: number }[]): Promise<ItemVersion[]> {
    if (keys.length === 0) return [];
    const { rows } = await this.sql.query<VersionRow>(
      'SELECT v.* FROM partnership_item_version v JOIN unnest($1::text[], $2::integer[]) AS k (id, version) ON v.id = k.id AND v.version = k.version',
      [keys.map((k) => k.id), keys.map((k) => k.version)],
    );
    return rows.map((r) => toVersion(r));
  }

  /** The kinds a footprint has ever had items of (for filters). */
  async kindsIn(footprint: string): Promise<string[]> {
    const { rows } = await this.sql.query<{ kind: string }>('SELECT DISTINCT kind FROM partnership_item WHERE footprint = $1 ORDER BY kind', [footprint]);
    return rows.map((r) => r.kind);
  }

  /** Runs several writes as one transaction (each write a savepoint inside it): all are kept, or none. */
  async batch<R>(fn: (store: PartnershipStore) => Promise<R>): Promise<R> {
    return this.sql.transaction((tx) => fn(new PartnershipStore(tx)));
  }

  /**
   * Seeds an item if it is not there yet (change `imported`), and otherwise leaves it as it is, so
   * what people have edited survives restarts. Returns the item as stored.
   */
  async seed<T>(kind: ItemKind<T>, input: { id: string; footprint: string; data: unknown; parentId?: string }, editor: Editor = PLATFORM_EDITOR): Promise<Item<T>> {
    const existing = await this.find(kind, input.id, { includeDeleted: true });
    if (existing) return existing;
    try {
      return await this.create(kind, input, editor, 'imported');
    } catch (error) {
      // Another process seeded it between the look and the write.
      if (error instanceof PartnershipProblem && error.status === 409) return this.get(kind, input.id, { includeDeleted: true });
      throw error;
    }
  }

  private async checkParent(tx: SqlClient, kind: ItemKind, parentId: string, footprint: string): Promise<void> {
    const allowed = [kind.parentKind ?? []].flat();
    if (allowed.length === 0) throw new PartnershipProblem(400, `Invalid ${kind.label}`, `A ${kind.label} does not belong under another item: leave parentId out.`);
    const { rows } = ID.test(parentId) ? await tx.query<{ kind: string; footprint: string; deleted: boolean }>('SELECT kind, footprint, deleted FROM partnership_item WHERE id = $1', [parentId]) : { rows: [] };
    const parent = rows[0];
    if (!parent || parent.deleted) throw new PartnershipProblem(404, `No such ${allowed.join(' or ')}`, `parentId ${parentId} names nothing in the register.`);
    if (!allowed.includes(parent.kind)) throw new PartnershipProblem(400, `Invalid ${kind.label}`, `parentId must name a ${allowed.join(' or ')}, not a ${parent.kind}.`);
    if (parent.footprint !== footprint) throw new PartnershipProblem(400, `Invalid ${kind.label}`, 'parentId names an item of another footprint.');
  }

  private async lockLive(tx: SqlClient, kind: ItemKind, id: string, ifVersion: number | undefined): Promise<ItemRow> {
    const { rows } = ID.test(id) ? await tx.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM partnership_item WHERE id = $1 AND kind = $2 FOR UPDATE`, [id, kind.kind]) : { rows: [] };
    const row = rows[0];
    if (!row || row.deleted) throw new PartnershipProblem(404, `No such ${kind.label}`, `There is no ${kind.label} with id ${id}.`);
    if (ifVersion !== undefined && Number(row.version) !== ifVersion) {
      throw new PartnershipProblem(409, 'Changed since you opened it', `This ${kind.label} is at version ${row.version}, not ${ifVersion}: someone else has changed it. Reload it and make your change again.`);
    }
    return row;
  }

  private async writeVersion(tx: SqlClient, current: ItemRow, data: unknown, deleted: boolean, editor: Editor): Promise<ItemRow> {
    const { rows } = await tx.query<ItemRow>(
      `UPDATE partnership_item SET version = version + 1, data = $2::jsonb, deleted = $3, updated_at = $4, updated_by_id = $5, updated_by_name = $6 WHERE id = $1 RETURNING ${ITEM_COLUMNS}`,
      [current.id, JSON.stringify(data), deleted, new Date().toISOString(), editor.id, editor.name],
    );
    return rows[0];
  }

  private async appendVersion(tx: SqlClient, row: ItemRow, change: ItemChange, fields: string[], editor: Editor): Promise<void> {
    await tx.query(
      `INSERT INTO partnership_item_version (id, version, kind, footprint, parent_id, data, deleted, change, changed_fields, changed_at, changed_by_id, changed_by_name, changed_by_role)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9::jsonb, $10, $11, $12, $13)`,
      [row.id, row.version, row.kind, row.footprint, row.parent_id, JSON.stringify(json(row.data)), row.deleted, change, JSON.stringify(fields), iso(row.updated_at), editor.id, editor.name, editor.role],
    );
  }
}

const CURSOR_AT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

/** A changes cursor: `<time>~<id>~<version>` (from changesPage), or a bare time; undefined when it is neither. */
function parseChangeCursor(value: string): { at: string; id?: string; version?: number } | undefined {
  const [at, id, version, ...rest] = value.split('~');
  // Checked as strictly as PostgreSQL reads it (2026-02-30 is refused there), so a bad cursor is a 400, never a database error.
  const moment = CURSOR_AT.exec(at);
  if (rest.length > 0 || !moment || !isCalendarDate(moment[1]) || moment[1] < '1970-01-01') return undefined;
  if (id === undefined && version === undefined) return { at };
  if (!id || !ID.test(id) || !/^[1-9]\d{0,8}$/.test(version ?? '')) return undefined;
  return { at, id, version: Number(version) };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
