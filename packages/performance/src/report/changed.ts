import { indicatorSpc as seriesSpc } from '../indicators/series-spc';
import { type IndicatorDefinition, type IndicatorValue, type SpcResult } from '../types';
import type { ChangeReason, IndicatorSeries, ReportIndicator } from './types';
import { ASSURANCE_WORDS, VARIATION_WORDS } from './words';

/**
 * An indicator "changed" in the period when it has a value for the period itself and either its
 * latest point is special cause variation (any rule), or its variation or assurance icon differs
 * from the one SPC gave at the month before. The reasons are kept, in that order.
 */
export const CHANGED_RULE =
  'An indicator is charted when the footprint has a value for the month and either that latest point shows special cause variation (outside the limits, a trend, two of three beyond two sigma, or a shift), or its variation or assurance icon differs from the icon at the month before. Indicators with no value for the month are not charted.';

/** SPC on the footprint's series as the indicator defines it (the one shared implementation in indicators/series-spc). */
function footprintSpc(definition: IndicatorDefinition, values: readonly IndicatorValue[]): SpcResult | null {
  return seriesSpc(definition, values[0]?.areaCode ?? '', '', values).spc;
}

/** One indicator's footprint series cut at the period, with SPC now and at the month before. */
export function indicatorSeries(definition: IndicatorDefinition, values: readonly IndicatorValue[], period: string, previousPeriod: string): IndicatorSeries {
  const toPeriod = values.filter((v) => v.indicatorId === definition.id && v.period <= period).sort((a, b) => (a.period < b.period ? -1 : 1));
  return {
    definition,
    values: toPeriod,
    spc: footprintSpc(definition, toPeriod),
    previous: footprintSpc(definition, toPeriod.filter((v) => v.period <= previousPeriod)),
  };
}

const REASON_WORDS: Record<ChangeReason, string> = {
  'special-cause': 'the latest point shows special cause variation',
  'variation-changed': 'the variation icon changed',
  'assurance-changed': 'the assurance icon changed',
};

/** The indicator as the report charts it, or null when it did not change in the period. */
export function changedIndicator(series: IndicatorSeries, period: string): ReportIndicator | null {
  const result = series.spc;
  const last = result?.points.at(-1);
  if (!result || !last || last.date.slice(0, 7) !== period) return null;
  const reasons: ChangeReason[] = [];
  if (last.pointType !== 'common_cause') reasons.push('special-cause');
  const previousVariation = series.previous?.variation ?? null;
  const previousAssurance = series.previous?.assurance ?? null;
  if (previousVariation !== null && previousVariation !== result.variation) reasons.push('variation-changed');
  if (series.previous && previousAssurance !== result.assurance) reasons.push('assurance-changed');
  if (reasons.length === 0) return null;
  const d = series.definition;
  const was = (icon: string | null, words: Record<string, string>) => (icon === null ? 'none' : (words[icon] ?? icon).toLowerCase());
  const why = reasons
    .map((r) =>
      r === 'variation-changed'
        ? `${REASON_WORDS[r]} (was ${was(previousVariation, VARIATION_WORDS)})`
        : r === 'assurance-changed'
          ? `${REASON_WORDS[r]} (was ${was(previousAssurance, ASSURANCE_WORDS)})`
          : REASON_WORDS[r],
    )
    .join('; ');
  return {
    id: d.id,
    name: d.name,
    gap: d.gap,
    unit: d.unit,
    polarity: d.polarity,
    synthetic: series.values.some((v) => v.synthetic),
    latest: { period, value: last.value },
    variation: result.variation,
    previousVariation,
    assurance: result.assurance,
    previousAssurance,
    reasons,
    why: why.charAt(0).toUpperCase() + why.slice(1) + '.',
    spc: result,
  };
}
