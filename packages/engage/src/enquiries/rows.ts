import { ENQUIRY_TOPICS, type Enquiry, type EnquiryEvent, type EnquiryEventKind, type EnquiryOutcome, type EnquiryState, type EnquirySummary, type EnquiryTopic, type OutgoingMail } from './types';

/** How the store reads rows of engage_enquiry (with its team), engage_enquiry_event and engage_mail_outbox. */
export interface EnquiryRow extends Record<string, unknown> {
  id: string | number;
  reference: string;
  topic: EnquiryTopic;
  message: string | null;
  name: string | null;
  email: string | null;
  consent_to_contact: boolean;
  channel: 'web' | 'api';
  state: EnquiryState;
  team_id: string | null;
  team_name: string | null;
  team_description: string | null;
  outcome: EnquiryOutcome | null;
  received_at: Date | string;
  updated_at: Date | string;
  closed_at: Date | string | null;
  personal_data_removed_at: Date | string | null;
}

export interface EventRow extends Record<string, unknown> {
  id: string | number;
  kind: EnquiryEventKind;
  at: Date | string;
  by_id: string | null;
  by_name: string | null;
  details: EnquiryEvent['details'];
  body: string | null;
}

export interface MailRow extends Record<string, unknown> {
  id: string | number;
  status: OutgoingMail['status'];
  recipient: string | null;
  subject: string;
  attempts: number;
  last_error: string | null;
  created_at: Date | string;
  last_attempt_at: Date | string | null;
  sent_at: Date | string | null;
}

export const ENQUIRY_SELECT = `SELECT e.*, t.name AS team_name, t.description AS team_description FROM engage_enquiry e LEFT JOIN engage_team t ON t.id = e.team_id`;

const iso = (value: Date | string): string => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : iso(value));
const EXCERPT = 140;

/** The words shown for a topic id. */
export const topicLabel = (topic: string): string => ENQUIRY_TOPICS.find(([id]) => id === topic)?.[1] ?? topic;

export function summaryOf(r: EnquiryRow): EnquirySummary {
  const text = r.message === null ? null : [...r.message];
  return {
    reference: r.reference,
    topic: r.topic,
    topicLabel: topicLabel(r.topic),
    state: r.state,
    team: r.team_id ? { id: r.team_id, name: r.team_name ?? r.team_id, description: r.team_description ?? '' } : null,
    outcome: r.outcome,
    excerpt: text === null ? null : text.length > EXCERPT ? `${text.slice(0, EXCERPT).join('')}…` : text.join(''),
    name: r.name,
    hasEmail: r.email !== null,
    receivedAt: iso(r.received_at),
    updatedAt: iso(r.updated_at),
    closedAt: isoOrNull(r.closed_at),
    personalDataRemovedAt: isoOrNull(r.personal_data_removed_at),
  };
}

export function enquiryOf(r: EnquiryRow, events: EventRow[], mail: MailRow[]): Enquiry {
  return {
    ...summaryOf(r),
    message: r.message,
    email: r.email,
    consentToContact: r.consent_to_contact,
    channel: r.channel,
    events: events.map((e) => ({ id: Number(e.id), kind: e.kind, at: iso(e.at), by: e.by_id ? { id: e.by_id, name: e.by_name ?? e.by_id } : null, details: e.details ?? {}, body: e.body })),
    mail: mail.map((m) => ({ id: Number(m.id), status: m.status, recipient: m.recipient, subject: m.subject, attempts: m.attempts, lastError: m.last_error, createdAt: iso(m.created_at), lastAttemptAt: isoOrNull(m.last_attempt_at), sentAt: isoOrNull(m.sent_at) })),
  };
}
