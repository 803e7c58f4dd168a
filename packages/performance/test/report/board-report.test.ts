import { describe, expect, it } from 'vitest';
import { findIndicator } from '../../src/indicators/catalogue';
import { buildBoardReport } from '../../src/report/build';
import { changedIndicator, indicatorSeries } from '../../src/report/changed';
import { BoardReportInputError, checkReportPeriod, periodBounds } from '../../src/report/period';
import { FOOTPRINT, PERIOD, inputs, monthly } from './fixture';

describe('the board report for a month', () => {
  it('checks the period and knows its bounds', () => {
    expect(periodBounds('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29', after: '2024-03-01', previous: '2024-01', label: 'February 2024' });
    expect(periodBounds('2025-01').previous).toBe('2024-12');
    for (const bad of ['2025-13', '2025-3', '2025-03-01', '', 202503, undefined]) expect(() => checkReportPeriod(bad)).toThrow(BoardReportInputError);
  });

  it('charts the indicators whose latest point is special cause, and only those with a value for the month', () => {
    const report = buildBoardReport(inputs());
    expect(report.indicators.considered).toBe(2);
    expect(report.indicators.changed.map((c) => c.id)).toEqual(['ae-four-hour-performance']);
    expect(report.indicators.unchanged).toBe(1);
    const ae = report.indicators.changed[0]!;
    expect(ae.reasons).toContain('special-cause');
    expect(ae.spc.points.at(-1)).toMatchObject({ value: 90, pointType: 'special_cause_improvement', rule: 'outside_limits' });
    expect(ae.variation).toBe('improvement_high');
    expect(ae.previousVariation).toBe('common_cause');
    expect(ae.reasons).toEqual(['special-cause', 'variation-changed']);
    expect(ae.synthetic).toBe(true);
  });

  it('charts an indicator whose icon changed back to common cause though its latest point is common cause', () => {
    const d = findIndicator('ae-four-hour-performance')!;
    // A spike in February (special cause) then back to normal in March.
    const values = monthly(d.id, PERIOD, [...Array.from({ length: 22 }, (_v, i) => (i % 2 ? 72 : 70)), 95, 71]);
    const changed = changedIndicator(indicatorSeries(d, values, PERIOD, '2025-02'), PERIOD)!;
    expect(changed.spc.points.at(-1)!.pointType).toBe('common_cause');
    expect(changed.reasons[0]).toBe('variation-changed');
    expect(changed.previousVariation).toBe('improvement_high');
    expect(changed.variation).toBe('common_cause');
    expect(changed.why).toMatch(/^The variation icon changed \(was special cause variation: improvement, higher values\)/);
    // The same series a month later, nothing new: not charted.
    const quiet = monthly(d.id, '2025-04', [...Array.from({ length: 22 }, (_v, i) => (i % 2 ? 72 : 70)), 95, 71, 72]);
    expect(changedIndicator(indicatorSeries(d, quiet, '2025-04', '2025-03'), '2025-04')).toBeNull();
  });

  it('lists milestones due in the month and those missed as at its end, by due date', () => {
    const { milestones } = buildBoardReport(inputs());
    expect(milestones.due.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(milestones.due.map((m) => m.missed)).toEqual([true, false]);
    // m3 delayed since January; m4 completed only in April (after the month); m1 due 10 March, not complete.
    expect(milestones.missed.map((m) => m.id)).toEqual(['m3', 'm4', 'm1']);
    expect(milestones.missed.map((m) => m.programme)).toEqual(['Urgent and emergency care', 'Urgent and emergency care', 'Urgent and emergency care']);
  });

  it('shows the top open risks by score, then likelihood, then title', () => {
    const { risks } = buildBoardReport(inputs());
    expect(risks.open).toBe(6);
    expect(risks.top.map((r) => [r.id, r.score])).toEqual([['r2', 20], ['r5', 20], ['r1', 16], ['r4', 9], ['r7', 8]]);
    expect(risks.top[1]).toMatchObject({ programme: null, band: 'extreme' });
    expect(buildBoardReport(inputs({ topRisks: 2 })).risks.top.map((r) => r.id)).toEqual(['r2', 'r5']);
  });

  it('takes the decisions dated in the month and the actions raised or due in it, overdue as at the month end', () => {
    const { governance } = buildBoardReport(inputs());
    expect(governance.decisions.map((d) => d.id)).toEqual(['d2']);
    expect(governance.actions.map((a) => [a.id, a.overdue])).toEqual([
      ['a1', true],
      ['a2', false],
    ]);
  });

  it('flattens the scorecard and keeps ratings, computed and published', () => {
    const report = buildBoardReport(inputs());
    expect(report.footprint).toEqual(FOOTPRINT);
    expect(report.plan).toEqual({ id: 'plan-1', name: 'Cheshire and Merseyside Health and Care Partnership plan', version: '2021 ambitions' });
    expect(report.scorecard!.rows).toHaveLength(1);
    expect(report.scorecard!.rows[0]).toMatchObject({ gapLabel: 'Care and quality', indicator: 'A&E four-hour performance', trajectory: 78, status: 'on-track' });
    expect(report.ratings.computed[0]!.rating!.label).toBe('Segment 2');
    expect(report.ratings.published[0]!.ratingLabel).toBe('Category 2 – Advanced');
  });

  it('is the same report for the same inputs, whatever order they come in, and a different digest when the data differs', () => {
    const a = buildBoardReport(inputs());
    const shuffled = inputs();
    shuffled.indicators = [...shuffled.indicators].reverse();
    shuffled.governance = { decisions: [...shuffled.governance.decisions].reverse(), actions: [...shuffled.governance.actions].reverse() };
    expect(buildBoardReport(shuffled)).toEqual(a);
    expect(a.digest).toMatch(/^[0-9a-f]{64}$/);
    const changed = inputs();
    changed.plan!.risks[0]!.data.title = 'A different risk';
    expect(buildBoardReport(changed).digest).not.toBe(a.digest);
  });

  it('is empty but whole without a plan', () => {
    const report = buildBoardReport(inputs({ plan: null, scorecard: null }));
    expect(report.plan).toBeNull();
    expect(report.milestones).toEqual({ due: [], missed: [] });
    expect(report.risks).toEqual({ top: [], open: 0 });
  });
});
