export { DEFAULT_MAX_DEPTH, parseJsonResource, type ParseJsonOptions } from './parse';
export { findExcessiveNesting, findJsonSyntaxError, type JsonProblem } from './scan';
export { cloneJson, copyLexicalNumbers, LEXICAL, parseStoredJson, scanJsonText, stringifyFhirJson } from './lexical';
