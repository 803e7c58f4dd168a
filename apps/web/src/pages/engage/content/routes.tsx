import type { EngageRoute } from '../routes';

/** The content pages of the staff engagement area. */
export const CONTENT_ROUTES: EngageRoute[] = [];
