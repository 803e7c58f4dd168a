import { define_measure, patients, type MeasureNode, type MeasureRow, type PatientSeries, type ValueType } from '@footprint/cohort';
import { findIndicator } from '../indicators/catalogue';
import type { IndicatorDefinition, IndicatorValue } from '../types';
import { Cells, type Cell } from './cells';
import { computedIndicator, COMPUTED_INDICATORS } from './definitions';
import { crudeRateLimits, proportionLimits, standardisedRateLimits, type Limits } from './intervals';
import { checkMonths, periodInterval, WINDOW_MONTHS } from './periods';
import { imdQuintile } from './series';
import type { ComputedIndicator, ComputeOptions } from './types';

/** A computation asked for something it cannot do (an unknown indicator, a bad month): a 4xx at the edges. */
export class ComputeInputError extends Error {
  override readonly name = 'ComputeInputError';
}

/** The ids of the catalogue's indicators computed from the warehouse, in catalogue order. */
export function computedIndicatorIds(): string[] {
  return COMPUTED_INDICATORS.map((c) => c.id);
}

function groups(extra: Record<string, PatientSeries<ValueType>>): Record<string, PatientSeries<ValueType>> {
  return { place: patients.place_code, practice: patients.practice_code, quintile: imdQuintile(), ...extra };
}

/** The measures an indicator runs, each with how its rows add to the cells. */
function measuresOf(indicator: ComputedIndicator, months: readonly string[]): { measure: MeasureNode; add: (cells: Cells, row: MeasureRow) => void }[] {
  const intervals = months.map((m) => periodInterval(m, indicator.window));
  switch (indicator.kind) {
    case 'proportion':
      return indicator.parts().map((part) => ({
        measure: define_measure({ numerator: part.numerator, denominator: part.denominator, group_by: groups({}), intervals }),
        add: (cells, row) => cells.addRow(row, '', row.numerator, row.denominator),
      }));
    case 'event-rate': {
      const { population, events } = indicator.measure();
      return [
        {
          // Grouped by each person's event count k: events = Σ k × people with k events.
          measure: define_measure({ numerator: population, denominator: population, group_by: groups({ events }), intervals }),
          add: (cells, row) => cells.addRow(row, '', Number(row.events ?? 0) * row.denominator, row.denominator),
        },
      ];
    }
    case 'dsr': {
      const { numerator, denominator, ageBand } = indicator.measure();
      return [
        {
          measure: define_measure({ numerator, denominator, group_by: groups({ age_band: ageBand }), intervals }),
          add: (cells, row) => cells.addRow(row, String(row.age_band), row.numerator, row.denominator),
        },
      ];
    }
  }
}

function valueOf(indicator: ComputedIndicator, definition: IndicatorDefinition, cell: Cell, bands: readonly string[]): IndicatorValue {
  let numerator = 0;
  let denominator = 0;
  for (const c of cell.strata.values()) {
    numerator += c.numerator;
    denominator += c.denominator;
  }
  let limits: Limits;
  if (denominator <= 0) limits = { value: null, lower95: null, upper95: null, lower998: null, upper998: null, note: 'No one in the denominator.' };
  else if (indicator.kind === 'proportion') limits = proportionLimits(numerator, denominator, definition.multiplier);
  else if (indicator.kind === 'event-rate') limits = crudeRateLimits(numerator, denominator, definition.multiplier);
  else limits = standardisedRateLimits(bands, cell.strata, definition.multiplier, Math.max(1, WINDOW_MONTHS[indicator.window] / 12));
  return {
    indicatorId: indicator.id,
    areaCode: cell.areaCode,
    areaType: cell.areaType,
    period: cell.period,
    breakdown: cell.breakdown,
    numerator,
    denominator,
    ...limits,
    synthetic: false,
  };
}

const AREA_ORDER = { england: 0, footprint: 1, place: 2, practice: 3 } as const;

function byAreaThenPeriod(a: IndicatorValue, b: IndicatorValue): number {
  return (
    a.indicatorId.localeCompare(b.indicatorId) ||
    AREA_ORDER[a.areaType] - AREA_ORDER[b.areaType] ||
    a.areaCode.localeCompare(b.areaCode) ||
    a.breakdown.localeCompare(b.breakdown) ||
    a.period.localeCompare(b.period)
  );
}

/** Checks the indicator ids asked for: each a warehouse indicator of the catalogue. */
export function checkComputedIndicators(ids: readonly string[] | undefined): ComputedIndicator[] {
  if (ids === undefined) return [...COMPUTED_INDICATORS];
  if (ids.length === 0) throw new ComputeInputError('no indicators were asked for');
  return [...new Set(ids)].map((id) => {
    const computed = computedIndicator(id);
    if (computed) return computed;
    const known = findIndicator(id);
    throw new ComputeInputError(
      known ? `indicator "${id}" is imported from CSV, not computed from the warehouse` : `unknown indicator "${id}": choose from ${computedIndicatorIds().join(', ')}`,
    );
  });
}

/**
 * Monthly values of the warehouse indicators for the footprint, each of its places and practices,
 * and IMD quintiles of the footprint and of each place, with 95% and 99.8% limits. Each indicator
 * is one measure (four for case finding) over every month at once, aggregated in the warehouse
 * engine; only grouped counts come back.
 */
export async function computeIndicatorValues(options: ComputeOptions): Promise<IndicatorValue[]> {
  const indicators = checkComputedIndicators(options.indicators);
  let months: string[];
  try {
    months = checkMonths(options.months);
  } catch (error) {
    throw new ComputeInputError((error as Error).message);
  }
  if (!/^[A-Z]\d{8}$/.test(options.footprint.code)) throw new ComputeInputError(`the footprint code must be an ONS code such as E54000008, got ${JSON.stringify(options.footprint.code)}`);
  const plans = indicators.map((indicator) => ({ indicator, measures: measuresOf(indicator, months) }));
  const total = plans.reduce((sum, p) => sum + p.measures.length, 0);
  let done = 0;
  const values: IndicatorValue[] = [];
  for (const { indicator, measures } of plans) {
    const definition = findIndicator(indicator.id);
    if (!definition) throw new ComputeInputError(`indicator "${indicator.id}" is not in the catalogue`);
    const cells = new Cells(options.footprint);
    for (const { measure, add } of measures) {
      for (const row of await options.engine.measure(measure)) add(cells, row);
      done += 1;
      options.onProgress?.({ indicatorId: indicator.id, done, total });
    }
    const bands = indicator.kind === 'dsr' ? indicator.measure().bands : [];
    for (const cell of cells.all()) values.push(valueOf(indicator, definition, cell, bands));
  }
  return values.sort(byAreaThenPeriod);
}
