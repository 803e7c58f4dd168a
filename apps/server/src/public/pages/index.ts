import formbody from '@fastify/formbody';
import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../platform';
import { consultationsPages } from './consultations';
import { contentPages } from './content';
import { enquiriesPages } from './enquiries';
import { resultsPages } from './results';

/**
 * The public's pages under /public: rendered on the server from the web app's public components
 * (apps/web/src/pages/public), readable without JavaScript, forms that post as plain HTML and
 * redirect. No sign-in; the public rate limit. Each file maps one part's pages.
 */
export const publicPages: FastifyPluginAsync<{ platform: Platform }> = async (app, options) => {
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  await contentPages(app, options.platform);
  await enquiriesPages(app, options.platform);
  await consultationsPages(app, options.platform);
  await resultsPages(app, options.platform);
};
