import type { FastifyInstance, FastifyRequest } from 'fastify';
import { EngageInputError, OutcomeStore, ResultsStore, summariseQuestion, validateOutcomes, type ConsultationResults, type Outcome, type PlanItemKind, type QuestionSummary } from '@footprint/engage';
import { AMBITION, DECISION, PLAN, PRIORITY, PROGRAMME, PartnershipStore, placesOn, runningFootprint, type ItemKind } from '@footprint/partnership';
import type { Platform } from '../../platform';
import { requireSession, sessionOf } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';

type Id = { Params: { id: string } };

/** A plan item staff can link an outcome to. */
export interface PlanItemChoice {
  kind: PlanItemKind;
  id: string;
  title: string;
}

const KINDS: Array<[PlanItemKind, ItemKind]> = [
  ['priority', PRIORITY as ItemKind],
  ['ambition', AMBITION as ItemKind],
  ['programme', PROGRAMME as ItemKind],
  ['decision', DECISION as ItemKind],
];

/** The running footprint's place codes and names (for "where do you live"), and its partnership's name; empty before a footprint is imported. */
export async function footprintFacts(platform: Pick<Platform, 'record' | 'sql'>): Promise<{ partnership: string; placeNames: Record<string, string>; onsCode: string | null }> {
  const footprint = await runningFootprint(platform.record).catch(() => undefined);
  if (!footprint) return { partnership: 'Footprint', placeNames: {}, onsCode: null };
  const { places } = await placesOn(new PartnershipStore(platform.sql), footprint.onsCode);
  return { partnership: footprint.name, placeNames: Object.fromEntries(places.map((p) => [p.data.code, p.data.name])), onsCode: footprint.onsCode };
}

/** The plan items of the running footprint that an outcome can change: priorities, ambitions, programmes and governance decisions. */
export async function planItemChoices(platform: Pick<Platform, 'record' | 'sql'>): Promise<PlanItemChoice[]> {
  const { onsCode } = await footprintFacts(platform);
  if (!onsCode) return [];
  const store = new PartnershipStore(platform.sql);
  const plans = await store.list(PLAN, onsCode);
  const planIds = new Set(plans.filter((p) => (p.data as { status?: string }).status === 'current').map((p) => p.id));
  const choices: PlanItemChoice[] = [];
  for (const [kind, itemKind] of KINDS) {
    for (const item of await store.list(itemKind, onsCode)) {
      if ((kind === 'priority' || kind === 'ambition') && planIds.size > 0 && !planIds.has(item.parentId ?? '')) continue;
      choices.push({ kind, id: item.id, title: itemKind.title(item.data as never) });
    }
  }
  return choices;
}

const by = (request: FastifyRequest) => sessionOf(request).user.username;

/**
 * Results and "we asked, you said, we did" for staff (capability `engagement`), under /api/engage:
 *   GET    /consultations/:id/results               the results as they would be published (a preview), published or not
 *   POST   /consultations/:id/results/publication   publish (the consultation has closed and its free text is moderated)
 *   DELETE /consultations/:id/results/publication   withdraw the published results
 *   PUT    /consultations/:id/results/themes        {themesNotCovered}
 *   PUT    /consultations/:id/outcomes              [{weAsked, youSaid, weDid, planItems:[{kind,id}]}], replacing them all
 *   GET    /plan-items                               what outcomes can link to
 *   GET    /outcomes?kind=ambition&id=…              the outcomes that changed a plan item (for the staff plan pages)
 */
export async function resultsStaffRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy): Promise<void> {
  const guard = requireSession(platform.sql, policy, 'engagement');
  const read = requireSession(platform.sql, policy, 'partnership');
  const results = new ResultsStore(platform.sql);
  const outcomes = new OutcomeStore(platform.sql);

  /** The preview, with each question's summary in words (the page renders what the public will see). */
  const preview = async (id: string): Promise<ConsultationResults & { summaries: QuestionSummary[] }> => {
    const view = await results.preview(id, (await footprintFacts(platform)).placeNames);
    return { ...view, summaries: view.questions.map(summariseQuestion) };
  };

  app.get<Id>('/engage/consultations/:id/results', { preHandler: guard }, async (request) => preview(request.params.id));
  app.post<Id>('/engage/consultations/:id/results/publication', { preHandler: guard }, async (request) => {
    await results.publish(request.params.id, by(request));
    return preview(request.params.id);
  });
  app.delete<Id>('/engage/consultations/:id/results/publication', { preHandler: guard }, async (request) => {
    await results.unpublish(request.params.id);
    return preview(request.params.id);
  });
  app.put<Id>('/engage/consultations/:id/results/themes', { preHandler: guard }, async (request) => ({ themesNotCovered: await results.setThemesNotCovered(request.params.id, request.body, by(request)) }));

  app.put<Id>('/engage/consultations/:id/outcomes', { preHandler: guard }, async (request): Promise<{ outcomes: Outcome[] }> => {
    await results.preview(request.params.id); // 404 for an unknown consultation
    const input = validateOutcomes(request.body);
    const known = new Set((await planItemChoices(platform)).map((c) => `${c.kind}/${c.id}`));
    const unknown = input.flatMap((o, i) => o.planItems.filter((p) => !known.has(`${p.kind}/${p.id}`)).map((p) => `outcomes[${i}].planItems: no ${p.kind} ${p.id} in the partnership's plan`));
    if (unknown.length) throw new EngageInputError(unknown);
    return { outcomes: await outcomes.replace(request.params.id, input, by(request)) };
  });

  app.get('/engage/plan-items', { preHandler: guard }, async (): Promise<{ items: PlanItemChoice[] }> => ({ items: await planItemChoices(platform) }));

  app.get<{ Querystring: Record<string, unknown> }>('/engage/outcomes', { preHandler: read }, async (request): Promise<{ outcomes: Outcome[] }> => {
    const { kind, id } = request.query;
    if (typeof kind !== 'string' || !KINDS.some(([k]) => k === kind)) throw new EngageInputError(['kind: must be priority, ambition, programme or decision']);
    if (typeof id !== 'string' || id.length === 0 || id.length > 80) throw new EngageInputError(['id: give the plan item’s id']);
    return { outcomes: await outcomes.forPlanItems([{ kind: kind as PlanItemKind, id }]) };
  });
}
