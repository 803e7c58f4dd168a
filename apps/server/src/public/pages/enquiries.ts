import type { FastifyInstance, FastifyReply } from 'fastify';
import { createElement } from 'react';
import { ENQUIRY_TOPICS, EnquiryInputError, EnquiryStore, HONEYPOT_FIELD, isHoneypotFilled, parseEnquiryReference, retentionDaysFromEnvironment, TEXT_LIMITS, type FieldProblem } from '@footprint/engage';
import { runningFootprint } from '@footprint/partnership';
import { ContactPage, ContactSentPage, ContactTooManyPage, EMPTY_CONTACT_FORM, type ContactFormError, type ContactFormValues } from '@footprint/web/public';
import type { Platform } from '../../platform';
import { submissionLimit } from '../submission-limit';
import { sendPublicPage } from './render';

/** Working days within which the partnership aims to reply (said on the confirmation page). */
const REPLY_WORKING_DAYS = 10;

const FIELD_NAMES: Record<FieldProblem['field'], { id: ContactFormError['field']; label: string }> = {
  topic: { id: 'topic', label: 'Topic' },
  message: { id: 'message', label: 'Your message' },
  name: { id: 'name', label: 'Your name' },
  email: { id: 'email', label: 'Email address' },
  consentToContact: { id: 'consent', label: 'Consent' },
};

/** The store's refusal in the words of the form ("Enter your message"; "Your name must be 200 characters or fewer"). */
function formError(problem: FieldProblem): ContactFormError {
  const { id, label } = FIELD_NAMES[problem.field];
  const text = problem.message.replace(/ \(one of [^)]*\)$/, '');
  return { field: id, message: text.startsWith('must') ? `${label} ${text}` : text.charAt(0).toUpperCase() + text.slice(1) };
}

/** A form field as text: formbody gives a string, or an array when a robot repeats a field (kept as is, and refused). */
const field = (body: Record<string, unknown>, name: string): unknown => body[name];

/**
 * Get in touch, server-rendered under /public (no sign-in; works without JavaScript):
 *   GET  /public/contact          the form
 *   POST /public/contact          checks it; sent again with an error summary (400), or stored and redirected (303) to…
 *   GET  /public/contact/sent     the reference and what happens next
 * The POST shares the enquiry rate limit with POST /api/public/enquiries; over it, a page says so (429).
 * A filled honeypot is dropped quietly: the same redirect, with nothing stored and no reference.
 */
export async function enquiriesPages(app: FastifyInstance, platform: Platform): Promise<void> {
  const store = new EnquiryStore(platform.sql);
  const retentionDays = retentionDaysFromEnvironment();
  const partnership = async () => (await runningFootprint(platform.record).catch(() => undefined))?.name ?? 'Health and care partnership';

  const form = async (reply: FastifyReply, values: ContactFormValues, errors: ContactFormError[], status: number) =>
    sendPublicPage(
      reply,
      { title: errors.length > 0 ? 'Error: Get in touch' : 'Get in touch', partnership: await partnership(), path: '/public/contact' },
      createElement(ContactPage, { topics: ENQUIRY_TOPICS, values, errors, limits: { message: TEXT_LIMITS.message, name: TEXT_LIMITS.name, email: TEXT_LIMITS.email }, honeypot: HONEYPOT_FIELD, retentionDays }),
      status,
    );

  await app.register(async (scope) => {
    // Over the limit, the person sees a page rather than JSON.
    scope.setErrorHandler(async (error: { statusCode?: number }, request, reply) => {
      if (error.statusCode === 429) return sendPublicPage(reply, { title: 'You have sent too many messages', partnership: await partnership(), path: '/public/contact' }, createElement(ContactTooManyPage), 429);
      throw error;
    });

    scope.get('/contact', async (_request, reply) => form(reply, EMPTY_CONTACT_FORM, [], 200));

    scope.post('/contact', submissionLimit(scope, platform, 'enquiry'), async (request, reply) => {
      const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
      if (isHoneypotFilled(body)) return reply.code(303).redirect('/public/contact/sent');
      const input = { topic: field(body, 'topic'), message: field(body, 'message'), name: field(body, 'name'), email: field(body, 'email'), consentToContact: field(body, 'consent') === 'yes' };
      try {
        const { reference } = await store.receive(input, 'web');
        return reply.code(303).redirect(`/public/contact/sent?ref=${encodeURIComponent(reference)}`);
      } catch (error) {
        if (!(error instanceof EnquiryInputError)) throw error;
        const text = (value: unknown) => (typeof value === 'string' ? value : '');
        const values = { topic: text(input.topic), message: text(input.message), name: text(input.name), email: text(input.email), consent: input.consentToContact };
        return form(reply, values, error.fields.map(formError), 400);
      }
    });

    scope.get('/contact/sent', async (request, reply) => {
      // Only something shaped like a reference is shown back; anything else is not echoed.
      const reference = parseEnquiryReference((request.query as Record<string, unknown>).ref) ?? null;
      return sendPublicPage(reply, { title: 'Your message has been sent', partnership: await partnership(), path: '/public/contact/sent' }, createElement(ContactSentPage, { reference, replyDays: REPLY_WORKING_DAYS }));
    });
  });
}
