import type { FastifyInstance, FastifyRequest } from 'fastify';
import { EngageInputError, ModerationStore, PERSONAL_DATA_LABELS, REDACTION_REASON_WORDS, type ModerationItem, type ModerationQueueEntry, type PersonalDataKind, type RedactionReason } from '@footprint/engage';
import type { Platform } from '../../platform';
import { requireSession, sessionOf } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';

type ItemParams = { Params: { itemId: string } };

/** The moderation item id from the path: a positive whole number, else 400. */
function itemIdOf(request: FastifyRequest<ItemParams>): number {
  const id = Number(request.params.itemId);
  if (!/^[1-9]\d{0,15}$/.test(request.params.itemId) || !Number.isSafeInteger(id)) throw new EngageInputError([`itemId: ${JSON.stringify(request.params.itemId.slice(0, 40))} is not a moderation item id`]);
  return id;
}

const moderator = (request: FastifyRequest) => sessionOf(request).user.username;

/**
 * Moderation before publication (capability `engagement-moderate`), under /api/engage:
 *   GET  /moderation                                 the queue across consultations, with counts
 *   GET  /consultations/:id/moderation               a consultation's items: text, flags, redactions, history (and the kinds and reasons in words)
 *   POST /moderation/items/:itemId/redactions        {start, end, reason, kind?}
 *   POST /moderation/items/:itemId/approve           publish the redacted text with the results
 *   POST /moderation/items/:itemId/reject            {reason}
 * Each answers the item as it now stands. Answers' text is never logged.
 */
export async function moderationStaffRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy): Promise<void> {
  const guard = requireSession(platform.sql, policy, 'engagement-moderate');
  const store = new ModerationStore(platform.sql);

  app.get('/engage/moderation', { preHandler: guard }, async (): Promise<{ queue: ModerationQueueEntry[] }> => ({ queue: await store.queue() }));

  app.get<{ Params: { id: string } }>('/engage/consultations/:id/moderation', { preHandler: guard }, async (request): Promise<{ consultationId: string; title: string; items: ModerationItem[]; words: { kinds: Record<PersonalDataKind, string>; reasons: Record<RedactionReason, string> } }> => {
    const items = await store.items(request.params.id);
    const { rows } = await platform.sql.query<{ title: string }>("SELECT definition->>'title' AS title FROM engage_consultation WHERE id = $1", [request.params.id]);
    return { consultationId: request.params.id, title: rows[0]?.title ?? request.params.id, items, words: { kinds: PERSONAL_DATA_LABELS, reasons: REDACTION_REASON_WORDS } };
  });

  app.post<ItemParams>('/engage/moderation/items/:itemId/redactions', { preHandler: guard }, async (request) => store.redact(itemIdOf(request), request.body, moderator(request)));
  app.post<ItemParams>('/engage/moderation/items/:itemId/approve', { preHandler: guard }, async (request) => store.approve(itemIdOf(request), moderator(request)));
  app.post<ItemParams>('/engage/moderation/items/:itemId/reject', { preHandler: guard }, async (request) => store.reject(itemIdOf(request), request.body ?? {}, moderator(request)));
}
