import { OperationOutcomeError, outcome } from '../errors';

/** The type- and instance-level RESTful interactions of FHIR R4 that the record serves. */
export type TypeInteraction = 'read' | 'vread' | 'update' | 'delete' | 'history-instance' | 'history-type' | 'create' | 'search-type';

const ALL: readonly TypeInteraction[] = ['read', 'vread', 'update', 'delete', 'history-instance', 'history-type', 'create', 'search-type'];

/**
 * Types the record does not serve every interaction for. AuditEvents are written by the record
 * itself (one per touch of a record) and are read-only to clients. Parameters is, by the R4
 * definition, never persisted: it only carries the inputs and outputs of operations.
 */
const RESTRICTED: Readonly<Record<string, readonly TypeInteraction[]>> = {
  AuditEvent: ['read', 'vread', 'search-type'],
  Parameters: [],
};

/** The interactions the record supports on an R4 resource type (the CapabilityStatement lists these). */
export function typeInteractions(resourceType: string): readonly TypeInteraction[] {
  return RESTRICTED[resourceType] ?? ALL;
}

/** True when clients may store resources of this type (every R4 type but Parameters and AuditEvent). */
export function isStorable(resourceType: string): boolean {
  return typeInteractions(resourceType).includes('create');
}

/** The URL an interaction is made on: the type, an instance, one version, or a history. */
const URL_OF: Readonly<Record<TypeInteraction, 'type' | 'instance' | 'version' | 'history'>> = {
  create: 'type', 'search-type': 'type', read: 'instance', update: 'instance', delete: 'instance',
  vread: 'version', 'history-instance': 'history', 'history-type': 'history',
};

/** The HTTP methods the URL of `interaction` accepts on a type, for a 405's Allow header (conditional update and delete use the type URL). */
function allowedMethods(resourceType: string, interaction: TypeInteraction): string[] {
  const allowed = new Set(typeInteractions(resourceType));
  const has = (i: TypeInteraction) => allowed.has(i) && (URL_OF[i] === URL_OF[interaction] || (URL_OF[interaction] === 'type' && (i === 'update' || i === 'delete')));
  const methods: string[] = [];
  if (has('read') || has('vread') || has('search-type') || has('history-instance') || has('history-type')) methods.push('GET', 'HEAD');
  if (has('create')) methods.push('POST');
  if (has('update')) methods.push('PUT');
  if (has('delete')) methods.push('DELETE');
  return methods;
}

/** 405 Method Not Allowed, with the methods that are allowed for the Allow header. */
export class MethodNotAllowedError extends OperationOutcomeError {
  constructor(
    message: string,
    readonly allow: readonly string[],
  ) {
    super(405, outcome('not-supported', message));
    this.name = 'MethodNotAllowedError';
  }
}

const WHY: Readonly<Record<string, string>> = {
  AuditEvent: 'AuditEvents are written by the record itself and are read-only',
  Parameters: 'Parameters is not a persisted resource in FHIR R4 (it carries the inputs and outputs of operations), so it cannot be stored, read or searched',
};

/**
 * Throws 405 when the record does not serve `interaction` on `resourceType` (such as creating an
 * AuditEvent or storing Parameters); the error names the interactions that are allowed.
 */
export function requireInteraction(resourceType: string, interaction: TypeInteraction): void {
  if (typeInteractions(resourceType).includes(interaction)) return;
  const why = WHY[resourceType] ?? `${resourceType} does not support ${interaction}`;
  throw new MethodNotAllowedError(`${interaction} is not allowed on ${resourceType}: ${why}`, allowedMethods(resourceType, interaction));
}
