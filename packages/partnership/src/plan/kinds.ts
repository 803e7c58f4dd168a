import { z } from 'zod';
import { isoDate, odsCode, onsCode, period, text } from '../store/fields';
import { registerItemKinds, type ItemKind } from '../store/kinds';
import { indicatorLink } from './indicators';

/**
 * The plan's six kinds of item. A plan (one version of a footprint's plan: the 2016 STP, the 2019
 * response to the Long Term Plan, the 2021 ambitions…) holds priorities and ambitions (and
 * plan-wide risks); a priority holds programmes; a programme holds milestones and risks. Derived
 * things (a milestone's "overdue", a risk's score and band) are computed on reading, never stored.
 */

export const PLAN_STATUSES = ['draft', 'current', 'superseded'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: `must be one of ${values.join(', ')}` });
/** Marks content made up for the demonstration (figures the published plan does not state), shown wherever it appears. */
const illustrative = z.boolean({ message: 'must be true or false' }).optional();

export const planSchema = z
  .object({
    name: text(200),
    /** Which version this is, as people call it ("2021 ambitions", "2016 STP"). */
    version: text(100),
    /** When this version was published or agreed. */
    published: isoDate.optional(),
    /** The years it covers. */
    period: period.optional(),
    status: choice(PLAN_STATUSES),
    mission: text(1000).optional(),
    /** The version this one was started from (startNewPlanVersion sets it). */
    basedOn: text(80).optional(),
    /** The version that replaced this one (set when it is superseded). */
    supersededBy: text(80).optional(),
    /** Where the plan's words come from (the published document). */
    source: text(500).optional(),
  })
  .strict()
  .refine((p) => p.status === 'superseded' || p.supersededBy === undefined, { message: 'only a superseded plan names what superseded it', path: ['supersededBy'] });
export type PlanData = z.infer<typeof planSchema>;

export const PRIORITY_TYPES = ['clinical', 'enabling'] as const;
export const prioritySchema = z
  .object({
    name: text(200),
    type: choice(PRIORITY_TYPES),
    description: text(2000).optional(),
  })
  .strict();
export type PriorityData = z.infer<typeof prioritySchema>;

export const programmeSchema = z
  .object({
    name: text(200),
    description: text(2000).optional(),
    /** The lead organisation's ODS code: an organisation in the record (the API checks it is there). */
    leadOrganisation: odsCode.optional(),
    /** The senior responsible owner (a role or a named person: staff names are not patient data). */
    seniorResponsibleOwner: text(200).optional(),
    /** Places in scope, by local authority ONS code (E08000012); none means the whole footprint. */
    places: z.array(onsCode).max(100, { message: 'must list at most 100 places' }).refine((p) => new Set(p).size === p.length, { message: 'must not list a place twice' }).default([]),
    illustrative,
  })
  .strict();
export type ProgrammeData = z.infer<typeof programmeSchema>;

