/** The answers of the privacy officer's audit search and unusual-access report, as the web app reads them. */

/** Whose audit the privacy officer may see: their organisation's, or (for the partnership's officer) the whole footprint's. */
export interface PrivacyScopeView {
  kind: 'organisation' | 'footprint';
  organisation: { code: string | null; name: string } | null;
}

/** Who acted in one audited interaction. */
export interface AuditActorView {
  kind: 'staff' | 'system' | 'person' | 'platform';
  id: string | null;
  name: string;
  role: string | null;
  roleLabel: string | null;
}

/** One AuditEvent as the privacy officer's search shows it: who, what, when, why and the outcome. */
export interface AuditEntryView {
  id: string;
  when: string;
  who: AuditActorView;
  organisation: { code: string | null; name: string } | null;
  /** What was done, in words (e.g. "Viewed an entry", "Searched", "Role changed"). */
  action: string;
  /** The kinds of entry touched (Patient, Condition…) or the account changed; never the query's values. */
  touched: string[];
  /** The people whose records were touched, by NHS number (null when the record has none). */
  people: Array<{ nhsNumber: string | null }>;
  purpose: { code: string; label: string };
  breakGlass: boolean;
  outcome: { code: string; label: string };
}

export interface AuditSearchAnswer {
  scope: PrivacyScopeView;
  entries: AuditEntryView[];
  /** Pass as `before` for the next (older) page; absent on the last page. */
  next?: string;
  pageSize: number;
}

/** What the search form offers: the staff and organisations in the officer's scope, and the purposes of use. */
export interface AuditSearchOptions {
  scope: PrivacyScopeView;
  users: Array<{ id: string; name: string; roleLabel: string; organisation: string | null }>;
  organisations: Array<{ id: string; code: string; name: string }>;
  purposes: Array<{ code: string; label: string }>;
}

/** A member of staff who opened many people's records in a short time. */
export interface AccessBurstView {
  user: AuditActorView;
  organisation: { code: string | null; name: string } | null;
  /** The busiest window: when it started, the last opening in it, and how many different people. */
  from: string;
  to: string;
  people: number;
}

/** A member of staff who opened the record of someone who may be a colleague, or shares their surname. */
export interface AccessMatchView {
  user: AuditActorView;
  organisation: { code: string | null; name: string } | null;
  person: { nhsNumber: string | null };
  /** For a colleague: the staff account whose name matches the person's (may be the user themselves). */
  colleague?: { name: string; isUser: boolean };
  first: string;
  last: string;
  times: number;
}

export interface UnusualAccessAnswer {
  scope: PrivacyScopeView;
  period: { from: string; to: string };
  thresholds: { people: number; minutes: number };
  bursts: AccessBurstView[];
  colleagues: AccessMatchView[];
  surnames: AccessMatchView[];
}
