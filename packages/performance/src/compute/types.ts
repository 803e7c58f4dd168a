import type { CohortEngine, MeasureNode, PatientSeries } from '@footprint/cohort';

/** The footprint values are computed for: its ONS code, its places (local authorities) and its practices (ODS codes). */
export interface ComputeFootprint {
  code: string;
  places: readonly string[];
  practices: readonly string[];
}

/** How far a computation has got: measures run so far out of all (one or more per indicator). */
export interface ComputeProgress {
  indicatorId: string;
  done: number;
  total: number;
}

export interface ComputeOptions {
  /** A cohort engine on the warehouse (insight's `engineForWarehouse`, or the server's InsightSource). */
  engine: CohortEngine;
  footprint: ComputeFootprint;
  /** Calendar months `YYYY-MM` to compute (e.g. `completeMonths(latest, 36)`). */
  months: readonly string[];
  /** Warehouse indicator ids; every warehouse indicator of the catalogue when left out. */
  indicators?: readonly string[];
  onProgress?: (progress: ComputeProgress) => void;
}

/** A month's measurement interval: the calendar month, or the 12 or 24 months ending with it. */
export type WindowKind = 'month' | 'rolling-12' | 'rolling-24';

/**
 * How one warehouse indicator is computed. Every kind is one or more cohort measures grouped by
 * place, practice and IMD quintile, run in the warehouse engine; only their counts come back.
 * - `proportion`: people in the numerator over people in the denominator (parts are summed: case
 *   finding adds four conditions' registers and estimates);
 * - `event-rate`: events per person in the population (the measure is grouped by each person's
 *   event count, so the total is Σ count × people);
 * - `dsr`: deaths over the population by five-year age band, directly standardised.
 */
export type ComputedIndicator =
  | { kind: 'proportion'; id: string; window: WindowKind; parts: () => readonly ProportionPart[] }
  | { kind: 'event-rate'; id: string; window: WindowKind; measure: () => EventRateMeasure }
  | { kind: 'dsr'; id: string; window: WindowKind; measure: () => StandardisedMeasure };

export interface ProportionPart {
  numerator: PatientSeries<'boolean'>;
  denominator: PatientSeries<'boolean'>;
}

export interface EventRateMeasure {
  population: PatientSeries<'boolean'>;
  /** Each person's events in the interval. */
  events: PatientSeries<'integer'>;
}

export interface StandardisedMeasure {
  numerator: PatientSeries<'boolean'>;
  denominator: PatientSeries<'boolean'>;
  ageBand: PatientSeries<'string'>;
  /** The age bands of the standard population counted (for under-75 mortality, 0–4 … 70–74). */
  bands: readonly string[];
}

export type { MeasureNode };
