import { buildWarehouse, countRows, resolveEngine, viewedTypes, warehouseContext, type RecordWarehouseOptions } from './build';
import { WarehouseNotBuiltError } from './engines';
import { referenceResourceTypes, WarehouseLoader } from './loader';
import { formatVersion, loadRegisters, readMeta, writeMeta } from './meta';
import { needsRebuildForOptOut } from './opt-out-changes';
import type { WarehouseRunResult } from './progress';
import { loadWarehouseKey, Pseudonymiser } from './pseudonym';
import { recordSource } from './sources';

/**
 * Incremental refresh: reads only what changed in the record since the watermark the warehouse
 * reflects, replaces the rows of changed resources, removes those of deleted ones and of patients
 * who opted out, all in one transaction, so an interrupted refresh leaves the previous warehouse
 * as it was. A warehouse that was never built, was built by another format version, or needs a
 * patient restored after an opt-out is withdrawn, or a Type 1 opt-out applied (see opt-out-changes.ts), gets a full build instead.
 */
export async function refreshWarehouse(options: RecordWarehouseOptions): Promise<WarehouseRunResult> {
  const started = performance.now();
  const engine = resolveEngine(options);
  const report = options.onProgress ?? (() => {});
  let connection;
  try {
    connection = await engine.open();
  } catch (error) {
    if (!(error instanceof WarehouseNotBuiltError)) throw error;
    report({ phase: 'reference', resources: 0, rows: 0, message: 'No warehouse yet: running a full build' });
    return buildWarehouse({ ...options, engine });
  }
  let needsFullBuild: string | undefined;
  let result: WarehouseRunResult | undefined;
  try {
    const meta = await readMeta(connection);
    if (!meta || meta.formatVersion !== formatVersion) {
      needsFullBuild = 'The warehouse was built by another version: running a full build';
    } else {
      const pseudonymiser = new Pseudonymiser(await loadWarehouseKey(options.dataDir));
      const ctx = options.ctx ?? (await warehouseContext());
      const source = recordSource(options.record, ctx, viewedTypes(), referenceResourceTypes, meta.watermark, options.batchSize);
      const open = connection;
      result = await connection.transaction(async () => {
        const loader = await WarehouseLoader.forRefresh(open, pseudonymiser, (l) => loadRegisters(open, l.context.optOuts, l.context.directory));
        loader.startPatientData();
        let watermark = meta.watermark;
        report({ phase: 'resources', resources: 0, rows: 0 });
        for await (const batch of source.mainPass()) {
          if (await needsRebuildForOptOut(batch.changes)) {
            needsFullBuild = 'A Type 1 opt-out (or a Consent) changed: running a full build so the record applies it to every row';
            throw new FullBuildNeeded();
          }
          await loader.applyChanges(batch.changes);
          await loader.flush();
          if (batch.watermark) watermark = batch.watermark;
          report({ phase: 'resources', resources: loader.counts.resources, rows: loader.counts.rows });
        }
        report({ phase: 'finishing', resources: loader.counts.resources, rows: loader.counts.rows, message: 'Applying opt-outs, organisations and places' });
        const outcome = await loader.finish();
        if (outcome.withdrawnOptOuts > 0) {
          needsFullBuild = `${outcome.withdrawnOptOuts} patients withdrew their opt-out: running a full build to restore their rows`;
          throw new FullBuildNeeded();
        }
        await writeMeta(open, { ...meta, watermark, refreshedAt: new Date().toISOString() });
        return {
          mode: 'refresh' as const,
          engine: engine.name,
          location: engine.location,
          resources: loader.counts.resources,
          rows: loader.counts.rows,
          seconds: (performance.now() - started) / 1000,
          watermark,
          optedOutPatients: loader.context.optOuts.patientKeys().size,
          tables: await countRows(open),
        };
      }).catch((error: unknown) => {
        if (error instanceof FullBuildNeeded) return undefined;
        throw error;
      });
    }
  } finally {
    await connection.close();
  }
  if (result) {
    report({ phase: 'done', resources: result.resources, rows: result.rows });
    return result;
  }
  report({ phase: 'reference', resources: 0, rows: 0, message: needsFullBuild });
  return buildWarehouse({ ...options, engine });
}

/** Thrown inside the refresh transaction to roll it back in favour of a full build. */
class FullBuildNeeded extends Error {}
