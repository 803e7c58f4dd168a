/**
 * Care coordination across organisations (docs/coordination.md): shared care plans, team
 * meetings, referrals and tasks between partners, social prescribing and notifications. Everything
 * a person's care is made of is FHIR in the shared care record, written through the record's
 * Repository with the caller's AccessContext, so the trust layer (care relationships, the
 * person's sharing choice, audit) decides every action.
 */
export { coordinationMigrationSets } from './migrations';
export * from './referrals';
export * from './meetings';
export * from './care-plans';
export { CoordinationConflictError, CoordinationInputError, CoordinationNotFoundError } from './errors';
export * from './notifications';
export * from './social-prescribing';
