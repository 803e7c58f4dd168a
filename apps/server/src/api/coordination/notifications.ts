import type { FastifyInstance } from 'fastify';
import { ReferralEmailNotices, SubscriptionDispatcher, type Subscriber } from '@footprint/coordination';
import { queueMail } from '@footprint/engage';
import type { AccessContext } from '@footprint/record';
import { findClient } from '../../auth/clients';
import type { Platform } from '../../platform';

/** ServerOptions.subscriptions: how often to poll, whether `http:` endpoints are allowed (tests, the demo), or `false` for no delivery. */
export type SubscriptionOption = { intervalMs?: number; allowHttp?: boolean; retryDelaysSeconds?: readonly number[] } | false;

/** How often the record's change feed is read and due notifications sent (default FOOTPRINT_SUBSCRIPTION_INTERVAL_MS, else 5 s). */
const DEFAULT_INTERVAL_MS = 5_000;

/**
 * A Subscription notifies for the partner system that wrote it, under that system's current
 * registration: its organisation, its registered scopes and purpose of use. A disabled or removed
 * client is notified of nothing.
 */
export function clientSubscriber(platform: Platform): (subscriber: Subscriber) => Promise<AccessContext | undefined> {
  return async (subscriber) => {
    if (subscriber.kind !== 'client') return undefined;
    const client = await findClient(platform.sql, subscriber.id);
    if (!client?.active || client.administrator) return undefined;
    return {
      principal: { kind: 'client', id: client.id, display: client.name },
      ...(client.organisation ? { organisation: { reference: client.organisation, ...(client.odsCode ? { odsCode: client.odsCode } : {}) } } : {}),
      scopes: client.scopes,
      purpose: client.purpose,
    };
  };
}

/** The settings from the environment: FOOTPRINT_SUBSCRIPTION_INTERVAL_MS, FOOTPRINT_SUBSCRIPTION_ALLOW_HTTP=true. */
function fromEnvironment(env: NodeJS.ProcessEnv = process.env): { intervalMs: number; allowHttp: boolean } {
  const interval = Number(env.FOOTPRINT_SUBSCRIPTION_INTERVAL_MS);
  return { intervalMs: Number.isInteger(interval) && interval >= 100 ? interval : DEFAULT_INTERVAL_MS, allowHttp: env.FOOTPRINT_SUBSCRIPTION_ALLOW_HTTP === 'true' };
}

/** The origin staff sign in at, for links in notices: the configured public URL, else the address the server listens on. */
function signInOrigin(root: FastifyInstance, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl;
  const addresses = root.addresses().filter((a): a is Exclude<typeof a, string> => typeof a !== 'string');
  const address = addresses.find((a) => a.family === 'IPv4') ?? addresses[0];
  return address ? `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}` : 'http://localhost';
}

/**
 * Care coordination's notifications (docs/coordination.md §6), apart from every write: once the
 * server is ready, an unref'd timer reads the record's change feed, one round at a time (never two
 * at once). Each round delivers FHIR Subscriptions (queues what matches, sends what is due, a
 * failing partner retried with backoff and never delaying the record) and queues email notices of
 * referrals in engagement's outgoing mail, sent at once and retried there like any reply.
 */
export function registerCoordinationNotifications(root: FastifyInstance, platform: Platform, option: SubscriptionOption | undefined, publicUrl: string | undefined): void {
  if (option === false) return;
  const settings = { ...fromEnvironment(), ...option };
  const dispatcher = new SubscriptionDispatcher({
    sql: platform.sql,
    repo: platform.record,
    resolveSubscriber: clientSubscriber(platform),
    allowHttp: settings.allowHttp,
    ...(settings.retryDelaysSeconds ? { retryDelaysSeconds: settings.retryDelaysSeconds } : {}),
  });
  const notices = new ReferralEmailNotices({
    sql: platform.sql,
    repo: platform.record,
    queue: (tx, notice) => queueMail(tx, notice),
    publicUrl: () => signInOrigin(root, publicUrl),
  });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const round = async (): Promise<void> => {
    const queued = await dispatcher.scan();
    const outcomes = await dispatcher.deliverDue();
    const failed = outcomes.filter((o) => o.status !== 'delivered').length;
    if (queued > 0 || outcomes.length > 0) root.log.info({ queued, delivered: outcomes.length - failed, failed }, 'FHIR Subscription notifications');
    const mail = await notices.scan();
    // Sent now; one that fails stays in the outbox for its retry timer and for staff to see.
    for (const id of mail) await root.engageMail.outbox.deliver(id).catch((error: unknown) => root.log.warn({ err: error, mail: id }, 'a referral notice was not sent yet'));
    if (mail.length > 0) root.log.info({ notices: mail.length }, 'queued referral email notices');
  };
  root.addHook('onReady', async () => {
    timer = setInterval(() => {
      if (running) return;
      running = round()
        .catch((error: unknown) => root.log.error({ err: error }, 'delivering FHIR Subscription notifications failed'))
        .finally(() => (running = undefined));
    }, settings.intervalMs);
    timer.unref();
  });
  root.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
  });
}
