export { ensureDefinitions } from './load';
export { isResourceType, resourceTypes } from './resource-types';
export { getSearchParameter, getSearchParameters } from './search-parameters';
