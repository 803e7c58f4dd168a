import type { BreakGlassReason } from '../trust-codes';

/** A clinician's request to break glass on one person's record. */
export interface BreakGlassRequest {
  patientId: string;
  reason: BreakGlassReason;
  /** Why, in the clinician's words (required, at most EXPLANATION_MAX characters). */
  explanation: string;
  /** How long the grant lasts, in hours (default DEFAULT_BREAK_GLASS_HOURS). */
  hours?: number;
}

/** A break-glass grant as the clinician sees it. */
export interface BreakGlassGrant {
  id: string;
  patientId: string;
  reason: BreakGlassReason;
  grantedAt: string;
  expires: string;
  /** True when the person's sharing choice would have kept this user's organisation out. */
  overridesDissent: boolean;
}

export type BreakGlassReviewStatus = 'open' | 'reviewed' | 'closed';
export type BreakGlassReviewOutcome = 'appropriate' | 'inappropriate';
export const BREAK_GLASS_REVIEW_STATUSES: readonly BreakGlassReviewStatus[] = ['open', 'reviewed', 'closed'];
export const BREAK_GLASS_REVIEW_OUTCOMES: readonly BreakGlassReviewOutcome[] = ['appropriate', 'inappropriate'];
export const EXPLANATION_MAX = 2000;
export const REVIEW_NOTE_MAX = 2000;

/** One break-glass in the privacy officer's queue: who, why and when, but not yet whose record. */
export interface BreakGlassReviewSummary {
  id: string;
  user: { id: string; display: string | null; role: string };
  organisation: { reference: string; odsCode: string | null };
  reason: BreakGlassReason;
  explanation: string;
  grantedAt: string;
  expires: string;
  overridesDissent: boolean;
  status: BreakGlassReviewStatus;
  review: {
    outcome: BreakGlassReviewOutcome | null;
    note: string | null;
    reviewedBy: string | null;
    reviewedAt: string | null;
    closedBy: string | null;
    closedAt: string | null;
  };
}

/** One break-glass opened by its reviewer: the summary and the person, by NHS number (the opening is audited). */
export interface BreakGlassReview extends BreakGlassReviewSummary {
  person: { patientId: string; nhsNumber: string | null };
}

export interface BreakGlassReviewDecision {
  outcome: BreakGlassReviewOutcome;
  note: string;
}
