import { engineForWarehouse, type WarehouseLike } from '@footprint/insight';
import { ComputeInputError, computeIndicatorValues } from './compute';
import { lastCompleteMonth, latestDataDate, monthsEnding } from './periods';
import type { ComputeFootprint, ComputeProgress } from './types';
import type { IndicatorValue } from '../types';

/** What computing from the platform's warehouse needs: insight's view of it, and its reference tables (the WarehouseHandle has both). */
export interface ComputeWarehouse extends WarehouseLike {
  referenceData(): Promise<{ organisations: readonly { code: string; kind: string }[]; places: readonly { code: string }[] }>;
}

/** The footprint's places (the warehouse's places: local authorities) and practices (its GP practices). */
export async function footprintFromWarehouse(warehouse: ComputeWarehouse, code: string): Promise<ComputeFootprint> {
  const reference = await warehouse.referenceData();
  return {
    code,
    places: reference.places.map((p) => p.code).sort(),
    practices: reference.organisations.filter((o) => o.kind === 'gp_practice').map((o) => o.code).sort(),
  };
}

export interface WarehouseComputation {
  values: IndicatorValue[];
  /** The months computed, oldest first (empty when the warehouse holds no events). */
  months: string[];
  footprint: ComputeFootprint;
}

/**
 * Computes the warehouse indicators for the footprint over the last `months` complete months of
 * the data (36 by default): the months end with the last complete month before the latest event
 * the warehouse holds.
 */
export async function computeFromWarehouse(
  warehouse: ComputeWarehouse,
  options: { footprintCode: string; months?: number; indicators?: readonly string[]; onProgress?: (progress: ComputeProgress) => void },
): Promise<WarehouseComputation> {
  const count = options.months ?? 36;
  if (!Number.isInteger(count) || count < 1 || count > 120) throw new ComputeInputError(`months must be a whole number from 1 to 120, got ${JSON.stringify(options.months)}`);
  const footprint = await footprintFromWarehouse(warehouse, options.footprintCode);
  const latest = await latestDataDate(warehouse);
  if (!latest) return { values: [], months: [], footprint };
  const months = monthsEnding(lastCompleteMonth(latest), count);
  const engine = await engineForWarehouse(warehouse);
  const values = await computeIndicatorValues({ engine, footprint, months, ...(options.indicators ? { indicators: options.indicators } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  return { values, months, footprint };
}
