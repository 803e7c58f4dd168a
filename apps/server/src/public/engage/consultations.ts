import type { FastifyInstance } from 'fastify';
import { aboutYouQuestions, isHoneypotFilled, refusalOf, type Consultation } from '@footprint/engage';
import type { Platform } from '../../platform';
import { consultationContext } from '../../api/engage/consultations';
import { submissionLimit } from '../submission-limit';

/** A consultation as the public sees it: no staff names, versions or internal counts beyond responses so far. */
export function publicConsultation(c: Consultation) {
  return {
    id: c.id,
    state: c.state,
    title: c.title,
    summary: c.summary,
    background: c.background,
    easyRead: c.easyRead,
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    audience: c.audience,
    questions: c.questions,
    askAboutYou: c.askAboutYou,
    publishedAt: c.publishedAt,
    resultsPublished: c.resultsPublishedAt !== null,
    responseCount: c.responseCount,
    ...(refusalOf(c) ? { notAccepting: refusalOf(c) } : {}),
  };
}

/**
 * Engagement's public JSON API for consultations, under /api/public (no sign-in):
 *   GET  /api/public/consultations                  published consultations (open, upcoming, closed)
 *   GET  /api/public/consultations/:id              one published consultation with its questions and the "about you" questions
 *   POST /api/public/consultations/:id/responses    { answers, publishFreeText, aboutYou?, contact? } → 201 { reference }; 400 naming each field; 409 when not open
 */
export async function consultationsPublicApi(app: FastifyInstance, platform: Platform): Promise<void> {
  const context = consultationContext(platform);

  app.get('/consultations', async () => {
    const footprint = await context.footprint();
    return { consultations: (await context.consultations.list(footprint.onsCode, { publishedOnly: true })).map((c) => { const { questions: _q, background: _b, easyRead: _e, ...rest } = publicConsultation(c); return rest; }) };
  });

  app.get<{ Params: { id: string } }>('/consultations/:id', async (request) => {
    const c = await context.consultations.getPublished(request.params.id);
    return { ...publicConsultation(c), ...(c.askAboutYou ? { aboutYouQuestions: aboutYouQuestions(await context.consultations.places(c.footprintCode)) } : {}) };
  });

  app.post<{ Params: { id: string } }>('/consultations/:id/responses', submissionLimit(app, platform, 'consultation-response'), async (request, reply) => {
    // A robot filled the honeypot: answer as if accepted, store nothing.
    if (isHoneypotFilled(request.body)) return reply.code(201).send({ reference: 'FP-C-RECEIVED' });
    const { reference } = await context.responses.submit(request.params.id, (request.body ?? {}) as never, { channel: 'api' });
    return reply.code(201).send({ reference });
  });
}
