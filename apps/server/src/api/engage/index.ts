import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform';
import type { SessionPolicy } from '../auth/sessions';
import { analyticsStaffRoutes } from './analytics';
import { consultationsStaffRoutes } from './consultations';
import { contentStaffRoutes } from './content';
import { enquiriesStaffRoutes } from './enquiries';
import { mailStaffRoutes } from './mail';
import { moderationStaffRoutes } from './moderation';
import { resultsStaffRoutes } from './results';

/**
 * Engagement's staff API under /api/engage: capability `engagement` to write content, handle
 * enquiries, run consultations and publish results; `engagement-moderate` to moderate free text.
 * Each part has its own file; the domain lives in @footprint/engage, this folder only maps HTTP.
 */
export async function engageRoutes(app: FastifyInstance, platform: Platform, policy: SessionPolicy): Promise<void> {
  await contentStaffRoutes(app, platform, policy);
  await enquiriesStaffRoutes(app, platform, policy);
  await mailStaffRoutes(app, platform, policy);
  await consultationsStaffRoutes(app, platform, policy);
  await moderationStaffRoutes(app, platform, policy);
  await resultsStaffRoutes(app, platform, policy);
  await analyticsStaffRoutes(app, platform, policy);
}
