export { ensureDefinitions } from './load';
export { isResourceType, resourceTypes } from './resource-types';
export { getSearchParameter, getSearchParameters } from './search-parameters';
export { isStorable, MethodNotAllowedError, requireInteraction, typeInteractions, type TypeInteraction } from './interactions';
