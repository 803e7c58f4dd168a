import type { Bundle, CarePlan, CareTeam, Extension, Goal } from '@footprint/fhir';
import type { CarePlanRequest, EndOfLifeWishes, PlanActivity } from './input';
import { CARE_PLAN_TEMPLATE_SYSTEM, templateOf } from './templates';

/**
 * How a shared care plan is held in FHIR R4 (docs/coordination.md §2): a CarePlan whose category
 * is its template, with its care team (CareTeam, members from several organisations, each
 * `onBehalfOf` their organisation, which the record turns into a `care-team` care relationship),
 * its goals in the person's own words (Goal, `expressedBy` the person), its activities (each
 * `performer` the owning organisation) and, where FHIR has no element, Footprint extensions.
 */
const EXT = 'https://fhir.footprint.example/StructureDefinition/';
export const CARE_PLAN_EXTENSIONS = {
  whatMattersToMe: `${EXT}care-plan-what-matters-to-me`,
  contingency: `${EXT}care-plan-contingency`,
  reviewOn: `${EXT}care-plan-next-review`,
  preferredPlaceOfCare: `${EXT}end-of-life-preferred-place-of-care`,
  preferredPlaceOfDeath: `${EXT}end-of-life-preferred-place-of-death`,
  resuscitation: `${EXT}resuscitation-decision`,
} as const;
/** A Goal the person added to a plan themselves carries this tag, with the plan's id as its code. */
export const CARE_PLAN_GOAL_TAG = 'https://fhir.footprint.example/CodeSystem/care-plan';

/** FHIR has no empty arrays: a list with nothing in it is left out. */
export const nonEmpty = <K extends string, T>(key: K, list: T[]): Partial<Record<K, T[]>> => (list.length ? ({ [key]: list } as Record<K, T[]>) : {});

const stringExt = (url: string, value: string | undefined): Extension[] => (value ? [{ url, valueString: value }] : []);

/** The plan's own words and dates as extensions, replacing any it had. */
export function planExtensions(facts: { whatMattersToMe?: string; contingency?: string; reviewOn?: string; endOfLife?: EndOfLifeWishes }): Extension[] {
  const eol = facts.endOfLife;
  const r = eol?.resuscitation;
  return [
    ...stringExt(CARE_PLAN_EXTENSIONS.whatMattersToMe, facts.whatMattersToMe),
    ...stringExt(CARE_PLAN_EXTENSIONS.contingency, facts.contingency),
    ...(facts.reviewOn ? [{ url: CARE_PLAN_EXTENSIONS.reviewOn, valueDate: facts.reviewOn }] : []),
    ...stringExt(CARE_PLAN_EXTENSIONS.preferredPlaceOfCare, eol?.preferredPlaceOfCare),
    ...stringExt(CARE_PLAN_EXTENSIONS.preferredPlaceOfDeath, eol?.preferredPlaceOfDeath),
    ...(r
      ? [{ url: CARE_PLAN_EXTENSIONS.resuscitation, extension: [{ url: 'decision', valueCode: r.decision }, { url: 'date', valueDate: r.date }, { url: 'madeBy', valueString: r.madeBy }] }]
      : []),
  ];
}

export const planActivity = (a: PlanActivity): NonNullable<CarePlan['activity']>[number] => ({
  detail: {
    status: a.status ?? 'not-started',
    description: a.description,
    performer: [{ reference: a.owner, ...(a.ownerName ? { display: a.ownerName } : {}) }],
  },
});

export function goalResource(patientId: string, description: string): Goal {
  return { resourceType: 'Goal', lifecycleStatus: 'active', description: { text: description }, subject: { reference: `Patient/${patientId}` }, expressedBy: { reference: `Patient/${patientId}` } };
}

/** The transaction Bundle that starts a plan: its care team, its goals, then the plan naming both. */
export function newCarePlanBundle(request: CarePlanRequest, author: string, now: string): Bundle {
  const template = templateOf(request.template)!;
  const subject = { reference: `Patient/${request.patientId}` };
  const teamUrl = 'urn:uuid:' + crypto.randomUUID();
  const team: CareTeam = {
    resourceType: 'CareTeam',
    status: 'active',
    name: `Care team for the ${template.title.toLowerCase()}`,
    subject,
    period: { start: now },
    managingOrganization: [{ reference: author }],
    participant: request.team.map((m) => ({ role: [{ text: m.role }], member: { display: m.name }, onBehalfOf: { reference: m.organisation } })),
  };
  const goals = request.goals.map((text) => ({ fullUrl: 'urn:uuid:' + crypto.randomUUID(), resource: goalResource(request.patientId, text) }));
  const plan: CarePlan = {
    resourceType: 'CarePlan',
    status: 'active',
    intent: 'plan',
    category: [{ coding: [{ system: CARE_PLAN_TEMPLATE_SYSTEM, code: template.code, display: template.title }] }],
    title: request.title ?? template.title,
    subject,
    period: { start: now.slice(0, 10) },
    created: now,
    author: { reference: author },
    careTeam: [{ reference: teamUrl }],
    ...nonEmpty('goal', goals.map((g) => ({ reference: g.fullUrl }))),
    ...nonEmpty('activity', request.activities.map(planActivity)),
    ...nonEmpty('extension', planExtensions(request)),
  };
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      { fullUrl: teamUrl, resource: team, request: { method: 'POST', url: 'CareTeam' } },
      ...goals.map((g) => ({ ...g, request: { method: 'POST' as const, url: 'Goal' } })),
      { resource: plan, request: { method: 'POST', url: 'CarePlan' } },
    ],
  };
}
