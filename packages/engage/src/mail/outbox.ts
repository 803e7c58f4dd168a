import type { SqlClient } from '@footprint/record';
import { EngageConflictError, EngageNotFoundError } from '../errors';
import type { Mailer } from './mailer';

/** After this many failed attempts the timer stops retrying a message; staff can still try again. */
export const MAX_AUTOMATIC_ATTEMPTS = 5;

/** What one delivery attempt came to. */
export interface DeliveryResult {
  id: number;
  status: 'sent' | 'failed' | 'pending';
  /** Why it was not sent (the SMTP server's error, or that email is not configured). */
  reason?: string;
}

interface Claimed extends Record<string, unknown> {
  id: string;
  enquiry_id: string | null;
  recipient: string | null;
  subject: string;
  body: string | null;
  attempts: number;
}

/** The error as staff should read it: one line, no longer than it need be. */
const plainError = (error: unknown): string => (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 500);

/**
 * Outgoing mail (engage_mail_outbox): a reply is queued in the transaction that records it, then
 * delivered here. Each attempt is claimed first (so the retry timer and a staff member cannot send
 * it twice at once), sent outside any transaction, and its result written back with an event on
 * the enquiry: `mail-sent`, or `mail-failed` with the server's error, which staff see and can retry.
 */
export class MailOutbox {
  constructor(
    private readonly sql: SqlClient,
    private readonly mailer: Mailer,
  ) {}

  /** Tries to send one queued message now. `force` (a staff member's retry) sends a failed one again at once. */
  async deliver(id: number, options: { force?: boolean } = {}): Promise<DeliveryResult> {
    if (!this.mailer.configured) return { id, status: 'pending', reason: this.mailer.description };
    const { rows } = await this.sql.query<Claimed>(
      `UPDATE engage_mail_outbox SET attempts = attempts + 1, last_attempt_at = now()
       WHERE id = $1 AND status <> 'sent' AND recipient IS NOT NULL AND (last_attempt_at IS NULL OR last_attempt_at < now() - interval '1 minute' OR ($2 AND status = 'failed'))
       RETURNING id, enquiry_id, recipient, subject, body, attempts`,
      [id, options.force === true],
    );
    if (rows.length === 0) {
      const { rows: exists } = await this.sql.query<{ status: string }>('SELECT status FROM engage_mail_outbox WHERE id = $1', [id]);
      if (exists.length === 0) throw new EngageNotFoundError(`There is no outgoing mail ${id}`);
      throw new EngageConflictError(exists[0].status === 'sent' ? 'This email has already been sent' : 'This email is being sent now, or can no longer be sent', 'Not sent again');
    }
    return this.attempt(rows[0]);
  }

  /** Sends what is due: pending or failed messages under the automatic limit, each retried no sooner than 5 minutes × attempts after the last. */
  async deliverDue(limit = 20): Promise<DeliveryResult[]> {
    if (!this.mailer.configured) return [];
    const { rows } = await this.sql.query<Claimed>(
      `UPDATE engage_mail_outbox SET attempts = attempts + 1, last_attempt_at = now()
       WHERE id IN (SELECT id FROM engage_mail_outbox WHERE status <> 'sent' AND recipient IS NOT NULL AND attempts < $1
                      AND (last_attempt_at IS NULL OR last_attempt_at < now() - make_interval(mins => 5 * attempts)) ORDER BY id LIMIT $2)
       RETURNING id, enquiry_id, recipient, subject, body, attempts`,
      [MAX_AUTOMATIC_ATTEMPTS, limit],
    );
    const results: DeliveryResult[] = [];
    for (const row of rows) results.push(await this.attempt(row));
    return results;
  }

  private async attempt(row: Claimed): Promise<DeliveryResult> {
    const id = Number(row.id);
    try {
      const messageId = await this.mailer.send({ to: row.recipient ?? '', subject: row.subject, text: row.body ?? '' });
      await this.record(row, 'sent', null, messageId);
      return { id, status: 'sent' };
    } catch (error) {
      const reason = plainError(error);
      await this.record(row, 'failed', reason, null);
      return { id, status: 'failed', reason };
    }
  }

  private async record(row: Claimed, status: 'sent' | 'failed', error: string | null, messageId: string | null): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.query(`UPDATE engage_mail_outbox SET status = $2, last_error = $3, message_id = COALESCE($4, message_id), sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE sent_at END WHERE id = $1`, [row.id, status, error, messageId]);
      if (row.enquiry_id !== null) {
        const details = status === 'sent' ? { mail: Number(row.id), attempt: row.attempts } : { mail: Number(row.id), attempt: row.attempts, error };
        await tx.query('INSERT INTO engage_enquiry_event (enquiry_id, kind, details) VALUES ($1, $2, $3)', [row.enquiry_id, status === 'sent' ? 'mail-sent' : 'mail-failed', JSON.stringify(details)]);
      }
    });
  }
}