export const MILESTONE_STATUSES = ['not-started', 'on-track', 'at-risk', 'delayed', 'complete'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export const milestoneSchema = z
  .object({
    name: text(200),
    due: isoDate,
    status: choice(MILESTONE_STATUSES),
    /** When it was completed (only for a complete milestone). */
    completed: isoDate.optional(),
    note: text(2000).optional(),
    illustrative,
  })
  .strict()
  .refine((m) => m.status === 'complete' || m.completed === undefined, { message: 'only a complete milestone has a completion date', path: ['completed'] });
export type MilestoneData = z.infer<typeof milestoneSchema>;

const score = (what: string) => z.number({ message: `must be a whole number from 1 to 5 (${what})` }).int({ message: `must be a whole number from 1 to 5 (${what})` }).min(1, { message: `must be from 1 to 5 (${what})` }).max(5, { message: `must be from 1 to 5 (${what})` });
export const RISK_STATUSES = ['open', 'closed'] as const;
export const riskSchema = z
  .object({
    title: text(200),
    description: text(2000).optional(),
    likelihood: score('1 rare … 5 almost certain'),
    impact: score('1 negligible … 5 catastrophic'),
    owner: text(200),
    mitigation: text(2000),
    status: choice(RISK_STATUSES).default('open'),
    illustrative,
  })
  .strict();
export type RiskData = z.infer<typeof riskSchema>;

export const TRIPLE_AIM_GAPS = ['health-and-wellbeing', 'care-and-quality', 'finance-and-efficiency'] as const;
export type TripleAimGap = (typeof TRIPLE_AIM_GAPS)[number];
export const TRIPLE_AIM_LABELS: Record<TripleAimGap, string> = {
  'health-and-wellbeing': 'Health and wellbeing',
  'care-and-quality': 'Care and quality',
  'finance-and-efficiency': 'Finance and efficiency',
};

const measured = z.object({ value: z.number({ message: 'must be a number' }).finite({ message: 'must be a finite number' }), date: isoDate }).strict();
export const ambitionSchema = z
  .object({
    /** The commitment as the plan words it. */
    statement: text(300),
    gap: choice(TRIPLE_AIM_GAPS),
    /** What is measured, and how ("Deaths under 75 from cancer and cardiovascular disease per 100,000, age-standardised"). */
    measure: text(300),
    unit: text(40),
    baseline: measured,
    target: measured,
    /** Dated points on the way from the baseline to the target, in date order. */
    trajectory: z.array(measured).max(120, { message: 'must have at most 120 points' }).default([]),
    indicators: z.array(indicatorLink).max(20, { message: 'must link at most 20 indicators' }).default([]),
    note: text(1000).optional(),
    illustrative,
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.target.date <= a.baseline.date) ctx.addIssue({ code: 'custom', path: ['target', 'date'], message: 'must be after the baseline date' });
    a.trajectory.forEach((p, i) => {
      if (p.date < a.baseline.date || p.date > a.target.date) ctx.addIssue({ code: 'custom', path: ['trajectory', i, 'date'], message: `must be within the baseline date (${a.baseline.date}) and the target date (${a.target.date})` });
      else if (i > 0 && p.date <= a.trajectory[i - 1].date) ctx.addIssue({ code: 'custom', path: ['trajectory', i, 'date'], message: 'must be after the point before it (points are in date order, one per date)' });
    });
    const ids = a.indicators.map((l) => l.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['indicators', i, 'id'], message: `links ${id} twice` });
    });
    if (a.indicators.filter((l) => l.role === 'primary').length > 1) ctx.addIssue({ code: 'custom', path: ['indicators'], message: 'must have at most one primary indicator' });
  });
export type AmbitionData = z.infer<typeof ambitionSchema>;

export const PLAN: ItemKind<PlanData> = { kind: 'plan', label: 'plan', schema: planSchema, title: (d) => `${d.name} (${d.version})` };
export const PRIORITY: ItemKind<PriorityData> = { kind: 'priority', label: 'priority', parentKind: 'plan', schema: prioritySchema, title: (d) => d.name };
export const PROGRAMME: ItemKind<ProgrammeData> = { kind: 'programme', label: 'programme', parentKind: 'priority', schema: programmeSchema as z.ZodType<ProgrammeData>, title: (d) => d.name };
export const MILESTONE: ItemKind<MilestoneData> = { kind: 'milestone', label: 'milestone', parentKind: 'programme', schema: milestoneSchema, title: (d) => `${d.name}, due ${d.due}` };
export const RISK: ItemKind<RiskData> = { kind: 'risk', label: 'risk', parentKind: ['programme', 'plan'], schema: riskSchema as z.ZodType<RiskData>, title: (d) => d.title };
export const AMBITION: ItemKind<AmbitionData> = { kind: 'ambition', label: 'ambition', parentKind: 'plan', schema: ambitionSchema as z.ZodType<AmbitionData>, title: (d) => d.statement };

/** The plan's kinds by the name the API's paths use. */
export const PLAN_ITEM_KINDS = { priorities: PRIORITY, programmes: PROGRAMME, milestones: MILESTONE, risks: RISK, ambitions: AMBITION } as const;
export type PlanItemPath = keyof typeof PLAN_ITEM_KINDS;

registerItemKinds(PLAN as ItemKind<never>, PRIORITY as ItemKind<never>, PROGRAMME as ItemKind<never>, MILESTONE as ItemKind<never>, RISK as ItemKind<never>, AMBITION as ItemKind<never>);
