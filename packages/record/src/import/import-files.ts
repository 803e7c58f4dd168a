import path from 'node:path';
import { OperationOutcomeError, type Resource } from '@footprint/fhir';
import type { AccessContext } from '../access-context';
import { findMatches, resolveConditionalReference } from '../bundle/resolve';
import type { SqlClient } from '../db/sql-client';
import type { Repository } from '../repository';
import { settleBundleIdentities } from './bundle-identities';
import { fileSha256 } from './fingerprint';
import { odsCodeFromFileName, prepareRecord, type FileOrigin } from './prepare';
import { readRecords } from './records';
import { finishRun, latestRun, reopenRun, saveProgress, startRun, type ImportCounts, type ImportFailure, type ImportRun } from './runs';
import { findSourceFiles, type SourceFile } from './sources';

export interface ImportOptions {
  /** The record's database, where import progress and runs are kept (its `import` migrations are applied when the record opens). */
  sql: SqlClient;
  /** Called after every committed batch (and at each file's start and end). */
  onProgress?: (progress: ImportProgress) => void;
  /** Resources per `importBatch` call (default 500). */
  batchSize?: number;
  /**
   * The contributing organisation (e.g. an ODS code) to count every resource under. Without it,
   * a resource counts under an ODS code in its meta.tag, else the ODS code its file is named after
   * (`RBQ.ndjson`), else its meta.source.
   */
  organisation?: string;
  /** Failure details kept per file (default 100); all failures are counted. */
  maxFailuresPerFile?: number;
  /** Read files again even when an earlier run completed them (still creates no duplicates). */
  force?: boolean;
  /** Stops after the batch in flight; the import resumes from there next time. */
  signal?: AbortSignal;
  /**
   * A repository working inside a given transaction of `sql` (e.g. `(tx) => new PostgresRepository(tx)`).
   * When given, each batch and its saved progress commit in one transaction, so a crash can never
   * separate them; without it progress is saved just after each batch (a batch re-read after a
   * crash is then reported as unchanged, still without duplicates).
   */
  repositoryIn?: (tx: SqlClient) => Repository;
}

export interface ImportProgress extends ImportCounts {
  file: string;
  fileIndex: number;
  fileCount: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface FileImportResult extends ImportCounts {
  path: string;
  runId?: string;
  status: 'completed' | 'skipped' | 'interrupted' | 'failed';
  /** The record position an interrupted earlier run had reached, when this run resumed it. */
  resumedFrom?: number;
  failures: ImportFailure[];
  error?: string;
}

export interface ImportResult extends ImportCounts {
  files: FileImportResult[];
  interrupted: boolean;
}

const zero = (): ImportCounts => ({ read: 0, created: 0, updated: 0, unchanged: 0, failed: 0 });

function add(into: ImportCounts, from: ImportCounts): void {
  into.read += from.read;
  into.created += from.created;
  into.updated += from.updated;
  into.unchanged += from.unchanged;
  into.failed += from.failed;
}

/**
 * Imports NDJSON (`.ndjson`, `.ndjson.gz`) and Bundle JSON files (or folders of them) into the
 * record through `repo.importBatch`, streaming in batches. Each file's progress is saved after
 * every committed batch in its `import_run` row, keyed by the file's SHA-256, so an interrupted
 * import resumes where it stopped and a completed file is not read again. Ids are kept, or derived
 * from content when missing, so importing again creates no duplicates. Invalid records are
 * counted and reported with file, line or entry, element path and message; they never stop the
 * import or reach the database.
 */
export async function importFiles(repo: Repository, ctx: AccessContext, paths: readonly string[], options: ImportOptions): Promise<ImportResult> {
  const files = await findSourceFiles(paths);
  const bytesTotal = files.reduce((n, f) => n + f.size, 0);
  const result: ImportResult = { ...zero(), files: [], interrupted: false };
  let bytesBefore = 0;
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    const report = (counts: ImportCounts, fileBytes: number) =>
      options.onProgress?.({ ...counts, file: file.path, fileIndex: i, fileCount: files.length, bytesDone: bytesBefore + Math.min(fileBytes, file.size), bytesTotal });
    const fileResult = await importFile(repo, ctx, file, options, report);
    result.files.push(fileResult);
    add(result, fileResult);
    bytesBefore += file.size;
    if (fileResult.status === 'interrupted') {
      result.interrupted = true;
      break;
    }
  }
  return result;
}

