import type { FastifyInstance, FastifyReply } from 'fastify';
import { createElement, type ReactElement } from 'react';
import { aboutYouQuestions, planChangesOf, EngageConflictError, EngageNotFoundError, formFromResponse, isHoneypotFilled, responseFromForm, type Consultation, type FieldProblem, type FormBody } from '@footprint/engage';
import { ConsultationPage, ConsultationsListPage, RespondedPage, RespondPage, type PublicConsultationView } from '@footprint/web/public';
import type { SqlClient } from '@footprint/record';
import type { Platform } from '../../platform';
import { consultationContext, type ConsultationContext } from '../../api/engage/consultations';
import { publicConsultation } from '../engage/consultations';
import { submissionLimit } from '../submission-limit';
import { sendPublicPage } from './render';

const SCRIPT = '/engage/consultation.js';
const back = (href: string, text: string) => createElement('a', { className: 'nhsuk-back-link', href }, text);

/** The public view of a consultation; with `sql`, and once its results are published, what it changed in the plan. */
async function viewOf(context: ConsultationContext, c: Consultation, sql?: SqlClient): Promise<PublicConsultationView> {
  const names = new Map((await context.consultations.places(c.footprintCode)).map((p) => [p.code, p.name]));
  const view = publicConsultation(c);
  const planChanges = sql && view.resultsPublished ? await planChangesOf(sql, { code: c.footprintCode, name: (await context.footprint()).name }, c.id) : [];
  return { ...view, audience: { places: c.audience.places.map((p) => names.get(p) ?? p), groups: c.audience.groups }, planChanges };
}

function notFound(reply: FastifyReply, partnership: string, path: string, message: string): FastifyReply {
  const body = createElement('div', null, createElement('h1', null, 'Page not found'), createElement('p', null, message), createElement('p', null, createElement('a', { href: '/public/consultations' }, 'See all consultations')));
  return sendPublicPage(reply, { title: 'Page not found', partnership, path }, body, 404);
}

/**
 * Engagement's server-rendered public pages for consultations (no sign-in, readable without JavaScript):
 *   GET  /public/consultations                     open, upcoming and closed consultations
 *   GET  /public/consultations/:id[/easy-read]      one consultation (or its easy read version)
 *   GET  /public/consultations/:id/respond[?resume=TOKEN]   the questionnaire (a saved draft filled in again)
 *   POST /public/consultations/:id/respond          submit (redirects to …/thanks) or save (shows the resume link once); problems re-render with an error summary
 *   GET  /public/consultations/:id/thanks?reference=…       the confirmation with the reference
 */
