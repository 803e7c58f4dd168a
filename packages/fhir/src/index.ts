export * from './errors';
export type * from '@medplum/fhirtypes';
export { ensureDefinitions, getSearchParameter, getSearchParameters, isResourceType, resourceTypes } from './definitions';
export { extractSearchValues, normalizeSearchString } from './search';
export type * from './search/types';
export { MAX_INSTANT, MIN_INSTANT, parseDateRange, isRealDate, type TimeRange } from './datatypes/dates';
export { parseReference, ID_PATTERN, type ParsedReference } from './references/parse';
