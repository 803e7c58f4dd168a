import type { SqlClient } from '@footprint/record';
import { CONTROL_CHARACTERS, normaliseText, TEXT_LIMITS } from '../abuse';
import { EngageConflictError, EngageInputError, EngageNotFoundError } from '../errors';
import { replyMail } from '../mail/compose';
import { newEnquiryReference, parseEnquiryReference } from './reference';
import { ENQUIRY_SELECT, enquiryOf, summaryOf, type EnquiryRow, type EventRow, type MailRow } from './rows';
import { ENQUIRY_OUTCOMES, ENQUIRY_STATES, type Enquiry, type EnquiryEventKind, type EnquiryInput, type EnquiryOutcome, type EnquiryStaff, type EnquiryTeam, type Inbox, type InboxFilter } from './types';
import { characters, validateEnquiry } from './validate';

/** The year in England now (a reference made just after midnight on 1 January says the new year). */
const yearInEngland = (now = new Date()): number => Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric' }).format(now));

/** A reply's or a note's text: 1 to 5,000 characters, no control characters; `field` names it in the refusal. */
function staffText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new EngageInputError([`${field}: must not be empty`]);
  const text = normaliseText(value);
  if (CONTROL_CHARACTERS.test(text)) throw new EngageInputError([`${field}: must not contain control characters`]);
  if (characters(text) > TEXT_LIMITS.message) throw new EngageInputError([`${field}: must be ${TEXT_LIMITS.message.toLocaleString('en-GB')} characters or fewer`]);
  return text;
}

/** What a reply did: the enquiry as it is now, and the outgoing mail made (none when no email address was given). */
export interface ReplyRecorded {
  enquiry: Enquiry;
  mailId: number | null;
}

/**
 * Get in touch on the platform's PostgreSQL (the `engage-enquiries` migrations): enquiries are
 * received from the public, then assigned, replied to, noted, closed and reopened by staff. Each
 * action and its event (who, when, what) are written in one transaction, so the history never
 * misses a change and a refusal writes nothing.
 */
export class EnquiryStore {
  constructor(
    private readonly sql: SqlClient,
    /** The partnership's name, which signs replies. */
    private readonly signature = 'The partnership',
  ) {}

  /** Checks and stores a member of the public's enquiry; its reference is their receipt. */
  async receive(body: unknown, channel: 'web' | 'api'): Promise<{ reference: string; receivedAt: string }> {
    const input: EnquiryInput = validateEnquiry(body);
    return this.sql.transaction(async (tx) => {
      const { rows: numbered } = await tx.query<{ n: string }>("SELECT nextval('engage_enquiry_number') AS n");
      const reference = newEnquiryReference(Number(numbered[0].n), yearInEngland());
      const { rows } = await tx.query<{ id: string; received_at: Date | string }>(
        'INSERT INTO engage_enquiry (reference, topic, message, name, email, consent_to_contact, channel) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, received_at',
        [reference, input.topic, input.message, input.name ?? null, input.email ?? null, input.consentToContact, channel],
      );
      await tx.query("INSERT INTO engage_enquiry_event (enquiry_id, kind, details) VALUES ($1, 'received', $2)", [rows[0].id, JSON.stringify({ channel })]);
      return { reference, receivedAt: new Date(rows[0].received_at).toISOString() };
    });
  }

  /** The teams enquiries can be assigned to, in their order. */
  async teams(): Promise<EnquiryTeam[]> {
    const { rows } = await this.sql.query<{ id: string; name: string; description: string }>('SELECT id, name, description FROM engage_team WHERE active ORDER BY position, name');
    return rows;
  }

