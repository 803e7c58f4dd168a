/** Bulk import of NDJSON and Bundle files (`footprint import`). */
export { importFiles, type FileImportResult, type ImportOptions, type ImportProgress, type ImportResult } from './import-files';
export { importMigrations } from './migrations';
export { listImportRuns, type ImportCounts, type ImportFailure, type ImportRun } from './runs';
export { findSourceFiles, formatOf, type SourceFile } from './sources';
export { uuidV5, contentId } from './identity';
