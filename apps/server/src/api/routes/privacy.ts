import type { FastifyInstance } from 'fastify';
import { BREAK_GLASS_REVIEW_OUTCOMES, BREAK_GLASS_REVIEW_STATUSES, type BreakGlassReviewOutcome, type BreakGlassReviewStatus } from '@footprint/record';
import type { Platform } from '../../platform';
import { requireSession, sessionOf } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { staffContext } from '../context';
import { listPartnerOrganisations } from '../partner-organisations';
import { privacyAuditRoutes } from '../privacy';
import { reviewView, type BreakGlassReviewList, type BreakGlassReviewView } from '../privacy/views';
import { ApiProblem } from '../problem';

const REVIEW_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function reviewId(id: string): string {
  if (!REVIEW_ID.test(id)) throw new ApiProblem(400, 'Invalid review id', 'A review id is a UUID.');
  return id;
}

/**
 * The privacy officer's break-glass reviews (capability `privacy-reviews`): the queue of their
 * organisation's break-glass (GET /api/privacy/reviews?status=open|reviewed|closed), one review
 * opened (its person disclosed by NHS number, audited), the finding (POST …/review with outcome
 * and note) and closing (POST …/close). The record decides and audits; errors are problem+json.
 * The same area holds the audit search and the unusual-access report (privacy/routes.ts).
 */
export async function privacyRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy): Promise<void> {
  const guard = requireSession(platform.sql, policy, 'privacy-reviews');
  const { record } = platform;
  const context = (request: Parameters<typeof sessionOf>[0]) => staffContext(sessionOf(request).user, 'HOPERAT', request);
  await privacyAuditRoutes(app, platform, policy);

  app.get<{ Querystring: Record<string, unknown> }>('/privacy/reviews', { preHandler: guard }, async (request): Promise<BreakGlassReviewList> => {
    const status = request.query.status;
    if (status !== undefined && (typeof status !== 'string' || !(BREAK_GLASS_REVIEW_STATUSES as readonly string[]).includes(status))) {
      throw new ApiProblem(400, 'Invalid status', `status must be one of ${BREAK_GLASS_REVIEW_STATUSES.join(', ')}.`);
    }
    const [reviews, partners] = await Promise.all([
      record.breakGlassReviews(context(request), status ? { status: status as BreakGlassReviewStatus } : {}),
      listPartnerOrganisations(record),
    ]);
    return { reviews: reviews.map((r) => reviewView(r, partners)) };
  });

  app.get<{ Params: { id: string } }>('/privacy/reviews/:id', { preHandler: guard }, async (request): Promise<BreakGlassReviewView> => {
    const review = await record.openBreakGlassReview(context(request), reviewId(request.params.id));
    return reviewView(review, await listPartnerOrganisations(record));
  });

  app.post<{ Params: { id: string }; Body: unknown }>('/privacy/reviews/:id/review', { preHandler: guard }, async (request): Promise<BreakGlassReviewView> => {
    const id = reviewId(request.params.id);
    const body = request.body;
    if (!body || typeof body !== 'object') throw new ApiProblem(400, 'Send the review as a JSON object', 'It needs outcome and note.');
    const { outcome, note } = body as Record<string, unknown>;
    if (typeof outcome !== 'string' || !(BREAK_GLASS_REVIEW_OUTCOMES as readonly string[]).includes(outcome)) {
      throw new ApiProblem(400, 'Choose an outcome', `outcome must be one of ${BREAK_GLASS_REVIEW_OUTCOMES.join(', ')}.`);
    }
    if (typeof note !== 'string' || note.trim() === '') throw new ApiProblem(400, 'Write a note', 'A review needs a note saying what was found.');
    const review = await record.reviewBreakGlass(context(request), id, { outcome: outcome as BreakGlassReviewOutcome, note });
    return reviewView(review, await listPartnerOrganisations(record));
  });

  app.post<{ Params: { id: string } }>('/privacy/reviews/:id/close', { preHandler: guard }, async (request): Promise<BreakGlassReviewView> => {
    const review = await record.closeBreakGlassReview(context(request), reviewId(request.params.id));
    return reviewView(review, await listPartnerOrganisations(record));
  });
}
