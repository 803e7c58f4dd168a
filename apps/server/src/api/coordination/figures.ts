import { prescriptionFacts, prescriptionFigures } from '@footprint/coordination';
import { lsoaByCode } from '@footprint/geography';
import { runningFootprint } from '@footprint/partnership';
import { IndicatorValueStore, type IndicatorValue } from '@footprint/performance';
import { systemContext } from '@footprint/record';
import type { Platform } from '../../platform';

export const SOCIAL_PRESCRIBING_INDICATORS = ['social-prescribing-referrals', 'social-prescribing-wellbeing-improved'] as const;

const value = (v: Omit<IndicatorValue, 'lower95' | 'upper95' | 'lower998' | 'upper998' | 'synthetic'>): IndicatorValue => ({ ...v, lower95: null, upper95: null, lower998: null, upper998: null, synthetic: false });

/**
 * Sends social prescribing's figures to the performance pillar's indicators
 * (docs/coordination.md §5): referrals by month, and the share whose wellbeing improved, for the
 * footprint and each place, for everyone and by IMD quintile, after disclosure control. Read from
 * the record for planning (PUBHLTH), so people with a national data opt-out are left out; no row
 * names or counts anyone below the threshold. Replaces the two indicators' values; returns how many.
 */
export async function sendSocialPrescribingFigures(platform: Pick<Platform, 'record' | 'sql'>): Promise<number> {
  const footprint = await runningFootprint(platform.record);
  if (!footprint) return 0;
  const facts = await prescriptionFacts(platform.record, systemContext('PUBHLTH', 'social-prescribing-figures'));
  const lsoas = lsoaByCode();
  const figures = prescriptionFigures(facts, footprint.onsCode, (code) => {
    const l = lsoas.get(code);
    return l ? { placeCode: l.ladCode, imdDecile: l.imdDecile } : undefined;
  });
  const note = 'Counts of 7 or fewer are suppressed and others rounded to the nearest 5; the percentage is computed from the rounded counts.';
  const values = figures.flatMap((f) => [
    value({ indicatorId: 'social-prescribing-referrals', areaCode: f.areaCode, areaType: f.areaType, period: f.period, breakdown: f.breakdown, value: f.referrals, numerator: f.referrals, denominator: null, note }),
    value({ indicatorId: 'social-prescribing-wellbeing-improved', areaCode: f.areaCode, areaType: f.areaType, period: f.period, breakdown: f.breakdown, value: f.improvedPercent, numerator: f.improved, denominator: f.measured, note }),
  ]);
  return new IndicatorValueStore(platform.sql).replace(SOCIAL_PRESCRIBING_INDICATORS, values);
}

/**
 * Refreshes the figures after something that changes them (a referral completed, answers after),
 * without failing the user's request: the figures are the performance pillar's, and a problem
 * sending them is logged (with no record content) for the next change to repair.
 */
export async function refreshSocialPrescribingFigures(platform: Pick<Platform, 'record' | 'sql'>, log: { warn(obj: object, msg: string): void }): Promise<void> {
  try {
    await sendSocialPrescribingFigures(platform);
  } catch (err) {
    log.warn({ err: (err as Error).name }, 'social prescribing figures were not sent to the performance indicators');
  }
}
