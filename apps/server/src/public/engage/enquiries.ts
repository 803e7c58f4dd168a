import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ENQUIRY_TOPICS, EnquiryStore, isHoneypotFilled, newEnquiryReference } from '@footprint/engage';
import type { Platform } from '../../platform';
import { submissionLimit } from '../submission-limit';

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

  app.post('/enquiries', submissionLimit(app, platform, 'enquiry'), async (request, reply) => {
    if (isHoneypotFilled(request.body)) {
      // Number 0 is never issued, so staff can tell a decoy from a real reference.
      return reply.code(201).send({ reference: newEnquiryReference(0, new Date().getUTCFullYear(), randomInt), receivedAt: new Date().toISOString() });
    }
    const received = await store.receive(request.body, 'api');
    return reply.code(201).send(received);
  });
}
