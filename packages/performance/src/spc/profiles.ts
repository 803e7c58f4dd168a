import type { SpcProfileId } from '../types';

/**
 * The two SPC profiles and every place they differ (docs/performance.md §3 has the same table).
 *
 * | Setting                              | nhsrplotthedots (0.2.2, default)         | mdc (Making Data Count Excel tool)          |
 * |--------------------------------------|------------------------------------------|---------------------------------------------|
 * | Moving-range outlier screening       | yes: MR ≥ 3.267 × average MR dropped once | no                                          |
 * | Run length for a shift and a trend   | 7, fixed                                 | 7 by default; 6 allowed (`runLength`)       |
 * | 2-of-3 rule counts points beyond 3σ  | no: only points between 2σ and 3σ        | yes (the tool's November 2023 change)       |
 *
 * Everything else (2.66 × average MR limits, 2σ at 2/3 of that, fix-after, rebasing, precedence
 * outside limits > trend > 2-of-3 > shift, assurance and icons) is the same in both.
 */
export interface SpcProfile {
  id: SpcProfileId;
  screenOutliers: boolean;
  /** Points in a row for a shift or a trend. */
  runLength: number;
  /** The run lengths the profile allows. */
  allowedRunLengths: readonly number[];
  twoInThreeCountsBeyondLimits: boolean;
}

export const SPC_PROFILE_SETTINGS: Readonly<Record<SpcProfileId, SpcProfile>> = {
  nhsrplotthedots: { id: 'nhsrplotthedots', screenOutliers: true, runLength: 7, allowedRunLengths: [7], twoInThreeCountsBeyondLimits: false },
  mdc: { id: 'mdc', screenOutliers: false, runLength: 7, allowedRunLengths: [6, 7], twoInThreeCountsBeyondLimits: true },
};

/** NHSRplotthedots' constants (R/ptd_spc_standard.R): limits at 2.66 × average MR, 2σ lines at 2/3 of that, screening at 3.267 × average MR. */
export const LIMIT_FACTOR = 2.66;
export const TWO_SIGMA_FACTOR = (2 * LIMIT_FACTOR) / 3;
export const SCREEN_FACTOR = 3.267;
/** Groups with fewer points than this get a warning (ptd_add_short_group_warnings' default threshold). */
export const SHORT_GROUP_THRESHOLD = 13;
/** fix_after_n_points must be at least this (ptd_spc_options). */
export const MIN_FIX_AFTER = 12;
