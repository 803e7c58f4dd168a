import type { FastifyInstance, FastifyRequest } from 'fastify';
import { decideMatchReview, listMatchReviews, MATCH_REVIEW_STATUSES, readMatchReview, type DemographicSummary, type MatchReviewStatus, type ReviewedPair } from '@footprint/record';
import type { Platform } from '../../platform';
import { requireSession, sessionOf } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { staffContext } from '../context';
import { listPartnerOrganisations, type PartnerOrganisation } from '../partner-organisations';
import { ApiProblem } from '../problem';

/** One record of a suspected pair, with organisation references named. */
export interface DuplicateRecordView extends Omit<DemographicSummary, 'recordedBy' | 'registeredPractice'> {
  recordedBy?: string;
  registeredPractice?: string;
}

export interface DuplicatePairView extends Omit<ReviewedPair, 'patient' | 'candidate'> {
  patient: DuplicateRecordView | null;
  candidate: DuplicateRecordView | null;
}

export interface DuplicatesView {
  status: MatchReviewStatus | 'all';
  pairs: DuplicatePairView[];
}

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const ACTIONS = ['confirm', 'not-duplicate', 'reopen', 'merge', 'unmerge'] as const;
type DuplicateAction = (typeof ACTIONS)[number];

function named(reference: string | undefined, partners: PartnerOrganisation[]): string | undefined {
  if (!reference) return undefined;
  const id = /Organization\/([^/]+)$/.exec(reference)?.[1];
  const partner = partners.find((p) => p.id === id);
  return partner ? `${partner.name} (${partner.code})` : reference;
}

function recordView(summary: DemographicSummary | null, partners: PartnerOrganisation[]): DuplicateRecordView | null {
  if (!summary) return null;
  const { recordedBy, registeredPractice, ...rest } = summary;
  const view: DuplicateRecordView = { ...rest };
  const by = named(recordedBy, partners);
  const practice = named(registeredPractice, partners);
  if (by) view.recordedBy = by;
  if (practice) view.registeredPractice = practice;
  return view;
}

function pairView(pair: ReviewedPair, partners: PartnerOrganisation[]): DuplicatePairView {
  return { ...pair, patient: recordView(pair.patient, partners), candidate: recordView(pair.candidate, partners) };
}

function reviewId(request: FastifyRequest<{ Params: { id: string } }>): string {
  const { id } = request.params;
  if (!FHIR_ID.test(id)) throw new ApiProblem(400, 'Not a review', `"${id}" is not the id of a review in the queue`);
  return id;
}

/** The survivor of a merge from the body: `keep` names which of the pair's two records stays. */
function survivor(body: unknown, pair: ReviewedPair): { sourceId: string; targetId: string } {
  const keep = (body as { keep?: unknown } | undefined)?.keep;
  if (keep !== pair.patientId && keep !== pair.candidateId) {
    throw new ApiProblem(400, 'Say which record to keep', `"keep" must be one of the pair's two records: ${pair.patientId} or ${pair.candidateId}`);
  }
  return { targetId: keep, sourceId: keep === pair.patientId ? pair.candidateId : pair.patientId };
}

/**
 * The administrator's review queue of suspected duplicates (capability `duplicates`):
 * GET /api/duplicates[?status=…] lists pairs with both records' demographics side by side, GET
 * /api/duplicates/:id one pair, and POST /api/duplicates/:id with `{"action": …}` confirms,
 * marks not-duplicate, reopens, merges (`keep` names the surviving record) or unmerges. Every
 * decision is the record's (match/), acting for operations (HOPERAT), and audited there.
 */
export async function duplicateRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy): Promise<void> {
  const guard = requireSession(platform.sql, policy, 'duplicates');

  app.get<{ Querystring: { status?: string } }>('/duplicates', { preHandler: guard }, async (request): Promise<DuplicatesView> => {
    const status = request.query.status ?? 'pending';
    if (status !== 'all' && !(MATCH_REVIEW_STATUSES as readonly string[]).includes(status)) {
      throw new ApiProblem(400, 'Unknown status', `status must be all or one of ${MATCH_REVIEW_STATUSES.join(', ')}`);
    }
    const ctx = staffContext(sessionOf(request).user, 'HOPERAT', request);
    const [pairs, partners] = await Promise.all([
      listMatchReviews(platform.sql, ctx, status === 'all' ? {} : { status: status as MatchReviewStatus }),
      listPartnerOrganisations(platform.record),
    ]);
    return { status: status as DuplicatesView['status'], pairs: pairs.map((p) => pairView(p, partners)) };
  });

  app.get<{ Params: { id: string } }>('/duplicates/:id', { preHandler: guard }, async (request): Promise<DuplicatePairView> => {
    const ctx = staffContext(sessionOf(request).user, 'HOPERAT', request);
    const [pair, partners] = await Promise.all([readMatchReview(platform.sql, ctx, reviewId(request)), listPartnerOrganisations(platform.record)]);
    return pairView(pair, partners);
  });

  app.post<{ Params: { id: string } }>('/duplicates/:id', { preHandler: guard }, async (request): Promise<DuplicatePairView> => {
    const id = reviewId(request);
    const action = (request.body as { action?: unknown } | undefined)?.action;
    if (!(ACTIONS as readonly unknown[]).includes(action)) throw new ApiProblem(400, 'Unknown action', `action must be one of ${ACTIONS.join(', ')}`);
    const ctx = staffContext(sessionOf(request).user, 'HOPERAT', request);
    const pair = await readMatchReview(platform.sql, ctx, id);
    switch (action as DuplicateAction) {
      case 'confirm':
        await decideMatchReview(platform.sql, ctx, id, 'confirmed-duplicate');
        break;
      case 'not-duplicate':
        await decideMatchReview(platform.sql, ctx, id, 'not-duplicate');
        break;
      case 'reopen':
        await decideMatchReview(platform.sql, ctx, id, 'pending');
        break;
      case 'merge':
        await platform.record.merge(ctx, survivor(request.body, pair));
        break;
      case 'unmerge':
        if (!pair.merged) throw new ApiProblem(409, 'Not merged', 'These two records are not merged');
        await platform.record.unmerge(ctx, pair.merged);
        break;
    }
    const [updated, partners] = await Promise.all([readMatchReview(platform.sql, ctx, id), listPartnerOrganisations(platform.record)]);
    return pairView(updated, partners);
  });
}