  /** The inbox: newest first, filtered by state and team, with the count in each state. */
  async inbox(filter: InboxFilter = {}, limit = 200): Promise<Inbox> {
    if (filter.state !== undefined && !ENQUIRY_STATES.includes(filter.state)) throw new EngageInputError([`state: must be ${ENQUIRY_STATES.join(', ')}`]);
    const teams = await this.teams();
    if (filter.team !== undefined && filter.team !== 'none' && !teams.some((t) => t.id === filter.team)) throw new EngageInputError([`team: there is no team ${JSON.stringify(filter.team)}`]);
    const teamClause = filter.team === undefined ? 'TRUE' : filter.team === 'none' ? 'e.team_id IS NULL' : 'e.team_id = $1';
    const teamParams = filter.team === undefined || filter.team === 'none' ? [] : [filter.team];
    const stateClause = filter.state ? `e.state = $${teamParams.length + 1}` : 'TRUE';
    const { rows } = await this.sql.query<EnquiryRow>(`${ENQUIRY_SELECT} WHERE ${teamClause} AND ${stateClause} ORDER BY e.received_at DESC, e.id DESC LIMIT ${Math.max(1, Math.min(limit, 1000))}`, [...teamParams, ...(filter.state ? [filter.state] : [])]);
    const { rows: counted } = await this.sql.query<{ state: string; n: string }>(`SELECT e.state, count(*) AS n FROM engage_enquiry e WHERE ${teamClause} GROUP BY e.state`, teamParams);
    const counts = { new: 0, open: 0, closed: 0, all: 0 };
    for (const c of counted) {
      counts[c.state as keyof typeof counts] = Number(c.n);
      counts.all += Number(c.n);
    }
    return { enquiries: rows.map(summaryOf), counts, teams };
  }

  /** One enquiry with its history and outgoing mail; 404 when there is none with this reference. */
  async get(reference: string, sql: SqlClient = this.sql): Promise<Enquiry> {
    const row = await this.row(reference, sql);
    const { rows: events } = await sql.query<EventRow>('SELECT id, kind, at, by_id, by_name, details, body FROM engage_enquiry_event WHERE enquiry_id = $1 ORDER BY id', [row.id]);
    const { rows: mail } = await sql.query<MailRow>('SELECT id, status, recipient, subject, attempts, last_error, created_at, last_attempt_at, sent_at FROM engage_mail_outbox WHERE enquiry_id = $1 ORDER BY id', [row.id]);
    return enquiryOf(row, events, mail);
  }

  /** Assigns the enquiry to a team (a new one becomes open). */
  async assign(reference: string, teamId: unknown, by: EnquiryStaff): Promise<Enquiry> {
    return this.act(reference, by, async (tx, row) => {
      if (typeof teamId !== 'string') throw new EngageInputError(['team: choose a team']);
      const { rows: team } = await tx.query<{ name: string }>('SELECT name FROM engage_team WHERE id = $1 AND active', [teamId]);
      if (team.length === 0) throw new EngageInputError([`team: there is no team ${JSON.stringify(teamId)}`]);
      if (row.team_id === teamId) throw new EngageConflictError(`${reference} is already assigned to ${team[0].name}`, 'Already assigned');
      await tx.query("UPDATE engage_enquiry SET team_id = $2, state = CASE WHEN state = 'new' THEN 'open' ELSE state END, updated_at = now() WHERE id = $1", [row.id, teamId]);
      return { kind: 'assigned', details: { team: teamId, teamName: team[0].name, ...(row.team_id ? { from: row.team_id } : {}) } };
    });
  }

  /**
   * Records a reply; when the sender gave an email address it is queued as outgoing mail in the
   * same transaction (deliver it with MailOutbox). Without one the reply is recorded only, for a
   * letter or a call.
   */
  async reply(reference: string, text: unknown, by: EnquiryStaff): Promise<ReplyRecorded> {
    let mailId: number | null = null;
    const enquiry = await this.act(reference, by, async (tx, row) => {
      const body = staffText(text, 'reply');
      await tx.query("UPDATE engage_enquiry SET state = CASE WHEN state = 'new' THEN 'open' ELSE state END, updated_at = now() WHERE id = $1", [row.id]);
      const queue = async (eventId: number) => {
        if (!row.email) return;
        const mail = replyMail({ reference: row.reference, name: row.name, reply: body, signature: this.signature });
        const { rows } = await tx.query<{ id: string }>('INSERT INTO engage_mail_outbox (enquiry_id, event_id, recipient, subject, body) VALUES ($1, $2, $3, $4, $5) RETURNING id', [row.id, eventId, row.email, mail.subject, mail.text]);
        mailId = Number(rows[0].id);
      };
      return { kind: 'replied', body, details: { byEmail: row.email !== null }, afterEvent: queue };
    });
    return { enquiry, mailId };
  }

