import { OperationOutcomeError, type CarePlan, type CareTeam, type Goal, type Patient, type Resource, type Task } from '@footprint/fhir';
import { dissentingChoice, type AccessContext } from '@footprint/record';
import { CoordinationConflictError, CoordinationInputError, CoordinationNotFoundError } from '../errors';
import { organisationName, readOrganisation, type CoordinationRecord } from '../referrals/service';
import type { CarePlanChange, CarePlanRequest } from './input';
import { CARE_PLAN_GOAL_TAG, goalResource, newCarePlanBundle, nonEmpty, planActivity, planExtensions } from './shape';
import { carePlanViewOf, type CarePlanSummary, type CarePlanView } from './view';

const notVisible = (err: unknown): boolean => err instanceof OperationOutcomeError && [403, 404, 410].includes(err.status);

async function readPatient(record: CoordinationRecord, ctx: AccessContext, patientId: string): Promise<Patient> {
  try {
    return await record.repo.read<Patient>(ctx, 'Patient', patientId);
  } catch (err) {
    if (notVisible(err)) throw new CoordinationNotFoundError('No person with that id is in a record your organisation may see');
    throw err;
  }
}

/**
 * Each organisation in the team must be known, and the person's sharing choice must let it see
 * their record: a place in the care team is a care relationship, so it is refused, saying why,
 * rather than made for an organisation the person has kept out.
 */
async function checkTeam(record: CoordinationRecord, ctx: AccessContext, request: Pick<CarePlanRequest, 'patientId' | 'team'>, author: string): Promise<void> {
  const problems: string[] = [];
  for (const [i, member] of request.team.entries()) {
    const org = await readOrganisation(record.repo, ctx, member.organisation);
    if (!org) {
      problems.push(`team[${i}].organisation: no organisation ${member.organisation} is known`);
      continue;
    }
    if (member.organisation === author) continue;
    const choice = await dissentingChoice(record.sql, request.patientId, member.organisation);
    if (choice)
      throw new CoordinationConflictError(
        `This person has chosen to share their record ${choice === 'recording-organisation' ? 'only with the organisation that recorded each part' : 'only with their GP practice and those treating them now'}, so ${organisationName(org, member.organisation)} cannot join their care team. Nothing has been saved. Talk to the person about their choice.`,
        'The person’s sharing choice stops this care team',
      );
  }
  if (problems.length) throw new CoordinationInputError(problems);
}

/**
 * Starts a shared care plan from a template (docs/coordination.md §2): its care team, its goals
 * and the plan, in one transaction through the record's policy as the user, so it needs a care
 * relationship with the person, respects their sharing choice and is audited.
 */
export async function createCarePlan(record: CoordinationRecord, ctx: AccessContext, request: CarePlanRequest): Promise<CarePlanView> {
  const author = ctx.organisation?.reference;
  if (!author) throw new CoordinationInputError(['Care plans are made by an organisation: your account is not linked to one']);
  await readPatient(record, ctx, request.patientId);
  await checkTeam(record, ctx, request, author);
  const answer = await record.repo.processBundle(ctx, newCarePlanBundle(request, author, new Date().toISOString()));
  const planId = (answer.entry ?? []).at(-1)?.response?.location?.split('/')[1];
  if (!planId) throw new Error('the care plan was not created');
  return carePlanOf(record, ctx, planId);
}

/** One plan with its team, goals and history, read through the policy as this user (checked and audited). */
export async function carePlanOf(record: CoordinationRecord, ctx: AccessContext, planId: string): Promise<CarePlanView> {
  const found = await record.repo.search(ctx, 'CarePlan', [['_id', planId], ['_include', 'CarePlan:care-team'], ['_include', 'CarePlan:goal'], ['_include', 'CarePlan:activity-reference']]).catch((err: unknown) => {
    if (notVisible(err)) return { matches: [] as Resource[], includes: [] as Resource[] };
    throw err;
  });
  const plan = found.matches[0] as CarePlan | undefined;
  if (!plan) throw new CoordinationNotFoundError(`No care plan ${planId} is in a record you may see`);
  const patientId = plan.subject?.reference?.split('/')[1] ?? '';
  const added = await record.repo.search(ctx, 'Goal', [['patient', `Patient/${patientId}`], ['_tag', `${CARE_PLAN_GOAL_TAG}|${planId}`], ['_count', '100']]).then((r) => r.matches as Goal[], () => [] as Goal[]);
  const history = await record.repo.history(ctx, { resourceType: 'CarePlan', id: planId, count: 100 });
  const team = found.includes.find((r) => r.resourceType === 'CareTeam') as CareTeam | undefined;
  const goals = found.includes.filter((r): r is Goal => r.resourceType === 'Goal');
  const tasks = found.includes.filter((r): r is Task => r.resourceType === 'Task');
  return carePlanViewOf(plan, team, [...goals, ...added], history.entries, tasks);
}

