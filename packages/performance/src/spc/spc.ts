import type { SpcInputPoint, SpcOptions, SpcPointResult, SpcResult } from '../types';
import { SPC_PROFILES } from '../types';
import { assuranceOf, pointTypeOf, variationIconOf } from './assurance';
import { SpcInputError } from './errors';
import { groupLimits } from './limits';
import { MIN_FIX_AFTER, SHORT_GROUP_THRESHOLD, SPC_PROFILE_SETTINGS } from './profiles';
import { groupRules } from './rules';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(date: string, what: string): void {
  if (typeof date !== 'string' || !ISO_DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw new SpcInputError(`${what} must be a date YYYY-MM-DD (got ${JSON.stringify(date)})`);
  }
}

/**
 * An XmR chart's statistics, as NHS England's Making Data Count method and NHSRplotthedots 0.2.2
 * (profile 'nhsrplotthedots', the default) or the Making Data Count Excel tool (profile 'mdc'):
 * see profiles.ts for where they differ. Points are taken in date order; a trajectory target array
 * is aligned with the input as given.
 */
export function spc(points: readonly SpcInputPoint[], options: SpcOptions): SpcResult {
  const profileId = options.profile ?? 'nhsrplotthedots';
  if (!SPC_PROFILES.includes(profileId)) throw new SpcInputError(`the SPC profile must be one of ${SPC_PROFILES.join(', ')} (got ${JSON.stringify(profileId)})`);
  const profile = SPC_PROFILE_SETTINGS[profileId];
  const { improvement } = options;
  if (improvement !== 'increase' && improvement !== 'decrease' && improvement !== 'neutral') {
    throw new SpcInputError(`improvement must be increase, decrease or neutral (got ${JSON.stringify(improvement)})`);
  }
  const runLength = options.runLength ?? profile.runLength;
  if (!profile.allowedRunLengths.includes(runLength)) {
    throw new SpcInputError(`the ${profileId} profile's run length must be ${profile.allowedRunLengths.join(' or ')} (got ${runLength})`);
  }
  const { fixAfter } = options;
  if (fixAfter !== undefined && (!Number.isInteger(fixAfter) || fixAfter < MIN_FIX_AFTER)) {
    throw new SpcInputError(`fix-after must be a whole number of at least ${MIN_FIX_AFTER} points (got ${fixAfter})`);
  }
  if (points.length < 2) throw new SpcInputError(`SPC needs at least 2 points (got ${points.length})`);

  const seen = new Set<string>();
  points.forEach((p, i) => {
    checkDate(p.date, `point ${i + 1}'s date`);
    if (typeof p.value !== 'number' || !Number.isFinite(p.value)) throw new SpcInputError(`the value on ${p.date} is not a finite number (got ${JSON.stringify(p.value)})`);
    if (seen.has(p.date)) throw new SpcInputError(`the date ${p.date} appears more than once`);
    seen.add(p.date);
  });

  const { target } = options;
  if (Array.isArray(target) && target.length !== points.length) {
    throw new SpcInputError(`a trajectory needs one target per point (${points.length}), got ${target.length}`);
  }
  const targetAt = (inputIndex: number): number | null => {
    if (target === undefined) return null;
    const t = typeof target === 'number' ? target : (target as readonly (number | null)[])[inputIndex];
    if (t !== null && (typeof t !== 'number' || !Number.isFinite(t))) throw new SpcInputError(`a target must be a finite number (got ${JSON.stringify(t)})`);
    return t;
  };

  const order = points.map((_p, i) => i).sort((a, b) => (points[a].date < points[b].date ? -1 : 1));
  const sorted = order.map((i) => points[i]);
  const targets = order.map(targetAt);

  const warnings: string[] = [];
  const rebaseDates = new Set<string>();
  for (const date of options.rebase ?? []) {
    checkDate(date, 'a rebase date');
    if (!seen.has(date)) warnings.push(`The rebase date ${date} is not a date of the series, so it is ignored.`);
    rebaseDates.add(date);
  }

  // Groups: each rebase date (other than the first point's) starts one.
  const groups: number[][] = [[]];
  sorted.forEach((p, i) => {
    if (i > 0 && rebaseDates.has(p.date)) groups.push([]);
    groups[groups.length - 1].push(i);
  });

  const results: SpcPointResult[] = [];
  let last: ReturnType<typeof groupLimits> | undefined;
  groups.forEach((members, g) => {
    const from = sorted[members[0]].date;
    if (members.length < 2) throw new SpcInputError(`the group from ${from} has ${members.length} point; each rebase group needs at least 2`);
    if (members.length < SHORT_GROUP_THRESHOLD) {
      warnings.push(`The group from ${from} has ${members.length} points, fewer than ${SHORT_GROUP_THRESHOLD}: its limits are trial limits, to be revised with each new point.`);
    }
    const values = members.map((i) => sorted[i].value);
    const limits = groupLimits(values, profile.screenOutliers, fixAfter);
    const hits = groupRules(values, limits, profile, runLength);
    members.forEach((i, k) => {
      const hit = hits[k];
      results.push({
        date: sorted[i].date,
        value: sorted[i].value,
        mean: limits.mean,
        lpl: limits.lpl,
        upl: limits.upl,
        lowerTwoSigma: limits.lowerTwoSigma,
        upperTwoSigma: limits.upperTwoSigma,
        target: targets[i],
        pointType: pointTypeOf(hit?.direction ?? 0, improvement),
        rule: hit?.rule ?? null,
        group: g,
      });
    });
    last = limits;
  });

  const latest = results[results.length - 1];
  return {
    profile: profileId,
    improvement,
    points: results,
    variation: variationIconOf(latest.pointType, improvement),
    assurance: last ? assuranceOf(improvement, latest.target, last.lpl, last.upl) : null,
    warnings,
  };
}
