import type { ContactPoint, Organization, Task } from '@footprint/fhir';
import { latestChangeSeq, systemContext, type Repository, type SqlClient } from '@footprint/record';
import { TASK_CODE_SYSTEM, TASK_FULFIL } from '../referrals/shape';

/** One email to an organisation's coordination inbox: what happened, never who it is about or why. */
export interface EmailNotice {
  recipient: string;
  subject: string;
  text: string;
}

/** Queues a notice in the platform's outgoing mail inside `tx`; returns the mail's id (the server uses engage's outbox). */
export type NoticeQueue = (tx: SqlClient, notice: EmailNotice) => Promise<number>;

export interface EmailNoticeOptions {
  sql: SqlClient;
  repo: Repository;
  queue: NoticeQueue;
  /** Where staff sign in, for the link in each notice (e.g. https://footprint.example.nhs.uk); asked each time, as a server learns its address when it listens. */
  publicUrl: () => string;
}

const CURSOR = 'email-notices';
const READER = systemContext('SYSADMIN', 'footprint-email-notices');

/** Plain-words names of a referral Task's states, as the worklist shows them. */
const STATE_WORDS: Record<string, string> = {
  requested: 'waiting to be accepted',
  accepted: 'accepted',
  rejected: 'rejected',
  'in-progress': 'in progress',
  completed: 'completed',
  cancelled: 'cancelled',
};

const isReferralTask = (task: Task): boolean => task.code?.coding?.some((c) => c.system === TASK_CODE_SYSTEM && c.code === TASK_FULFIL) === true;

/** The address an organisation receives coordination notices at: its work email (Organization.telecom), else any email. */
export function noticeAddress(organisation: Organization): string | undefined {
  const emails = (organisation.telecom ?? []).filter((t: ContactPoint) => t.system === 'email' && typeof t.value === 'string' && !t.period?.end);
  return (emails.find((t) => t.use === 'work') ?? emails[0])?.value?.replace(/^mailto:/, '');
}

/**
 * Email notices for referrals between partners (docs/coordination.md §6): from the record's
 * change feed, a new referral Task tells the receiving organisation (its `owner`), and each change
 * of its state tells the sending one (its `requester`), at the email address each keeps on its
 * Organization. A notice names the organisations, the state and a link to sign in; never the
 * person, their NHS number or the reason, which staff read in Footprint under the trust layer.
 * Each notice is queued in the same transaction as the state it was sent for
 * (coordination_task_notice), so none is sent twice or lost.
 */
export class ReferralEmailNotices {
  constructor(private readonly options: EmailNoticeOptions) {}

  /** Reads the Task changes since the watermark; returns the ids of the mail it queued. */
  async scan(): Promise<number[]> {
    const { sql, repo } = this.options;
    const since = await this.watermark();
    if (BigInt(await latestChangeSeq(sql)) <= BigInt(since)) return [];
    const queued: number[] = [];
    for await (const batch of repo.changes(READER, { since, types: ['Task'], batchSize: 500 })) {
      for (const { resource, deleted } of batch.items) {
        const task = resource as Task;
        if (deleted || !isReferralTask(task)) continue;
        const id = await this.notify(task);
        if (id !== undefined) queued.push(id);
      }
      await this.advance(batch.watermark);
    }
    return queued;
  }

  private async notify(task: Task): Promise<number | undefined> {
    const { sql } = this.options;
    const { rows } = await sql.query<{ status: string }>('SELECT status FROM coordination_task_notice WHERE task_id = $1', [task.id]);
    const before = rows[0]?.status;
    if (before === task.status) return undefined;
    const to = before === undefined ? task.owner?.reference : task.requester?.reference;
    const [recipient, owner, requester] = await Promise.all([this.organisation(to), this.organisation(task.owner?.reference), this.organisation(task.requester?.reference)]);
    const address = recipient ? noticeAddress(recipient) : undefined;
    const notice = address ? this.compose(task, before, address, owner?.name ?? 'the receiving organisation', requester?.name ?? 'another organisation') : undefined;
    return sql.transaction(async (tx) => {
      const mailId = notice ? await this.options.queue(tx, notice) : undefined;
      await tx.query(
        `INSERT INTO coordination_task_notice (task_id, status, organisation, mail_id, updated_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (task_id) DO UPDATE SET status = $2, organisation = $3, mail_id = $4, updated_at = now()`,
        [task.id, task.status, to ?? null, mailId ?? null],
      );
      return mailId;
    });
  }

  private compose(task: Task, before: string | undefined, recipient: string, owner: string, requester: string): EmailNotice {
    const link = `${this.options.publicUrl().replace(/\/$/, '')}/coordination/referrals/${encodeURIComponent(task.id!)}`;
    const due = task.restriction?.period?.end ? `It is due by ${task.restriction.period.end}.\n` : '';
    if (before === undefined) {
      return {
        recipient,
        subject: `New referral for ${owner}`,
        text: `${requester} has referred someone to ${owner}.\n${due}\nSign in to Footprint to see the referral and accept or decline it:\n${link}\n\nThis email does not say who the referral is for. Do not reply to it.\n`,
      };
    }
    const state = STATE_WORDS[task.status] ?? task.status;
    return {
      recipient,
      subject: `Your referral to ${owner} is ${state}`,
      text: `Your referral to ${owner} is now ${state}.\n\nSign in to Footprint to see its history${task.status === 'rejected' ? ' and the reason' : ''}:\n${link}\n\nThis email does not say who the referral is for. Do not reply to it.\n`,
    };
  }

  private async organisation(reference: string | undefined): Promise<Organization | undefined> {
    const id = /^Organization\/([A-Za-z0-9\-.]{1,64})$/.exec(reference ?? '')?.[1];
    if (!id) return undefined;
    try {
      return await this.options.repo.read<Organization>(READER, 'Organization', id);
    } catch {
      return undefined;
    }
  }

  private async watermark(): Promise<string> {
    const { rows } = await this.options.sql.query<{ watermark: string }>('SELECT watermark::text AS watermark FROM coordination_notification_cursor WHERE name = $1', [CURSOR]);
    // The migration that added notices set the watermark, so they begin from then, not the record's past.
    return rows[0]?.watermark ?? '0';
  }

  private async advance(watermark: string): Promise<void> {
    await this.options.sql.query(
      `INSERT INTO coordination_notification_cursor (name, watermark) VALUES ($1, $2::bigint)
       ON CONFLICT (name) DO UPDATE SET watermark = GREATEST(coordination_notification_cursor.watermark, EXCLUDED.watermark)`,
      [CURSOR, watermark],
    );
  }
}
