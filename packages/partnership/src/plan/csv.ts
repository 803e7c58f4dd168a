import { writeCsv } from '../csv/csv';
import { TRIPLE_AIM_LABELS } from './kinds';
import { riskRegister, type PlanTree } from './tree';

/** The plan's CSV exports (through the one writer, writeCsv): ambitions, milestones and the risk register. */
export const PLAN_CSV = ['ambitions', 'milestones', 'risks'] as const;
export type PlanCsv = (typeof PLAN_CSV)[number];

const yesNo = (b: boolean | undefined) => (b ? 'yes' : 'no');

export function planCsv(tree: PlanTree, which: PlanCsv): string {
  const plan = { plan_id: tree.plan.id, plan_version: tree.plan.data.version };
  if (which === 'ambitions') {
    return writeCsv(
      ['plan_id', 'plan_version', 'id', 'version', 'statement', 'triple_aim_gap', 'measure', 'unit', 'baseline_value', 'baseline_date', 'target_value', 'target_date', 'trajectory', 'primary_indicator', 'supporting_indicators', 'illustrative', 'note'],
      tree.ambitions.map((a) => ({
        ...plan,
        id: a.id,
        version: a.version,
        statement: a.data.statement,
        triple_aim_gap: TRIPLE_AIM_LABELS[a.data.gap],
        measure: a.data.measure,
        unit: a.data.unit,
        baseline_value: a.data.baseline.value,
        baseline_date: a.data.baseline.date,
        target_value: a.data.target.value,
        target_date: a.data.target.date,
        trajectory: a.data.trajectory.map((p) => `${p.date} ${p.value}`).join('; '),
        primary_indicator: a.data.indicators.find((l) => l.role === 'primary')?.id,
        supporting_indicators: a.data.indicators.filter((l) => l.role === 'supporting').map((l) => l.id).join('; '),
        illustrative: yesNo(a.data.illustrative),
        note: a.data.note,
      })),
    );
  }
  if (which === 'milestones') {
    return writeCsv(
      ['plan_id', 'plan_version', 'priority', 'programme', 'id', 'version', 'milestone', 'due', 'status', 'overdue', 'completed', 'illustrative'],
      tree.priorities.flatMap((priority) =>
        priority.programmes.flatMap((p) =>
          p.milestones.map((m) => ({ ...plan, priority: priority.data.name, programme: p.data.name, id: m.id, version: m.version, milestone: m.data.name, due: m.data.due, status: m.data.status, overdue: yesNo(m.overdue), completed: m.data.completed, illustrative: yesNo(m.data.illustrative) })),
        ),
      ),
    );
  }
  return writeCsv(
    ['plan_id', 'plan_version', 'programme', 'id', 'version', 'risk', 'likelihood', 'impact', 'score', 'band', 'owner', 'mitigation', 'status', 'illustrative'],
    riskRegister(tree).map((r) => ({ ...plan, programme: r.programme?.name ?? '(whole plan)', id: r.id, version: r.version, risk: r.data.title, likelihood: r.data.likelihood, impact: r.data.impact, score: r.score, band: r.band, owner: r.data.owner, mitigation: r.data.mitigation, status: r.data.status, illustrative: yesNo(r.data.illustrative) })),
  );
}
