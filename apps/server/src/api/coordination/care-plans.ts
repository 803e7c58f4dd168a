import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  addGoalToCarePlan,
  CARE_PLAN_TEMPLATES,
  carePlanOf,
  carePlansFor,
  CoordinationInputError,
  createCarePlan,
  parseCarePlanChange,
  parseCarePlanRequest,
  parseGoal,
  updateCarePlan,
} from '@footprint/coordination';
import type { Platform } from '../../platform';
import { requireSession, sessionOf } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { staffContext } from '../context';
import { describeCarePlan } from './care-plan-names';

const ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** Shared care plans, their care teams, goals and templates, under /api/coordination (docs/coordination.md §2). */
export async function carePlansRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy): Promise<void> {
  const guard = requireSession(platform.sql, policy, 'coordination');
  const record = { repo: platform.record, sql: platform.sql };
  const context = (request: FastifyRequest) => staffContext(sessionOf(request).user, 'TREAT', request);
  const checkId = (id: string, what: string) => {
    if (!ID.test(id)) throw new CoordinationInputError([`"${id}" is not a ${what} id`]);
  };

  app.get('/coordination/care-plan-templates', { preHandler: guard }, async () => ({ templates: CARE_PLAN_TEMPLATES }));

  app.get<{ Params: { patientId: string } }>('/coordination/patients/:patientId/care-plans', { preHandler: guard }, async (request, reply) => {
    checkId(request.params.patientId, 'record');
    reply.header('cache-control', 'no-store');
    return { carePlans: await carePlansFor(record, context(request), request.params.patientId) };
  });

  app.post('/coordination/care-plans', { preHandler: guard }, async (request, reply) => {
    const ctx = context(request);
    const plan = await createCarePlan(record, ctx, parseCarePlanRequest(request.body));
    return reply.code(201).header('location', `/api/coordination/care-plans/${plan.id}`).send(await describeCarePlan(platform, ctx, plan));
  });

  app.get<{ Params: { id: string } }>('/coordination/care-plans/:id', { preHandler: guard }, async (request, reply) => {
    checkId(request.params.id, 'care plan');
    const ctx = context(request);
    reply.header('cache-control', 'no-store');
    return describeCarePlan(platform, ctx, await carePlanOf(record, ctx, request.params.id));
  });

  app.put<{ Params: { id: string } }>('/coordination/care-plans/:id', { preHandler: guard }, async (request) => {
    checkId(request.params.id, 'care plan');
    const ctx = context(request);
    return describeCarePlan(platform, ctx, await updateCarePlan(record, ctx, request.params.id, parseCarePlanChange(request.body)));
  });

  app.post<{ Params: { id: string } }>('/coordination/care-plans/:id/goals', { preHandler: guard }, async (request, reply) => {
    checkId(request.params.id, 'care plan');
    const ctx = context(request);
    return reply.code(201).send(await describeCarePlan(platform, ctx, await addGoalToCarePlan(record, ctx, request.params.id, parseGoal(request.body))));
  });
}
