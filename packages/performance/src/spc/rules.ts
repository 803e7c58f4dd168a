import type { SpcRule } from '../types';
import type { GroupLimits } from './limits';
import type { SpcProfile } from './profiles';

/** The rule that fired on a point and which way it points (1 high/increasing, −1 low/decreasing), or null. */
export interface RuleHit {
  rule: SpcRule;
  direction: 1 | -1;
}

/** Flags every point of each run of `length` consecutive points for which `same(i − 1, i)` holds pairwise. */
function runs(n: number, length: number, same: (previous: number, current: number) => boolean): boolean[] {
  const flagged = new Array<boolean>(n).fill(false);
  let runStart = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || !same(i - 1, i)) runStart = i;
    if (i - runStart + 1 >= length) for (let j = i - length + 1; j <= i; j++) flagged[j] = true;
  }
  return flagged;
}

/**
 * The rules of one group, one label per point, with NHSRplotthedots' precedence (R/ptd_calculate_point_type.R):
 * outside the limits > trend > 2 of 3 beyond 2σ > shift.
 */
export function groupRules(values: readonly number[], limits: GroupLimits, profile: SpcProfile, runLength: number): (RuleHit | null)[] {
  const n = values.length;
  const side = values.map((y) => Math.sign(y - limits.mean));
  const outside = values.map((y) => y > limits.upl || y < limits.lpl);
  // Beyond 2σ: between the 2σ line and the limit, or (mdc) beyond the limit too.
  const beyondTwoSigma = values.map((y, i) => (profile.twoInThreeCountsBeyondLimits || !outside[i]) && (y > limits.upperTwoSigma || y < limits.lowerTwoSigma));

  // Trend: runLength points each strictly above (or below) the one before; a tie breaks it.
  const diff = values.map((y, i) => (i === 0 ? 0 : Math.sign(y - values[i - 1])));
  const trendFlag = new Array<boolean>(n).fill(false);
  for (let end = runLength - 1; end < n; end++) {
    const d = diff[end];
    if (d === 0) continue;
    let ok = true;
    for (let k = end - runLength + 2; k <= end; k++) if (diff[k] !== d) ok = false;
    if (ok) for (let k = end - runLength + 1; k <= end; k++) trendFlag[k] = true;
  }

  // 2 of 3: some window of three consecutive points containing the point has all three on one side of the
  // mean and at least two beyond 2σ; only the points beyond 2σ are flagged (ptd_part_of_two_in_three).
  const inTwoOfThree = new Array<boolean>(n).fill(false);
  for (let start = 0; start + 2 < n; start++) {
    const w = [start, start + 1, start + 2];
    const sameSide = side[start] !== 0 && w.every((i) => side[i] === side[start]);
    if (sameSide && w.filter((i) => beyondTwoSigma[i]).length >= 2) for (const i of w) if (beyondTwoSigma[i]) inTwoOfThree[i] = true;
  }

  // Shift: runLength points in a row on one side of the mean; a point on the mean breaks the run.
  const shift = runs(n, runLength, (p, c) => side[c] !== 0 && side[c] === side[p]);

  return values.map((_y, i): RuleHit | null => {
    const above: 1 | -1 = side[i] > 0 ? 1 : -1;
    if (outside[i]) return { rule: 'outside_limits', direction: above };
    if (trendFlag[i]) {
      // As NHSRplotthedots: a point inside a trend takes the direction of the step after it when the next
      // point is in a trend too, otherwise the step before it.
      const step = i + 1 < n && trendFlag[i + 1] ? Math.sign(values[i + 1] - values[i]) : i > 0 ? diff[i] : 0;
      return { rule: 'trend', direction: step === 1 ? 1 : -1 };
    }
    if (inTwoOfThree[i]) return { rule: 'two_in_three', direction: above };
    if (shift[i]) return { rule: 'shift', direction: above };
    return null;
  });
}
