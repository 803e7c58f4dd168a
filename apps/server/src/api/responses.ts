import type { FootprintStatus } from '@footprint/partnership';
import type {
  BreakdownSummary,
  CaseFindingRow,
  CaseFindingRuleId,
  CaseFindingRuleSummary,
  DeprivationRow,
  FigureSummary,
  InsightResult,
  PrevalenceRow,
  PyramidRow,
  RegisterProfileRow,
  RegisterSummary,
  SiiRow,
  StandardisedRateRow,
  TrendRow,
} from '@footprint/insight';
import type { OrganisationRef } from './care-record/organisations';
import type { MedicationList } from './care-record/medications';
import type { describeUser } from './routes/session';

export type { Capability } from './auth/roles';
export type { StaffAccount, RoleDescription } from './accounts';
export type { AccountList, AccountWithTemporaryPassword } from './routes/users';
export type { SignInOptions } from './routes/session';
export type { OrganisationRef } from './care-record/organisations';
export type { MedicineSummary, MedicationList } from './care-record/medications';

/** The signed-in user as GET /api/session describes them. */
export type SignedInUser = ReturnType<typeof describeUser>;

/**
 * The bodies of the population and footprint answers under /api. The routes are typed with them
 * and the web app imports them (type-only), so the two cannot drift apart.
 */

/** Group codes (places, practices, deciles, Core20…) with how each reads, from insight's vocabulary. */
export type GroupLabels = Record<string, string>;

/** GET /api/population/catalogue */
export interface PopulationCatalogue {
  registers: RegisterSummary[];
  rules: CaseFindingRuleSummary[];
  breakdowns: BreakdownSummary[];
  figures: FigureSummary[];
}

/** GET /api/population/prevalence */
export interface PrevalenceAnswer {
  figure: InsightResult<PrevalenceRow>;
  labels: GroupLabels;
}

/** GET /api/population/case-finding */
export interface CaseFindingAnswer {
  figure: InsightResult<CaseFindingRow>;
  labels: GroupLabels;
}

/** GET /api/population/inequalities */
export interface InequalitiesAnswer {
  rates: InsightResult<StandardisedRateRow>;
  sii: InsightResult<SiiRow>;
  labels: GroupLabels;
}

/** GET /api/population/trends */
export interface TrendAnswer {
  figure: InsightResult<TrendRow>;
  labels: GroupLabels;
}

/** An organisation as the footprint pages list it. */
export interface OrganisationSummary {
  code: string;
  name: string;
  kind: string;
  kindLabel: string;
  placeCode: string | null;
}

export interface PlaceSummary {
  code: string;
  name: string;
  /** Registered population (disclosure-controlled). */
  population: number | null;
  practices: number;
}

/** The running footprint as the partnership register has it today. */
export interface FootprintIdentity {
  /** ONS code (E54000008). */
  code: string;
  odsCode?: string;
  name: string;
  status?: FootprintStatus;
  statusSince?: string;
}

/** GET /api/footprint */
export interface FootprintOverview {
  name: string;
  /** From the register (name, codes, status); null while it holds no places for a partnership body in the record, when name and places come from the warehouse. */
  identity: FootprintIdentity | null;
  places: PlaceSummary[];
  organisations: OrganisationSummary[];
  population: InsightResult<{ group: string | null; list_size: number | null }>;
  pyramid: InsightResult<PyramidRow>;
  deprivation: InsightResult<DeprivationRow>;
}

export interface PracticeSummary {
  code: string;
  name: string;
  listSize: number | null;
}

/** GET /api/footprint/places/:code */
export interface PlaceDetail {
  place: { code: string; name: string };
  practices: PracticeSummary[];
  organisations: OrganisationSummary[];
  prevalence: InsightResult<RegisterProfileRow>;
}

/** GET /api/footprint/practices/:code */
export interface PracticeDetail {
  practice: { code: string; name: string };
  place: { code: string; name: string } | null;
  prevalence: InsightResult<RegisterProfileRow>;
  caseFinding: InsightResult<{ rule: CaseFindingRuleId; name: string; flagged: number | null; population: number | null }>;
  /** True when the signed-in user works at this practice and may open its worklist. */
  worklistAvailable: boolean;
}

/**
 * The care record, worklist and feeds answers: identifiable, so every one of them is sent with
 * `Cache-Control: no-store` and read through the record as the signed-in user (audited).
 */

/** A person found by POST /api/care-record/search. */
export interface PersonMatch {
  id: string;
  name: string;
  nhsNumber: string | null;
  birthDate: string | null;
  gender: string | null;
  postcode: string | null;
  practice: OrganisationRef | null;
}

/** POST /api/care-record/search */
export interface PersonSearchAnswer {
  people: PersonMatch[];
}

/** GET /api/care-record/patients/:id */
export interface CareRecordSummary {
  /** Set while the user holds a break-glass grant for this person: the record is shown under emergency access. */
  emergencyAccess: import('./care-record/break-glass').EmergencyAccessView | null;
  patient: PersonMatch & { address: string | null; deceased: string | null; phone: string | null };
  problems: Array<{ id: string; display: string; code: string | null; status: string | null; onset: string | null; recorded: string | null; organisation: OrganisationRef | null }>;
  /** One row per medicine (grouped issues), current apart from past. */
  medications: MedicationList;
  allergies: Array<{ id: string; display: string; criticality: string | null; reaction: string | null; recorded: string | null; organisation: OrganisationRef | null }>;
  results: Array<{ id: string; display: string; value: string; date: string | null; organisation: OrganisationRef | null }>;
  encounters: Array<{ id: string; start: string | null; end: string | null; description: string; setting: string; organisation: OrganisationRef | null }>;
  /** What team meetings decided about the person (Communications marked with the meeting), newest first. */
  meetingOutcomes: Array<{ id: string; date: string | null; meeting: string; summary: string; actions: number; organisation: OrganisationRef | null }>;
  organisations: Array<OrganisationRef & { items: number }>;
  /** How many items of each kind exist beyond those shown. */
  truncated: Record<string, boolean>;
}

/** One flagged person on a practice worklist. */
export interface WorklistEntry {
  patientId: string;
  name: string;
  nhsNumber: string | null;
  birthDate: string | null;
  rule: string;
  ruleName: string;
  evidence: string;
}

/** GET /api/worklist */
export interface Worklist {
  practice: { code: string; name: string };
  asAt: string;
  rules: CaseFindingRuleSummary[];
  entries: WorklistEntry[];
  /** People flagged in the warehouse who could not be matched to a current record (e.g. since moved practice). */
  unmatched: number;
}

/** One import into the record, as the feeds page shows it. */
export interface ImportRunView {
  id: string;
  organisation: OrganisationRef | null;
  source: string;
  startedAt: string | null;
  finishedAt: string | null;
  status: string;
  received: number;
  stored: number;
  failed: number;
  failures: Array<{ location: string; message: string }>;
}

/** GET /api/feeds */
export interface FeedsView {
  runs: ImportRunView[];
  organisations: Array<OrganisationRef & { kindLabel: string; resources: number; patients: number; lastReceived: string | null; runs: number; failures: number }>;
}
