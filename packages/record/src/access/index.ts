/** The record's access decision: scopes, the staff policy, the policy itself and its terms. */
export { AccessPolicy } from './policy';
export {
  INTERACTIONS,
  allows,
  formatScope,
  grantScopes,
  grantedTypes,
  parseScope,
  parseScopes,
  splitScopes,
  type Interaction,
  type ScopeContext,
  type ScopeGrant,
} from './scopes';
export { STAFF_ROLES, isStaffRole, staffAccess, staffContext, type StaffAccess, type StaffMember, type StaffRole } from './staff-policy';
export type { AccessRow, AccessTerm, AccessTermKind, TermHandlers } from './terms';
/** Constructors of access terms (`accessTerms.and(…)`, `accessTerms.compartment(id)`). */
export * as accessTerms from './terms';
export { compileTerm } from './term-sql';
export { evaluateTerm } from './term-evaluate';
export * from './trust-codes';
export { STAFF_ROLE_CODES, NATIONAL_RBAC_SYSTEM, FOOTPRINT_ROLE_SYSTEM } from './staff-policy';
export * from './relationships';
export { isSensitive, loadSensitiveCodes, sensitiveCodes } from './sensitivity';
export { BREAK_GLASS_ROLES, DEFAULT_BREAK_GLASS_HOURS } from './break-glass/roles';
export * from './break-glass/types';
export { consentImplication, type ConsentImplication } from './consent/implication';
export { accessMigrations } from './migrations';
export { isWorkflowTask, TASK_FINISHED_STATUSES, TASK_REASON_STATUSES, TASK_START_STATUSES, TASK_TRANSITIONS, type TaskParty, type TaskStatus } from './task-workflow';
export { dissentingChoice } from './consent/dissent';
export { sharingChoiceConsent, voluntarySharingConsent } from './consent/builders';
