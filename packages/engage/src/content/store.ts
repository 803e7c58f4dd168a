import type { SqlClient } from '@footprint/record';
import { EngageConflictError, EngageNotFoundError } from '../errors';
import { CONTENT_FIELDS, type ContentFields, type ContentItem, type ContentKind, type ContentVersion, type ContentWithHistory, type PublicContentVersion, type PublishedContent } from './types';
import { validateDraft, validateNewContent, validatePublication } from './validate';

interface ItemRow extends Record<string, unknown> {
  id: string | number;
  kind: ContentKind;
  slug: string;
  title: string;
  summary: string;
  body: string;
  position: number;
  illustrative: boolean;
  created_at: Date | string;
  created_by: string;
  updated_at: Date | string;
  updated_by: string;
  published_version: number | null;
  first_published_at: Date | string | null;
  last_published_at: Date | string | null;
  p_title: string | null;
  p_summary: string | null;
  p_body: string | null;
  p_position: number | null;
  p_illustrative: boolean | null;
}

interface VersionRow extends Record<string, unknown> {
  version: number;
  title: string;
  summary: string;
  body: string;
  position: number;
  illustrative: boolean;
  change: string;
  changed_fields: string[];
  published_at: Date | string;
  published_by: string;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const fieldsOf = (r: { title: string; summary: string; body: string; position: number; illustrative: boolean }): ContentFields => ({ title: r.title, summary: r.summary, body: r.body, position: r.position, illustrative: r.illustrative });

/** Which fields differ between two versions' fields. */
export function changedContentFields(before: ContentFields | null, after: ContentFields): string[] {
  if (!before) return [...CONTENT_FIELDS];
  return CONTENT_FIELDS.filter((f) => before[f] !== after[f]);
}

const SELECT = `
SELECT c.*, v.version AS published_version, v.title AS p_title, v.summary AS p_summary, v.body AS p_body, v.position AS p_position, v.illustrative AS p_illustrative,
  v.published_at AS last_published_at, (SELECT min(f.published_at) FROM engage_content_version f WHERE f.content_id = c.id) AS first_published_at
FROM engage_content c
LEFT JOIN LATERAL (SELECT * FROM engage_content_version x WHERE x.content_id = c.id ORDER BY x.version DESC LIMIT 1) v ON true`;

function itemOf(r: ItemRow): ContentItem {
  const draft = fieldsOf(r);
  const published = r.published_version === null ? null : fieldsOf({ title: r.p_title!, summary: r.p_summary!, body: r.p_body!, position: r.p_position!, illustrative: r.p_illustrative! });
  return {
    id: Number(r.id),
    kind: r.kind,
    slug: r.slug,
    ...draft,
    createdAt: iso(r.created_at),
    createdBy: r.created_by,
    updatedAt: iso(r.updated_at),
    updatedBy: r.updated_by,
    publishedVersion: r.published_version,
    firstPublishedAt: r.first_published_at ? iso(r.first_published_at) : null,
    lastPublishedAt: r.last_published_at ? iso(r.last_published_at) : null,
    unpublishedChanges: changedContentFields(published, draft).length > 0,
  };
}

const versionOf = (r: VersionRow): ContentVersion => ({ version: r.version, ...fieldsOf(r), change: r.change, changedFields: r.changed_fields, publishedAt: iso(r.published_at), publishedBy: r.published_by });
/** The latest published version of a row, as the public sees it (the draft's fields are never public). */
const publicOf = (r: ItemRow): PublishedContent => ({
  kind: r.kind,
  slug: r.slug,
  ...fieldsOf({ title: r.p_title!, summary: r.p_summary!, body: r.p_body!, position: r.p_position!, illustrative: r.p_illustrative! }),
  version: r.published_version!,
  firstPublishedAt: iso(r.first_published_at!),
  lastPublishedAt: iso(r.last_published_at!),
});
const KIND_WORDS: Record<ContentKind, string> = { page: 'page', news: 'news item', question: 'question' };
const publicVersion = ({ publishedBy: _who, ...v }: ContentVersion): PublicContentVersion => v;

/** How each kind is listed for staff (drafts' order) and for the public (published order): pages by title, news newest first, questions in order. */
const ORDER: Record<ContentKind, string> = {
  page: 'c.title',
  news: 'first_published_at DESC NULLS FIRST, c.id DESC',
  question: 'c.position, c.id',
};
const PUBLIC_ORDER: Record<ContentKind, string> = {
  page: 'c.p_title',
  news: 'c.first_published_at DESC, c.id DESC',
  question: 'c.p_position, c.id',
};

/**
 * The public's content on the platform's PostgreSQL (the `engage-content` migrations). Staff edit a
 * draft and publish it; publishing keeps the whole version with who, when and what changed, so every
 * published version can be read again. The public reads only published versions.
 */
export class ContentStore {
  constructor(private readonly sql: SqlClient) {}

  /** A new item with its first draft (not yet public). 409 when its kind already has that slug. */
  async create(input: unknown, by: string): Promise<ContentItem> {
    const c = validateNewContent(input);
    const { rows } = await this.sql.query<{ id: string }>(
      `INSERT INTO engage_content (kind, slug, title, summary, body, position, illustrative, created_by, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
       ON CONFLICT (kind, slug) DO NOTHING RETURNING id`,
      [c.kind, c.slug, c.title, c.summary, c.body, c.position, c.illustrative, by],
    );
    if (rows.length === 0) throw new EngageConflictError(`There is already a ${c.kind} with the address "${c.slug}": choose another, or edit that one.`, 'Address in use');
    return this.get(Number(rows[0].id));
  }

