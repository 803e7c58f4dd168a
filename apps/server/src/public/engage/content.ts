import type { FastifyInstance } from 'fastify';
import { ContentStore } from '@footprint/engage';
import type { Platform } from '../../platform';

/**
 * Engagement's public JSON API for content, under /api/public (no sign-in), published content only:
 *   GET /api/public/pages/:slug        a page's latest published version and its history (without who published)
 *   GET /api/public/news               news, newest first
 *   GET /api/public/news/:slug         one news item
 *   GET /api/public/questions          frequently asked questions, in order
 * Unknown or unpublished content is a 404 problem+json.
 */
export async function contentPublicApi(app: FastifyInstance, platform: Platform): Promise<void> {
  const content = new ContentStore(platform.sql);

  app.get<{ Params: { slug: string } }>('/pages/:slug', async (request) => {
    const { item, versions } = await content.publicHistory('page', request.params.slug);
    return { ...item, history: versions.map(({ version, change, changedFields, publishedAt }) => ({ version, change, changedFields, publishedAt })) };
  });
  app.get('/news', async () => {
    const news = await content.publishedList('news');
    return { count: news.length, news };
  });
  app.get<{ Params: { slug: string } }>('/news/:slug', async (request) => content.published('news', request.params.slug));
  app.get('/questions', async () => {
    const questions = await content.publishedList('question');
    return { count: questions.length, questions };
  });
}
