import type { AmbitionData, Item } from '@footprint/partnership';
import { IndicatorValueStore } from '../indicators/store';
import { INDICATORS } from '../indicators/catalogue';
import { spc } from '../spc';
import { SpcInputError } from '../spc/errors';
import { improvementOf, type IndicatorDefinition, type IndicatorValue } from '../types';
import { ambitionTarget, checkPeriod, scorecardAmbition, type ScorecardFootprint } from './build';
import { noDataCell, scorecardCell } from './cell';
import { firstDay } from './periods';
import { trendOf } from './trend';
import type { ScorecardAmbition, ScorecardArea, ScorecardCell, ScorecardIndicatorRef } from './types';

/** One area of an indicator in the drill-down: for the primary indicator, a full scorecard cell; for a supporting one, no trajectory or status. */
export interface DrillDownCell extends Omit<ScorecardCell, 'status' | 'reason'> {
  /** The place a practice belongs to, when known. */
  placeCode: string | null;
  /** Primary indicator only: on track, off track or no data, with the reason. */
  status: ScorecardCell['status'] | null;
  reason: string | null;
  /** The indicator's page for this area, with its SPC chart. */
  href: string;
}

export interface DrillDownIndicator {
  ref: ScorecardIndicatorRef;
  definition: IndicatorDefinition | null;
  /** What values are multiplied by to read in the ambition's units (primary only; 1 otherwise). */
  scale: number;
  footprint: DrillDownCell;
  places: DrillDownCell[];
  practices: DrillDownCell[];
}

export interface AmbitionDrillDown {
  plan: { id: string; name: string; version: string };
  ambition: ScorecardAmbition;
  indicators: DrillDownIndicator[];
  period: string | null;
}

export interface DrillDownInput {
  plan: { plan: Item<{ name: string; version: string }>; ambitions: readonly Item<AmbitionData>[] };
  ambitionId: string;
  values: readonly IndicatorValue[] | IndicatorValueStore;
  catalogue?: readonly IndicatorDefinition[];
  footprint: ScorecardFootprint;
  period?: string;
  /** Practice → place code (the warehouse's organisations). */
  practicePlaces?: ReadonlyMap<string, string>;
  /** Practice names by ODS code. */
  names?: ReadonlyMap<string, string>;
}

/** The indicator's page for an area; with an ambition, its chart is judged against that ambition's trajectory. */
export const indicatorHref = (indicatorId: string, areaCode: string, ambitionId?: string) =>
  `/performance/indicators/${encodeURIComponent(indicatorId)}?area=${encodeURIComponent(areaCode)}${ambitionId ? `&ambition=${encodeURIComponent(ambitionId)}` : ''}`;

/** A supporting indicator for one area: latest value, SPC (against its own target, if any) and trend. */
function supportingCell(area: ScorecardArea, values: readonly IndicatorValue[], indicator: IndicatorDefinition, period: string | null): ScorecardCell {
  const series = values
    .filter((v) => v.value !== null && (period === null || v.period <= period))
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((v) => ({ period: v.period, value: v.value as number, synthetic: v.synthetic }));
  if (!series.length) return noDataCell(area, `No data yet: there are no values for ${area.name}.`);
  const latest = series[series.length - 1];
  const improvement = improvementOf(indicator.polarity);
  let result: Pick<ScorecardCell, 'variation' | 'assurance' | 'spcWarnings'> = { variation: null, assurance: null, spcWarnings: [] };
  try {
    const r = spc(series.map((p) => ({ date: firstDay(p.period), value: p.value })), { improvement, ...(indicator.target ? { target: indicator.target.value } : {}), profile: indicator.spcProfile });
    result = { variation: r.variation, assurance: r.assurance, spcWarnings: r.warnings };
  } catch (error) {
    if (!(error instanceof SpcInputError)) throw error;
    result.spcWarnings = [`No SPC: ${error.message}.`];
  }
  const direction = improvement === 'increase' ? 'higher' : improvement === 'decrease' ? 'lower' : 'neutral';
  return { area, latest, trajectory: null, gap: null, ...result, trend: trendOf(series, period ?? latest.period, direction), status: 'no-data', reason: '', points: series.length };
}

/**
 * The drill-down of one ambition: the ambition as the scorecard shows it, then each of its
 * indicators (primary first) for the footprint, every place and every practice, each linking to
 * the indicator's page (its SPC chart) for that area. Undefined when the plan has no such ambition.
 */
export async function ambitionDrillDown(input: DrillDownInput): Promise<AmbitionDrillDown | undefined> {
  const period = checkPeriod(input.period);
  const item = input.plan.ambitions.find((a) => a.id === input.ambitionId);
  if (!item) return undefined;
  const catalogue = input.catalogue ?? INDICATORS;
  const ids = item.data.indicators.map((l) => l.id);
  const source = input.values;
  const values = (
    source instanceof IndicatorValueStore ? (await Promise.all(ids.map((indicatorId) => source.list({ indicatorId, breakdown: '' })))).flat() : source.filter((v) => ids.includes(v.indicatorId) && v.breakdown === '')
  ).filter((v) => v.value !== null && (period === null || v.period <= period));
  const ambition = scorecardAmbition(item, values, catalogue, input.footprint, period);
  const placeCodes = new Set(input.footprint.places.map((p) => p.code));

  const indicators = ambition.indicators.map((ref): DrillDownIndicator => {
    const definition = catalogue.find((i) => i.id === ref.id) ?? null;
    const mine = values.filter((v) => v.indicatorId === ref.id);
    const primary = ref.role === 'primary' && definition !== null;
    const cellFor = (area: ScorecardArea, placeCode: string | null): DrillDownCell => {
      const own = mine.filter((v) => v.areaCode === area.code && v.areaType === area.type);
      let cell: ScorecardCell;
      if (!definition) cell = noDataCell(area, `No data: ${ref.id} is not in the catalogue.`);
      else if (primary) cell = scorecardCell({ area, values: own, indicator: definition, ambition: ambitionTarget(item, definition), period });
      else cell = supportingCell(area, own, definition, period);
      return { ...cell, status: primary ? cell.status : null, reason: primary ? cell.reason : cell.latest ? null : cell.reason, placeCode, href: indicatorHref(ref.id, area.code, primary ? item.id : undefined) };
    };
    const practiceCodes = [...new Set(mine.filter((v) => v.areaType === 'practice').map((v) => v.areaCode))].filter((code) => {
      const home = input.practicePlaces?.get(code);
      return input.practicePlaces ? home !== undefined && placeCodes.has(home) : true;
    });
    const practices = practiceCodes
      .map((code) => cellFor({ code, name: input.names?.get(code) ?? code, type: 'practice' }, input.practicePlaces?.get(code) ?? null))
      .sort((a, b) => (a.placeCode ?? '').localeCompare(b.placeCode ?? '') || a.area.name.localeCompare(b.area.name));
    return {
      ref,
      definition,
      scale: primary ? ambition.scale : 1,
      footprint: cellFor({ code: input.footprint.code, name: input.footprint.name, type: 'footprint' }, null),
      places: input.footprint.places.map((p) => cellFor({ code: p.code, name: p.name, type: 'place' }, p.code)),
      practices,
    };
  });
  const plan = input.plan.plan;
  return { plan: { id: plan.id, name: plan.data.name, version: plan.data.version }, ambition, indicators, period };
}
