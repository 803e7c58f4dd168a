/**
 * @footprint/fhir: FHIR R4 definitions, search-value extraction, validation (structure and UK Core
 * identifier rules), identifiers and OperationOutcome errors. No I/O beyond reading the bundled
 * R4 definitions once.
 */
export * from './errors';
export type * from '@medplum/fhirtypes';
export type * from './search/types';
export {
  ensureDefinitions,
  getSearchParameter,
  getSearchParameters,
  isResourceType,
  isStorable,
  MethodNotAllowedError,
  requireInteraction,
  resourceTypes,
  typeInteractions,
  type TypeInteraction,
} from './definitions';
export { extractSearchValues, normalizeSearchString } from './search';
export { validateResource, suggestResourceType, type ValidateOptions } from './validation';
export {
  isValidNhsNumber,
  isValidOdsCode,
  nhsNumberCheckDigit,
  nhsNumberProblem,
  odsCodeProblem,
  DATA_STATUS_SYSTEM,
  ILLUSTRATIVE_TAG,
  NHS_NUMBER_SYSTEM,
  ODS_SITE_SYSTEM,
  ODS_SYSTEM,
  ONS_SYSTEM,
  ORGANISATION_KIND_SYSTEM,
  PARTNERSHIP_ROLE_SYSTEM,
  PARTNERSHIP_ROLES,
  type PartnershipRoleCode,
} from './identifiers';
export {
  cloneJson,
  copyLexicalNumbers,
  DEFAULT_MAX_DEPTH,
  LEXICAL,
  parseJsonResource,
  parseStoredJson,
  stringifyFhirJson,
  type ParseJsonOptions,
} from './json';
export { MAX_INSTANT, MIN_INSTANT, isRealDate, parseDateRange, type TimeRange } from './datatypes/dates';
export { ID_PATTERN, parseReference, type ParsedReference } from './references/parse';
