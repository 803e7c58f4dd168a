import type { AccessContext, Repository } from '@footprint/record';
import { createEngine, type EngineName, type WarehouseConnection, type WarehouseEngine } from './engines';
import { availableParallelism } from 'node:os';
import { referenceResourceTypes, WarehouseLoader } from './loader';
import { ingestOnWorkers } from './parallel/ingest-on-workers';
import { formatVersion, writeMeta } from './meta';
import type { ProgressListener, WarehouseRunResult } from './progress';
import { loadWarehouseKey, Pseudonymiser } from './pseudonym';
import { ndjsonBytes, ndjsonSource, recordSource, type ResourceSource } from './sources';
import { standardViews } from './standard-views';
import { contractTables } from './tables';

export interface WarehouseOptions {
  /** Data directory: holds warehouse-key and (for DuckDB) warehouse.duckdb. */
  dataDir: string;
  /** `duckdb` (default), `postgres`, or an engine instance. */
  engine?: EngineName | WarehouseEngine;
  /** PostgreSQL URL for the postgres engine (default WAREHOUSE_DATABASE_URL, then DATABASE_URL). */
  databaseUrl?: string;
  /** PostgreSQL schema for the postgres engine (default `warehouse`). */
  schema?: string;
  onProgress?: ProgressListener;
  /** Resources per batch (default 5000). */
  batchSize?: number;
}

export interface RecordWarehouseOptions extends WarehouseOptions {
  record: Repository;
  /** Who is building; default the platform acting for planning (PUBHLTH). */
  ctx?: AccessContext;
}

export function resolveEngine(options: WarehouseOptions): WarehouseEngine {
  const engine = options.engine ?? 'duckdb';
  return typeof engine === 'string' ? createEngine(engine, options) : engine;
}

/** The platform acting for planning (PUBHLTH); loaded lazily so NDJSON builds need nothing from the record. */
export async function warehouseContext(): Promise<AccessContext> {
  const { systemContext } = await import('@footprint/record');
  return systemContext('PUBHLTH', 'footprint-warehouse');
}

export function viewedTypes(): string[] {
  return [...new Set(standardViews().map((v) => v.view.resource))].sort();
}

/** Full rebuild from the record's change feed into new tables, swapped in atomically at the end. */
export async function buildWarehouse(options: RecordWarehouseOptions): Promise<WarehouseRunResult> {
  const ctx = options.ctx ?? (await warehouseContext());
  const source = recordSource(options.record, ctx, viewedTypes(), referenceResourceTypes, '0', options.batchSize);
  return runBuild(source, options);
}

export interface NdjsonWarehouseOptions extends WarehouseOptions {
  /**
   * Worker threads that parse and flatten; 0 flattens on this thread. Default: one per core when
   * the files total at least 256 MB (each worker costs about a second of start-up), else 0.
   */
  workers?: number;
}

const parallelThresholdBytes = 256 * 2 ** 20;

/** Full build straight from NDJSON files (the 2.5-million-person benchmark; no record needed). */
export async function buildWarehouseFromNdjson(folder: string, options: NdjsonWarehouseOptions): Promise<WarehouseRunResult> {
  const source = ndjsonSource(folder, referenceResourceTypes, options.batchSize);
  const folderBytes = async () => ndjsonBytes(folder, await source.files());
  const workers = options.workers ?? (availableParallelism() > 1 && (await folderBytes()) >= parallelThresholdBytes ? availableParallelism() : 0);
  if (workers <= 0) return runBuild(source, options);
  return runBuild(source, options, async (loader, key, report) => {
    await ingestOnWorkers(loader, source.mainPassChunks(), { workers, keyHex: key.toString('hex'), onProgress: report });
  });
}

/** Runs the main pass some other way than resource by resource on this thread (worker threads). */
type MainPass = (loader: WarehouseLoader, key: Buffer, report: () => void) => Promise<void>;

