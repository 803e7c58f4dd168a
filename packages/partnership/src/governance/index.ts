/** The partnership's governance: bodies, members, terms of reference, meetings, agendas, papers, decisions and actions. */
export * from './kinds';
export * from './vocabulary';
export type * from './views';
export { Governance } from './governance';
export { GOVERNANCE_CHILDREN, GOVERNANCE_SEGMENTS, type GovernanceSegment } from './segments';
export { PartnershipOrganisations, type GovernanceOrganisation } from './organisations';
export { ACTION_LOG_COLUMNS, actionLogCsv, filterActions, parseActionLogQuery } from './actions';
export { isActionOverdue, versioned as versionedItem } from './snapshot';
export { labelOf, type OrganisationRef } from './fields';
export { seedDemoGovernance, DEMO_GOVERNANCE_FOOTPRINT } from './demo';
export { ILLUSTRATIVE } from './demo-bodies';
export { DOCUMENT_CONTENT_TYPES, DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, findDocument, paperHref, storeDocument, type DocumentInfo } from './documents';
export { loadTestPartnership } from './test-fixture';