/** Counts and details for the records up to one batch boundary, saved together with it. */
interface Delta extends ImportCounts {
  failures: ImportFailure[];
  organisations: Map<string, { read: number; failed: number }>;
  resourceTypes: Map<string, number>;
}

const newDelta = (): Delta => ({ ...zero(), failures: [], organisations: new Map(), resourceTypes: new Map() });

interface Batch {
  resources: Resource[];
  /** For each resource: where it came from, to report a failure importBatch finds. */
  origins: Array<{ position: number; where: string; organisation: string }>;
  delta: Delta;
  position: number;
  byteOffset: number;
}

async function importFile(
  repo: Repository,
  ctx: AccessContext,
  file: SourceFile,
  options: ImportOptions,
  report: (counts: ImportCounts, fileBytes: number) => void,
): Promise<FileImportResult> {
  const { sql } = options;
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const maxFailures = options.maxFailuresPerFile ?? 100;
  const sha256 = await fileSha256(file.path);
  const prior = await latestRun(sql, sha256);
  if (prior?.status === 'completed' && !options.force) {
    report(zero(), file.size);
    return { ...zero(), path: file.path, runId: prior.id, status: 'skipped', failures: [] };
  }

  const origin: FileOrigin = { ...(options.organisation ? { named: options.organisation } : {}), ...(odsCodeFromFileName(file.path) ? { fromFileName: odsCodeFromFileName(file.path) } : {}) };
  let run: ImportRun & { byteOffset: number };
  let resumedFrom: number | undefined;
  if (prior && prior.status !== 'completed') {
    run = prior;
    resumedFrom = prior.position;
    await reopenRun(sql, prior.id, file.path);
  } else {
    run = await startRun(sql, { path: file.path, fileName: path.basename(file.path), size: file.size, sha256, format: file.format, ...(origin.named ?? origin.fromFileName ? { organisation: origin.named ?? origin.fromFileName } : {}) });
  }

  // Totals persisted for the run (resumed runs continue their counts); `fresh` is this call only.
  const totals: ImportCounts = { read: run.read, created: run.created, updated: run.updated, unchanged: run.unchanged, failed: run.failed };
  const fresh = zero();
  const organisations = new Map(Object.entries(run.organisations));
  const resourceTypes = new Map(Object.entries(run.resourceTypes));
  const failures = [...run.failures];
  const freshFailures: ImportFailure[] = [];
  const location = (position: number, where: string): Pick<ImportFailure, 'line' | 'entry'> =>
    file.format === 'ndjson' ? { line: position } : where.startsWith('entry[') ? { entry: position - 1 } : {};

  const recordFailure = (delta: Delta, position: number, where: string, message: string, org: string | undefined, failurePath?: string) => {
    delta.failed++;
    const tally = delta.organisations.get(org ?? 'unknown') ?? { read: 0, failed: 0 };
    tally.failed++;
    delta.organisations.set(org ?? 'unknown', tally);
    delta.failures.push({ file: file.path, ...location(position, where), ...(failurePath ? { path: failurePath } : {}), message });
  };

  const conditional = new Map<string, Promise<string>>();
  const resolve = (where: string) => (reference: string) => {
    let p = conditional.get(reference);
    if (!p) {
      p = resolveConditionalReference(repo, ctx, reference, where);
      conditional.set(reference, p);
    }
    return p;
  };
  const findExisting = async (type: string, query: string) => {
    const matches = await findMatches(repo, ctx, type, query);
    return matches.length === 1 ? matches[0].id : undefined;
  };

  /** Writes one batch (bisecting if importBatch rejects it, to isolate the bad records), then saves progress. */
  const commit = async (batch: Batch): Promise<void> => {
    if (options.repositoryIn) {
      const bind = options.repositoryIn;
      await sql.transaction(async (tx) => {
        await saveBatch(await writeBatch(bind(tx), ctx, batch, recordFailure), batch, tx);
      });
    } else {
      await saveBatch(await writeBatch(repo, ctx, batch, recordFailure), batch, sql);
    }
    report(fresh, source.bytesRead());
  };

  /** Adds a written batch to the run's totals and saves them with the batch's position. */
  const saveBatch = async (written: ImportCounts, batch: Batch, db: SqlClient): Promise<void> => {
    const d = batch.delta;
    d.created += written.created;
    d.updated += written.updated;
    d.unchanged += written.unchanged;
    add(totals, d);
    add(fresh, d);
    for (const [org, t] of d.organisations) {
      const into = organisations.get(org) ?? { read: 0, failed: 0 };
      organisations.set(org, { read: into.read + t.read, failed: into.failed + t.failed });
    }
    for (const [type, n] of d.resourceTypes) resourceTypes.set(type, (resourceTypes.get(type) ?? 0) + n);
    for (const f of d.failures) {
      if (failures.length < maxFailures) failures.push(f);
      if (freshFailures.length < maxFailures) freshFailures.push(f);
    }
    await saveProgress(db, run.id, {
      ...totals,
      position: batch.position,
      byteOffset: batch.byteOffset,
      organisations: Object.fromEntries(organisations),
      resourceTypes: Object.fromEntries(resourceTypes),
      failures,
    });
  };

  const source = readRecords(file, { position: run.position, byteOffset: run.byteOffset }, (records) => settleBundleIdentities(records, findExisting));
  let batch: Batch = { resources: [], origins: [], delta: newDelta(), position: run.position, byteOffset: run.byteOffset };
  let inflight: Promise<void> | undefined;
  let interrupted = false;
  try {
    report(fresh, 0);
    for await (const record of source.records) {
      const d = batch.delta;
      d.read++;
      const prepared = await prepareRecord(record, origin, resolve(record.where));
      const org = prepared.organisation ?? 'unknown';
      const tally = d.organisations.get(org) ?? { read: 0, failed: 0 };
      tally.read++;
      d.organisations.set(org, tally);
      const type = prepared.ok ? prepared.resource.resourceType : prepared.resourceType;
      if (type) d.resourceTypes.set(type, (d.resourceTypes.get(type) ?? 0) + 1);
      if (!prepared.ok) {
        recordFailure(d, record.position, record.where, prepared.message, org, prepared.path);
      } else if (prepared.existing) {
        d.unchanged++;
      } else {
        batch.resources.push(prepared.resource);
        batch.origins.push({ position: record.position, where: record.where, organisation: org });
      }
      batch.position = record.position;
      if (record.end !== undefined) batch.byteOffset = record.end;
      if (batch.resources.length >= batchSize) {
        // Prepare the next batch while this one is written; commits stay in order.
        await inflight;
        if (options.signal?.aborted) {
          interrupted = true;
          break;
        }
        inflight = commit(batch);
        batch = { resources: [], origins: [], delta: newDelta(), position: batch.position, byteOffset: batch.byteOffset };
      }
    }
    await inflight;
    if (!interrupted) {
      await commit(batch);
      await finishRun(sql, run.id, 'completed');
    } else {
      await finishRun(sql, run.id, 'failed', 'interrupted; import the file again to resume');
    }
  } catch (err) {
    await inflight?.catch(() => undefined);
    const message = err instanceof Error ? err.message : String(err);
    await finishRun(sql, run.id, 'failed', message).catch(() => undefined);
    throw err;
  }
  return {
    ...fresh,
    path: file.path,
    runId: run.id,
    status: interrupted ? 'interrupted' : 'completed',
    ...(resumedFrom !== undefined ? { resumedFrom } : {}),
    failures: freshFailures,
  };
}

