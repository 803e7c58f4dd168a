import type { CarePlan, CareTeam, Extension, Goal, Task } from '@footprint/fhir';
import { contributingOrganisation, writerOf, type HistoryEntry } from '@footprint/record';
import type { EndOfLifeWishes, PlanActivity, ResuscitationDecision } from './input';
import { CARE_PLAN_EXTENSIONS, CARE_PLAN_GOAL_TAG } from './shape';
import { CARE_PLAN_TEMPLATE_SYSTEM } from './templates';

/** One change to a plan, as the team and the person see it: what changed, when, by whom and for which organisation. */
export interface CarePlanChangeView {
  version?: string;
  at: string;
  /** In words: "Plan started", "Changed: what matters to me, activities", "Goal added". */
  what: string;
  organisation?: string;
  writer?: { kind: string; id: string };
}

export interface CarePlanView {
  id: string;
  version: string;
  status: string;
  title: string;
  template: { code: string; title: string } | null;
  patientId: string;
  author?: string;
  created?: string;
  whatMattersToMe?: string;
  contingency?: string;
  reviewOn?: string;
  endOfLife?: EndOfLifeWishes;
  team: Array<{ name: string; role: string; organisation: string }>;
  goals: Array<{ id: string; description: string; status: string; addedByPerson: boolean }>;
  activities: Array<Required<Pick<PlanActivity, 'description' | 'owner'>> & { status: string; ownerName?: string; reference?: string }>;
  notes: Array<{ text: string; time?: string; author?: string }>;
  history: CarePlanChangeView[];
}

const ext = (plan: CarePlan, url: string): Extension | undefined => plan.extension?.find((e) => e.url === url);

function endOfLifeOf(plan: CarePlan): EndOfLifeWishes | undefined {
  const care = ext(plan, CARE_PLAN_EXTENSIONS.preferredPlaceOfCare)?.valueString;
  const death = ext(plan, CARE_PLAN_EXTENSIONS.preferredPlaceOfDeath)?.valueString;
  const r = ext(plan, CARE_PLAN_EXTENSIONS.resuscitation)?.extension;
  const part = (name: string) => r?.find((e) => e.url === name);
  const resuscitation: ResuscitationDecision | undefined = r
    ? { decision: part('decision')?.valueCode as ResuscitationDecision['decision'], date: part('date')?.valueDate ?? '', madeBy: part('madeBy')?.valueString ?? '' }
    : undefined;
  if (!care && !death && !resuscitation) return undefined;
  return { ...(care ? { preferredPlaceOfCare: care } : {}), ...(death ? { preferredPlaceOfDeath: death } : {}), ...(resuscitation ? { resuscitation } : {}) };
}

/** What differs between two versions of a plan, in the words the plan's page uses. */
function changedParts(before: CarePlan, after: CarePlan): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const parts: Array<[string, (p: CarePlan) => unknown]> = [
    ['title', (p) => p.title],
    ['status', (p) => p.status],
    ['what matters to me', (p) => ext(p, CARE_PLAN_EXTENSIONS.whatMattersToMe)],
    ['contingency plan', (p) => ext(p, CARE_PLAN_EXTENSIONS.contingency)],
    ['review date', (p) => ext(p, CARE_PLAN_EXTENSIONS.reviewOn)],
    ['end of life wishes', (p) => [ext(p, CARE_PLAN_EXTENSIONS.preferredPlaceOfCare), ext(p, CARE_PLAN_EXTENSIONS.preferredPlaceOfDeath), ext(p, CARE_PLAN_EXTENSIONS.resuscitation)]],
    ['activities', (p) => p.activity],
    ['goals', (p) => p.goal],
    ['notes', (p) => p.note],
  ];
  return parts.filter(([, get]) => !same(get(before), get(after))).map(([name]) => name);
}

