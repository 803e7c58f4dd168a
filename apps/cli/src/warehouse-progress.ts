import type { WarehouseProgress, WarehouseRunResult } from '@footprint/warehouse';
import type { ProgressReporter, ProgressStep } from './progress';

/**
 * Draws a warehouse build or refresh: a bar for the main pass (resources read, rate, ETA from the
 * record's counts or the files' sizes); the short reference pass and the finishing steps print a
 * line each. Used by `footprint warehouse` and `footprint demo`.
 */
export async function warehouseProgress(
  progress: ProgressReporter,
  run: (onProgress: (p: WarehouseProgress) => void) => Promise<WarehouseRunResult>,
): Promise<WarehouseRunResult> {
  let phase: WarehouseProgress['phase'] | undefined;
  let step: ProgressStep | undefined;
  let referenceCount = 0;
  try {
    return await run((p) => {
      if (p.phase !== phase) {
        step?.stop();
        step = undefined;
        if (phase === 'reference') progress.log(`Read ${referenceCount.toLocaleString('en-GB')} organisations, practitioner roles and consents`);
        phase = p.phase;
        if (p.phase === 'resources') step = progress.start('warehouse', p.total ?? 0, 'resources');
      }
      if (p.message) progress.log(p.message);
      if (p.phase === 'reference') referenceCount = p.resources;
      if (step) {
        if (p.total && p.total > 0) step.setTotal(Math.max(p.total, p.resources));
        step.update(p.resources);
      }
    });
  } finally {
    step?.stop();
  }
}
