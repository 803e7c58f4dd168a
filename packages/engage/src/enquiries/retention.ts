import type { SqlClient } from '@footprint/record';

/** How long personal data is kept after an enquiry is closed (or a consultation closes) unless FOOTPRINT_ENQUIRY_RETENTION_DAYS says otherwise. */
export const DEFAULT_RETENTION_DAYS = 365;

/** FOOTPRINT_ENQUIRY_RETENTION_DAYS: a whole number of days, at least 1 (default 365). */
export function retentionDaysFromEnvironment(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.FOOTPRINT_ENQUIRY_RETENTION_DAYS?.trim();
  if (!text) return DEFAULT_RETENTION_DAYS;
  return parseRetentionDays(text, 'FOOTPRINT_ENQUIRY_RETENTION_DAYS');
}

/** A retention period in days from text (an option or the environment): a whole number from 1 to 36,500. */
export function parseRetentionDays(text: string, what: string): number {
  const days = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(days) || days < 1 || days > 36_500) throw new Error(`${what} must be a whole number of days from 1 to 36500, not "${text}"`);
  return days;
}

/** What a retention run removed (or, on a dry run, would remove), counted by kind. */
export interface RetentionRemoved {
  /** Closed enquiries whose personal data went (their topic, dates, team and outcome stay). */
  enquiries: number;
  names: number;
  emailAddresses: number;
  messages: number;
  /** Staff replies and internal notes on those enquiries (they can quote the sender). */
  repliesAndNotes: number;
  /** Copies of replies in the outgoing mail (address and text). */
  outgoingMail: number;
  /** Contact details given with consultation responses, for consultations closed before the cutoff. */
  responseContacts: number;
  /** Messages in the demo's mail sink received before the cutoff. */
  sinkMessages: number;
}

export interface RetentionReport {
  dryRun: boolean;
  days: number;
  /** Personal data of what was closed before this moment is removed. */
  cutoff: string;
  ranAt: string;
  removed: RetentionRemoved;
}

/** A past run, as staff see it. */
export interface RetentionRun extends RetentionReport {
  trigger: 'server' | 'command-line';
}

const DUE = `state = 'closed' AND closed_at < $1 AND personal_data_removed_at IS NULL`;
const CONTACTS_DUE = `contact IS NOT NULL AND consultation_id IN (SELECT id FROM engage_consultation WHERE closes_on < ($1::timestamptz AT TIME ZONE 'Europe/London')::date)`;

async function count(sql: SqlClient, cutoff: Date): Promise<RetentionRemoved> {
  const one = async (query: string): Promise<number> => Number((await sql.query<{ n: string }>(query, [cutoff])).rows[0].n);
  return {
    enquiries: await one(`SELECT count(*) AS n FROM engage_enquiry WHERE ${DUE}`),
    names: await one(`SELECT count(*) AS n FROM engage_enquiry WHERE ${DUE} AND name IS NOT NULL`),
    emailAddresses: await one(`SELECT count(*) AS n FROM engage_enquiry WHERE ${DUE} AND email IS NOT NULL`),
    messages: await one(`SELECT count(*) AS n FROM engage_enquiry WHERE ${DUE} AND message IS NOT NULL`),
    repliesAndNotes: await one(`SELECT count(*) AS n FROM engage_enquiry_event WHERE body IS NOT NULL AND enquiry_id IN (SELECT id FROM engage_enquiry WHERE ${DUE})`),
    outgoingMail: await one(`SELECT count(*) AS n FROM engage_mail_outbox WHERE (recipient IS NOT NULL OR body IS NOT NULL) AND enquiry_id IN (SELECT id FROM engage_enquiry WHERE ${DUE})`),
    responseContacts: await one(`SELECT count(*) AS n FROM engage_response WHERE ${CONTACTS_DUE}`),
    sinkMessages: await one('SELECT count(*) AS n FROM engage_mail_sink_message WHERE received_at < $1'),
  };
}

