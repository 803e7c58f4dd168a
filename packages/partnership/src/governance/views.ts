import type { ActionStatus } from './vocabulary';
import type { Action, AgendaItem, Decision, GovernanceBody, GovernanceMember, Meeting, MeetingPaper, TermsOfReference } from './kinds';
import type { GovernanceOrganisation } from './organisations';

/**
 * The shapes the governance API answers (apps/server/src/api/partnership/governance*.ts) and the
 * web app reads (type-only). Every item carries its id and version (send the version back as
 * `ifVersion` to change it) and who changed it last.
 */
export interface Stamp {
  id: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}
export type Versioned<T> = T & Stamp;

export interface BodyRef {
  id: string;
  name: string;
}

export interface MeetingRef {
  id: string;
  title: string;
  date: string;
}

export interface MeetingSummary extends Versioned<Omit<Meeting, 'minutes'>> {
  title: string;
  statusLabel: string;
  hasMinutes: boolean;
}

export interface BodySummary extends Versioned<GovernanceBody> {
  typeLabel: string;
  frequencyLabel?: string;
  members: number;
  nextMeeting?: MeetingSummary;
  lastMeeting?: MeetingSummary;
  openActions: number;
  overdueActions: number;
}

/** GET /api/partnership/governance */
export interface GovernanceOverview {
  footprint: { onsCode: string; name: string };
  /** The date (Europe/London) "next" and "overdue" are reckoned from. */
  today: string;
  bodies: BodySummary[];
  nextMeetings: Array<MeetingSummary & { body: BodyRef }>;
  actions: { open: number; overdue: number };
}

export interface BodyMemberView extends Versioned<Omit<GovernanceMember, 'organisation'>> {
  organisation?: GovernanceOrganisation;
  membershipLabel: string;
  /** Whether today falls within its period. */
  current: boolean;
}

/** GET /api/partnership/governance/bodies/:id */
export interface BodyDetail {
  today: string;
  body: BodySummary;
  termsOfReference: Versioned<TermsOfReference> | null;
  members: BodyMemberView[];
  meetings: MeetingSummary[];
}

export interface AgendaItemView extends Versioned<AgendaItem> {
  purposeLabel?: string;
  /** The item's papers; `link` is where to open each (its link, or its uploaded file's address). */
  papers: Array<{ id: string; title: string; link: string }>;
}

export interface PaperView extends Versioned<MeetingPaper> {
  typeLabel: string;
  /** Where to open it: the link, or the uploaded file's address under /api. */
  href: string;
}

export interface DecisionView extends Versioned<Decision> {
  statusLabel: string;
  agendaItem?: { id: string; title: string; order: number };
}

export interface ActionOwnerView {
  organisation?: GovernanceOrganisation;
  role?: string;
  person?: string;
  /** How the owner reads in one line: "Chief Executive, Wirral Council". */
  label: string;
}

export interface ActionView extends Versioned<Omit<Action, 'owner'>> {
  owner: ActionOwnerView;
  statusLabel: string;
  /** Open or in progress with its due date before today: computed, never stored. */
  overdue: boolean;
  body: BodyRef;
  meeting: MeetingRef;
  decision?: { id: string; reference?: string; text: string };
}

/** GET /api/partnership/governance/meetings/:id */
export interface MeetingDetail {
  today: string;
  body: BodyRef;
  meeting: Versioned<Meeting> & { title: string; statusLabel: string };
  agenda: AgendaItemView[];
  papers: PaperView[];
  decisions: DecisionView[];
  actions: ActionView[];
}

export interface ActionLogFilter {
  status?: ActionStatus[];
  /** Matches the owner's organisation (id or ODS code exactly, or part of its name), role or person. */
  owner?: string;
  overdue?: boolean;
  /** A governance body's id. */
  body?: string;
}

/** GET /api/partnership/governance/actions */
export interface ActionLog {
  today: string;
  filter: ActionLogFilter;
  actions: ActionView[];
  bodies: BodyRef[];
  statuses: Vocabulary;
}

export type Vocabulary = ReadonlyArray<{ code: string; label: string }>;

/** GET /api/partnership/governance/options: who a member or an action's owner may be, and the codes each field takes. */
export interface GovernanceOptions {
  organisations: GovernanceOrganisation[];
  vocabulary: {
    bodyTypes: Vocabulary;
    meetingFrequencies: Vocabulary;
    memberships: Vocabulary;
    meetingStatuses: Vocabulary;
    agendaPurposes: Vocabulary;
    paperTypes: Vocabulary;
    decisionStatuses: Vocabulary;
    actionStatuses: Vocabulary;
  };
}
