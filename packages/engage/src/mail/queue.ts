import type { SqlClient } from '@footprint/record';

/** A message for the outbox from another part of the platform (care coordination's notices). */
export interface QueuedMail {
  recipient: string;
  subject: string;
  text: string;
}

/**
 * Queues a message in the outgoing mail (engage_mail_outbox) inside the caller's transaction, so
 * it is sent exactly when what it tells of is committed. MailOutbox delivers it (at once when the
 * caller asks, else on the retry timer) with the same retries and failures staff see. Returns its id.
 */
export async function queueMail(sql: SqlClient, mail: QueuedMail): Promise<number> {
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(mail.recipient)) throw new Error('A queued message needs one plain email address as its recipient');
  const { rows } = await sql.query<{ id: string }>('INSERT INTO engage_mail_outbox (recipient, subject, body) VALUES ($1, $2, $3) RETURNING id', [mail.recipient, mail.subject.slice(0, 200), mail.text]);
  return Number(rows[0].id);
}
