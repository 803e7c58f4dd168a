import type { InsightResult } from '@footprint/insight';

/**
 * Shapes of the /api answers the web app reads, imported (type-only, erased from the bundle) from
 * the packages that define them, so the server and the web cannot drift apart.
 */
export type { Capability, DemoUserCredentials as DemoUser, OrganisationRef, SignedInUser } from '@footprint/server';
export type { AccountList, AccountWithTemporaryPassword, RoleDescription, SignInOptions, StaffAccount } from '@footprint/server';
export type { CorrectionRequestView, StaffCorrectionView, StaffCorrectionsAnswer } from '@footprint/server';
export type { AccessLog, AccessLogEntry, DemoCitizen, DemoIdentities, DemoStaffIdentity, MyChoices, MyRecord, PatientSessionInfo } from '@footprint/server';
export type { BreakGlassAnswer, BreakGlassReasons, BreakGlassReviewList, BreakGlassReviewView, EmergencyAccessView } from '@footprint/server';
export type { AccessBurstView, AccessMatchView, AuditActorView, AuditEntryView, AuditSearchAnswer, AuditSearchOptions, UnusualAccessAnswer } from '@footprint/server';
import type { SignedInUser } from '@footprint/server';

/** One of the signed-in user's sessions (GET /api/sessions). */
export interface SessionSummary {
  id: string;
  current: boolean;
  userAgent: string | null;
  address: string | null;
  signedInAt: string;
  lastActiveAt: string;
  expiresAt: string;
}

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
  PersonMatch,
  PersonSearchAnswer,
  MedicineSummary,
  CareRecordSummary,
  WorklistEntry,
  Worklist,
  ImportRunView,
  FeedsView,
  DuplicatesView,
  DuplicatePairView,
  DuplicateRecordView,
} from '@footprint/server';
export type { BreakdownSummary, CaseFindingRuleSummary as CaseFindingRuleInfo, RegisterSummary as RegisterInfo, RegisterProfileRow as RegisterPrevalenceRow } from '@footprint/insight';

/** Every figure the API returns comes with its definition and the disclosure control applied. */
export type Figure<Row> = InsightResult<Row>;
export type Disclosure = Figure<unknown>['disclosure'];
