import type { FastifyInstance } from 'fastify';
import { addGoalToCarePlan, carePlanOf, CoordinationInputError, parseGoal } from '@footprint/coordination';
import type { CarePlan } from '@footprint/fhir';
import { describeCarePlan, type CarePlanResponse } from '../api/coordination/care-plan-names';
import type { Platform } from '../platform';
import { patientContext } from './context';
import { patientSessionOf, requirePatientSession } from './guard';
import type { PatientSessionPolicy } from './sessions';

const ID = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * The person's own care plans (GET /api/patient/care-plans): each with its team, goals,
 * activities and who changed what, for which organisation and when; and a goal added in their
 * own words (POST /api/patient/care-plans/{id}/goals). Everything is read and written as the
 * person, so the record's policy keeps them to their own record and audits it.
 */
export async function patientCarePlanRoutes(app: FastifyInstance, platform: Platform, policy: PatientSessionPolicy): Promise<void> {
  const guard = requirePatientSession(platform.sql, policy);
  const record = { repo: platform.record, sql: platform.sql };

  app.get('/care-plans', { preHandler: guard }, async (request, reply): Promise<{ carePlans: CarePlanResponse[] }> => {
    const session = patientSessionOf(request);
    const ctx = patientContext(session, request);
    const found = await platform.record.search(ctx, 'CarePlan', [['subject', `Patient/${session.patientId}`], ['_sort', '-_lastUpdated'], ['_count', '20']]);
    const plans = await Promise.all((found.matches as CarePlan[]).map(async (p) => describeCarePlan(platform, ctx, await carePlanOf(record, ctx, p.id!))));
    reply.header('cache-control', 'no-store');
    return { carePlans: plans };
  });

  app.post<{ Params: { id: string } }>('/care-plans/:id/goals', { preHandler: guard }, async (request, reply) => {
    if (!ID.test(request.params.id)) throw new CoordinationInputError([`"${request.params.id}" is not a care plan id`]);
    const session = patientSessionOf(request);
    const base = patientContext(session, request);
    // The one write of this page: a Goal, in the person's own compartment.
    const ctx = { ...base, scopes: [...base.scopes, 'patient/Goal.c'] };
    const plan = await addGoalToCarePlan(record, ctx, request.params.id, parseGoal(request.body));
    return reply.code(201).send(await describeCarePlan(platform, base, plan));
  });
}
