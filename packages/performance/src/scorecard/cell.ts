import { spc } from '../spc';
import { SpcInputError } from '../spc/errors';
import type { IndicatorValue, SpcProfileId } from '../types';
import { firstDay, fmt } from './periods';
import { trajectoryAt, type TrajectoryPath } from './trajectory';
import { trendOf } from './trend';
import type { PlanDirection, ScorecardArea, ScorecardCell, Trend } from './types';
import { ASSURANCE_WORDS, signalOrNoise, withUnit } from './words';

export interface CellInput {
  area: ScorecardArea;
  /** The primary indicator's values for the area (everyone, non-null), any order. */
  values: readonly IndicatorValue[];
  path: TrajectoryPath;
  direction: PlanDirection;
  scale: number;
  unit: string;
  profile: SpcProfileId;
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
  const { area, path, direction, scale, unit, period } = input;
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
    const result = spc(
      series.map((p) => ({ date: firstDay(p.period), value: p.value })),
      { improvement: direction === 'higher' ? 'increase' : 'decrease', target: series.map((p) => trajectoryAt(path, p.period)?.value ?? null), profile: input.profile },
    );
    variation = result.variation;
    assurance = result.assurance;
    spcWarnings = result.warnings;
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
