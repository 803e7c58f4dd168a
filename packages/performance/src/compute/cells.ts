import type { MeasureRow } from '@footprint/cohort';
import type { AreaType } from '../types';
import { periodOf } from './periods';
import type { ComputeFootprint } from './types';

/**
 * Rolling measure rows (grouped by place, practice and IMD quintile in the warehouse) up to the
 * areas values are given for: the footprint, each of its places and practices, and the footprint's
 * and each place's IMD quintiles. Only counts are summed here; no person-level row leaves the engine.
 */
export interface Cell {
  areaType: AreaType;
  areaCode: string;
  period: string;
  breakdown: string;
  /** Per stratum (an age band for a DSR, '' otherwise): numerator and denominator counts. */
  strata: Map<string, { numerator: number; denominator: number }>;
}

export class Cells {
  private readonly cells = new Map<string, Cell>();
  private readonly places: Set<string>;
  private readonly practices: Set<string>;

  constructor(private readonly footprint: ComputeFootprint) {
    this.places = new Set(footprint.places);
    this.practices = new Set(footprint.practices);
  }

  private add(areaType: AreaType, areaCode: string, period: string, breakdown: string, stratum: string, numerator: number, denominator: number): void {
    const key = `${areaType}|${areaCode}|${period}|${breakdown}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { areaType, areaCode, period, breakdown, strata: new Map() };
      this.cells.set(key, cell);
    }
    const counts = cell.strata.get(stratum) ?? { numerator: 0, denominator: 0 };
    counts.numerator += numerator;
    counts.denominator += denominator;
    cell.strata.set(stratum, counts);
  }

  /** Adds one measure row's counts to every area it belongs to. */
  addRow(row: MeasureRow, stratum: string, numerator: number, denominator: number): void {
    const period = periodOf(row.interval_end);
    const place = row.place === null || row.place === undefined ? null : String(row.place);
    const practice = row.practice === null || row.practice === undefined ? null : String(row.practice);
    const quintile = row.quintile === null || row.quintile === undefined ? null : `imd_quintile:${String(row.quintile)}`;
    this.add('footprint', this.footprint.code, period, '', stratum, numerator, denominator);
    if (quintile) this.add('footprint', this.footprint.code, period, quintile, stratum, numerator, denominator);
    if (place !== null && this.places.has(place)) {
      this.add('place', place, period, '', stratum, numerator, denominator);
      if (quintile) this.add('place', place, period, quintile, stratum, numerator, denominator);
    }
    if (practice !== null && this.practices.has(practice)) this.add('practice', practice, period, '', stratum, numerator, denominator);
  }

  all(): Cell[] {
    return [...this.cells.values()];
  }
}
