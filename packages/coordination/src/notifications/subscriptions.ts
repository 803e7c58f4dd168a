import type { Subscription } from '@footprint/fhir';
import { contributingOrganisation, writerOf, type AccessContext, type Repository, type SqlClient } from '@footprint/record';
import { readRestHook, type RestHook, type RestHookOptions } from './rest-hook';

/** The platform principal that reads the change feed and sets Subscription.status. */
export const DISPATCHER_ID = 'footprint-subscriptions';

/** Who a Subscription notifies for: the partner system that wrote it, acting for its organisation. */
export interface Subscriber {
  kind: string;
  id: string;
  organisation?: string;
}

/**
 * Turns a subscriber into the AccessContext its notifications are decided under (a partner
 * system's current scopes and organisation), or undefined when it may no longer be notified (the
 * client was disabled or removed). The server resolves OAuth clients (auth/clients.ts).
 */
export type SubscriberResolver = (subscriber: Subscriber) => Promise<AccessContext | undefined>;

/** One Subscription as the dispatcher serves it. */
export interface Registration {
  id: string;
  subscriber: Subscriber;
  state: 'active' | 'error' | 'off';
  error?: string;
  hook?: RestHook;
  /** The change the Subscription's current version was; only later changes notify. */
  sinceSeq: bigint;
}

/** The context the dispatcher writes Subscription.status with: the platform, acting for the subscriber's organisation so the partner still stewards it. */
export function dispatcherContext(organisation?: string): AccessContext {
  return {
    principal: { kind: 'system', id: DISPATCHER_ID, display: 'Footprint subscription delivery' },
    ...(organisation ? { organisation: { reference: organisation } } : {}),
    scopes: ['system/*.rs', 'system/Subscription.u'],
    purpose: 'SYSADMIN',
  };
}

/**
 * Reads one Subscription version from the change feed into its registration (upserted in
 * coordination_subscription), and moves its FHIR status the way R4 describes: `requested`
 * becomes `active`, or `error` with the reason in Subscription.error; `off` stops it.
 */
export async function register(sql: SqlClient, repo: Repository, subscription: Subscription, seq: string, options: RestHookOptions): Promise<void> {
  const id = subscription.id!;
  const writer = writerOf(subscription);
  const organisation = contributingOrganisation(subscription);
  const { rows } = await sql.query<{ subscriber_kind: string; subscriber_id: string; organisation: string | null }>(
    'SELECT subscriber_kind, subscriber_id, organisation FROM coordination_subscription WHERE id = $1',
    [id],
  );
  const byDispatcher = writer?.kind === 'system' && writer.id === DISPATCHER_ID;
  const subscriber: Subscriber | undefined =
    byDispatcher && rows[0] ? { kind: rows[0].subscriber_kind, id: rows[0].subscriber_id, organisation: rows[0].organisation ?? undefined } : writer ? { ...writer, organisation } : undefined;
  if (!subscriber) return;
  const hook = readRestHook(subscription, options);
  const problem = 'error' in hook ? hook.error : subscriber.kind !== 'client' ? 'Subscriptions notify partner systems: create one with the system’s own token' : undefined;
  const state = subscription.status === 'off' ? 'off' : problem ? 'error' : subscription.status === 'error' && byDispatcher ? 'error' : 'active';
  await sql.query(
    `INSERT INTO coordination_subscription (id, subscriber_kind, subscriber_id, organisation, state, error, since_seq, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::bigint, now())
     ON CONFLICT (id) DO UPDATE SET subscriber_kind = $2, subscriber_id = $3, organisation = $4, state = $5, error = $6,
       since_seq = CASE WHEN $8 THEN coordination_subscription.since_seq ELSE $7::bigint END, updated_at = now()`,
    [id, subscriber.kind, subscriber.id, subscriber.organisation ?? null, state, problem ?? subscription.error ?? null, seq, byDispatcher],
  );
  if (byDispatcher) return;
  if (state === 'error' && subscription.status !== 'error') await setStatus(repo, subscription, 'error', problem);
  else if (state === 'active' && subscription.status !== 'active') await setStatus(repo, subscription, 'active');
}

/** Writes Subscription.status (and .error) as the dispatcher, keeping everything else the partner wrote. */
export async function setStatus(repo: Repository, subscription: Subscription, status: 'active' | 'error', error?: string): Promise<void> {
  const { error: _old, meta, ...rest } = subscription;
  const next: Subscription = { ...rest, status, ...(error ? { error } : {}) };
  try {
    await repo.update(dispatcherContext(contributingOrganisation(subscription)), next, meta?.versionId ? { ifMatch: meta.versionId } : {});
  } catch (cause) {
    // The partner changed it meanwhile (412): their newer version is read from the feed next.
    if ((cause as { status?: number }).status !== 412) throw cause;
  }
}

/** The live registrations, keyed by the resource type their criteria search. */
export async function registrations(sql: SqlClient, options: RestHookOptions, repo: Repository): Promise<Map<string, Registration[]>> {
  const { rows } = await sql.query<{ id: string; subscriber_kind: string; subscriber_id: string; organisation: string | null; since_seq: string }>(
    "SELECT id, subscriber_kind, subscriber_id, organisation, since_seq::text AS since_seq FROM coordination_subscription WHERE state = 'active' ORDER BY id",
  );
  const byType = new Map<string, Registration[]>();
  for (const row of rows) {
    let subscription: Subscription;
    try {
      subscription = await repo.read<Subscription>(dispatcherContext(), 'Subscription', row.id);
    } catch {
      continue;
    }
    const hook = readRestHook(subscription, options);
    if ('error' in hook) continue;
    const registration: Registration = {
      id: row.id,
      subscriber: { kind: row.subscriber_kind, id: row.subscriber_id, organisation: row.organisation ?? undefined },
      state: 'active',
      hook,
      sinceSeq: BigInt(row.since_seq),
    };
    byType.set(hook.resourceType, [...(byType.get(hook.resourceType) ?? []), registration]);
  }
  return byType;
}

/** Marks a registration as no longer served, with the reason, and says so on the Subscription. */
export async function stop(sql: SqlClient, repo: Repository, id: string, state: 'error' | 'off', reason: string): Promise<void> {
  await sql.query('UPDATE coordination_subscription SET state = $2, error = $3, updated_at = now() WHERE id = $1', [id, state, reason]);
  await sql.query("UPDATE coordination_notification SET status = 'cancelled', last_error = $2 WHERE subscription_id = $1 AND status = 'pending'", [id, reason]);
  try {
    const subscription = await repo.read<Subscription>(dispatcherContext(), 'Subscription', id);
    if (subscription.status !== 'error') await setStatus(repo, subscription, 'error', reason);
  } catch {
    // Deleted meanwhile: nothing to say it on.
  }
}
