import type { PersonalDataKind, PersonalDataSpan } from './detect';

/** Why a moderator redacted a span. */
export const REDACTION_REASONS = ['personal-data', 'offensive', 'staff', 'other'] as const;
export type RedactionReason = (typeof REDACTION_REASONS)[number];

/** The reason in words: what the public reads in place of the span ("[redacted: personal data]"). */
export const REDACTION_REASON_WORDS: Record<RedactionReason, string> = {
  'personal-data': 'personal data',
  offensive: 'offensive',
  staff: 'identifies a member of staff',
  other: 'other',
};

export type ModerationStatus = 'pending' | 'approved' | 'rejected';

/** One redaction: a span of the original answer, why, and (when the moderator accepted a flag) the kind the detector gave it. */
export interface Redaction {
  start: number;
  end: number;
  reason: RedactionReason;
  kind: PersonalDataKind | null;
  at: string;
  by: string;
}

/** One entry of an item's audit, oldest first. */
export interface ModerationEvent {
  action: 'redacted' | 'approved' | 'rejected';
  at: string;
  by: string;
  start?: number;
  end?: number;
  reason?: RedactionReason;
  kind?: PersonalDataKind | null;
  note?: string;
}

/** A free-text answer awaiting (or past) moderation, as a moderator sees it. */
export interface ModerationItem {
  id: number;
  consultationId: string;
  /** The response's public id (never its reference). */
  responsePublicId: string;
  questionId: string;
  questionTitle: string;
  /** The answer as written (never changed). */
  text: string;
  /** What the detector flags in it. */
  flags: PersonalDataSpan[];
  redactions: Redaction[];
  /** The text as it would be (or is) published: each redacted span replaced by "[redacted: reason]". */
  publishedText: string;
  status: ModerationStatus;
  decidedAt: string | null;
  decidedBy: string | null;
  rejectReason: string | null;
  history: ModerationEvent[];
}

/** One consultation's line in the moderation queue. */
export interface ModerationQueueEntry {
  consultationId: string;
  title: string;
  pending: number;
  approved: number;
  rejected: number;
}

/** An approved comment as the public reads it. */
export interface PublishedComment {
  responsePublicId: string;
  questionId: string;
  text: string;
}
