import type { FastifyInstance, FastifyReply } from 'fastify';
import { createElement } from 'react';
import { buildConsultationReport, EngageNotFoundError, renderConsultationReportHtml, renderConsultationReportPdf, ResultsStore, summariseQuestion, type ConsultationResults } from '@footprint/engage';
import { ResultsNotPublished, ResultsPage } from '@footprint/web/public';
import type { Platform } from '../../platform';
import { footprintFacts } from '../../api/engage/results';
import { sendPublicPage } from './render';

type Id = { Params: { id: string } };

/**
 * A consultation's published results for the public, under /public (no sign-in, no script):
 *   GET /public/consultations/:id/results       the page: charts with tables, comments, who responded, "we asked, you said, we did"
 *   GET /public/consultations/:id/report.html   the consultation report, one self-contained HTML file
 *   GET /public/consultations/:id/report.pdf    the same report as a PDF (the same bytes for the same results)
 * Each answers 404 while the results are not published.
 */
export async function resultsPages(app: FastifyInstance, platform: Platform): Promise<void> {
  const store = new ResultsStore(platform.sql);

  async function published(id: string, reply: FastifyReply, partnership: string): Promise<ConsultationResults | undefined> {
    try {
      return await store.published(id, (await footprintFacts(platform)).placeNames);
    } catch (error) {
      if (!(error instanceof EngageNotFoundError)) throw error;
      sendPublicPage(reply, { title: 'Results not published', partnership, path: `/public/consultations/${id}/results` }, createElement(ResultsNotPublished, { id }), 404);
      return undefined;
    }
  }

  app.get<Id>('/consultations/:id/results', async (request, reply) => {
    const { partnership } = await footprintFacts(platform);
    const results = await published(request.params.id, reply, partnership);
    if (!results) return reply;
    const summaries = results.questions.map(summariseQuestion);
    const before = createElement('nav', { className: 'nhsuk-back-link', 'aria-label': 'Back' }, createElement('a', { className: 'nhsuk-back-link__link', href: `/public/consultations/${encodeURIComponent(results.consultation.id)}` }, 'Back to the consultation'));
    return sendPublicPage(reply, { title: `Results: ${results.consultation.title}`, partnership, path: request.url.split('?')[0]!, before }, createElement(ResultsPage, { results, summaries }));
  });

  app.get<Id>('/consultations/:id/report.html', async (request, reply) => {
    const { partnership } = await footprintFacts(platform);
    const results = await published(request.params.id, reply, partnership);
    if (!results) return reply;
    const report = buildConsultationReport(results);
    return reply
      .type('text/html; charset=utf-8')
      .header('content-disposition', `attachment; filename="consultation-report-${results.consultation.id}.html"`)
      .header('etag', `"${report.digest}"`)
      .send(renderConsultationReportHtml(report, partnership));
  });

  app.get<Id>('/consultations/:id/report.pdf', async (request, reply) => {
    const { partnership } = await footprintFacts(platform);
    const results = await published(request.params.id, reply, partnership);
    if (!results) return reply;
    const report = buildConsultationReport(results);
    const pdf = await renderConsultationReportPdf(report, partnership);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="consultation-report-${results.consultation.id}.pdf"`).header('etag', `"${report.digest}"`).send(pdf);
  });
}
