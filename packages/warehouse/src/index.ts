/**
 * @footprint/warehouse: the pseudonymised analysis tables (docs/warehouse-tables.md) built from the
 * shared care record through the standard SQL-on-FHIR ViewDefinitions, into DuckDB or PostgreSQL.
 */
export { buildWarehouse, buildWarehouseFromNdjson, startWarehouseBuild, type NdjsonWarehouseOptions, type RecordWarehouseOptions, type WarehouseBuilder, type WarehouseOptions } from './build';
export { refreshWarehouse } from './refresh';
export { openWarehouse, type Warehouse } from './open';
export { WarehouseHandle, openWarehouseHandle, type WarehouseHandleOptions } from './handle';
export { readReferenceData, type ReferenceData, type WarehouseOrganisation, type WarehousePlace } from './reference-reads';
export { ORGANISATION_KINDS, ORGANISATION_KIND_CODES, organisationKindLabel, organisationKindForCode, type OrganisationKind } from './organisation-kinds';
export type { WarehouseProgress, ProgressListener, WarehouseRunResult } from './progress';
export { createEngine, engineNames, DuckDbEngine, PostgresEngine, WarehouseNotBuiltError, type EngineName, type WarehouseConnection, type WarehouseEngine } from './engines';
export { tables, tableList, contractTables, type TableSpec, type WarehouseTableName } from './tables';
export { loadWarehouseKey, Pseudonymiser } from './pseudonym';
export { standardViews } from './standard-views';
export type { WarehouseMeta } from './meta';