export async function consultationsPages(app: FastifyInstance, platform: Platform): Promise<void> {
  const context = consultationContext(platform);
  const partnershipName = async () => (await context.footprint()).name;

  const published = async (reply: FastifyReply, id: string, path: string): Promise<Consultation | undefined> => {
    try {
      return await context.consultations.getPublished(id);
    } catch (error) {
      if (error instanceof EngageNotFoundError) {
        notFound(reply, await partnershipName(), path, 'There is no consultation at this address. It may have been moved or the link mistyped.');
        return undefined;
      }
      throw error;
    }
  };

  app.get('/consultations', async (_request, reply) => {
    const footprint = await context.footprint();
    const list = await context.consultations.list(footprint.onsCode, { publishedOnly: true });
    const items = await Promise.all(list.map((c) => viewOf(context, c)));
    return sendPublicPage(reply, { title: 'Have your say', partnership: footprint.name, path: '/public/consultations' }, createElement(ConsultationsListPage, { consultations: items }));
  });

  for (const easyRead of [false, true]) {
    app.get<{ Params: { id: string } }>(`/consultations/:id${easyRead ? '/easy-read' : ''}`, async (request, reply) => {
      const path = request.url.split('?')[0];
      const c = await published(reply, request.params.id, path);
      if (!c) return reply;
      const frame = { title: easyRead ? `${c.title} (easy read)` : c.title, partnership: await partnershipName(), path, before: back('/public/consultations', 'All consultations') };
      return sendPublicPage(reply, frame, createElement(ConsultationPage, { consultation: await viewOf(context, c, platform.sql), easyRead }));
    });
  }

  const respondPage = async (reply: FastifyReply, c: Consultation, props: { values: FormBody; problems: FieldProblem[]; resumeToken?: string; savedLink?: string; lateDraft?: boolean }, status = 200) => {
    const aboutYou = c.askAboutYou ? aboutYouQuestions(await context.consultations.places(c.footprintCode)) : [];
    const title = props.problems.length ? `Error: ${c.title}: respond` : `${c.title}: respond`;
    const frame = { title, partnership: await partnershipName(), path: `/public/consultations/${c.id}/respond`, scripts: [SCRIPT], before: back(`/public/consultations/${c.id}`, 'Back to the consultation') };
    return sendPublicPage(reply, frame, createElement(RespondPage, { consultation: await viewOf(context, c), aboutYou, ...props }) as ReactElement, status);
  };

  app.get<{ Params: { id: string }; Querystring: { resume?: string } }>('/consultations/:id/respond', async (request, reply) => {
    const c = await published(reply, request.params.id, `/public/consultations/${request.params.id}/respond`);
    if (!c) return reply;
    const token = typeof request.query.resume === 'string' && request.query.resume ? request.query.resume : undefined;
    if (!token || c.state !== 'open') {
      const lateDraft = token !== undefined && c.state === 'closed' && (await context.responses.resume(c.id, token).then(() => true, () => false));
      return respondPage(reply, c, { values: {}, problems: [], lateDraft });
    }
    try {
      const draft = await context.responses.resume(c.id, token);
      return respondPage(reply, c, { values: formFromResponse(c, draft), problems: [], resumeToken: token });
    } catch (error) {
      if (error instanceof EngageNotFoundError) return notFound(reply, await partnershipName(), `/public/consultations/${c.id}/respond`, error.message);
      throw error;
    }
  });

  app.post<{ Params: { id: string }; Body: FormBody }>('/consultations/:id/respond', submissionLimit(app, platform, 'consultation-response'), async (request, reply) => {
    const c = await published(reply, request.params.id, `/public/consultations/${request.params.id}/respond`);
    if (!c) return reply;
    const body = (request.body ?? {}) as FormBody;
    if (isHoneypotFilled(body)) return reply.redirect(`/public/consultations/${c.id}/thanks`, 303);
    const input = responseFromForm(c, body);
    const resume = typeof body.resume === 'string' && body.resume ? body.resume : undefined;
    const saving = body.action === 'save';
    if (c.state !== 'open') return respondPage(reply, c, { values: body, problems: [] }, 409);
    const { problems } = await context.responses.check(c, input, { partial: saving });
    if (problems.length) return respondPage(reply, c, { values: body, problems, resumeToken: resume }, 400);
    try {
      if (saving) {
        const saved = await context.responses.saveDraft(c.id, input, { resumeToken: resume });
        return respondPage(reply, c, { values: body, problems: [], resumeToken: saved.resumeToken, savedLink: saved.resumePath });
      }
      const { reference } = await context.responses.submit(c.id, input, { resumeToken: resume });
      return reply.redirect(`/public/consultations/${c.id}/thanks?reference=${encodeURIComponent(reference)}`, 303);
    } catch (error) {
      if (error instanceof EngageConflictError) return respondPage(reply, await context.consultations.get(c.id), { values: body, problems: [] }, 409);
      if (error instanceof EngageNotFoundError) return notFound(reply, await partnershipName(), `/public/consultations/${c.id}/respond`, error.message);
      throw error;
    }
  });

  app.get<{ Params: { id: string }; Querystring: { reference?: string } }>('/consultations/:id/thanks', async (request, reply) => {
    const c = await published(reply, request.params.id, `/public/consultations/${request.params.id}/thanks`);
    if (!c) return reply;
    const reference = typeof request.query.reference === 'string' && /^FP-C-\d{4}-[2-9A-Z]{8}$/.test(request.query.reference) ? request.query.reference : 'received';
    return sendPublicPage(reply, { title: `Response received: ${c.title}`, partnership: await partnershipName(), path: `/public/consultations/${c.id}/thanks` }, createElement(RespondedPage, { consultation: c, reference }));
  });
}
