/**
 * The warehouse's standard tables (docs/warehouse-tables.md is the contract the cohort language
 * and insight build on). Every patient-level table carries `patient_key`; the many-row tables
 * also carry `resource_key`, a keyed pseudonym of the source resource, so an incremental refresh
 * can replace exactly the rows of a changed or deleted resource.
 */
export type ColumnType = 'VARCHAR' | 'DATE' | 'DOUBLE' | 'INTEGER' | 'BIGINT';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
}

export interface TableSpec {
  name: WarehouseTableName;
  columns: ColumnSpec[];
  /** Rows belong to one patient (removed when the patient opts out). */
  perPatient: boolean;
  /** Rows come from one resource each and carry resource_key. */
  keyedByResource: boolean;
  /** The warehouse's own working table, not part of the contract in docs/warehouse-tables.md. */
  internal?: boolean;
}

export type WarehouseTableName =
  | 'patients'
  | 'clinical_events'
  | 'medications'
  | 'encounters'
  | 'social_care'
  | 'organisations'
  | 'places'
  | 'warehouse_encounter_diagnoses'
  | 'warehouse_death_causes';

const v = (name: string): ColumnSpec => ({ name, type: 'VARCHAR' });
const d = (name: string): ColumnSpec => ({ name, type: 'DATE' });

export const tables: Record<WarehouseTableName, TableSpec> = {
  patients: {
    name: 'patients',
    perPatient: true,
    keyedByResource: false,
    columns: [
      v('patient_key'), v('sex'), d('date_of_birth'), v('ethnicity'), v('ethnicity_code'), v('lsoa_code'),
      { name: 'imd_decile', type: 'INTEGER' }, v('place_code'), v('practice_code'), v('pcn_code'), d('date_of_death'), v('death_cause_code'),
    ],
  },
  clinical_events: {
    name: 'clinical_events',
    perPatient: true,
    keyedByResource: true,
    columns: [v('patient_key'), d('date'), v('system'), v('code'), { name: 'numeric_value', type: 'DOUBLE' }, v('unit'), v('source'), v('organisation_code'), { name: 'resource_key', type: 'BIGINT' }],
  },
  medications: {
    name: 'medications',
    perPatient: true,
    keyedByResource: true,
    columns: [v('patient_key'), d('date'), v('system'), v('code'), v('status'), v('organisation_code'), { name: 'resource_key', type: 'BIGINT' }],
  },
  encounters: {
    name: 'encounters',
    perPatient: true,
    keyedByResource: true,
    columns: [v('patient_key'), d('start_date'), d('end_date'), v('setting'), v('class_code'), v('type_code'), v('organisation_code'), v('diagnosis_code'), { name: 'resource_key', type: 'BIGINT' }],
  },
  social_care: {
    name: 'social_care',
    perPatient: true,
    keyedByResource: true,
    columns: [v('patient_key'), d('date'), v('kind'), v('code'), v('organisation_code'), { name: 'resource_key', type: 'BIGINT' }],
  },
  organisations: {
    name: 'organisations',
    perPatient: false,
    keyedByResource: false,
    columns: [v('organisation_code'), v('name'), v('kind'), v('place_code'), v('parent_code')],
  },
  places: {
    name: 'places',
    perPatient: false,
    keyedByResource: false,
    columns: [v('place_code'), v('name'), v('footprint_id'), v('delivery_system')],
  },

  warehouse_encounter_diagnoses: {
    name: 'warehouse_encounter_diagnoses',
    perPatient: true,
    keyedByResource: true,
    internal: true,
    columns: [v('patient_key'), { name: 'encounter_key', type: 'BIGINT' }, v('code'), { name: 'resource_key', type: 'BIGINT' }],
  },
  warehouse_death_causes: {
    name: 'warehouse_death_causes',
    perPatient: true,
    keyedByResource: true,
    internal: true,
    columns: [v('patient_key'), d('date'), v('code'), { name: 'resource_key', type: 'BIGINT' }],
  },
};

/** Every table the loader writes, the contract's and its own. */
export const tableList: TableSpec[] = Object.values(tables);

/** The contract's tables (docs/warehouse-tables.md), for readers. */
export const contractTables: TableSpec[] = tableList.filter((t) => !t.internal);

/** A row ready for a table: values in the table's column order. */
export type TableRow = unknown[];
