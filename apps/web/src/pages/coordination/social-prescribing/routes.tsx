import type { CoordinationRoute } from '../routes';

/** The pages of the service directory and social prescribing. */
export const SOCIAL_PRESCRIBING_ROUTES: CoordinationRoute[] = [];
