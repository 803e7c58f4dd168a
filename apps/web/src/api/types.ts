import type { CaseFindingRuleSummary, InsightResult } from '@footprint/insight';

/** Shapes of the /api answers the web app reads. */
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

/**
 * Figures and the population and footprint answers come from the packages that define them
 * (type-only imports, erased from the bundle): insight's InsightResult and the server's response
 * types, which its routes are typed with.
 */

export type {
  CaseFindingAnswer,
  FootprintOverview,
  GroupLabels,
  InequalitiesAnswer,
  OrganisationSummary,
  PlaceDetail,
  PlaceSummary,
  PopulationCatalogue as Catalogue,
  PracticeDetail,
  PracticeSummary,
  PrevalenceAnswer,
  TrendAnswer,
} from '@footprint/server';
export type { BreakdownSummary, CaseFindingRuleSummary as CaseFindingRuleInfo, RegisterSummary as RegisterInfo, RegisterProfileRow as RegisterPrevalenceRow } from '@footprint/insight';

/** Every figure the API returns comes with its definition and the disclosure control applied. */
export type Figure<Row> = InsightResult<Row>;
export type Disclosure = Figure<unknown>['disclosure'];

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

export interface CareRecordSummary {
  patient: PersonMatch & { address: string | null; deceased: string | null; phone: string | null };
  problems: Array<{ id: string; display: string; code: string | null; status: string | null; onset: string | null; recorded: string | null; organisation: OrganisationRef | null }>;
  medications: Array<{ id: string; display: string; status: string | null; authoredOn: string | null; dosage: string | null; organisation: OrganisationRef | null }>;
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
  rules: CaseFindingRuleSummary[];
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