  /** Adds an internal note (never sent to the public). */
  async note(reference: string, text: unknown, by: EnquiryStaff): Promise<Enquiry> {
    return this.act(reference, by, async (tx, row) => {
      const body = staffText(text, 'note');
      await tx.query('UPDATE engage_enquiry SET updated_at = now() WHERE id = $1', [row.id]);
      return { kind: 'noted', body, details: {} };
    });
  }

  /** Closes the enquiry with an outcome; the retention period runs from now. */
  async close(reference: string, outcome: unknown, by: EnquiryStaff): Promise<Enquiry> {
    return this.act(reference, by, async (tx, row) => {
      if (!ENQUIRY_OUTCOMES.some(([id]) => id === outcome)) throw new EngageInputError([`outcome: must be one of ${ENQUIRY_OUTCOMES.map(([id]) => id).join(', ')}`]);
      await tx.query("UPDATE engage_enquiry SET state = 'closed', outcome = $2, closed_at = now(), updated_at = now() WHERE id = $1", [row.id, outcome]);
      return { kind: 'closed', details: { outcome: outcome as EnquiryOutcome } };
    }, { allowClosed: false });
  }

  /** Reopens a closed enquiry (not once its personal data has been removed: there is nothing left to answer). */
  async reopen(reference: string, by: EnquiryStaff): Promise<Enquiry> {
    return this.act(reference, by, async (tx, row) => {
      if (row.state !== 'closed') throw new EngageConflictError(`${reference} is not closed`, 'Not closed');
      await tx.query("UPDATE engage_enquiry SET state = 'open', outcome = NULL, closed_at = NULL, updated_at = now() WHERE id = $1", [row.id]);
      return { kind: 'reopened', details: { outcome: row.outcome } };
    }, { allowClosed: true });
  }

  private async row(reference: string, sql: SqlClient, lock = false): Promise<EnquiryRow> {
    const parsed = parseEnquiryReference(reference);
    const { rows } = parsed ? await sql.query<EnquiryRow>(`${ENQUIRY_SELECT} WHERE e.reference = $1${lock ? ' FOR UPDATE OF e' : ''}`, [parsed]) : { rows: [] };
    if (rows.length === 0) throw new EngageNotFoundError(`There is no enquiry ${reference}`);
    return rows[0];
  }

  /**
   * One staff action in one transaction: the enquiry locked, refused if closed (unless the action
   * is for closed ones) or if its personal data is gone, the change made, and its event written.
   */
  private async act(
    reference: string,
    by: EnquiryStaff,
    change: (tx: SqlClient, row: EnquiryRow) => Promise<{ kind: EnquiryEventKind; details: Record<string, unknown>; body?: string; afterEvent?: (eventId: number) => Promise<void> }>,
    options: { allowClosed?: boolean } = {},
  ): Promise<Enquiry> {
    return this.sql.transaction(async (tx) => {
      const row = await this.row(reference, tx, true);
      if (row.personal_data_removed_at !== null) throw new EngageConflictError(`${row.reference}'s personal data was removed under the retention policy; it can no longer be changed`, 'Enquiry retained as facts only');
      if (row.state === 'closed' && !options.allowClosed) throw new EngageConflictError(`${row.reference} is closed: reopen it first`, 'Enquiry closed');
      const done = await change(tx, row);
      const { rows: event } = await tx.query<{ id: string }>('INSERT INTO engage_enquiry_event (enquiry_id, kind, by_id, by_name, details, body) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id', [row.id, done.kind, by.id, by.name, JSON.stringify(done.details), done.body ?? null]);
      await done.afterEvent?.(Number(event[0].id));
      return this.get(row.reference, tx);
    });
  }
}