function historyOf(entries: HistoryEntry[], addedGoals: Goal[]): CarePlanChangeView[] {
  const versions = entries.filter((e) => e.resource).sort((a, b) => Number(a.versionId) - Number(b.versionId));
  const changes: CarePlanChangeView[] = versions.map((e, i) => {
    const plan = e.resource as CarePlan;
    const organisation = contributingOrganisation(plan);
    const writer = writerOf(plan);
    const parts = i === 0 ? [] : changedParts(versions[i - 1].resource as CarePlan, plan);
    return {
      version: e.versionId,
      at: e.lastUpdated,
      what: i === 0 ? 'Plan started' : parts.length ? `Changed: ${parts.join(', ')}` : 'Saved without changes',
      ...(organisation ? { organisation } : {}),
      ...(writer ? { writer } : {}),
    };
  });
  for (const goal of addedGoals) {
    const organisation = contributingOrganisation(goal);
    const writer = writerOf(goal);
    changes.push({ at: goal.meta?.lastUpdated ?? '', what: `Goal added: “${goal.description?.text ?? ''}”`, ...(organisation ? { organisation } : {}), ...(writer ? { writer } : {}) });
  }
  return changes.sort((a, b) => a.at.localeCompare(b.at));
}

/** A plan as its page shows it, from the FHIR the record holds. */
export function carePlanViewOf(plan: CarePlan, team: CareTeam | undefined, goals: Goal[], history: HistoryEntry[], tasks: Task[] = []): CarePlanView {
  // An activity that is a Task (a team meeting's action) reads as the Task does now: what, whose, how far.
  const taskOf = (reference: string | undefined) => tasks.find((t) => `Task/${t.id}` === reference);
  const template = plan.category?.flatMap((c) => c.coding ?? []).find((c) => c.system === CARE_PLAN_TEMPLATE_SYSTEM);
  const addedGoals = goals.filter((g) => g.meta?.tag?.some((t) => t.system === CARE_PLAN_GOAL_TAG && t.code === plan.id));
  const eol = endOfLifeOf(plan);
  const whatMattersToMe = ext(plan, CARE_PLAN_EXTENSIONS.whatMattersToMe)?.valueString;
  const contingency = ext(plan, CARE_PLAN_EXTENSIONS.contingency)?.valueString;
  const reviewOn = ext(plan, CARE_PLAN_EXTENSIONS.reviewOn)?.valueDate;
  return {
    id: plan.id!,
    version: plan.meta?.versionId ?? '1',
    status: plan.status,
    title: plan.title ?? template?.display ?? 'Care plan',
    template: template?.code ? { code: template.code, title: template.display ?? template.code } : null,
    patientId: plan.subject?.reference?.split('/')[1] ?? '',
    ...(plan.author?.reference ? { author: plan.author.reference } : {}),
    ...(plan.created ? { created: plan.created } : {}),
    ...(whatMattersToMe ? { whatMattersToMe } : {}),
    ...(contingency ? { contingency } : {}),
    ...(reviewOn ? { reviewOn } : {}),
    ...(eol ? { endOfLife: eol } : {}),
    team: (team?.participant ?? []).map((p) => ({ name: p.member?.display ?? 'Not named', role: p.role?.[0]?.text ?? '', organisation: p.onBehalfOf?.reference ?? '' })),
    goals: goals.map((g) => ({ id: g.id!, description: g.description?.text ?? '', status: g.lifecycleStatus, addedByPerson: addedGoals.includes(g) && writerOf(g)?.kind === 'patient' })),
    activities: (plan.activity ?? []).map((a) => ({
      description: a.detail?.description ?? taskOf(a.reference?.reference)?.description ?? a.reference?.display ?? 'Activity',
      status: a.detail?.status ?? taskOf(a.reference?.reference)?.status ?? 'not-started',
      owner: a.detail?.performer?.[0]?.reference ?? taskOf(a.reference?.reference)?.owner?.reference ?? '',
      ...(a.detail?.performer?.[0]?.display ? { ownerName: a.detail.performer[0].display } : {}),
      ...(a.reference?.reference ? { reference: a.reference.reference } : {}),
    })),
    notes: (plan.note ?? []).map((n) => ({ text: n.text, ...(n.time ? { time: n.time } : {}), ...(n.authorString ? { author: n.authorString } : {}) })),
    history: historyOf(history, addedGoals),
  };
}

/** A plan in a list of a person's plans. */
export type CarePlanSummary = Pick<CarePlanView, 'id' | 'title' | 'status' | 'template' | 'reviewOn' | 'author'>;
