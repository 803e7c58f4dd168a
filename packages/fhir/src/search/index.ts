export { extractSearchValues } from './extract';
export { normalizeSearchString } from './normalize';
export type * from './types';
