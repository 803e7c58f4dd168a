import type { FastifyInstance } from 'fastify';
import { Mailer, MailOutbox, mailSettingsFromEnvironment, sinkMessages, type MailSettings, type SinkMessage } from '@footprint/engage';
import type { Platform } from '../../platform';
import { requireSession } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';

/** The server's outgoing mail: how replies to enquiries are sent, and whether the demo's sink receives them. */
export interface EngageMail {
  mailer: Mailer;
  outbox: MailOutbox;
  /** True when the mail goes to the demo's own sink (only `footprint demo` sets it). */
  demoSink: boolean;
}

/** ServerOptions.mail: SMTP settings (default FOOTPRINT_SMTP_URL and FOOTPRINT_MAIL_FROM), `demoSink` when they are the demo's sink, or `false` for none. */
export type MailOption = (MailSettings & { demoSink?: boolean }) | false;

declare module 'fastify' {
  interface FastifyInstance {
    /** Engagement's outgoing mail (api/engage/mail.ts), decorated on the root so every area can send. */
    engageMail: EngageMail;
  }
}

/** How often queued and failed replies are retried (each no sooner than 5 minutes × its attempts). */
const OUTBOX_INTERVAL_MS = 5 * 60_000;

/**
 * Decorates the server with its Mailer and outbox and retries due mail every five minutes (an
 * unref'd timer, stopped on close). Mail is never sent to a sink outside the demo: the sink is
 * started by `footprint demo` alone, which passes its address here.
 */
export function registerEngageMail(root: FastifyInstance, platform: Platform, option: MailOption | undefined): void {
  const settings = option === false ? undefined : (option ?? mailSettingsFromEnvironment());
  const mailer = new Mailer(settings);
  const outbox = new MailOutbox(platform.sql, mailer);
  root.decorate('engageMail', { mailer, outbox, demoSink: option !== false && option?.demoSink === true });
  let timer: NodeJS.Timeout | undefined;
  root.addHook('onReady', async () => {
    timer = setInterval(() => {
      outbox.deliverDue().then(
        (results) => {
          const failed = results.filter((r) => r.status === 'failed').length;
          if (results.length > 0) root.log.info({ sent: results.length - failed, failed }, 'retried outgoing engagement mail');
        },
        (error: unknown) => root.log.error({ err: error }, 'retrying outgoing engagement mail failed'),
      );
    }, OUTBOX_INTERVAL_MS);
    timer.unref();
  });
  root.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    mailer.close();
  });
}

/** What the administrator sees at /engage/mail. */
export interface MailSinkAnswer {
  /** True when this server sends to the demo's own sink. */
  demoSink: boolean;
  configured: boolean;
  /** Where mail goes (`smtp://127.0.0.1:…`), or that it is not configured. */
  description: string;
  messages: SinkMessage[];
}

/**
 * The demo's mail sink (capability `engagement`):
 *   GET /api/engage/mail   the messages the sink received, newest first (none outside the demo)
 */
export async function mailStaffRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy): Promise<void> {
  const read = requireSession(platform.sql, policy, 'engagement');
  app.get('/engage/mail', { preHandler: read }, async (): Promise<MailSinkAnswer> => {
    const { mailer, demoSink } = app.engageMail;
    return { demoSink, configured: mailer.configured, description: mailer.description, messages: demoSink ? await sinkMessages(platform.sql) : [] };
  });
}