/**
 * The retention job: removes personal data kept longer than `days` after the thing it belongs to
 * was closed: the name, email address and message of closed enquiries, with the replies and notes
 * written on them and their outgoing mail; the contact details given with responses to
 * consultations that closed before the cutoff; and the demo mail sink's old messages. The
 * non-personal facts stay (an enquiry's topic, dates, team and outcome; a response's answers).
 * One transaction; each enquiry gets a `personal-data-removed` event; the run's report is kept.
 * `dryRun` counts what would go and changes nothing.
 */
export async function runRetention(sql: SqlClient, options: { days: number; dryRun?: boolean; trigger: RetentionRun['trigger']; now?: Date }): Promise<RetentionReport> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - options.days * 86_400_000);
  const dryRun = options.dryRun === true;
  const removed = await sql.transaction(async (tx) => {
    const counted = await count(tx, cutoff);
    if (dryRun) return counted;
    await tx.query(`UPDATE engage_enquiry_event SET body = NULL WHERE body IS NOT NULL AND enquiry_id IN (SELECT id FROM engage_enquiry WHERE ${DUE})`, [cutoff]);
    await tx.query(
      `UPDATE engage_mail_outbox SET recipient = NULL, body = NULL, status = CASE WHEN status = 'sent' THEN 'sent' ELSE 'failed' END,
         last_error = CASE WHEN status = 'sent' THEN last_error ELSE 'Not sent: the personal data was removed under the retention policy' END
       WHERE (recipient IS NOT NULL OR body IS NOT NULL) AND enquiry_id IN (SELECT id FROM engage_enquiry WHERE ${DUE})`,
      [cutoff],
    );
    await tx.query(`INSERT INTO engage_enquiry_event (enquiry_id, kind, details) SELECT id, 'personal-data-removed', jsonb_build_object('retentionDays', $2::integer) FROM engage_enquiry WHERE ${DUE}`, [cutoff, options.days]);
    await tx.query(`UPDATE engage_enquiry SET name = NULL, email = NULL, message = NULL, personal_data_removed_at = $2 WHERE ${DUE}`, [cutoff, now]);
    await tx.query(`UPDATE engage_response SET contact = NULL WHERE ${CONTACTS_DUE}`, [cutoff]);
    await tx.query('DELETE FROM engage_mail_sink_message WHERE received_at < $1', [cutoff]);
    await tx.query('INSERT INTO engage_retention_run (ran_at, trigger, days, cutoff, removed) VALUES ($1, $2, $3, $4, $5)', [now, options.trigger, options.days, cutoff, JSON.stringify(counted)]);
    return counted;
  });
  return { dryRun, days: options.days, cutoff: cutoff.toISOString(), ranAt: now.toISOString(), removed };
}

/** The latest retention runs, newest first. */
export async function retentionRuns(sql: SqlClient, limit = 10): Promise<RetentionRun[]> {
  const { rows } = await sql.query<{ ran_at: Date | string; trigger: RetentionRun['trigger']; days: number; cutoff: Date | string; removed: RetentionRemoved }>('SELECT ran_at, trigger, days, cutoff, removed FROM engage_retention_run ORDER BY ran_at DESC, id DESC LIMIT $1', [limit]);
  return rows.map((r) => ({ dryRun: false, trigger: r.trigger, days: r.days, cutoff: new Date(r.cutoff).toISOString(), ranAt: new Date(r.ran_at).toISOString(), removed: r.removed }));
}

/** The report in one line per kind, as the command line prints it and the server logs it (counts only, never the data). */
export function describeRetention(report: RetentionReport): string[] {
  const r = report.removed;
  return [
    `Retention after ${report.days} days (closed before ${report.cutoff}): ${report.dryRun ? 'dry run, nothing changed; this would be removed' : 'removed'}`,
    `  closed enquiries: ${r.enquiries} (names ${r.names}, email addresses ${r.emailAddresses}, messages ${r.messages}, replies and notes ${r.repliesAndNotes}, outgoing mail ${r.outgoingMail})`,
    `  consultation responses' contact details: ${r.responseContacts}`,
    `  demo mail sink messages: ${r.sinkMessages}`,
  ];
}
