import type { FastifyInstance, FastifyRequest } from 'fastify';
import { describeRetention, EngageInputError, EnquiryStore, ENQUIRY_OUTCOMES, ENQUIRY_TOPICS, retentionDaysFromEnvironment, retentionRuns, runRetention, type DeliveryResult, type Enquiry, type EnquiryAnswer, type EnquiryState, type InboxAnswer } from '@footprint/engage';
import { runningFootprint } from '@footprint/partnership';
import type { Platform } from '../../platform';
import { requireSession, sessionOf } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { ApiProblem } from '../problem';

const who = (request: FastifyRequest) => {
  const { user } = sessionOf(request);
  return { id: user.id, name: user.displayName };
};
const body = (request: FastifyRequest): Record<string, unknown> => {
  if (!request.body || typeof request.body !== 'object' || Array.isArray(request.body)) throw new EngageInputError(['send a JSON object']);
  return request.body as Record<string, unknown>;
};
const pairs = (list: ReadonlyArray<readonly [string, string]>) => list.map(([id, label]) => ({ id, label }));

/** Once a day. */
const RETENTION_INTERVAL_MS = 24 * 60 * 60_000;

/**
 * Runs the retention job daily from the server (an unref'd timer, stopped on close), first an hour
 * after start-up; logs the counts it removed (never the data).
 */
export function scheduleRetention(root: FastifyInstance, platform: Platform): void {
  const days = retentionDaysFromEnvironment();
  const run = () =>
    runRetention(platform.sql, { days, trigger: 'server' }).then(
      (report) => root.log.info({ removed: report.removed, days }, describeRetention(report).join(' ')),
      (error: unknown) => root.log.error({ err: error }, 'the retention job failed'),
    );
  let first: NodeJS.Timeout | undefined;
  let daily: NodeJS.Timeout | undefined;
  root.addHook('onReady', async () => {
    first = setTimeout(() => void run(), 60 * 60_000);
    first.unref();
    daily = setInterval(() => void run(), RETENTION_INTERVAL_MS);
    daily.unref();
  });
  root.addHook('onClose', async () => {
    clearTimeout(first);
    clearInterval(daily);
  });
}

/**
 * The get-in-touch inbox (capability `engagement`):
 *   GET  /api/engage/enquiries?state=new|open|closed&team=<id>|none  newest first, with counts
 *   GET  /api/engage/enquiries/:reference                              the message, the sender, the history, the mail
 *   POST /api/engage/enquiries/:reference/assign   { team }
 *   POST /api/engage/enquiries/:reference/reply    { text }      recorded, and emailed when an address was given
 *   POST /api/engage/enquiries/:reference/notes    { text }      an internal note
 *   POST /api/engage/enquiries/:reference/close    { outcome }
 *   POST /api/engage/enquiries/:reference/reopen
 *   POST /api/engage/enquiries/:reference/mail/:id/retry         send a failed reply again now
 * Every action is recorded on the enquiry with who and when.
 */
export async function enquiriesStaffRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy): Promise<void> {
  const guard = requireSession(platform.sql, policy, 'engagement');
  const signature = async () => (await runningFootprint(platform.record).catch(() => undefined))?.name ?? 'The partnership';
  const store = async () => new EnquiryStore(platform.sql, await signature());
  const answer = async (enquiry: Enquiry, delivery?: DeliveryResult): Promise<EnquiryAnswer> => ({
    enquiry,
    teams: await (await store()).teams(),
    outcomes: pairs(ENQUIRY_OUTCOMES),
    mail: { configured: app.engageMail.mailer.configured, description: app.engageMail.mailer.description, demoSink: app.engageMail.demoSink },
    ...(delivery ? { delivery } : {}),
  });
  type ByReference = { Params: { reference: string } };

  app.get<{ Querystring: { state?: string; team?: string } }>('/engage/enquiries', { preHandler: guard }, async (request): Promise<InboxAnswer> => {
    const { state, team } = request.query;
    const inbox = await (await store()).inbox({ ...(state ? { state: state as EnquiryState } : {}), ...(team ? { team } : {}) });
    const [lastRun] = await retentionRuns(platform.sql, 1);
    const { mailer, demoSink } = app.engageMail;
    return { ...inbox, mail: { configured: mailer.configured, description: mailer.description, demoSink }, retention: { days: retentionDaysFromEnvironment(), lastRun: lastRun ?? null }, topics: pairs(ENQUIRY_TOPICS), outcomes: pairs(ENQUIRY_OUTCOMES) };
  });

  app.get<ByReference>('/engage/enquiries/:reference', { preHandler: guard }, async (request) => answer(await (await store()).get(request.params.reference)));

  app.post<ByReference>('/engage/enquiries/:reference/assign', { preHandler: guard }, async (request) => answer(await (await store()).assign(request.params.reference, body(request).team, who(request))));

  app.post<ByReference>('/engage/enquiries/:reference/reply', { preHandler: guard }, async (request, reply) => {
    const enquiries = await store();
    const recorded = await enquiries.reply(request.params.reference, body(request).text, who(request));
    const delivery = recorded.mailId === null ? undefined : await app.engageMail.outbox.deliver(recorded.mailId);
    return reply.code(201).send(await answer(await enquiries.get(recorded.enquiry.reference), delivery));
  });

  app.post<ByReference>('/engage/enquiries/:reference/notes', { preHandler: guard }, async (request, reply) => reply.code(201).send(await answer(await (await store()).note(request.params.reference, body(request).text, who(request)))));

  app.post<ByReference>('/engage/enquiries/:reference/close', { preHandler: guard }, async (request) => answer(await (await store()).close(request.params.reference, body(request).outcome, who(request))));

  app.post<ByReference>('/engage/enquiries/:reference/reopen', { preHandler: guard }, async (request) => answer(await (await store()).reopen(request.params.reference, who(request))));

  app.post<{ Params: { reference: string; id: string } }>('/engage/enquiries/:reference/mail/:id/retry', { preHandler: guard }, async (request) => {
    const enquiries = await store();
    const enquiry = await enquiries.get(request.params.reference);
    const mail = enquiry.mail.find((m) => String(m.id) === request.params.id);
    if (!mail) throw new ApiProblem(404, 'Not found', `${enquiry.reference} has no outgoing mail ${request.params.id}`);
    if (!app.engageMail.mailer.configured) throw new ApiProblem(409, 'Email is not configured', app.engageMail.mailer.description);
    const delivery = await app.engageMail.outbox.deliver(mail.id, { force: true });
    return answer(await enquiries.get(enquiry.reference), delivery);
  });
}
