import { createRecord, recordMigrationSets, type OpenRecord } from '@footprint/record';
import { openOnTestStorage, postgresKinds } from '@footprint/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AMBITION,
  MILESTONE,
  PLAN,
  PROGRAMME,
  RISK,
  SEED_PLAN_IDS,
  isMilestoneOverdue,
  listPlans,
  partnershipMigrationSets,
  PartnershipProblem,
  PartnershipStore,
  planCsv,
  readCsv,
  readPlanTree,
  riskBand,
  riskRegister,
  seedDemoPlans,
  startNewPlanVersion,
  type AmbitionData,
  type Editor,
} from '../src';

const lead: Editor = { id: 'u-lead', name: 'Pat Lead', role: 'partnership_lead' };
const CM = 'E54000008';
const PLAN_2021 = SEED_PLAN_IDS.cheshireAndMerseyside2021;

async function refusal(promise: Promise<unknown>): Promise<PartnershipProblem> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(PartnershipProblem);
  return error as PartnershipProblem;
}

const ambition = (over: Partial<AmbitionData> = {}): AmbitionData => ({
  statement: 'Fewer falls',
  gap: 'care-and-quality',
  measure: 'Emergency admissions for falls, 65 and over, per 100,000',
  unit: 'per 100,000',
  baseline: { value: 2100, date: '2022-03-31' },
  target: { value: 1900, date: '2025-03-31' },
  trajectory: [{ date: '2023-03-31', value: 2030 }, { date: '2024-03-31', value: 1960 }],
  indicators: [{ id: 'falls-admissions-65-plus', role: 'primary' }],
  ...over,
});

describe('risk bands and overdue milestones', () => {
  it('bands likelihood × impact as the 5 × 5 matrix does', () => {
    expect([1, 3, 4, 6, 8, 12, 15, 25].map(riskBand)).toEqual(['low', 'low', 'moderate', 'moderate', 'high', 'high', 'extreme', 'extreme']);
  });
  it('counts a milestone overdue only when its due date has passed and it is not complete', () => {
    expect(isMilestoneOverdue({ due: '2026-01-31', status: 'on-track' }, '2026-02-01')).toBe(true);
    expect(isMilestoneOverdue({ due: '2026-01-31', status: 'on-track' }, '2026-01-31')).toBe(false);
    expect(isMilestoneOverdue({ due: '2026-01-31', status: 'complete' }, '2026-02-01')).toBe(false);
  });
});