async function runBuild(source: ResourceSource, options: WarehouseOptions, mainPass?: MainPass): Promise<WarehouseRunResult> {
  const started = performance.now();
  const engine = resolveEngine(options);
  const key = await loadWarehouseKey(options.dataDir);
  const pseudonymiser = new Pseudonymiser(key);
  const report = options.onProgress ?? (() => {});
  const session = await engine.beginBuild();
  try {
    const loader = await WarehouseLoader.forBuild(session, pseudonymiser);
    let watermark = '0';
    report({ phase: 'reference', resources: 0, rows: 0 });
    for await (const batch of source.referencePass()) {
      for (const change of batch.changes) loader.ingest(change.resource);
      report({ phase: 'reference', resources: loader.counts.resources, rows: loader.counts.rows });
    }
    loader.startPatientData();
    const referenceCount = loader.counts.resources;
    let total = await source.estimateTotal();
    report({ phase: 'resources', resources: 0, rows: loader.counts.rows, total });
    const progress = async () => {
      total = (await source.estimateTotal()) ?? total;
      report({ phase: 'resources', resources: loader.counts.resources - referenceCount, rows: loader.counts.rows, total });
    };
    if (mainPass) {
      await mainPass(loader, key, () => void progress());
    } else {
      for await (const batch of source.mainPass()) {
        for (const change of batch.changes) if (!change.deleted) loader.ingest(change.resource);
        await loader.flush();
        if (batch.watermark) watermark = batch.watermark;
        await progress();
      }
    }
    report({ phase: 'finishing', resources: loader.counts.resources, rows: loader.counts.rows, message: 'Applying opt-outs, organisations and places' });
    const outcome = await loader.finish();
    if (outcome.withdrawnOptOuts > 0) {
      report({ phase: 'finishing', resources: loader.counts.resources, rows: loader.counts.rows, message: `${outcome.withdrawnOptOuts} opt-outs were withdrawn during the build; run it again to include those patients` });
    }
    const now = new Date().toISOString();
    await writeMeta(session, { watermark, builtAt: now, engine: engine.name, formatVersion });
    const tables = await countRows(session);
    await session.commit();
    const result: WarehouseRunResult = {
      mode: 'build',
      engine: engine.name,
      location: engine.location,
      resources: loader.counts.resources,
      rows: loader.counts.rows,
      seconds: (performance.now() - started) / 1000,
      watermark,
      optedOutPatients: loader.context.optOuts.patientKeys().size,
      tables,
    };
    report({ phase: 'done', resources: result.resources, rows: result.rows });
    return result;
  } catch (error) {
    await session.abort().catch(() => {});
    throw error;
  }
}

export async function countRows(connection: WarehouseConnection): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of contractTables) {
    const [row] = await connection.query<{ n: number }>(`SELECT count(*) AS n FROM ${table.name}`);
    counts[table.name] = Number(row.n);
  }
  return counts;
}

/**
 * A build fed resource by resource, for a generator writing straight into the warehouse (the
 * 2.5-million-person benchmark) without NDJSON files. Give organisations (and practitioner roles)
 * before the patient data that refers to them; consents may come at any point.
 */
export interface WarehouseBuilder {
  add(resource: Record<string, unknown>): void;
  /** Writes what is buffered; call every few thousand resources. */
  flush(): Promise<void>;
  /** Completes the build and swaps it in atomically. */
  finish(): Promise<WarehouseRunResult>;
  /** Throws the build away; the previous warehouse stays. */
  abort(): Promise<void>;
}

export async function startWarehouseBuild(options: WarehouseOptions): Promise<WarehouseBuilder> {
  const started = performance.now();
  const engine = resolveEngine(options);
  const pseudonymiser = new Pseudonymiser(await loadWarehouseKey(options.dataDir));
  const session = await engine.beginBuild();
  let loader: WarehouseLoader;
  try {
    loader = await WarehouseLoader.forBuild(session, pseudonymiser);
  } catch (error) {
    await session.abort().catch(() => {});
    throw error;
  }
  loader.startPatientData();
  return {
    add: (resource) => loader.ingest(resource),
    flush: () => loader.flush(),
    async finish() {
      try {
        await loader.finish();
        await writeMeta(session, { watermark: '0', builtAt: new Date().toISOString(), engine: engine.name, formatVersion });
        const tables = await countRows(session);
        await session.commit();
        return {
          mode: 'build',
          engine: engine.name,
          location: engine.location,
          resources: loader.counts.resources,
          rows: loader.counts.rows,
          seconds: (performance.now() - started) / 1000,
          watermark: '0',
          optedOutPatients: loader.context.optOuts.patientKeys().size,
          tables,
        };
      } catch (error) {
        await session.abort().catch(() => {});
        throw error;
      }
    },
    abort: () => session.abort(),
  };
}