  /** Changes the draft; what the public sees stays as it was until it is published. */
  async saveDraft(id: number, input: unknown, by: string): Promise<ContentItem> {
    const changes = validateDraft(input);
    const current = await this.get(id);
    const next = { ...fieldsOf(current), ...changes };
    await this.sql.query('UPDATE engage_content SET title = $2, summary = $3, body = $4, position = $5, illustrative = $6, updated_at = now(), updated_by = $7 WHERE id = $1', [id, next.title, next.summary, next.body, next.position, next.illustrative, by]);
    return this.get(id);
  }

  /**
   * Publishes the draft as a new version, kept whole with who, when, the publisher's words for
   * what changed and the fields that differ from the version before. 409 when nothing has changed.
   */
  async publish(id: number, input: unknown, by: string): Promise<ContentWithHistory> {
    const { change } = validatePublication(input);
    await this.sql.transaction(async (tx) => {
      const { rows } = await tx.query<ItemRow>(`SELECT * FROM engage_content WHERE id = $1 FOR UPDATE`, [id]);
      if (rows.length === 0) throw new EngageNotFoundError(`There is no content item ${id}.`);
      const draft = fieldsOf(rows[0]);
      const latest = (await tx.query<VersionRow>('SELECT * FROM engage_content_version WHERE content_id = $1 ORDER BY version DESC LIMIT 1', [id])).rows[0];
      const changed = changedContentFields(latest ? fieldsOf(latest) : null, draft);
      if (changed.length === 0) throw new EngageConflictError(`The draft is the same as version ${latest!.version}, which is already published: change something first.`, 'Nothing to publish');
      await tx.query(
        'INSERT INTO engage_content_version (content_id, version, title, summary, body, position, illustrative, change, changed_fields, published_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
        [id, (latest?.version ?? 0) + 1, draft.title, draft.summary, draft.body, draft.position, draft.illustrative, change, changed, by],
      );
    });
    return this.withHistory(id);
  }

  /** One item's draft and where it stands. */
  async get(id: number): Promise<ContentItem> {
    if (!Number.isSafeInteger(id) || id < 1) throw new EngageNotFoundError(`There is no content item ${String(id)}.`);
    const { rows } = await this.sql.query<ItemRow>(`${SELECT} WHERE c.id = $1`, [id]);
    if (rows.length === 0) throw new EngageNotFoundError(`There is no content item ${id}.`);
    return itemOf(rows[0]);
  }

  /** One item with every published version, newest first. */
  async withHistory(id: number): Promise<ContentWithHistory> {
    const item = await this.get(id);
    const { rows } = await this.sql.query<VersionRow>('SELECT * FROM engage_content_version WHERE content_id = $1 ORDER BY version DESC', [id]);
    return { ...item, versions: rows.map(versionOf) };
  }

  /** Every item (of one kind, or all), drafts included, for staff. */
  async list(kind?: ContentKind): Promise<ContentItem[]> {
    const where = kind ? 'WHERE c.kind = $1' : '';
    const { rows } = await this.sql.query<ItemRow>(`${SELECT} ${where} ORDER BY c.kind, ${kind ? ORDER[kind] : 'c.position, c.title'}`, kind ? [kind] : []);
    return rows.map(itemOf);
  }

  /** Finds an item by kind and slug (drafts too), or undefined. */
  async find(kind: ContentKind, slug: string): Promise<ContentItem | undefined> {
    const row = await this.row(kind, slug);
    return row ? itemOf(row) : undefined;
  }

  /** What the public sees of an item: its latest published version. 404 when it does not exist or was never published. */
  async published(kind: ContentKind, slug: string): Promise<PublishedContent> {
    const row = await this.row(kind, slug);
    if (!row || row.published_version === null) throw new EngageNotFoundError(`There is no published ${KIND_WORDS[kind]} at "${slug}".`);
    return publicOf(row);
  }

  /** Every published item of a kind, as the public sees them: news newest first, questions in their order. */
  async publishedList(kind: ContentKind): Promise<PublishedContent[]> {
    const { rows } = await this.sql.query<ItemRow>(`SELECT * FROM (${SELECT} WHERE c.kind = $1) c WHERE c.published_version IS NOT NULL ORDER BY ${PUBLIC_ORDER[kind]}`, [kind]);
    return rows.map(publicOf);
  }

  /** Every published version of an item, newest first, as the public may read them (without who published). */
  async publicHistory(kind: ContentKind, slug: string): Promise<{ item: PublishedContent; versions: PublicContentVersion[] }> {
    const item = await this.published(kind, slug);
    const { rows } = await this.sql.query<VersionRow>('SELECT v.* FROM engage_content_version v JOIN engage_content c ON c.id = v.content_id WHERE c.kind = $1 AND c.slug = $2 ORDER BY v.version DESC', [kind, slug]);
    return { item, versions: rows.map((r) => publicVersion(versionOf(r))) };
  }

  private async row(kind: ContentKind, slug: string): Promise<ItemRow | undefined> {
    const { rows } = await this.sql.query<ItemRow>(`${SELECT} WHERE c.kind = $1 AND c.slug = $2`, [kind, slug]);
    return rows[0];
  }
}
