import { createHash } from 'node:crypto';
import { isActionOverdue, isMilestoneOverdue, riskRegister, type ActionView, type PlanTree } from '@footprint/partnership';
import { changedIndicator, CHANGED_RULE } from './changed';
import { byText, periodBounds, type PeriodBounds } from './period';
import type { BoardReport, BoardReportInputs, ReportAction, ReportMilestone, ReportRisk, ReportScorecardRow, ScorecardSource } from './types';

export const DEFAULT_TOP_RISKS = 5;

export const REPORT_METHODS: BoardReport['methods'] = {
  changed: CHANGED_RULE,
  milestones:
    "Due: the plan's milestones with a due date in the month. Missed: milestones due by the month's last day and not complete by then (judged by the completion date, so a milestone completed after the month still counts as missed for it), and those due in the month and completed late.",
  risks: 'The open risks of the plan (plan-wide and each programme’s), highest score (likelihood × impact, NHS 5 × 5 matrix) first; ties by likelihood, then title.',
  governance: 'Decisions dated in the month, and actions raised at a meeting in the month or due in it, across every governance body; overdue means open or in progress with a due date before the month ended.',
};

function scorecardRows(scorecard: ScorecardSource): ReportScorecardRow[] {
  return scorecard.gaps.flatMap((g) =>
    g.ambitions.map((a) => ({
      gap: g.gap,
      gapLabel: g.label,
      ambitionId: a.id,
      statement: a.statement,
      indicator: a.primary?.name ?? null,
      unit: a.unit,
      baseline: a.baseline,
      target: a.target,
      latest: a.footprint.latest,
      trajectory: a.footprint.trajectory?.value ?? null,
      gapToTrajectory: a.footprint.gap,
      variation: a.footprint.variation,
      assurance: a.footprint.assurance,
      trend: a.footprint.trend.words,
      status: a.footprint.status,
      reason: a.footprint.reason,
      illustrative: a.illustrative,
    })),
  );
}

function milestones(plan: Pick<PlanTree, 'priorities'>, bounds: PeriodBounds): BoardReport['milestones'] {
  const all: ReportMilestone[] = plan.priorities.flatMap((priority) =>
    priority.programmes.flatMap((programme) =>
      programme.milestones.map((m) => {
        const completeByEnd = m.data.status === 'complete' && (m.data.completed === undefined || m.data.completed <= bounds.end);
        const outstandingAtEnd = isMilestoneOverdue({ due: m.data.due, status: completeByEnd ? 'complete' : m.data.status === 'complete' ? 'on-track' : m.data.status }, bounds.after);
        const lateInMonth = completeByEnd && m.data.due >= bounds.start && m.data.completed !== undefined && m.data.completed > m.data.due;
        const missed = outstandingAtEnd || lateInMonth;
        return { id: m.id, name: m.data.name, programme: programme.data.name, due: m.data.due, status: m.data.status, completed: m.data.completed ?? null, missed, illustrative: m.data.illustrative ?? false };
      }),
    ),
  );
  all.sort((a, b) => byText(a.due, b.due) || byText(a.programme, b.programme) || byText(a.name, b.name) || byText(a.id, b.id));
  return { due: all.filter((m) => m.due >= bounds.start && m.due <= bounds.end), missed: all.filter((m) => m.missed) };
}

function risks(plan: Pick<PlanTree, 'plan' | 'priorities' | 'risks'>, top: number): BoardReport['risks'] {
  const open: ReportRisk[] = riskRegister({ ...plan, ambitions: [], today: '' } as PlanTree)
    .filter((r) => r.data.status !== 'closed')
    .map((r) => ({
      id: r.id,
      title: r.data.title,
      programme: r.programme?.name ?? null,
      likelihood: r.data.likelihood,
      impact: r.data.impact,
      score: r.score,
      band: r.band,
      owner: r.data.owner,
      mitigation: r.data.mitigation,
      illustrative: r.data.illustrative ?? false,
    }));
  open.sort((a, b) => b.score - a.score || b.likelihood - a.likelihood || byText(a.title, b.title) || byText(a.id, b.id));
  return { top: open.slice(0, top), open: open.length };
}

function actions(all: readonly ActionView[], bounds: PeriodBounds): ReportAction[] {
  const inMonth = (date: string) => date >= bounds.start && date <= bounds.end;
  return all
    .filter((a) => inMonth(a.meeting.date) || inMonth(a.dueDate))
    .map((a) => ({
      id: a.id,
      description: a.description,
      owner: a.owner.label,
      dueDate: a.dueDate,
      status: a.status,
      statusLabel: a.statusLabel,
      overdue: isActionOverdue(a, bounds.after),
      body: a.body.name,
      meeting: { title: a.meeting.title, date: a.meeting.date },
      decision: a.decision ? (a.decision.reference ?? a.decision.text) : null,
    }))
    .sort((a, b) => byText(a.dueDate, b.dueDate) || byText(a.body, b.body) || byText(a.description, b.description) || byText(a.id, b.id));
}

/** SHA-256 of the report's content, in a canonical form (keys sorted). */
export function reportDigest(content: Omit<BoardReport, 'digest'>): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
    return value;
  };
  return createHash('sha256').update(JSON.stringify(canonical(content))).digest('hex');
}

/**
 * The board report for a month, from inputs already gathered: a pure function (no clock, no
 * store), every list in a fixed order, so the same inputs give the same report.
 */
export function buildBoardReport(inputs: BoardReportInputs): BoardReport {
  const bounds = periodBounds(inputs.period);
  const considered = inputs.indicators.filter((s) => s.values.at(-1)?.period === inputs.period);
  const changed = inputs.indicators
    .map((s) => changedIndicator(s, inputs.period))
    .filter((c) => c !== null)
    .sort((a, b) => byText(a.gap, b.gap) || byText(a.name, b.name) || byText(a.id, b.id));
  const decisions = inputs.governance.decisions
    .filter((d) => d.date >= bounds.start && d.date <= bounds.end)
    .map((d) => ({ ...d }))
    .sort((a, b) => byText(a.date, b.date) || byText(a.body.name, b.body.name) || byText(a.reference ?? '', b.reference ?? '') || byText(a.id, b.id));
  const content: Omit<BoardReport, 'digest'> = {
    period: inputs.period,
    periodLabel: bounds.label,
    periodStart: bounds.start,
    periodEnd: bounds.end,
    footprint: { code: inputs.footprint.code, name: inputs.footprint.name },
    plan: inputs.plan ? { id: inputs.plan.plan.id, name: inputs.plan.plan.data.name, version: inputs.plan.plan.data.version } : null,
    scorecard: inputs.scorecard ? { rows: scorecardRows(inputs.scorecard), latestPeriod: inputs.scorecard.latestPeriod } : null,
    indicators: { changed, considered: considered.length, unchanged: considered.length - changed.length },
    ratings: {
      computed: [...inputs.ratings.computed].sort((a, b) => byText(a.engine.id, b.engine.id) || byText(a.subject, b.subject)),
      published: [...inputs.ratings.published].sort((a, b) => byText(b.period, a.period) || byText(a.scheme, b.scheme)),
    },
    milestones: inputs.plan ? milestones(inputs.plan, bounds) : { due: [], missed: [] },
    risks: inputs.plan ? risks(inputs.plan, inputs.topRisks ?? DEFAULT_TOP_RISKS) : { top: [], open: 0 },
    governance: { decisions, actions: actions(inputs.governance.actions, bounds) },
    methods: REPORT_METHODS,
  };
  return { ...content, digest: reportDigest(content) };
}