type RecordFailure = (delta: Delta, position: number, where: string, message: string, org: string | undefined, path?: string) => void;

/**
 * Calls importBatch; if it rejects the batch as bad input (a rule we did not check first), splits
 * the batch in halves until the offending resources are alone, records them as failures and
 * writes the rest. Other errors (permissions, the database) stop the import.
 */
async function writeBatch(repo: Repository, ctx: AccessContext, batch: Batch, recordFailure: RecordFailure): Promise<ImportCounts> {
  const counts = zero();
  const attempt = async (resources: Resource[], origins: Batch['origins']): Promise<void> => {
    if (resources.length === 0) return;
    try {
      const r = await repo.importBatch(ctx, resources);
      counts.created += r.created;
      counts.updated += r.updated;
      counts.unchanged += r.unchanged;
    } catch (err) {
      if (!(err instanceof OperationOutcomeError) || (err.status !== 400 && err.status !== 409 && err.status !== 422)) throw err;
      if (resources.length === 1) {
        const o = origins[0];
        const issue = err.outcome.issue?.[0];
        recordFailure(batch.delta, o.position, o.where, issue?.diagnostics ?? err.message, o.organisation, issue?.expression?.[0]);
        return;
      }
      const mid = resources.length >> 1;
      await attempt(resources.slice(0, mid), origins.slice(0, mid));
      await attempt(resources.slice(mid), origins.slice(mid));
    }
  };
  await attempt(batch.resources, batch.origins);
  return counts;
}
