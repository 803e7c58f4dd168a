import type { EngageRoute } from '../routes';

/** The moderation pages of the staff engagement area. */
export const MODERATION_ROUTES: EngageRoute[] = [];
