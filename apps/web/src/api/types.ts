/** Shapes of the /api answers the web app reads. They mirror apps/server/src/api. */
export type Capability = 'overview' | 'population' | 'care-record' | 'worklist' | 'feeds';

export interface SignedInUser {
  username: string;
  displayName: string;
  role: string;
  roleLabel: string;
  organisation: { code: string; name: string } | null;
  capabilities: Capability[];
}

export interface SessionInfo {
  user: SignedInUser;
  csrfToken: string;
}

export interface DemoUser {
  username: string;
  password: string;
  role: string;
  roleLabel: string;
  displayName: string;
  organisation: { code: string; name: string } | null;
}

export interface Disclosure {
  threshold: number;
  rounding: number;
}

/** Every figure the API returns comes with its definition and the disclosure control applied. */
export interface Figure<Row> {
  rows: Row[];
  definition: string;
  disclosure: Disclosure;
  asAt: string;
}

export interface PlaceSummary {
  code: string;
  name: string;
  /** Registered population (disclosure-controlled). */
  population: number | null;
  practices: number;
}

export interface OrganisationSummary {
  code: string;
  name: string;
  kind: string;
  kindLabel: string;
  placeCode: string | null;
}

export interface FootprintOverview {
  name: string;
  places: PlaceSummary[];
  organisations: OrganisationSummary[];
  population: Figure<{ group: string | null; list_size: number | null }>;
  pyramid: Figure<{ age_band: string; sex: string; people: number | null }>;
  deprivation: Figure<{ imd_decile: number | null; core20: boolean; people: number | null }>;
}

export interface PracticeSummary {
  code: string;
  name: string;
  listSize: number | null;
}

export interface RegisterPrevalenceRow {
  register: string;
  name: string;
  register_count: number | null;
  list_size: number | null;
  prevalence_per_1000: number | null;
}

export interface PlaceDetail {
  place: { code: string; name: string };
  practices: PracticeSummary[];
  organisations: OrganisationSummary[];
  prevalence: Figure<RegisterPrevalenceRow>;
}

export interface PracticeDetail {
  practice: { code: string; name: string };
  place: { code: string; name: string } | null;
  prevalence: Figure<RegisterPrevalenceRow>;
  caseFinding: Figure<{ rule: string; name: string; flagged: number | null; population: number | null }>;
  /** True when the signed-in user works at this practice and may open its worklist. */
  worklistAvailable: boolean;
}

export interface RegisterInfo {
  id: string;
  name: string;
  definition: string;
}

export interface CaseFindingRuleInfo {
  id: string;
  name: string;
  definition: string;
  clinicalBasis: string;
}

export interface Catalogue {
  registers: RegisterInfo[];
  rules: CaseFindingRuleInfo[];
  breakdowns: Array<{ id: string; name: string }>;
}

/** Group codes (place, practice) with their display names. */
export type GroupLabels = Record<string, string>;

export interface PrevalenceAnswer {
  figure: Figure<{ group: string | null; register_count: number | null; list_size: number | null; prevalence_per_1000: number | null }>;
  labels: GroupLabels;
}

export interface CaseFindingAnswer {
  figure: Figure<{ rule: string; group: string | null; flagged: number | null; population: number | null }>;
  labels: GroupLabels;
}

export interface InequalitiesAnswer {
  rates: Figure<{
    group: string | null;
    observed: number | null;
    population: number | null;
    crude_rate: number | null;
    dsr: number | null;
    dsr_lower: number | null;
    dsr_upper: number | null;
  }>;
  sii: Figure<{ sii: number | null; sii_lower: number | null; sii_upper: number | null }>;
  labels: GroupLabels;
}

export interface TrendAnswer {
  figure: Figure<{
    interval_start: string;
    interval_end: string;
    group: string | null;
    numerator: number | null;
    denominator: number | null;
    rate_per_1000: number | null;
  }>;
  labels: GroupLabels;
}

export interface OrganisationRef {
  code: string | null;
  name: string;
}

export interface PersonMatch {
  id: string;
  name: string;
  nhsNumber: string | null;
  birthDate: string | null;
  gender: string | null;
  postcode: string | null;
  practice: OrganisationRef | null;
}

/** A medicine in the care record: its issues grouped, with the latest issue's details. */
export interface MedicineSummary {
  key: string;
  display: string;
  code: string | null;
  dosage: string | null;
  status: string | null;
  issues: number;
  firstIssued: string | null;
  lastIssued: string | null;
  prescriber: OrganisationRef | null;
}

export interface CareRecordSummary {
  patient: PersonMatch & { address: string | null; deceased: string | null; phone: string | null };
  problems: Array<{ id: string; display: string; code: string | null; status: string | null; onset: string | null; recorded: string | null; organisation: OrganisationRef | null }>;
  /** One row per medicine (grouped issues), current apart from past. */
  medications: { current: MedicineSummary[]; past: MedicineSummary[] };
  allergies: Array<{ id: string; display: string; criticality: string | null; reaction: string | null; recorded: string | null; organisation: OrganisationRef | null }>;
  results: Array<{ id: string; display: string; value: string; date: string | null; organisation: OrganisationRef | null }>;
  encounters: Array<{ id: string; start: string | null; end: string | null; description: string; setting: string; organisation: OrganisationRef | null }>;
  organisations: Array<OrganisationRef & { items: number }>;
  /** How many items of each kind exist beyond those shown. */
  truncated: Record<string, boolean>;
}

export interface WorklistEntry {
  patientId: string;
  name: string;
  nhsNumber: string | null;
  birthDate: string | null;
  rule: string;
  ruleName: string;
  evidence: string;
}

export interface Worklist {
  practice: { code: string; name: string };
  asAt: string;
  rules: CaseFindingRuleInfo[];
  entries: WorklistEntry[];
  /** People flagged in the warehouse who could not be matched to a current record (e.g. since moved practice). */
  unmatched: number;
}

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

export interface FeedsView {
  runs: ImportRunView[];
  organisations: Array<OrganisationRef & { kindLabel: string; resources: number; patients: number; lastReceived: string | null; runs: number; failures: number }>;
}
