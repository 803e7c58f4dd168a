import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Organization, Task } from '@footprint/fhir';
import {
  changeTaskStatus,
  CoordinationInputError,
  CoordinationNotFoundError,
  makeReferral,
  parseReferralRequest,
  parseTaskStatusChange,
  REFERRAL_CATEGORIES,
  REFERRAL_CATEGORY_LABELS,
  taskStateHistory,
  worklist,
  worklistItem,
  type TaskStateChange,
  type Worklist,
  type WorklistItem,
} from '@footprint/coordination';
import type { Platform } from '../../platform';
import { requireSession, sessionOf } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { staffContext } from '../context';
import { refreshSocialPrescribingFigures } from './figures';

/** One referral or task as its page shows it: the worklist row, and each change of its state. */
export interface TaskDetailResponse extends WorklistItem {
  history: (TaskStateChange & { organisationName?: string })[];
}

export interface ReferralOptionsResponse {
  /** The user's own organisation: the host of its meetings, and the owner of the actions it keeps. */
  own: { reference: string; name: string } | null;
  /** Every other partner organisation, by name. */
  organisations: { reference: string; name: string }[];
  categories: { code: string; label: string }[];
}

const ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** Referrals and tasks between partners, and each organisation's worklist, under /api/coordination (docs/coordination.md §4). */
export async function referralsRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy): Promise<void> {
  const guard = requireSession(platform.sql, policy, 'coordination');
  const record = { repo: platform.record, sql: platform.sql };
  const context = (request: FastifyRequest) => staffContext(sessionOf(request).user, 'TREAT', request);
  const checkId = (id: string) => {
    if (!ID.test(id)) throw new CoordinationInputError([`"${id}" is not a task id`]);
  };

  app.get<{ Querystring: { direction?: string } }>('/coordination/worklist', { preHandler: guard }, async (request): Promise<Worklist> => {
    const direction = request.query.direction ?? 'incoming';
    if (direction !== 'incoming' && direction !== 'outgoing') throw new CoordinationInputError(['direction must be incoming or outgoing']);
    return worklist(platform.record, context(request), direction);
  });

  app.get('/coordination/referral-options', { preHandler: guard }, async (request): Promise<ReferralOptionsResponse> => {
    const ctx = context(request);
    const own = ctx.organisation?.reference;
    const result = await platform.record.search(ctx, 'Organization', [['active', 'true'], ['_sort', 'name'], ['_count', '1000']]);
    const all = (result.matches as Organization[]).map((o) => ({ reference: `Organization/${o.id}`, name: o.name ?? o.id! }));
    const organisations = all.filter((o) => o.reference !== own);
    return { own: all.find((o) => o.reference === own) ?? null, organisations, categories: REFERRAL_CATEGORIES.map((code) => ({ code, label: REFERRAL_CATEGORY_LABELS[code] ?? code })) };
  });

  app.post('/coordination/referrals', { preHandler: guard }, async (request, reply) => {
    const made = await makeReferral(record, context(request), parseReferralRequest(request.body));
    return reply.code(201).header('location', `/api/coordination/tasks/${made.taskId}`).send(made);
  });

  app.get<{ Params: { id: string } }>('/coordination/tasks/:id', { preHandler: guard }, async (request): Promise<TaskDetailResponse> => {
    checkId(request.params.id);
    const ctx = context(request);
    const found = await platform.record.search(ctx, 'Task', [
      ['_id', request.params.id],
      ['_include', 'Task:focus'],
      ['_include', 'Task:patient'],
      ['_include', 'Task:owner'],
      ['_include', 'Task:requester'],
    ]);
    const task = found.matches[0] as Task | undefined;
    if (!task) throw new CoordinationNotFoundError(`No task ${request.params.id} is visible to your organisation`);
    const included = new Map(found.includes.map((r) => [`${r.resourceType}/${r.id}`, r]));
    const item = worklistItem(task, included, ctx.organisation?.reference ?? '', new Date().toISOString().slice(0, 10));
    const names = new Map([item.from, item.to].map((o) => [o.reference, o.name]));
    const history = (await taskStateHistory(platform.record, ctx, task.id!)).map((h) => ({ ...h, ...(h.organisation && names.has(h.organisation) ? { organisationName: names.get(h.organisation) } : {}) }));
    return { ...item, history };
  });

  app.post<{ Params: { id: string } }>('/coordination/tasks/:id/status', { preHandler: guard }, async (request) => {
    checkId(request.params.id);
    const task = await changeTaskStatus(record, context(request), request.params.id, parseTaskStatusChange(request.body));
    if (task.status === 'completed') await refreshSocialPrescribingFigures(platform, request.log);
    return { taskId: task.id, status: task.status, version: task.meta?.versionId };
  });
}
