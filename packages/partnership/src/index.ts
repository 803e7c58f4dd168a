/**
 * @footprint/partnership: the partnership's register (every footprint of England with its
 * history; the running footprint's places, delivery systems, member organisations, alliances and
 * governance) and its plan (priorities, programmes, milestones, risks, ambitions). See docs/partnership.md.
 */
export { PartnershipProblem } from './errors';
export { partnershipMigrationSets } from './migrations';
export { PartnershipStore, PLATFORM_EDITOR, changedFields, validateItem, type Editor, type Item, type ItemChange, type ItemVersion } from './store/items';
export { itemKind, itemKinds, registerItemKinds, type ItemKind } from './store/kinds';
export { inPeriod, isCalendarDate, isoDate, odsCode, onsCode, period, text, todayInEngland, type Period } from './store/fields';
export { membersOn, organisationByOnsCode, ONS_SYSTEM, ORGANISATION_KIND_SYSTEM, type MemberOrganisation } from './organisations/members';
export { PARTNERSHIP_ROLES, PARTNERSHIP_ROLE_SYSTEM, isPartnershipRole, partnershipRoleLabel, type PartnershipRoleCode } from './organisations/roles';
export { runningFootprint, type RunningFootprint } from './organisations/running';
export type * from './register/public-types';
export { DEMO_SEEDS, seedDemoPartnership, type DemoSeed, type DemoSeedContext } from './demo/seed';
export { neutralise, readCsv, unneutralise, writeCsv, type CsvRow } from './csv/csv';
export * from './register';
export { organisationDirectory, checkDirectoryQuery, type DirectoryQuery, type OrganisationDirectoryView, type OrganisationSummary } from './organisations/directory';
export { organisationDetail, type MembershipView, type OrganisationDetail, type OrganisationRef, type OrganisationVersionView } from './organisations/detail';
export { addMembership, changeMembership, endMembership, membershipChange, membershipEnd, newMembership, parseBody, type EditOptions } from './organisations/edits';
export { registerContext, REGISTER_EDITOR_EXTENSION, versionAuthor } from './organisations/register-context';
export { exportRegisterCsv, registerRows, REGISTER_COLUMNS, type RegisterRow } from './organisations/register-csv';
export { importRegisterCsv, checkRegisterCsv, type RegisterImportReport } from './organisations/register-import';
// D: the plan.
export * from './plan';
export { decodeCell, encodeCell, flattenData, unflattenData, META_COLUMNS } from './csv/cells';
export { exportItemsCsv, kindNamed } from './csv/items-csv';
export { importItemsCsv, MAX_IMPORT_ROWS, type ImportCounts } from './csv/import';
export { fieldChanges, humaniseField, readableValue } from './history/diff';
export { itemHistory, recentChangesView, summaryOf, type RoleLabel } from './history/views';
export { registerPartnershipKinds } from './history/all-kinds';
export type * from './history/types';
export * from './governance';
