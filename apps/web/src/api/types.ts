import type { CaseFindingRuleSummary, InsightResult } from '@footprint/insight';

/**
 * Shapes of the /api answers the web app reads, imported (type-only, erased from the bundle) from
 * the packages that define them. The care record, worklist and feeds answers are still written out
 * below until their routes export named types.
 */
export type { Capability, DemoUserCredentials as DemoUser, OrganisationRef, SignedInUser } from '@footprint/server';
import type { OrganisationRef, SignedInUser } from '@footprint/server';

export interface SessionInfo {
  user: SignedInUser;
  csrfToken: string;
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