for (const kind of postgresKinds()) {
  describe(`the plan (${kind})`, () => {
    let record: OpenRecord;
    let store: PartnershipStore;
    beforeAll(async () => {
      record = await openOnTestStorage(kind, 'partnership_plan', (location) => createRecord({ ...location, migrations: [...recordMigrationSets, ...partnershipMigrationSets] }));
      store = new PartnershipStore(record.sql);
      await seedDemoPlans({ store });
    });
    afterAll(async () => record?.close());

    it('seeds Cheshire and Merseyside’s 2021 ambitions and mission as stated, each measurable and marked illustrative, and seeds once', async () => {
      const count = async () => Number((await record.sql.query<{ n: string }>('SELECT count(*) AS n FROM partnership_item_version')).rows[0].n);
      const before = await count();
      await seedDemoPlans({ store });
      expect(await count()).toBe(before);

      const plans = await listPlans(store, { onsCode: CM, name: 'Cheshire and Merseyside' });
      expect(plans.current).toBe(PLAN_2021);
      expect(plans.plans.map((p) => [p.data.version, p.data.status])).toEqual([['2021 ambitions', 'current'], ['2016 STP', 'superseded']]);
      const tree = await readPlanTree(store, PLAN_2021, { today: '2026-07-01' });
      expect(tree.plan.data.mission).toBe('To tackle inequalities and “improve the lives of our poorest, fastest”.');
      expect(tree.ambitions.map((a) => a.data.statement)).toEqual([
        'Fewer people dying from cancer, heart attacks and strokes',
        'Mental health services consistently high quality and funded to the national standard',
        'All communities supported to lead healthy lives',
        'Better access to more services closer to home, to reduce the need to visit A&E',
        'Consistently high quality and safe care for women and children',
        'More people with learning disabilities supported to live in the community',
        'Teams of professionals working together to provide care at or close to home',
      ]);
      for (const a of tree.ambitions) {
        expect(a.data.illustrative).toBe(true);
        expect(a.data.note).toMatch(/^Illustrative/);
        expect(a.data.indicators.length).toBeGreaterThan(0);
        expect(a.data.trajectory.every((p) => p.date > a.data.baseline.date && p.date < a.data.target.date)).toBe(true);
      }
      expect(new Set(tree.ambitions.map((a) => a.data.gap))).toEqual(new Set(['health-and-wellbeing', 'care-and-quality', 'finance-and-efficiency']));
      expect(tree.priorities.map((p) => p.data.type)).toEqual([...Array(6).fill('clinical'), 'enabling', 'enabling']);
      const early = tree.priorities[0].programmes[0];
      expect(early.data).toMatchObject({ name: 'Early cancer diagnosis', leadOrganisation: 'RQ6', illustrative: true });
      expect(early.milestones.map((m) => [m.data.due, m.data.status, m.overdue])).toEqual([
        ['2025-09-30', 'complete', false],
        ['2026-06-30', 'delayed', true],
        ['2028-03-31', 'on-track', false],
      ]);
      expect(early.summary).toMatchObject({ milestones: 3, complete: 1, overdue: 1, atRiskOrDelayed: 1, openRisks: 1, highestRisk: { score: 16, band: 'extreme' } });
      const register = riskRegister(tree);
      expect(register.map((r) => r.score)).toEqual([...register.map((r) => r.score)].sort((a, b) => b - a));
      expect(register.find((r) => !r.programme)?.data.title).toBe('The system does not live within its financial plan');
    });

    it('seeds Herefordshire and Worcestershire’s priorities and enablers, and Lancashire and South Cumbria’s five local delivery areas', async () => {
      const hw = await readPlanTree(store, SEED_PLAN_IDS.herefordshireAndWorcestershire);
      expect(hw.priorities.filter((p) => p.data.type === 'clinical').map((p) => p.data.name)).toEqual(['General practice', 'Maternity', 'Children', 'Mental health and learning disabilities', 'Urgent care', 'Stroke', 'Cancer', 'Out-of-hospital care and frailty']);
      expect(hw.priorities.filter((p) => p.data.type === 'enabling').map((p) => p.data.name)).toEqual(['Workforce and organisational development', 'Digital', 'Communications and engagement', 'Change management', 'Self-care and patient empowerment', 'Estates', 'Back office']);
      const lsc = await readPlanTree(store, SEED_PLAN_IDS.lancashireAndSouthCumbria);
      const areas = lsc.priorities[0].programmes;
      expect(areas.map((p) => p.data.name)).toEqual(['Fylde Coast', 'Pennine Lancashire', 'Central Lancashire', 'West Lancashire', 'Morecambe Bay']);
      expect(areas[0].data.places).toEqual(['E06000009', 'E07000119', 'E07000128']);
      expect(areas[0].placesInScope.map((p) => p.name)).toEqual(['Blackpool', 'Fylde', 'Wyre']);
      expect(areas.flatMap((p) => p.data.places)).toHaveLength(16);
      expect(lsc.plan.footprint).toBe('E54000048');
      expect((await refusal(readPlanTree(store, SEED_PLAN_IDS.lancashireAndSouthCumbria, { footprint: CM }))).status).toBe(404);
    });

    it('refuses bad plan items with the field named, and writes nothing', async () => {
      const first = (await readPlanTree(store, PLAN_2021)).priorities[0];
      const programmeId = first.programmes[0].id;
      const cases: Array<[() => Promise<unknown>, string]> = [
        [() => store.create(AMBITION, { footprint: CM, parentId: PLAN_2021, data: ambition({ trajectory: [{ date: '2021-03-31', value: 1 }] }) }, lead), 'trajectory.0.date: must be within the baseline date (2022-03-31) and the target date (2025-03-31)'],
        [() => store.create(AMBITION, { footprint: CM, parentId: PLAN_2021, data: ambition({ trajectory: [{ date: '2024-03-31', value: 1 }, { date: '2023-03-31', value: 2 }] }) }, lead), 'trajectory.1.date: must be after the point before it (points are in date order, one per date)'],
        [() => store.create(AMBITION, { footprint: CM, parentId: PLAN_2021, data: ambition({ target: { value: 1, date: '2022-03-31' } }) }, lead), 'target.date: must be after the baseline date'],
        [() => store.create(AMBITION, { footprint: CM, parentId: PLAN_2021, data: ambition({ indicators: [{ id: 'Premature Mortality', role: 'primary' }] }) }, lead), 'indicators.0.id: must be an indicator id: lower-case words and digits joined by hyphens, such as premature-mortality-cancer-u75'],
        [() => store.create(AMBITION, { footprint: CM, parentId: PLAN_2021, data: ambition({ indicators: [{ id: 'a-b', role: 'primary' }, { id: 'c-d', role: 'primary' }] }) }, lead), 'indicators: must have at most one primary indicator'],
        [() => store.create(AMBITION, { footprint: CM, parentId: PLAN_2021, data: { ...ambition(), gap: 'happiness' } }, lead), 'gap: must be one of health-and-wellbeing, care-and-quality, finance-and-efficiency'],
        [() => store.create(RISK, { footprint: CM, parentId: programmeId, data: { title: 'R', likelihood: 6, impact: 2, owner: 'O', mitigation: 'M' } }, lead), 'likelihood: must be from 1 to 5 (1 rare … 5 almost certain)'],
        [() => store.create(RISK, { footprint: CM, parentId: programmeId, data: { title: 'R', likelihood: 2, impact: 2.5, owner: 'O', mitigation: 'M' } }, lead), 'impact: must be a whole number from 1 to 5 (1 negligible … 5 catastrophic)'],
        [() => store.create(MILESTONE, { footprint: CM, parentId: programmeId, data: { name: 'M', due: '2026-02-30', status: 'on-track' } }, lead), 'due: must be a date written YYYY-MM-DD'],
        [() => store.create(MILESTONE, { footprint: CM, parentId: programmeId, data: { name: 'M', due: '2026-02-28', status: 'late' } }, lead), 'status: must be one of not-started, on-track, at-risk, delayed, complete'],
        [() => store.create(MILESTONE, { footprint: CM, parentId: programmeId, data: { name: 'M', due: '2026-02-28', status: 'on-track', completed: '2026-02-01' } }, lead), 'completed: only a complete milestone has a completion date'],
        [() => store.create(PROGRAMME, { footprint: CM, parentId: first.id, data: { name: 'P', places: ['Liverpool'] } }, lead), 'places.0: must be an ONS code such as E54000008'],
      ];
      for (const [attempt, detail] of cases) expect((await refusal(attempt())).detail).toBe(detail);
      // "overdue" is computed, never stored: a milestone carrying it is refused.
      expect((await refusal(store.create(MILESTONE, { footprint: CM, parentId: programmeId, data: { name: 'M', due: '2026-02-28', status: 'on-track', overdue: true } }, lead))).status).toBe(400);
      // A milestone belongs under a programme, not straight under the plan.
      expect((await refusal(store.create(MILESTONE, { footprint: CM, parentId: PLAN_2021, data: { name: 'M', due: '2026-02-28', status: 'on-track' } }, lead))).detail).toBe('parentId must name a programme, not a plan.');
      const tree = await readPlanTree(store, PLAN_2021);
      expect(tree.ambitions).toHaveLength(7);
      expect(tree.priorities[0].programmes[0].milestones).toHaveLength(3);
    });

    it('starts a new version from an existing one: the tree copied, the old one superseded and left as it was', async () => {
      const before = await readPlanTree(store, PLAN_2021);
      const stale = await refusal(startNewPlanVersion(record.sql, PLAN_2021, { version: '2024 refresh' }, lead, { ifVersion: before.plan.version + 1 }));
      expect(stale.status).toBe(409);
      expect((await refusal(startNewPlanVersion(record.sql, PLAN_2021, { version: '' }, lead))).detail).toBe('version: must not be empty');
      expect((await listPlans(store, { onsCode: CM, name: 'C&M' })).plans).toHaveLength(2);

      const next = await startNewPlanVersion(record.sql, PLAN_2021, { version: '2024 refresh', published: '2024-04-01' }, lead, { ifVersion: before.plan.version });
      expect(next.data).toMatchObject({ version: '2024 refresh', status: 'current', basedOn: PLAN_2021, mission: before.plan.data.mission, published: '2024-04-01' });
      const copied = await readPlanTree(store, next.id);
      const shape = (t: typeof before) => ({
        ambitions: t.ambitions.map((a) => a.data),
        risks: t.risks.map((r) => r.data),
        priorities: t.priorities.map((p) => ({ data: p.data, programmes: p.programmes.map((g) => ({ data: g.data, milestones: g.milestones.map((m) => m.data), risks: g.risks.map((r) => r.data) })) })),
      });
      expect(shape(copied)).toEqual(shape(before));
      expect(copied.ambitions.every((a) => a.id.startsWith(next.id))).toBe(true);

      const old = await store.get(PLAN, PLAN_2021);
      expect(old.data).toMatchObject({ status: 'superseded', supersededBy: next.id });
      expect(shape(await readPlanTree(store, PLAN_2021))).toEqual(shape(before));
      // (changedFields also lists `period` until the store compares JSON with sorted keys: jsonb reorders {start, end}.)
      expect((await store.history(PLAN_2021))[0]).toMatchObject({ change: 'updated', changedFields: expect.arrayContaining(['status', 'supersededBy']), changedBy: { name: 'Pat Lead' } });
      const plans = await listPlans(store, { onsCode: CM, name: 'C&M' });
      expect(plans.current).toBe(next.id);
      expect((await refusal(startNewPlanVersion(record.sql, PLAN_2021, { version: 'again' }, lead))).status).toBe(409);
      expect((await listPlans(store, { onsCode: CM, name: 'C&M' })).plans).toHaveLength(3);
    });

    it('exports ambitions, milestones and risks as CSV through the one writer', async () => {
      const tree = await readPlanTree(store, SEED_PLAN_IDS.cheshireAndMerseyside2021, { today: '2026-07-01' });
      const ambitions = readCsv(planCsv(tree, 'ambitions'));
      expect(ambitions).toHaveLength(7);
      expect(ambitions[0].cells).toMatchObject({ statement: 'Fewer people dying from cancer, heart attacks and strokes', triple_aim_gap: 'Health and wellbeing', baseline_value: '236', target_value: '212', illustrative: 'yes' });
      const milestones = readCsv(planCsv(tree, 'milestones'));
      expect(milestones.find((m) => m.cells.milestone === 'Targeted lung health checks offered in Knowsley and Halton')?.cells).toMatchObject({ status: 'delayed', overdue: 'yes', programme: 'Early cancer diagnosis' });
      const risks = readCsv(planCsv(tree, 'risks'));
      expect(risks.map((r) => Number(r.cells.score))).toEqual(riskRegister(tree).map((r) => r.score));
      expect(risks[0].cells.band).toBe('extreme');
    });
  });
}
