import { indicatorSpc } from '../indicators/series-spc';
import type { AmbitionTarget } from '../indicators/targets';
import { SpcInputError } from '../spc/errors';
import type { IndicatorDefinition, IndicatorValue } from '../types';
import { fmt } from './periods';
import { trajectoryAt } from './trajectory';
import { trendOf } from './trend';
import type { ScorecardArea, ScorecardCell, Trend } from './types';
import { ASSURANCE_WORDS, signalOrNoise, withUnit } from './words';

export interface CellInput {
  area: ScorecardArea;
  /** The primary indicator's values for the area (everyone, non-null), any order. */
  values: readonly IndicatorValue[];
  /** The primary indicator. */
  indicator: IndicatorDefinition;
  /** The ambition as SPC judges it (`ambitionTarget`): its path, scale, unit and direction. */
  ambition: AmbitionTarget;
  /** The scorecard's month, or null for the latest there is. */
  period: string | null;
}

/** A cell for an area the ambition cannot be judged in, with the reason. */
export function noDataCell(area: ScorecardArea, reason: string, trendWords = 'No values, so no trend.'): ScorecardCell {
  const trend: Trend = { direction: 'too-few-points', slopePerMonth: null, lower95: null, upper95: null, points: 0, from: null, to: null, words: trendWords };
  return { area, latest: null, trajectory: null, gap: null, variation: null, assurance: null, spcWarnings: [], trend, status: 'no-data', reason, points: 0 };
}

/** One ambition for one area: latest value, trajectory, gap, SPC icons, trend and status. */
export function scorecardCell(input: CellInput): ScorecardCell {
  const { area, ambition, period } = input;
  const { path, direction, scale, unit } = ambition;
  const byPeriod = new Map<string, IndicatorValue>();
  for (const v of input.values) if (v.value !== null && (period === null || v.period <= period)) byPeriod.set(v.period, v);
  const series = [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period)).map((v) => ({ period: v.period, value: (v.value as number) * scale, synthetic: v.synthetic }));
  if (!series.length) return noDataCell(area, `No data yet: there are no values for ${area.name}${period ? ` up to ${period}` : ''}.`);

  const latest = series[series.length - 1];
  const trend = trendOf(series, period ?? latest.period, direction);
  const trajectory = trajectoryAt(path, latest.period);

  let variation: ScorecardCell['variation'] = null;
  let assurance: ScorecardCell['assurance'] = null;
  let spcWarnings: string[] = [];
  try {
    // The same SPC as the indicator page's ?ambition=: one function, one source of targets.
    const view = indicatorSpc(input.indicator, area.code, '', [...byPeriod.values()], ambition);
    if (view.spc) {
      variation = view.spc.variation;
      assurance = view.spc.assurance;
      spcWarnings = view.spc.warnings;
    } else spcWarnings = [`No SPC: ${view.reason ?? 'too few values'}`];
  } catch (error) {
    if (!(error instanceof SpcInputError)) throw error;
    spcWarnings = [`No SPC: ${error.message}.`];
  }

  const base = { area, latest, trajectory, variation, assurance, spcWarnings, trend, points: series.length };
  const shown = withUnit(fmt(latest.value), unit);
  if (!trajectory) {
    return { ...base, gap: null, status: 'no-data', reason: `No trajectory to judge by: the latest value (${shown}, ${latest.period}) is before the plan's baseline (${path.baseline.date.slice(0, 7)}).` };
  }
  const difference = latest.value - trajectory.value;
  const gapDirection = Math.abs(difference) < 1e-9 ? 'level' : (difference > 0) === (direction === 'higher') ? 'better' : 'worse';
  const status = gapDirection === 'worse' ? 'off-track' : 'on-track';
  const gapWords = gapDirection === 'level' ? 'level with' : `${fmt(Math.abs(difference))} ${gapDirection} than`;
  const spcWords = variation ? ` The latest point is ${signalOrNoise(variation)}${assurance ? `; ${ASSURANCE_WORDS[assurance].toLowerCase()}` : ''}.` : '';
  const reason = `${status === 'on-track' ? 'On track' : 'Off track'}: ${shown} in ${latest.period}, ${gapWords} the trajectory of ${withUnit(fmt(trajectory.value), unit)} (${trajectory.words}).${spcWords}`;
  return { ...base, gap: { value: difference, direction: gapDirection }, status, reason };
}
