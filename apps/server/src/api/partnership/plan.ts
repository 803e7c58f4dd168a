import type { FastifyInstance } from 'fastify';
import {
  PLAN,
  PROGRAMME,
  checkLeadOrganisation,
  itemsOfTree,
  listPlans,
  organisationNames,
  planCsv,
  readPlanTree,
  riskRegister,
  startNewPlanVersion,
  validateItem,
  type AmbitionAnswer,
  type ItemKind,
  type PlanCsv,
  type PlanList,
  type PlanTree,
  type ProgrammeAnswer,
  type RiskRegisterAnswer,
} from '@footprint/partnership';
import { requireSession } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';
import { ApiProblem } from '../problem';
import { editorOf, type PartnershipContext } from './context';
import { bodyObject, dataOf, ifVersionOf, kindOf, parentIdOf } from './plan-requests';

type Params = { planId: string; kind: string; itemId: string };

/**
 * The plan's staff API (read: capability `partnership`; change: `partnership-edit`), for the
 * running footprint:
 *   GET    /api/partnership/plans                           every version, and which is current
 *   POST   /api/partnership/plans                           a new plan {data}
 *   GET    /api/partnership/plans/:planId                   one version's whole tree
 *   PUT    /api/partnership/plans/:planId                   {ifVersion, data}
 *   DELETE /api/partnership/plans/:planId?ifVersion=N       (refused while it holds items)
 *   POST   /api/partnership/plans/:planId/versions          a new version from this one {version, published?, status?, ifVersion?}
 *   GET    /api/partnership/plans/:planId/risks             the risk register, highest score first
 *   GET    /api/partnership/plans/:planId/{ambitions,milestones,risks}.csv
 *   POST   /api/partnership/plans/:planId/:kind             {parentId?, data}; kind priorities|programmes|milestones|risks|ambitions
 *   GET    /api/partnership/plans/:planId/:kind/:itemId
 *   PUT    /api/partnership/plans/:planId/:kind/:itemId     {ifVersion, data}
 *   DELETE /api/partnership/plans/:planId/:kind/:itemId?ifVersion=N
 * Every change is a new version with who and when (history at /api/partnership/items/:id/history).
 */