/** A person's care plans, newest first, as this user may see them. */
export async function carePlansFor(record: CoordinationRecord, ctx: AccessContext, patientId: string): Promise<CarePlanSummary[]> {
  await readPatient(record, ctx, patientId);
  const found = await record.repo.search(ctx, 'CarePlan', [['subject', `Patient/${patientId}`], ['_sort', '-_lastUpdated'], ['_count', '50']]);
  return (found.matches as CarePlan[]).map((p) => {
    const v = carePlanViewOf(p, undefined, [], []);
    return { id: v.id, title: v.title, status: v.status, template: v.template, reviewOn: v.reviewOn, author: v.author };
  });
}

/**
 * Changes a plan's words, review date, activities or end of life wishes, against the version the
 * user saw (409 if someone changed it since). The record's stewardship decides who may: the
 * organisation that made it, and every organisation in the person's care team.
 */
export async function updateCarePlan(record: CoordinationRecord, ctx: AccessContext, planId: string, change: CarePlanChange): Promise<CarePlanView> {
  const current = await carePlanOf(record, ctx, planId);
  if (current.version !== change.version) throw new CoordinationConflictError(`Someone changed this care plan since you opened it (it is now at version ${current.version}); reload to see what changed`, 'Changed by someone else');
  const plan = await record.repo.read<CarePlan>(ctx, 'CarePlan', planId);
  const kept = (plan.extension ?? []).filter((e) => !e.url.startsWith('https://fhir.footprint.example/StructureDefinition/'));
  const { activity, extension: _extension, ...rest } = plan;
  const extension = [
    ...kept,
    ...planExtensions({
      whatMattersToMe: change.whatMattersToMe ?? current.whatMattersToMe,
      contingency: change.contingency ?? current.contingency,
      reviewOn: change.reviewOn ?? current.reviewOn,
      endOfLife: change.endOfLife ?? current.endOfLife,
    }),
  ];
  const next: CarePlan = {
    ...rest,
    ...(change.title ? { title: change.title } : {}),
    // Activities that are Tasks (a meeting's actions, referrals) follow their Tasks and are kept as they are.
    ...nonEmpty('activity', change.activities ? [...(activity ?? []).filter((a) => a.reference), ...change.activities.map(planActivity)] : (activity ?? [])),
    ...nonEmpty('extension', extension),
  };
  try {
    await record.repo.update<CarePlan>(ctx, next, { ifMatch: `W/"${change.version}"` });
  } catch (err) {
    if (err instanceof OperationOutcomeError && err.status === 412) throw new CoordinationConflictError('Someone changed this care plan while you were saving; reload to see what changed', 'Changed by someone else');
    throw err;
  }
  return carePlanOf(record, ctx, planId);
}

/**
 * Adds a goal to a plan, in the person's own words: the person themselves from their patient
 * pages, or a member of the team for them. The Goal is tagged with the plan and shows in its
 * history as added by whoever added it.
 */
export async function addGoalToCarePlan(record: CoordinationRecord, ctx: AccessContext, planId: string, description: string): Promise<CarePlanView> {
  const plan = await carePlanOf(record, ctx, planId);
  if (plan.status !== 'active') throw new CoordinationConflictError('This care plan has ended; goals are added to an active plan', 'The plan has ended');
  const goal = goalResource(plan.patientId, description);
  await record.repo.create<Goal>(ctx, { ...goal, meta: { tag: [{ system: CARE_PLAN_GOAL_TAG, code: planId }] } });
  return carePlanOf(record, ctx, planId);
}

