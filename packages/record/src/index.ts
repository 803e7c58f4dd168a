/**
 * @footprint/record: the shared care record on PostgreSQL (embedded PGlite by default, a server
 * with DATABASE_URL): versioned FHIR resources, search compiled to SQL, history, the change
 * feed, one access policy (SMART scopes and the staff policy) compiled to SQL, and an append-only audit trail.
 */
export type * from './repository';
export type { AccessContext, Principal, PurposeOfUse } from './access-context';
export { systemContext } from './access-context';
export type { Migration, QueryOptions, SqlClient } from './db/sql-client';
export { createRecord, resolveDataDir, type OpenRecord, type RecordConfig } from './create-record';
export { pendingMigrations, recordMigrationSets, runMigrationSets, type MigrationSet } from './migrations/registry';
export { defaultPoolSize } from './db/pg-client';
export { PostgresRepository } from './repo/postgres-repository';
export * from './access';
export { parseIfMatch } from './repo/write-ops';
export { CONTRIBUTOR_EXTENSION, contributingOrganisation, writerOf } from './store/provenance';
export { latestChangeSeq } from './store/change-lock';
export { anyCurrent } from './store/current';
export { processBundle, parseQuery } from './bundle';
export * from './import';
export { ACCOUNT_CHANGES, ACCOUNT_CHANGE_SYSTEM, buildAccountEvent, writeAccountEvent, type AccountChange, type AccountEventFacts } from './audit/account-event';
export { writeAudit } from './audit/write';
export type { AuditFacts } from './audit/audit-event';
export * from './match';
export { requireRecordIntegrity } from './access/record-integrity';
export * from './audit/chain';
export { makeTreePrivate, preparePrivateDataDir } from './db/private-dir';
export { applicationRoleProblem, grantApplicationRole } from './db/roles';
export { SqlError } from './db/sql-error';
