export { validateResource, type ValidateOptions } from './validate';
export { suggestResourceType } from './suggest';
