import { computedIndicatorIds, computeFromWarehouse, IndicatorValueStore, type ComputeProgress } from '@footprint/performance';
import { runningFootprint } from '@footprint/partnership';
import type { Platform } from '../../platform';

export interface SeedComputedOptions {
  /** A line of progress (counts only, never record content); stderr by default. */
  log?: (line: string) => void;
  onProgress?: (progress: ComputeProgress) => void;
  /** Months to compute (36 by default). */
  months?: number;
}

/**
 * The demo's indicator values computed from the warehouse for the running footprint, written with
 * `replace` for every warehouse indicator (idempotent: a rerun gives the same rows). Without a
 * warehouse, a partnership body or any events, it says so in one line and writes nothing.
 * Returns how many values were written.
 */
export async function seedComputedValues(platform: Platform, options: SeedComputedOptions = {}): Promise<number> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (!(await platform.warehouse.isBuilt())) {
    log('System performance: no warehouse yet, so no indicator values were computed (run `footprint warehouse build`, then `footprint indicators compute`).');
    return 0;
  }
  const footprint = await runningFootprint(platform.record);
  if (!footprint) {
    log('System performance: the record holds no partnership body yet, so no indicator values were computed.');
    return 0;
  }
  const computation = await computeFromWarehouse(platform.warehouse, { footprintCode: footprint.onsCode, months: options.months ?? 36, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  if (computation.months.length === 0) {
    log('System performance: the warehouse holds no events yet, so no indicator values were computed.');
    return 0;
  }
  const ids = computedIndicatorIds();
  const written = await new IndicatorValueStore(platform.sql).replace(ids, computation.values);
  log(
    `System performance: ${written.toLocaleString('en-GB')} values of ${ids.length} indicators computed from the warehouse for ${computation.footprint.places.length} places and ${computation.footprint.practices.length} practices, ${computation.months[0]} to ${computation.months.at(-1)}.`,
  );
  return written;
}
