/**
 * @footprint/cohort: a typed cohort language over the warehouse, compiled through a query model
 * to SQL for DuckDB or PostgreSQL, or evaluated by an in-memory reference engine.
 */
export { CohortError } from './errors';
export type * from './model/nodes';
export { nodeKey } from './model/keys';
export {
  Series,
  days,
  months,
  years,
  age_on,
  value,
  when,
  case_,
  any_of,
  all_of,
  type PatientSeries,
  type EventSeries,
  type BooleanSeries,
  type Dimension,
  type Operand,
  type Duration,
  type CodeSource,
} from './language/series';
export { patientTable, eventTable, type PatientFrame, type EventFrame, type SortedEventFrame, type Columns } from './language/frames';
export { Dataset, create_dataset } from './language/dataset';
export { codelist, codelist_from_csv, parseCodelistCsv, parseCsv, type Codelist } from './language/codelist';
export { define_measure, monthly_intervals, INTERVAL, type MeasureDefinition } from './language/measure';
export { applyDisclosureControl, controlCount, resolveDisclosure, DEFAULT_DISCLOSURE, type DisclosureOptions } from './measures/disclosure';
export type { CohortEngine, Row, MeasureRow } from './engines/engine';
export { SqlEngine } from './engines/sql-engine';
export { DuckDbEngine, openDuckDbEngine, type DuckDbEngineOptions } from './engines/duckdb';
export { PostgresEngine, type PostgresQueryable, type PostgresEngineOptions } from './engines/postgres';
export { InMemoryEngine, type InMemoryEngineOptions } from './engines/in-memory';
export { SqlCompiler, type CompiledQuery, type CompilerOptions } from './sql/compiler';
export { DuckDbCompiler } from './sql/duckdb-compiler';
export { PostgresCompiler } from './sql/postgres-compiler';
export { patients, clinical_events, medications, encounters, social_care } from './tables';
export { RunnerEngine, createSqlEngine, type SqlRunner, type SqlDialectName } from './engines/runner-engine';
export { loadDefinition, outputFormat, writeCsv, writeParquet, type Definition } from './output';
