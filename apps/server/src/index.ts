/**
 * @footprint/server: the HTTP composition of Footprint (FHIR R4 API, OAuth2, the web app's API
 * and the web app itself), built from a Platform by the CLI.
 */
export { buildServer, DEFAULT_BODY_LIMIT, SERVER_VERSION, type ServerOptions } from './app';
export type { Platform } from './platform';
export type * from './api/responses';
export type * from './corrections/responses';
export type { DuplicatesView, DuplicatePairView, DuplicateRecordView } from './api/routes/duplicates';
export type * from './api/privacy/views';
export type { PartnershipFootprintAnswer } from './api/partnership/overview'; // part E
export type { BoundaryCollection, DistrictBoundary } from './public/boundaries'; // part E
export type { BreakGlassAnswer, BreakGlassReasons, EmergencyAccessView } from './api/care-record/break-glass';
export { createClient, authenticateClient, disableClient, findClient, listClients, type NewClient, type OAuthClient } from './auth/clients';
export { registerSmartApp, listSmartApps, disableSmartApp, findSmartApp, DEFAULT_APP_SCOPES, type SmartApp, type NewSmartApp } from './auth/smart/apps';
export { ensureAdministratorClient, readStoredCredentials, ADMINISTRATOR_SCOPES, CREDENTIALS_FILE, type StoredCredentials } from './auth/administrator';
export { loadSigningKey, SIGNING_KEY_FILE } from './auth/signing-key';
export { mintAccessToken, verifyAccessToken, InvalidTokenError, ACCESS_TOKEN_LIFETIME_SECONDS, type AccessTokenClaims, type MintOptions, type MintedToken, type TokenIdentity } from './auth/tokens';
export { SigningKeys, rotateSigningKey, describeSigningKeys, SIGNING_KEYS_FILE, MAX_ACCESS_TOKEN_LIFETIME_SECONDS } from './auth/keys';
export { TokenService } from './auth/token-service';
export { revokeAccessToken, isRevoked } from './auth/revocation';
export { configuredPublicBase, tokenIdentity, type PublicBase } from './http/public-base';
export { grantScopes, parseScope } from '@footprint/record';
export { serverMigrations } from './db/migrations';
export { platformMigrations, serverMigrationSets } from './migrations';
export { webMigrations } from './api/auth/migrations';
export { seedDemoUsers, readDemoUsers, type DemoUserCredentials } from './api/demo-users';
export { seedPartnershipDemo } from './api/partnership/seed';
export { seedPerformanceDemo } from './api/performance/seed';
export { seedEngagementDemo } from './api/engage/seed';
export { partnerKind } from './api/partner-organisations';
export type { OrganisationDetailResponse, OrganisationDirectoryResponse } from './api/partnership/organisations';
export {
  addAccount,
  disableAccount,
  enableAccount,
  listAccounts,
  requireAccount,
  resetPassword,
  setRole,
  ROLE_DESCRIPTIONS,
  parseRole,
  type StaffAccount,
  type NewAccount,
  type RoleDescription,
} from './api/accounts';
export { ApiProblem } from './api/problem';
export { localPasswordsFromEnvironment } from './api/auth/local-passwords';
export { findStaffUser, upsertUser, type StaffUser } from './api/auth/users';
export { capabilitiesOf } from './api/auth/roles';
export type { ImportAnswer } from './api/partnership/export';
export { DEFAULT_WEB_DIST } from './web';
export { buildWeb, webBuildIsFresh, WEB_APP_ROOT } from './web-build';
export { seedDemoIdentities, readDemoIdentities, DEMO_IDENTITIES_FILE, type DemoIdentities, type DemoCitizen, type DemoStaffIdentity } from './identity/demo-accounts';
export { identityMigrations } from './identity/migrations';
export type { AccessLog, AccessLogEntry, MyChoices, MyRecord, PatientSessionInfo } from './patient';
/** The logger test servers use, so the suite's log scan reads what they write (see tools/log-scan). */
export { testLogger } from './test-logger';
export type { ReferralOptionsResponse, TaskDetailResponse } from './api/coordination/referrals';
export type { DirectoryOptions } from './api/coordination/social-prescribing';
export type { DirectoryService, WellbeingView } from '@footprint/coordination';
export type { Worklist as CoordinationWorklist, WorklistItem as CoordinationWorklistItem } from '@footprint/coordination';
export type { MeetingSuggestions, MeetingSummary, MeetingView, CarePlanTemplate, CarePlanSummary } from '@footprint/coordination';
export type { CarePlanResponse } from './api/coordination/care-plan-names';
export { seedCoordinationDemo } from './api/coordination/seed';
export { seedMeetingsDemo } from './api/coordination/seed-meetings';
export { seedCarePlansDemo } from './api/coordination/seed-care-plans';
export { seedSocialPrescribingDemo } from './api/coordination/seed-social-prescribing';
export { sendSocialPrescribingFigures } from './api/coordination/figures';
