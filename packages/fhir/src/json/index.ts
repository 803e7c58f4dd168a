export { DEFAULT_MAX_DEPTH, parseJsonResource, type ParseJsonOptions } from './parse';
export { findExcessiveNesting, findJsonSyntaxError, type JsonProblem } from './scan';
