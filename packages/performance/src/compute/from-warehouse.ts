import { engineForWarehouse, type WarehouseLike } from '@footprint/insight';
import { ComputeInputError, computeIndicatorValues } from './compute';
import { lastCompleteMonth, latestDataDate, monthsEnding } from './periods';
import type { ComputeFootprint, ComputeProgress } from './types';
import type { IndicatorValue } from '../types';

/** What computing from the platform's warehouse needs: insight's view of it, and its reference tables (the WarehouseHandle has both). */
export interface ComputeWarehouse extends WarehouseLike {
  referenceData(): Promise<{ organisations: readonly { code: string; kind: string }[]; places: readonly { code: string; footprintId: string | null }[] }>;
}

/**
 * The footprint's places and practices as the warehouse holds them. The places table can list
 * the places of several footprints (the reference data); the footprint's are those of the
 * footprint most registered patients live in (every place patients live in when places name no
 * footprint). Its practices are the GP practices patients are registered with. Standard SQL.
 */
export async function footprintFromWarehouse(warehouse: ComputeWarehouse, code: string): Promise<ComputeFootprint> {
  const [reference, residents, registered] = await Promise.all([
    warehouse.referenceData(),
    warehouse.query('SELECT place_code, count(*) AS people FROM patients WHERE practice_code IS NOT NULL AND place_code IS NOT NULL GROUP BY place_code'),
    warehouse.query('SELECT DISTINCT practice_code FROM patients WHERE practice_code IS NOT NULL'),
  ]);
  const footprintOf = new Map(reference.places.map((p) => [p.code, p.footprintId]));
  const people = new Map<string, number>();
  for (const r of residents) {
    const footprint = footprintOf.get(String(r.place_code));
    if (footprint) people.set(footprint, (people.get(footprint) ?? 0) + Number(r.people));
  }
  const main = [...people.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  const places = main
    ? reference.places.filter((p) => p.footprintId === main).map((p) => p.code)
    : residents.map((r) => String(r.place_code)).filter((place) => footprintOf.has(place));
  const withPatients = new Set(registered.map((r) => String(r.practice_code)));
  const practices = reference.organisations.filter((o) => o.kind === 'gp_practice' && withPatients.has(o.code)).map((o) => o.code);
  return { code, places: [...new Set(places)].sort(), practices: [...new Set(practices)].sort() };
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
