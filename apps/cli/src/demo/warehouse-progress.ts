import type { WarehouseProgress, WarehouseRunResult } from '@footprint/warehouse';
import type { ProgressReporter, ProgressStep } from '../progress';

/** Draws a warehouse build or refresh as a bar (resources, rate, ETA) with a line per phase. */
export async function warehouseProgress(
  progress: ProgressReporter,
  run: (onProgress: (p: WarehouseProgress) => void) => Promise<WarehouseRunResult>,
): Promise<WarehouseRunResult> {
  let phase: WarehouseProgress['phase'] | undefined;
  let step: ProgressStep | undefined;
  try {
    return await run((p) => {
      if (p.phase !== phase) {
        step?.stop();
        step = undefined;
        phase = p.phase;
        if (p.phase === 'resources') step = progress.start('warehouse', p.total ?? 0, 'resources');
      }
      if (p.message) progress.log(p.message);
      if (step) {
        if (p.total && p.total > 0) step.setTotal(Math.max(p.total, p.resources));
        step.update(p.resources);
      }
    });
  } finally {
    step?.stop();
  }
}