export async function planRoutes(app: FastifyInstance, context: PartnershipContext, policy: SessionPolicy): Promise<void> {
  const { platform, store } = context;
  const read = requireSession(platform.sql, policy, 'partnership');
  const edit = requireSession(platform.sql, policy, 'partnership-edit');

  /** The plan's tree, if it is the running footprint's (404 otherwise), with lead organisations' names from the record. */
  async function treeOf(planId: string): Promise<PlanTree> {
    const footprint = await context.footprint();
    const tree = await readPlanTree(store, planId, { footprint: footprint.onsCode });
    const codes = tree.priorities.flatMap((p) => p.programmes.map((g) => g.data.leadOrganisation)).filter((c): c is string => !!c);
    if (codes.length === 0) return tree;
    return readPlanTree(store, planId, { footprint: footprint.onsCode, names: await organisationNames(platform.record, codes) });
  }

  /** The item, if it is part of this plan and of this kind; otherwise a 404 naming both. */
  function partOf(tree: PlanTree, kind: ItemKind, itemId: string) {
    const item = itemsOfTree(tree).get(itemId);
    if (!item || item.kind !== kind.kind) throw new ApiProblem(404, `No such ${kind.label}`, `Plan ${tree.plan.id} has no ${kind.label} with id ${itemId}.`);
    return item;
  }

  async function checked(kind: ItemKind, data: Record<string, unknown>) {
    const valid = validateItem(kind, data);
    if (kind === PROGRAMME) await checkLeadOrganisation(platform.record, (valid as { leadOrganisation?: string }).leadOrganisation);
    return valid;
  }

  app.get('/partnership/plans', { preHandler: read }, async (): Promise<PlanList> => {
    const footprint = await context.footprint();
    return listPlans(store, { onsCode: footprint.onsCode, name: footprint.name });
  });

  app.post('/partnership/plans', { preHandler: edit }, async (request, reply) => {
    const footprint = await context.footprint();
    const data = await checked(PLAN, dataOf(bodyObject(request, 'plan'), 'plan'));
    return reply.code(201).send(await store.create(PLAN, { footprint: footprint.onsCode, data }, editorOf(request)));
  });

  app.get<{ Params: Params }>('/partnership/plans/:planId', { preHandler: read }, async (request): Promise<PlanTree> => treeOf(request.params.planId));

  app.put<{ Params: Params }>('/partnership/plans/:planId', { preHandler: edit }, async (request) => {
    const body = bodyObject(request, 'plan');
    const ifVersion = ifVersionOf(body.ifVersion);
    const tree = await treeOf(request.params.planId);
    return store.update(PLAN, tree.plan.id, await checked(PLAN, dataOf(body, 'plan')), editorOf(request), { ifVersion });
  });

  app.delete<{ Params: Params; Querystring: Record<string, unknown> }>('/partnership/plans/:planId', { preHandler: edit }, async (request) => {
    const ifVersion = ifVersionOf(request.query.ifVersion);
    const tree = await treeOf(request.params.planId);
    return store.remove(PLAN, tree.plan.id, editorOf(request), { ifVersion });
  });

  app.post<{ Params: Params }>('/partnership/plans/:planId/versions', { preHandler: edit }, async (request, reply) => {
    const { ifVersion, ...asked } = bodyObject(request, 'new version');
    const tree = await treeOf(request.params.planId);
    const plan = await startNewPlanVersion(platform.sql, tree.plan.id, asked, editorOf(request), { ifVersion: ifVersionOf(ifVersion, false) });
    return reply.code(201).send(plan);
  });

  app.get<{ Params: Params }>('/partnership/plans/:planId/risks', { preHandler: read }, async (request): Promise<RiskRegisterAnswer> => {
    const tree = await treeOf(request.params.planId);
    return { plan: tree.plan, risks: riskRegister(tree) };
  });

  for (const file of ['ambitions', 'milestones', 'risks'] as const satisfies readonly PlanCsv[]) {
    app.get<{ Params: Params }>(`/partnership/plans/:planId/${file}.csv`, { preHandler: read }, async (request, reply) => {
      const tree = await treeOf(request.params.planId);
      const name = `${tree.plan.id}-${file}.csv`;
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(planCsv(tree, file));
    });
  }

  app.post<{ Params: Params }>('/partnership/plans/:planId/:kind', { preHandler: edit }, async (request, reply) => {
    const kind = kindOf(request.params.kind);
    const body = bodyObject(request, kind.label);
    const tree = await treeOf(request.params.planId);
    const parentId = parentIdOf(body) ?? tree.plan.id;
    if (!itemsOfTree(tree).has(parentId)) throw new ApiProblem(404, 'No such parent in this plan', `parentId: plan ${tree.plan.id} holds no item with id ${parentId}.`);
    const data = await checked(kind, dataOf(body, kind.label));
    return reply.code(201).send(await store.create(kind, { footprint: tree.plan.footprint, parentId, data }, editorOf(request)));
  });

  app.get<{ Params: Params }>('/partnership/plans/:planId/:kind/:itemId', { preHandler: read }, async (request) => {
    const kind = kindOf(request.params.kind);
    const tree = await treeOf(request.params.planId);
    const item = partOf(tree, kind, request.params.itemId);
    if (kind === PROGRAMME) {
      const priority = tree.priorities.find((p) => p.programmes.some((g) => g.id === item.id))!;
      const { programmes, ...priorityItem } = priority;
      const answer: ProgrammeAnswer = { plan: tree.plan, priority: priorityItem, programme: programmes.find((g) => g.id === item.id)!, today: tree.today };
      return answer;
    }
    if (kind.kind === 'ambition') {
      const answer: AmbitionAnswer = { plan: tree.plan, ambition: item as AmbitionAnswer['ambition'] };
      return answer;
    }
    return { plan: tree.plan, item };
  });

  app.put<{ Params: Params }>('/partnership/plans/:planId/:kind/:itemId', { preHandler: edit }, async (request) => {
    const kind = kindOf(request.params.kind);
    const body = bodyObject(request, kind.label);
    const ifVersion = ifVersionOf(body.ifVersion);
    const tree = await treeOf(request.params.planId);
    const item = partOf(tree, kind, request.params.itemId);
    return store.update(kind, item.id, await checked(kind, dataOf(body, kind.label)), editorOf(request), { ifVersion });
  });

  app.delete<{ Params: Params; Querystring: Record<string, unknown> }>('/partnership/plans/:planId/:kind/:itemId', { preHandler: edit }, async (request) => {
    const kind = kindOf(request.params.kind);
    const ifVersion = ifVersionOf(request.query.ifVersion);
    const tree = await treeOf(request.params.planId);
    const item = partOf(tree, kind, request.params.itemId);
    return store.remove(kind, item.id, editorOf(request), { ifVersion });
  });
}
