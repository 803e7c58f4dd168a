import type { Resource, Subscription } from '@footprint/fhir';
import { anyCurrent, latestChangeSeq, systemContext, type AccessContext, type Repository, type SqlClient } from '@footprint/record';
import type { RestHookOptions } from './rest-hook';
import { DISPATCHER_ID, register, registrations, stop, type Registration, type SubscriberResolver } from './subscriptions';

/** Seconds to wait before each retry of a failed delivery; after the last, the Subscription is put in error. */
export const DEFAULT_RETRY_DELAYS_SECONDS: readonly number[] = [10, 30, 60, 300, 900, 1800, 3600, 3600];

export interface DispatcherOptions extends RestHookOptions {
  sql: SqlClient;
  repo: Repository;
  resolveSubscriber: SubscriberResolver;
  /** Delay before retry n (1-based); its length is how many retries there are. */
  retryDelaysSeconds?: readonly number[];
  /** How long one delivery may take before it counts as failed (default 10 s). */
  timeoutMs?: number;
}

/** What one delivery attempt came to. */
export interface DeliveryOutcome {
  id: number;
  subscription: string;
  status: 'delivered' | 'retrying' | 'failed' | 'cancelled';
  /** Why it was not delivered: the HTTP status or the network error, never the resource. */
  reason?: string;
}

interface Claimed extends Record<string, unknown> {
  id: string;
  subscription_id: string;
  resource_type: string;
  resource_id: string;
  attempts: number;
}

