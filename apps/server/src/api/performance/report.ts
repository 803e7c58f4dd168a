import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  BoardReportInputError,
  MaturityAssessmentStore,
  PublishedRatingStore,
  buildBoardReport,
  gatherBoardReportInputs,
  renderBoardReportPdf,
  reportPeriodOrLatest,
  type BoardReport,
} from '@footprint/performance';
import { Governance, placesOn } from '@footprint/partnership';
import { requireSession } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { ApiProblem } from '../problem';
import type { PerformanceContext } from './context';

type Query = { Querystring: Record<string, unknown> };

/** "Cheshire and Merseyside" → "cheshire-and-merseyside", for file names. */
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'footprint';

/**
 * The board report for a month (capability `performance`):
 *   GET /api/performance/report?period=YYYY-MM       the report as JSON (the page renders it)
 *   GET /api/performance/report.pdf?period=YYYY-MM   the same report as a PDF (pdfkit, no browser)
 * Without `period`, the newest month with indicator values. The same period and data give the
 * same report: the PDF is byte-identical (docs/performance.md §7).
 */
export async function reportRoutes(app: FastifyInstance, context: PerformanceContext, policy: SessionPolicy): Promise<void> {
  const read = requireSession(context.platform.sql, policy, 'performance');
  const published = new PublishedRatingStore(context.platform.sql);
  const assessments = new MaturityAssessmentStore(context.platform.sql);

  async function reportFor(request: FastifyRequest<Query>): Promise<BoardReport> {
    const asked = request.query.period;
    if (Array.isArray(asked)) throw new ApiProblem(400, 'Invalid period', 'period: give it once, as YYYY-MM');
    try {
      const period = await reportPeriodOrLatest(context.values, asked);
      const footprint = await context.footprint();
      const { places } = await placesOn(context.partnership, footprint.onsCode);
      const governance = new Governance(context.partnership, context.platform.record, footprint, context.platform.sql);
      const inputs = await gatherBoardReportInputs(
        {
          values: context.values,
          partnership: context.partnership,
          governance,
          published,
          assessments,
          footprint: { code: footprint.onsCode, name: footprint.name, places: places.map((p) => ({ code: p.data.code, name: p.data.name })) },
        },
        period,
      );
      return buildBoardReport(inputs);
    } catch (error) {
      if (error instanceof BoardReportInputError) throw new ApiProblem(400, 'Invalid period', error.message);
      throw error;
    }
  }

  app.get<Query>('/performance/report', { preHandler: read }, async (request): Promise<BoardReport> => reportFor(request));

  app.get<Query>('/performance/report.pdf', { preHandler: read }, async (request, reply) => {
    const report = await reportFor(request);
    const pdf = await renderBoardReportPdf(report);
    const name = `board-report-${slug(report.footprint.name)}-${report.period}.pdf`;
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}"`).header('etag', `"${report.digest}"`).send(pdf);
  });
}
