import { BREAK_GLASS_REASON_LABELS, type BreakGlassReview, type BreakGlassReviewSummary } from '@footprint/record';
import { isRole, ROLE_LABELS } from '../auth/roles';
import type { PartnerOrganisation } from '../partner-organisations';

/** One break-glass as the privacy officer's page shows it. */
export interface BreakGlassReviewView {
  id: string;
  user: { id: string; name: string; role: string; roleLabel: string };
  organisation: { code: string | null; name: string };
  reason: string;
  reasonLabel: string;
  explanation: string;
  grantedAt: string;
  expires: string;
  overridesDissent: boolean;
  status: 'open' | 'reviewed' | 'closed';
  review: BreakGlassReviewSummary['review'];
  /** Only once the review is opened (the opening is audited): whose record it was. */
  person?: { nhsNumber: string | null };
}

export interface BreakGlassReviewList {
  reviews: BreakGlassReviewView[];
}

/** The review in the page's words: role and reason labels, the organisation's name from the record. */
export function reviewView(review: BreakGlassReviewSummary | BreakGlassReview, partners: readonly PartnerOrganisation[]): BreakGlassReviewView {
  const id = /Organization\/([^/]+)$/.exec(review.organisation.reference)?.[1];
  const partner = partners.find((p) => p.id === id);
  return {
    id: review.id,
    user: { id: review.user.id, name: review.user.display ?? review.user.id, role: review.user.role, roleLabel: isRole(review.user.role) ? ROLE_LABELS[review.user.role] : review.user.role },
    organisation: { code: partner?.code ?? review.organisation.odsCode, name: partner?.name ?? review.organisation.reference },
    reason: review.reason,
    reasonLabel: BREAK_GLASS_REASON_LABELS[review.reason] ?? review.reason,
    explanation: review.explanation,
    grantedAt: review.grantedAt,
    expires: review.expires,
    overridesDissent: review.overridesDissent,
    status: review.status,
    review: review.review,
    ...('person' in review ? { person: { nhsNumber: review.person.nhsNumber } } : {}),
  };
}
export type * from './audit-views';
