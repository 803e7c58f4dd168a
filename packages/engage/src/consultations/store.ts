import type { SqlClient } from '@footprint/record';
import { EngageConflictError, EngageNotFoundError } from '../errors';
import { sameJson, validateDefinition } from './definition';
import { consultationState } from './state';
import type { Consultation, ConsultationDefinition } from './types';

/** A place of the footprint a consultation may be for (a local authority district). */
export interface ConsultationPlace {
  code: string;
  name: string;
}

/** What a consultation store reads besides its tables: the clock, and the footprint's places. */
export interface ConsultationStoreOptions {
  now?: () => Date;
  /** The footprint's places (for the audience and the "about you" place question). */
  places?: (footprintCode: string) => Promise<ConsultationPlace[]>;
}

/** One saved version of a consultation's definition: who changed it, when, and which parts. */
export interface ConsultationVersion {
  version: number;
  definition: ConsultationDefinition;
  /** In words: `created`, `published`, or the parts changed (`title, questions`). */
  change: string;
  changedAt: string;
  changedBy: string;
}

interface ConsultationRow extends Record<string, unknown> {
  id: string;
  footprint_code: string;
  definition: ConsultationDefinition;
  published_at: Date | string | null;
  results_published_at: Date | string | null;
  version: number;
  created_at: Date | string;
  created_by: string;
  updated_at: Date | string;
  updated_by: string;
  responses: string | number;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const SELECT = `SELECT c.*, (SELECT count(*) FROM engage_response r WHERE r.consultation_id = c.id AND r.status = 'submitted') AS responses FROM engage_consultation c`;

/** The parts of a definition staff may change after responses arrive; the questions (and whether "about you" is asked) are frozen. */
export const CHANGEABLE_AFTER_RESPONSES = ['title', 'summary', 'background', 'easyRead', 'opensOn', 'closesOn', 'audience'] as const;

const slugOf = (title: string) =>
  title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '') || 'consultation';

/**
 * Consultations on the platform's PostgreSQL (the `engage-consultations` migrations): created as
 * drafts with a readable id from the title, every change kept as a version, published when staff
 * choose, and their state (draft, upcoming, open, closed) computed from the dates in England.
 */
