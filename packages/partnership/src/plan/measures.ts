import { todayInEngland } from '../store/fields';
import type { MilestoneData, RiskData } from './kinds';


/**
 * A milestone is overdue when its due date has passed and it is not complete. Computed on reading
 * from the due date, never stored, so it can never disagree with the calendar.
 */
export function isMilestoneOverdue(milestone: Pick<MilestoneData, 'due' | 'status'>, today: string = todayInEngland()): boolean {
  return milestone.status !== 'complete' && milestone.due < today;
}

export const RISK_BANDS = ['low', 'moderate', 'high', 'extreme'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

/**
 * The usual NHS 5 × 5 risk matrix (NPSA, "A risk matrix for risk managers", 2008): the score is
 * likelihood × impact, 1 to 25, banded 1–3 low, 4–6 moderate, 8–12 high, 15–25 extreme (7, 11,
 * 13, 14 and others above 16 but not products of two scores cannot occur).
 */
export function riskScore(risk: Pick<RiskData, 'likelihood' | 'impact'>): { score: number; band: RiskBand } {
  const score = risk.likelihood * risk.impact;
  return { score, band: riskBand(score) };
}

export function riskBand(score: number): RiskBand {
  if (score <= 3) return 'low';
  if (score <= 6) return 'moderate';
  if (score <= 12) return 'high';
  return 'extreme';
}
