import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AnalyticsStore, EngageInputError } from '@footprint/engage';
import type { Platform } from '../../platform';
import { requireSession, sessionOf } from '../auth/guard';
import type { SessionPolicy } from '../auth/sessions';

type ById = { Params: { id: string } };
type ByTheme = { Params: { id: string; themeId: string } };

const body = (request: FastifyRequest): Record<string, unknown> => {
  if (!request.body || typeof request.body !== 'object' || Array.isArray(request.body)) throw new EngageInputError(['send a JSON object']);
  return request.body as Record<string, unknown>;
};
const themeId = (text: string): number => {
  const id = Number(text);
  if (!Number.isSafeInteger(id) || id < 1) throw new EngageInputError([`theme: ${JSON.stringify(text)} is not a theme id`]);
  return id;
};

/**
 * Staff analytics of a consultation (capability `engagement`):
 *   GET    /api/engage/consultations/:id/analytics?group=<about-you key>   responses per day, who responded, answers by group, themes
 *   GET    /api/engage/consultations/:id/analytics/free-text?question=&theme=<id>|none   free-text answers for tagging
 *   GET    /api/engage/consultations/:id/analytics/export.csv              one row per response (contact details only with consent)
 *   POST   /api/engage/consultations/:id/themes                             { name, description? }
 *   DELETE /api/engage/consultations/:id/themes/:themeId
 *   POST   /api/engage/consultations/:id/themes/:themeId/tags              { responseId, questionId, tagged? }  (tagged false removes it)
 */
export async function analyticsStaffRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy): Promise<void> {
  const guard = requireSession(platform.sql, policy, 'engagement');
  const store = new AnalyticsStore(platform.sql);

  app.get<ById & { Querystring: { group?: string } }>('/engage/consultations/:id/analytics', { preHandler: guard }, async (request) => store.overview(request.params.id, request.query.group));

  app.get<ById & { Querystring: { question?: string; theme?: string } }>('/engage/consultations/:id/analytics/free-text', { preHandler: guard }, async (request) => {
    const { question, theme } = request.query;
    return store.freeText(request.params.id, { ...(question ? { question } : {}), ...(theme ? { theme: theme === 'none' ? 'none' : themeId(theme) } : {}) });
  });

  app.get<ById>('/engage/consultations/:id/analytics/export.csv', { preHandler: guard }, async (request, reply) => {
    const { filename, csv } = await store.exportCsv(request.params.id);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(csv);
  });

  app.post<ById>('/engage/consultations/:id/themes', { preHandler: guard }, async (request, reply) => {
    const input = body(request);
    return reply.code(201).send(await store.createTheme(request.params.id, { name: input.name, description: input.description }, sessionOf(request).user.displayName));
  });

  app.delete<ByTheme>('/engage/consultations/:id/themes/:themeId', { preHandler: guard }, async (request, reply) => {
    await store.deleteTheme(request.params.id, themeId(request.params.themeId));
    return reply.code(204).send();
  });

  app.post<ByTheme>('/engage/consultations/:id/themes/:themeId/tags', { preHandler: guard }, async (request) => {
    const input = body(request);
    return store.tag(request.params.id, themeId(request.params.themeId), { responseId: input.responseId, questionId: input.questionId, tagged: input.tagged }, sessionOf(request).user.displayName);
  });
}
