import { trajectoryAt, type TrajectoryPath } from '../scorecard/trajectory';
import type { PlanDirection } from '../scorecard/types';
import type { IndicatorDefinition } from '../types';

/**
 * An ambition of the plan as its primary indicator's SPC is judged against it: the plan's path
 * (baseline → trajectory points → target), the factor that puts the indicator's values in the
 * ambition's units (12 for an annual rate counted monthly, else 1) and the way the plan wants the
 * measure to move. The scorecard, the drill-down and the indicator page's `ambition=` all build
 * one with `ambitionTarget` and give it to `targetsFor`, so they never disagree.
 */
export interface AmbitionTarget {
  /** The ambition's id in the plan. */
  id: string;
  statement: string;
  path: TrajectoryPath;
  /** What the indicator's values are multiplied by to read in the ambition's units. */
  scale: number;
  /** Why values are scaled, in words, or null when they are not. */
  scaleWords: string | null;
  /** The ambition's unit (the values' unit once scaled). */
  unit: string;
  direction: PlanDirection;
}

/**
 * The target each month's point is judged against; the one source of targets and trajectories
 * for SPC.
 * - With an ambition: the plan's trajectory for the month, interpolated as the scorecard does
 *   (`trajectoryAt`), in the ambition's units; null before the baseline.
 * - Otherwise, from the catalogue: with a trajectory, the latest trajectory (or target) value at
 *   or before the month (null before the first); with a target alone, its value at every month (a
 *   standard to meet); otherwise null.
 */
export function targetsFor(indicator: IndicatorDefinition, periods: readonly string[], ambition?: AmbitionTarget | null): (number | null)[] {
  if (ambition) return periods.map((period) => trajectoryAt(ambition.path, period)?.value ?? null);
  const steps = [...(indicator.trajectory ?? []), ...(indicator.target && indicator.trajectory?.length ? [indicator.target] : [])].sort((a, b) => a.period.localeCompare(b.period));
  if (steps.length) {
    return periods.map((period) => {
      const reached = steps.filter((s) => s.period <= period);
      return reached.length ? reached[reached.length - 1]!.value : null;
    });
  }
  return periods.map(() => indicator.target?.value ?? null);
}