const CURSOR = 'subscriptions';
/** The failure in one line: fetch's own message and its cause (ECONNREFUSED, a timeout), never a body. */
function plainError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${(error.cause as Error & { code?: string }).code ?? error.cause.message}` : '';
  return `${message}${cause}`.replace(/\s+/g, ' ').slice(0, 300);
}

/**
 * FHIR R4 Subscriptions (REST hook) for partner systems, outside every write: `scan` reads the
 * record's change feed after its watermark, registers the Subscriptions it finds there, and queues
 * a notification (coordination_notification) for each later change whose new version matches a
 * Subscription's criteria as the subscribing system would search it (its own scopes, organisation
 * and the trust layer's rules, so nobody is told of what they may not see). `deliverDue` sends what
 * is due, each claimed first so no two workers send it, with backoff on failure; a subscriber that
 * is down delays only its own notifications, never the record. Both are run by the server's timer.
 */
export class SubscriptionDispatcher {
  private readonly retryDelays: readonly number[];
  private readonly system: AccessContext = systemContext('SYSADMIN', DISPATCHER_ID);

  constructor(private readonly options: DispatcherOptions) {
    this.retryDelays = options.retryDelaysSeconds ?? DEFAULT_RETRY_DELAYS_SECONDS;
  }

  /** Reads the change feed since the watermark and queues the notifications it calls for; returns how many were queued. */
  async scan(): Promise<number> {
    const { sql, repo } = this.options;
    const since = await this.watermark();
    const latest = await latestChangeSeq(sql);
    if (BigInt(latest) <= BigInt(since)) return 0;
    // No Subscription anywhere in the record: nothing to read the feed for.
    if (!(await anyCurrent(sql, 'Subscription')) && !(await this.anyRegistered())) {
      await this.advance(latest);
      return 0;
    }
    let queued = 0;
    let live = await registrations(sql, this.options, repo);
    const contexts = new Map<string, AccessContext | undefined>();
    for await (const batch of repo.changes(this.system, { since, batchSize: 500 })) {
      for (const { resource, deleted, seq } of batch.items) {
        if (resource.resourceType === 'Subscription') {
          if (!deleted) await register(sql, repo, resource as Subscription, seq, this.options);
          else await sql.query("UPDATE coordination_subscription SET state = 'off', updated_at = now() WHERE id = $1", [resource.id]);
          live = await registrations(sql, this.options, repo);
          continue;
        }
        // R4: the criteria apply to the new version, so a deletion notifies nobody.
        if (deleted) continue;
        for (const registration of live.get(resource.resourceType) ?? []) {
          if (registration.state !== 'active' || BigInt(seq) <= registration.sinceSeq) continue;
          if (await this.matches(registration, resource, contexts)) queued += await this.enqueue(registration, resource);
        }
      }
      await this.advance(batch.watermark);
    }
    return queued;
  }

  /** Sends the notifications that are due, at most `limit`; returns what each came to. */
  async deliverDue(limit = 50): Promise<DeliveryOutcome[]> {
    const { rows } = await this.options.sql.query<Claimed>(
      `UPDATE coordination_notification SET attempts = attempts + 1, last_attempt_at = now(), next_attempt_at = now() + interval '5 minutes'
       WHERE id IN (SELECT id FROM coordination_notification WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING id, subscription_id, resource_type, resource_id, attempts`,
      [limit],
    );
    const outcomes: DeliveryOutcome[] = [];
    for (const row of rows) outcomes.push(await this.attempt(row));
    return outcomes;
  }

  private async matches(registration: Registration, resource: Resource, contexts: Map<string, AccessContext | undefined>): Promise<boolean> {
    const key = `${registration.subscriber.kind}/${registration.subscriber.id}`;
    if (!contexts.has(key)) contexts.set(key, await this.options.resolveSubscriber(registration.subscriber));
    const ctx = contexts.get(key);
    if (!ctx) {
      registration.state = 'off';
      await stop(this.options.sql, this.options.repo, registration.id, 'off', 'The partner system that asked for this Subscription is disabled or no longer registered');
      return false;
    }
    try {
      const found = await this.options.repo.search(ctx, resource.resourceType, [...registration.hook!.params, ['_id', resource.id!], ['_summary', 'count']]);
      return (found.total ?? 0) > 0;
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status !== undefined && status >= 400 && status < 500) {
        registration.state = 'error';
        await stop(this.options.sql, this.options.repo, registration.id, 'error', `The criteria cannot be searched by this system: ${plainError(error)}`);
        return false;
      }
      throw error;
    }
  }

  private async enqueue(registration: Registration, resource: Resource): Promise<number> {
    const { rowCount } = await this.options.sql.query(
      `INSERT INTO coordination_notification (subscription_id, resource_type, resource_id, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (subscription_id, resource_type, resource_id, version) DO NOTHING`,
      [registration.id, resource.resourceType, resource.id, Number(resource.meta?.versionId ?? 1)],
    );
    return rowCount ?? 0;
  }

  private async attempt(row: Claimed): Promise<DeliveryOutcome> {
    const { sql, repo } = this.options;
    const id = Number(row.id);
    const live = [...(await registrations(sql, this.options, repo)).values()].flat().find((r) => r.id === row.subscription_id);
    if (!live) {
      await sql.query("UPDATE coordination_notification SET status = 'cancelled', last_error = 'The Subscription is no longer active' WHERE id = $1", [id]);
      return { id, subscription: row.subscription_id, status: 'cancelled', reason: 'The Subscription is no longer active' };
    }
    try {
      await this.send(live, row);
      await sql.query("UPDATE coordination_notification SET status = 'delivered', delivered_at = now(), last_error = NULL WHERE id = $1", [id]);
      return { id, subscription: live.id, status: 'delivered' };
    } catch (error) {
      const reason = plainError(error);
      const delay = this.retryDelays[row.attempts - 1];
      if (delay === undefined) {
        await sql.query("UPDATE coordination_notification SET status = 'failed', last_error = $2 WHERE id = $1", [id, reason]);
        await stop(sql, repo, live.id, 'error', `Notifications could not be delivered after ${row.attempts} attempts: ${reason}`);
        return { id, subscription: live.id, status: 'failed', reason };
      }
      await sql.query('UPDATE coordination_notification SET last_error = $2, next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1', [id, reason, delay]);
      return { id, subscription: live.id, status: 'retrying', reason };
    }
  }

  /** One REST-hook call: an empty POST, or the resource (as the subscriber may read it) PUT to {endpoint}/{type}/{id}. */
  private async send(registration: Registration, row: Claimed): Promise<void> {
    const hook = registration.hook!;
    const headers = new Headers(hook.headers);
    let url = hook.endpoint;
    let init: RequestInit = { method: 'POST' };
    if (hook.payload) {
      const ctx = await this.options.resolveSubscriber(registration.subscriber);
      if (!ctx) throw new Error('The partner system is disabled or no longer registered');
      const resource = await this.options.repo.read(ctx, row.resource_type, row.resource_id);
      url = `${hook.endpoint}/${row.resource_type}/${encodeURIComponent(row.resource_id)}`;
      headers.set('Content-Type', 'application/fhir+json');
      init = { method: 'PUT', body: JSON.stringify(resource) };
    }
    const response = await fetch(url, { ...init, headers, redirect: 'error', signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000) });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`The endpoint answered HTTP ${response.status}`);
  }

  /** True while a Subscription is registered as live (one deleted since the last scan still needs its deletion read). */
  private async anyRegistered(): Promise<boolean> {
    const { rows } = await this.options.sql.query("SELECT 1 FROM coordination_subscription WHERE state = 'active' LIMIT 1");
    return rows.length > 0;
  }

  private async watermark(): Promise<string> {
    const { rows } = await this.options.sql.query<{ watermark: string }>('SELECT watermark::text AS watermark FROM coordination_notification_cursor WHERE name = $1', [CURSOR]);
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
