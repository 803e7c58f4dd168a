import { randomInt } from 'node:crypto';
import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import { ENQUIRY_TOPICS, EnquiryStore, isHoneypotFilled, newEnquiryReference } from '@footprint/engage';
import type { Platform } from '../../platform';
import { submissionsPerHour } from '../submission-limit';

const limits = new WeakMap<Platform, RouteShorthandOptions['preHandler']>();

/**
 * The enquiry rate limit shared by the HTML form (POST /public/contact) and the API (POST
 * /api/public/enquiries): FOOTPRINT_SUBMISSION_RATE_LIMIT submissions per hour per address, the two
 * counted together. One limiter (one store) for both routes: @fastify/rate-limit gives each route
 * configured with `config.rateLimit` a store of its own, so a shared groupId alone would count each
 * route apart. Over the limit the request fails with 429 and Retry-After in its area's own format.
 */
export function enquirySubmissionLimit(app: FastifyInstance, platform: Platform): RouteShorthandOptions {
  let limit = limits.get(platform);
  if (!limit) {
    limit = app.rateLimit({ max: submissionsPerHour(), timeWindow: 3_600_000, hook: 'preHandler' });
    limits.set(platform, limit);
  }
  return { config: { rateLimit: false }, preHandler: limit, bodyLimit: 64 * 1024 };
}

/**
 * Get in touch through the public API (no sign-in):
 *   GET  /api/public/enquiries/topics  the topics an enquiry can be about ([{ id, label }])
 *   POST /api/public/enquiries         { topic, message, name?, email?, consentToContact? } → 201 { reference, receivedAt }
 * Bad input is a 400 problem naming each field; over the enquiry rate limit (shared with the HTML
 * form) a 429 with Retry-After. A filled honeypot (`website`) answers like success with a reference
 * that was never stored, so a robot learns nothing.
 */
export async function enquiriesPublicApi(app: FastifyInstance, platform: Platform): Promise<void> {
  const store = new EnquiryStore(platform.sql);

  app.get('/enquiries/topics', async () => ENQUIRY_TOPICS.map(([id, label]) => ({ id, label })));

  app.post('/enquiries', enquirySubmissionLimit(app, platform), async (request, reply) => {
    if (isHoneypotFilled(request.body)) {
      // Number 0 is never issued, so staff can tell a decoy from a real reference.
      return reply.code(201).send({ reference: newEnquiryReference(0, new Date().getUTCFullYear(), randomInt), receivedAt: new Date().toISOString() });
    }
    const received = await store.receive(request.body, 'api');
    return reply.code(201).send(received);
  });
}
