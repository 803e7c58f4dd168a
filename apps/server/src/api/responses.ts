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
import type { describeUser } from './routes/session';

export type { Capability } from './auth/roles';
export type { OrganisationRef } from './care-record/organisations';

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

/** GET /api/footprint */
export interface FootprintOverview {
  name: string;
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
