import type { RetentionRun } from './retention';

/**
 * "Get in touch": what the public sends, and how staff handle it. An enquiry's personal data (the
 * name, the email address and the message) is kept only for the retention period after it is
 * closed; its facts (topic, dates, team, outcome) stay for reporting.
 */

/** What an enquiry can be about: the fixed list the form offers (id, then the words shown). */
export const ENQUIRY_TOPICS = [
  ['the-plan', 'Our plan and priorities'],
  ['consultation', 'A consultation'],
  ['service', 'A health or care service'],
  ['accessibility', 'Accessibility, or this information in another format'],
  ['something-else', 'Something else'],
] as const satisfies ReadonlyArray<readonly [string, string]>;
export type EnquiryTopic = (typeof ENQUIRY_TOPICS)[number][0];

/** How staff closed an enquiry (kept after retention removes the personal data). */
export const ENQUIRY_OUTCOMES = [
  ['answered', 'Answered'],
  ['referred', 'Referred to another organisation'],
  ['no-reply-needed', 'No reply needed'],
  ['not-for-us', 'Not for the partnership'],
  ['spam', 'Spam or abuse'],
] as const satisfies ReadonlyArray<readonly [string, string]>;
export type EnquiryOutcome = (typeof ENQUIRY_OUTCOMES)[number][0];

/** `new` until someone acts on it, `open` while being handled, `closed` with an outcome. */
export type EnquiryState = 'new' | 'open' | 'closed';
export const ENQUIRY_STATES: readonly EnquiryState[] = ['new', 'open', 'closed'];

/** What a member of the public sends, checked (enquiries/validate.ts). */
export interface EnquiryInput {
  topic: EnquiryTopic;
  message: string;
  name?: string;
  email?: string;
  /** They agreed to be contacted about the partnership's engagement on this topic. */
  consentToContact: boolean;
}

/** A team that handles enquiries (communications, patient experience, the place teams…). */
export interface EnquiryTeam {
  id: string;
  name: string;
  description: string;
}

/** The member of staff acting: their user id and name, as the history shows them. */
export interface EnquiryStaff {
  id: string;
  name: string;
}

export type EnquiryEventKind = 'received' | 'assigned' | 'replied' | 'noted' | 'closed' | 'reopened' | 'mail-sent' | 'mail-failed' | 'personal-data-removed';

/** One thing that happened to an enquiry: who (null for the public or the system), when, what. */
export interface EnquiryEvent {
  id: number;
  kind: EnquiryEventKind;
  at: string;
  by: EnquiryStaff | null;
  /** The team assigned, the outcome, the mail's error…, as the kind needs. */
  details: Record<string, string | number | boolean | null>;
  /** A reply's or a note's text (null once retention removed it). */
  body: string | null;
}

/** A reply by email on its way: pending until sent, failed (with the error) until a retry succeeds. */
export interface OutgoingMail {
  id: number;
  status: 'pending' | 'sent' | 'failed';
  recipient: string | null;
  subject: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  sentAt: string | null;
}

/** An enquiry as the inbox lists it. */
export interface EnquirySummary {
  reference: string;
  topic: EnquiryTopic;
  topicLabel: string;
  state: EnquiryState;
  team: EnquiryTeam | null;
  outcome: EnquiryOutcome | null;
  /** The start of the message (text), or null once removed. */
  excerpt: string | null;
  /** The sender's name, or null when they gave none (or it was removed). */
  name: string | null;
  hasEmail: boolean;
  receivedAt: string;
  updatedAt: string;
  closedAt: string | null;
  personalDataRemovedAt: string | null;
}

/** One enquiry in full: the message, the sender's details, the history and the outgoing mail. */
export interface Enquiry extends EnquirySummary {
  message: string | null;
  email: string | null;
  consentToContact: boolean;
  channel: 'web' | 'api';
  events: EnquiryEvent[];
  mail: OutgoingMail[];
}

export interface InboxFilter {
  state?: EnquiryState;
  team?: string;
}

export interface Inbox {
  enquiries: EnquirySummary[];
  /** Enquiries in each state (within the team filter), and all of them. */
  counts: Record<EnquiryState | 'all', number>;
  teams: EnquiryTeam[];
}

/** Whether replies can be emailed, as staff pages say it. */
export interface MailState {
  configured: boolean;
  /** `smtp://host:port`, or that email is not configured. */
  description: string;
  /** True when the mail goes to the demo's own sink (shown at /engage/mail). */
  demoSink: boolean;
}

/** GET /api/engage/enquiries: the inbox, the mail's state, the retention policy and the lists the page offers. */
export interface InboxAnswer extends Inbox {
  mail: MailState;
  retention: { days: number; lastRun: RetentionRun | null };
  topics: Array<{ id: string; label: string }>;
  outcomes: Array<{ id: string; label: string }>;
}

/** GET /api/engage/enquiries/:reference and every action's answer. */
export interface EnquiryAnswer {
  enquiry: Enquiry;
  teams: EnquiryTeam[];
  outcomes: Array<{ id: string; label: string }>;
  mail: MailState;
  /** The delivery just attempted (after a reply or a retry). */
  delivery?: { id: number; status: 'sent' | 'failed' | 'pending'; reason?: string };
}
