import { footprintDefinitions } from '@footprint/geography';
import type { DemoSeedContext } from '../../demo/seed';
import type { PartnershipStore } from '../../store/items';
import { AMBITION, MILESTONE, PLAN, PRIORITY, PROGRAMME, RISK, type PlanData, type PriorityData } from '../kinds';
import { CHESHIRE_AND_MERSEYSIDE_AMBITIONS } from './cheshire-and-merseyside-ambitions';
import { CHESHIRE_AND_MERSEYSIDE_PLAN_RISKS, CHESHIRE_AND_MERSEYSIDE_PRIORITIES, type SeedPriority } from './cheshire-and-merseyside-programmes';

/** The seed plans' ids: stable, so seeding again finds them (and leaves people's edits alone). */
export const SEED_PLAN_IDS = {
  cheshireAndMerseyside2016: 'plan-e54000008-2016',
  cheshireAndMerseyside2021: 'plan-e54000008-2021',
  lancashireAndSouthCumbria: 'plan-e54000048-2016',
  herefordshireAndWorcestershire: 'plan-e54000019-2016',
} as const;

const n = (i: number) => String(i + 1).padStart(2, '0');

async function seedTree(store: PartnershipStore, footprint: string, planId: string, priorities: readonly SeedPriority[]): Promise<void> {
  for (const [i, priority] of priorities.entries()) {
    const priorityId = `${planId}-priority-${n(i)}-${priority.key}`;
    await store.seed(PRIORITY, { id: priorityId, footprint, parentId: planId, data: priority.data });
    for (const [j, programme] of priority.programmes.entries()) {
      const programmeId = `${planId}-programme-${n(i)}${n(j)}-${programme.key}`;
      await store.seed(PROGRAMME, { id: programmeId, footprint, parentId: priorityId, data: programme.data });
      for (const [k, milestone] of programme.milestones.entries()) await store.seed(MILESTONE, { id: `${programmeId}-m${n(k)}`, footprint, parentId: programmeId, data: milestone });
      for (const [k, risk] of programme.risks.entries()) await store.seed(RISK, { id: `${programmeId}-r${n(k)}`, footprint, parentId: programmeId, data: risk });
    }
  }
}

const ILLUSTRATIVE = 'Every baseline, target, trajectory, programme, milestone and risk in the demo is illustrative, marked so.';

async function cheshireAndMerseyside(store: PartnershipStore): Promise<void> {
  const footprint = 'E54000008';
  const name = 'Cheshire and Merseyside Health and Care Partnership plan';
  const plan2021 = SEED_PLAN_IDS.cheshireAndMerseyside2021;
  await store.seed(PLAN, {
    id: SEED_PLAN_IDS.cheshireAndMerseyside2016,
    footprint,
    data: { name, version: '2016 STP', published: '2016-11-16', period: { start: '2016-04-01', end: '2021-03-31' }, status: 'superseded', supersededBy: plan2021, source: 'Cheshire and Merseyside Sustainability and Transformation Plan, 2016. Its contents are not in the demo.' } satisfies PlanData,
  });
  await store.seed(PLAN, {
    id: plan2021,
    footprint,
    data: {
      name,
      version: '2021 ambitions',
      published: '2021-07-01',
      period: { start: '2021-04-01', end: '2026-03-31' },
      status: 'current',
      mission: 'To tackle inequalities and “improve the lives of our poorest, fastest”.',
      source: `The mission and the seven ambitions are the partnership’s own words (2021). ${ILLUSTRATIVE}`,
    } satisfies PlanData,
  });
  for (const [i, ambition] of CHESHIRE_AND_MERSEYSIDE_AMBITIONS.entries()) await store.seed(AMBITION, { id: `${plan2021}-ambition-${n(i)}`, footprint, parentId: plan2021, data: ambition });
  for (const [i, risk] of CHESHIRE_AND_MERSEYSIDE_PLAN_RISKS.entries()) await store.seed(RISK, { id: `${plan2021}-risk-${n(i)}`, footprint, parentId: plan2021, data: risk });
  await seedTree(store, footprint, plan2021, CHESHIRE_AND_MERSEYSIDE_PRIORITIES);
}

const clinical = (name: string): PriorityData => ({ name, type: 'clinical' });
const enabling = (name: string): PriorityData => ({ name, type: 'enabling' });

async function herefordshireAndWorcestershire(store: PartnershipStore): Promise<void> {
  const footprint = 'E54000019';
  const planId = SEED_PLAN_IDS.herefordshireAndWorcestershire;
  await store.seed(PLAN, {
    id: planId,
    footprint,
    data: { name: 'Herefordshire and Worcestershire Sustainability and Transformation Plan', version: '2016 STP', published: '2016-10-21', period: { start: '2016-04-01', end: '2021-03-31' }, status: 'current', source: 'The clinical priorities and enablers are the plan’s own (2016).' } satisfies PlanData,
  });
  const priorities = [
    ...['General practice', 'Maternity', 'Children', 'Mental health and learning disabilities', 'Urgent care', 'Stroke', 'Cancer', 'Out-of-hospital care and frailty'].map(clinical),
    ...['Workforce and organisational development', 'Digital', 'Communications and engagement', 'Change management', 'Self-care and patient empowerment', 'Estates', 'Back office'].map(enabling),
  ];
  for (const [i, data] of priorities.entries()) await store.seed(PRIORITY, { id: `${planId}-priority-${n(i)}`, footprint, parentId: planId, data });
}

async function lancashireAndSouthCumbria(store: PartnershipStore): Promise<void> {
  const footprint = 'E54000048';
  const planId = SEED_PLAN_IDS.lancashireAndSouthCumbria;
  const definition = footprintDefinitions().find((f) => f.ons_code === footprint);
  if (!definition) throw new Error('footprints.json has no Lancashire and South Cumbria (E54000048)');
  const ladCode = new Map(definition.places.map((p) => [p.name, p.lad19_code]));
  await store.seed(PLAN, {
    id: planId,
    footprint,
    data: { name: 'Healthier Lancashire and South Cumbria', version: '2016 STP', published: '2016-11-04', period: { start: '2016-04-01', end: '2021-03-31' }, status: 'current', source: 'The five local delivery areas are the plan’s own (2016); their places follow footprints.json.' } satisfies PlanData,
  });
  await seedTree(store, footprint, planId, [
    {
      key: 'local-delivery',
      data: { name: 'Local delivery areas', type: 'clinical', description: 'Care designed and delivered with each of the five local delivery areas’ people, councils and providers.' },
      programmes: (definition.delivery_systems ?? []).map((system) => ({
        key: system.name.toLowerCase().replace(/[^a-z]+/g, '-'),
        data: { name: system.name, places: system.places.map((place) => ladCode.get(place)!).filter(Boolean), description: `The ${system.name} local delivery area.` },
        milestones: [],
        risks: [],
      })),
    },
  ]);
}

/**
 * The demo's plans, for all three footprints the bundled data names (so `footprint serve` on any
 * of them has its plan): idempotent through store.seed with stable ids.
 */
export async function seedDemoPlans({ store }: Pick<DemoSeedContext, 'store'>): Promise<void> {
  await cheshireAndMerseyside(store);
  await lancashireAndSouthCumbria(store);
  await herefordshireAndWorcestershire(store);
}