export class ConsultationStore {
  readonly now: () => Date;
  constructor(
    readonly sql: SqlClient,
    private readonly options: ConsultationStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** The footprint's places, as the store was told them (none when it was not). */
  async places(footprintCode: string): Promise<ConsultationPlace[]> {
    return this.options.places ? this.options.places(footprintCode) : [];
  }

  private fromRow(r: ConsultationRow): Consultation {
    const d = r.definition;
    const publishedAt = iso(r.published_at);
    return {
      ...d,
      id: r.id,
      footprintCode: r.footprint_code,
      state: consultationState({ publishedAt, opensOn: d.opensOn, closesOn: d.closesOn }, this.now()),
      publishedAt,
      resultsPublishedAt: iso(r.results_published_at),
      version: r.version,
      createdAt: iso(r.created_at)!,
      createdBy: r.created_by,
      updatedAt: iso(r.updated_at)!,
      updatedBy: r.updated_by,
      responseCount: Number(r.responses),
    };
  }

  private async placeCodes(footprintCode: string): Promise<string[] | undefined> {
    return this.options.places ? (await this.options.places(footprintCode)).map((p) => p.code) : undefined;
  }

  /** Creates a draft consultation (version 1); its id is a slug of the title, made unique with `-2`, `-3`… */
  async create(footprintCode: string, input: unknown, by: string): Promise<Consultation> {
    const definition = validateDefinition(input, await this.placeCodes(footprintCode));
    const id = await this.sql.transaction(async (tx) => {
      const slug = slugOf(definition.title);
      const base = slug.length < 3 ? `${slug}-consultation` : slug;
      const { rows } = await tx.query<{ id: string }>(`SELECT id FROM engage_consultation WHERE id = $1 OR id LIKE $2`, [base, `${base}-%`]);
      const taken = new Set(rows.map((r) => r.id));
      let chosen = base;
      for (let n = 2; taken.has(chosen); n++) chosen = `${base}-${n}`;
      await tx.query(`INSERT INTO engage_consultation (id, footprint_code, definition, opens_on, closes_on, created_by, updated_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $7)`, [chosen, footprintCode, JSON.stringify(definition), definition.opensOn, definition.closesOn, by, this.now().toISOString()]);
      await tx.query(`INSERT INTO engage_consultation_version (consultation_id, version, definition, change, changed_by, changed_at) VALUES ($1, 1, $2, 'created', $3, $4)`, [chosen, JSON.stringify(definition), by, this.now().toISOString()]);
      return chosen;
    });
    return this.get(id);
  }

  /**
   * Saves a changed definition as a new version, naming the parts changed. Once the consultation
   * has a submitted response its questions (and askAboutYou) can no longer change: the wording
   * around them and the dates still can. `ifVersion` refuses a stale edit. Nothing changed: no version.
   */
  async update(id: string, input: unknown, by: string, options: { ifVersion?: number } = {}): Promise<Consultation> {
    const current = await this.get(id);
    const definition = validateDefinition(input, await this.placeCodes(current.footprintCode));
    if (options.ifVersion !== undefined && options.ifVersion !== current.version) throw new EngageConflictError(`This consultation was changed by someone else (it is now at version ${current.version}, you edited version ${options.ifVersion}): reload it and make your change again.`, 'Changed by someone else');
    const changed = (Object.keys(definition) as Array<keyof ConsultationDefinition>).filter((k) => !sameJson(current[k], definition[k]));
    if (changed.length === 0) return current;
    if (current.responseCount > 0) {
      const frozen = changed.filter((k) => !(CHANGEABLE_AFTER_RESPONSES as readonly string[]).includes(k));
      if (frozen.length) throw new EngageConflictError(`This consultation has ${current.responseCount} response${current.responseCount === 1 ? '' : 's'}, so its questions can no longer change (${frozen.join(', ')}). You may still change its title, summary, background, easy read, dates and audience.`, 'Questions are frozen');
    }
    await this.sql.transaction(async (tx) => {
      const { rowCount } = await tx.query(`UPDATE engage_consultation SET definition = $2, opens_on = $3, closes_on = $4, version = version + 1, updated_at = $5, updated_by = $6 WHERE id = $1 AND version = $7`, [id, JSON.stringify(definition), definition.opensOn, definition.closesOn, this.now().toISOString(), by, current.version]);
      if (rowCount !== 1) throw new EngageConflictError('This consultation was changed by someone else while you saved: reload it and make your change again.', 'Changed by someone else');
      await tx.query(`INSERT INTO engage_consultation_version (consultation_id, version, definition, change, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6)`, [id, current.version + 1, JSON.stringify(definition), changed.join(', '), by, this.now().toISOString()]);
    });
    return this.get(id);
  }

  /** Publishes a draft for the public to see (and answer from its open date); recorded as a version. Publishing twice is refused. */
  async publish(id: string, by: string): Promise<Consultation> {
    const current = await this.get(id);
    if (current.publishedAt) throw new EngageConflictError(`This consultation was already published on ${current.publishedAt.slice(0, 10)}.`, 'Already published');
    await this.sql.transaction(async (tx) => {
      await tx.query(`UPDATE engage_consultation SET published_at = $2, version = version + 1, updated_at = $2, updated_by = $3 WHERE id = $1`, [id, this.now().toISOString(), by]);
      await tx.query(`INSERT INTO engage_consultation_version (consultation_id, version, definition, change, changed_by, changed_at) VALUES ($1, $2, $3, 'published', $4, $5)`, [id, current.version + 1, JSON.stringify(pickDefinition(current)), by, this.now().toISOString()]);
    });
    return this.get(id);
  }

  /** One consultation (any state); EngageNotFoundError when there is none with that id. */
  async get(id: string): Promise<Consultation> {
    const { rows } = await this.sql.query<ConsultationRow>(`${SELECT} WHERE c.id = $1`, [id]);
    if (!rows[0]) throw new EngageNotFoundError(`There is no consultation ${id}.`);
    return this.fromRow(rows[0]);
  }

  /** A published consultation, for the public: drafts are not found. */
  async getPublished(id: string): Promise<Consultation> {
    const c = await this.get(id);
    if (!c.publishedAt) throw new EngageNotFoundError(`There is no consultation ${id}.`);
    return c;
  }

  /** A footprint's consultations, newest opening first; `publishedOnly` for the public. */
  async list(footprintCode: string, options: { publishedOnly?: boolean } = {}): Promise<Consultation[]> {
    const { rows } = await this.sql.query<ConsultationRow>(`${SELECT} WHERE c.footprint_code = $1 ${options.publishedOnly ? 'AND c.published_at IS NOT NULL' : ''} ORDER BY c.opens_on DESC, c.id`, [footprintCode]);
    return rows.map((r) => this.fromRow(r));
  }

  /** Every saved version, newest first. */
  async versions(id: string): Promise<ConsultationVersion[]> {
    await this.get(id);
    const { rows } = await this.sql.query<{ version: number; definition: ConsultationDefinition; change: string; changed_at: Date | string; changed_by: string }>(`SELECT version, definition, change, changed_at, changed_by FROM engage_consultation_version WHERE consultation_id = $1 ORDER BY version DESC`, [id]);
    return rows.map((r) => ({ version: r.version, definition: pickDefinition(r.definition), change: r.change, changedAt: iso(r.changed_at)!, changedBy: r.changed_by }));
  }
}

const DEFINITION_KEYS: Array<keyof ConsultationDefinition> = ['title', 'summary', 'background', 'easyRead', 'opensOn', 'closesOn', 'audience', 'questions', 'askAboutYou'];
const pickDefinition = (d: ConsultationDefinition): ConsultationDefinition => Object.fromEntries(DEFINITION_KEYS.map((k) => [k, d[k]])) as unknown as ConsultationDefinition;
/** Only the definition's own parts of a consultation (as stored in its versions). */
export const definitionOf = pickDefinition;
