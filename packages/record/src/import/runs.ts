import type { SqlClient } from '../db/sql-client';

/** A validation or parse failure, located precisely enough to fix the source file. */
export interface ImportFailure {
  file: string;
  /** NDJSON line number (1-based). */
  line?: number;
  /** Bundle entry index (0-based, as in `Bundle.entry[3]`). */
  entry?: number;
  /** The element path (FHIRPath) the problem is at, when known. */
  path?: string;
  message: string;
}

export interface ImportCounts {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/** What the Data Feeds page shows for one file imported once. */
export interface ImportRun extends ImportCounts {
  id: string;
  path: string;
  fileName: string;
  fileSize: number;
  sha256: string;
  format: string;
  /** The contributing organisation named for the whole import (e.g. an ODS code), if any. */
  organisation?: string;
  status: 'running' | 'completed' | 'failed';
  startedAt: string;
  updatedAt: string;
  finishedAt?: string;
  /** Records (lines or entries) durably processed; an interrupted run resumes after this. */
  position: number;
  /** Per contributing organisation: resources read and failed. */
  organisations: Record<string, { read: number; failed: number }>;
  /** Resources read per resource type. */
  resourceTypes: Record<string, number>;
  /** The first failures (the count is in `failed`). */
  failures: ImportFailure[];
  error?: string;
}

interface RunRow {
  id: string;
  path: string;
  file_name: string;
  file_size: string;
  file_sha256: string;
  format: string;
  organisation: string | null;
  status: ImportRun['status'];
  started_at: string;
  updated_at: string;
  finished_at: string | null;
  position: string;
  byte_offset: string;
  read_count: number;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  failed_count: number;
  organisations: unknown;
  resource_types: unknown;
  failures: unknown;
  error: string | null;
  [key: string]: unknown;
}

const columns = `id::text AS id, path, file_name, file_size::text AS file_size, file_sha256, format, organisation, status,
  to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS started_at,
  to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at,
  to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS finished_at,
  position::text AS position, byte_offset::text AS byte_offset, read_count, created_count, updated_count, unchanged_count,
  failed_count, organisations, resource_types, failures, error`;

const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

function toRun(row: RunRow): ImportRun & { byteOffset: number } {
  return {
    id: row.id,
    path: row.path,
    fileName: row.file_name,
    fileSize: Number(row.file_size),
    sha256: row.file_sha256,
    format: row.format,
    ...(row.organisation ? { organisation: row.organisation } : {}),
    status: row.status,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    ...(row.finished_at ? { finishedAt: row.finished_at } : {}),
    position: Number(row.position),
    byteOffset: Number(row.byte_offset),
    read: row.read_count,
    created: row.created_count,
    updated: row.updated_count,
    unchanged: row.unchanged_count,
    failed: row.failed_count,
    organisations: json(row.organisations),
    resourceTypes: json(row.resource_types),
    failures: json(row.failures),
    ...(row.error ? { error: row.error } : {}),
  };
}

/** Import runs, newest first, for the Data Feeds page and `footprint import --list`. */
export async function listImportRuns(sql: SqlClient, options: { limit?: number; status?: ImportRun['status'] } = {}): Promise<ImportRun[]> {
  const { rows } = await sql.query<RunRow>(
    `SELECT ${columns} FROM import_run WHERE ($1::text IS NULL OR status = $1) ORDER BY started_at DESC, id DESC LIMIT $2`,
    [options.status ?? null, options.limit ?? 100],
  );
  return rows.map((r) => {
    const { byteOffset: _omit, ...run } = toRun(r);
    return run;
  });
}

/** The latest run of a file with this content, if any. */
export async function latestRun(sql: SqlClient, sha256: string): Promise<(ImportRun & { byteOffset: number }) | undefined> {
  const { rows } = await sql.query<RunRow>(`SELECT ${columns} FROM import_run WHERE file_sha256 = $1 ORDER BY id DESC LIMIT 1`, [sha256]);
  return rows[0] ? toRun(rows[0]) : undefined;
}

export async function startRun(
  sql: SqlClient,
  file: { path: string; fileName: string; size: number; sha256: string; format: string; organisation?: string },
): Promise<ImportRun & { byteOffset: number }> {
  const { rows } = await sql.query<RunRow>(
    `INSERT INTO import_run (path, file_name, file_size, file_sha256, format, organisation, status)
     VALUES ($1, $2, $3, $4, $5, $6, 'running') RETURNING ${columns}`,
    [file.path, file.fileName, file.size, file.sha256, file.format, file.organisation ?? null],
  );
  return toRun(rows[0]);
}

/** Marks an interrupted or failed run as running again, from where it stopped. */
export async function reopenRun(sql: SqlClient, id: string, path: string): Promise<void> {
  await sql.query(`UPDATE import_run SET status = 'running', path = $2, error = NULL, finished_at = NULL, updated_at = now() WHERE id = $1`, [id, path]);
}

export interface RunProgress extends ImportCounts {
  position: number;
  byteOffset: number;
  organisations: ImportRun['organisations'];
  resourceTypes: ImportRun['resourceTypes'];
  failures: ImportFailure[];
}

/** Saves a run's progress after a batch is committed. */
export async function saveProgress(sql: SqlClient, id: string, p: RunProgress): Promise<void> {
  await sql.query(
    `UPDATE import_run SET position = $2, byte_offset = $3, read_count = $4, created_count = $5, updated_count = $6,
       unchanged_count = $7, failed_count = $8, organisations = $9::jsonb, resource_types = $10::jsonb, failures = $11::jsonb, updated_at = now()
     WHERE id = $1`,
    [id, p.position, p.byteOffset, p.read, p.created, p.updated, p.unchanged, p.failed, JSON.stringify(p.organisations), JSON.stringify(p.resourceTypes), JSON.stringify(p.failures)],
  );
}

export async function finishRun(sql: SqlClient, id: string, status: 'completed' | 'failed', error?: string): Promise<void> {
  await sql.query(`UPDATE import_run SET status = $2, error = $3, finished_at = now(), updated_at = now() WHERE id = $1`, [id, status, error ?? null]);
}
