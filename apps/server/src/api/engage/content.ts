import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CONTENT_KINDS, ContentStore, EngageInputError, EngageNotFoundError, type ContentKind } from '@footprint/engage';
import type { Platform } from '../../platform';
import { requireSession, sessionOf } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';

type IdParams = { Params: { id: string } };

/** The content item's id from the path: a whole number, else 404 (there is no such item). */
function idOf(request: FastifyRequest<IdParams>): number {
  const id = Number(request.params.id);
  if (!/^\d{1,15}$/.test(request.params.id) || !Number.isSafeInteger(id)) throw new EngageNotFoundError(`There is no content item ${JSON.stringify(request.params.id)}.`);
  return id;
}

/** Who is acting, as the version history records them: their name as staff know them. */
const who = (request: FastifyRequest) => sessionOf(request).user.displayName;

/**
 * Engagement's staff API for the public's content (capability `engagement`):
 *   GET  /api/engage/content[?kind=page|news|question]   every item, drafts included
 *   POST /api/engage/content                              a new item {kind, slug, title, summary?, body, position?, illustrative?} (a draft)
 *   GET  /api/engage/content/:id                          the draft and every published version, newest first
 *   PUT  /api/engage/content/:id                          change the draft {title?, summary?, body?, position?, illustrative?}
 *   POST /api/engage/content/:id/publish                  publish the draft as a new version {change}
 * Bad input is a 400 naming each field; a slug in use or nothing to publish is a 409.
 */
export async function contentStaffRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy): Promise<void> {
  const store = new ContentStore(platform.sql);
  const guard = requireSession(platform.sql, policy, 'engagement');

  app.get<{ Querystring: { kind?: string } }>('/engage/content', { preHandler: guard }, async (request) => {
    const { kind } = request.query;
    if (kind !== undefined && !CONTENT_KINDS.includes(kind as ContentKind)) throw new EngageInputError([`kind: must be page, news or question (got ${JSON.stringify(kind)})`]);
    const items = await store.list(kind as ContentKind | undefined);
    return { count: items.length, items };
  });

  app.post('/engage/content', { preHandler: guard }, async (request, reply) => {
    const item = await store.create(request.body, who(request));
    return reply.code(201).header('location', `/api/engage/content/${item.id}`).send(await store.withHistory(item.id));
  });

  app.get<IdParams>('/engage/content/:id', { preHandler: guard }, async (request) => store.withHistory(idOf(request)));

  app.put<IdParams>('/engage/content/:id', { preHandler: guard }, async (request) => {
    const id = idOf(request);
    await store.saveDraft(id, request.body, who(request));
    return store.withHistory(id);
  });

  app.post<IdParams>('/engage/content/:id/publish', { preHandler: guard }, async (request) => store.publish(idOf(request), request.body, who(request)));
}
