/**
 * SMART on FHIR v2 scopes (`system/Patient.rs`, `user/*.cruds`), with the v1 forms
 * (`system/*.read`, `system/*.write`, `system/*.*`) read as their v2 equivalents.
 * Parsing, intersecting what a client asks for with what it is allowed, and checking one
 * FHIR interaction against a granted set all live here so the rules are in one place.
 */

export type ScopeContext = 'system' | 'user' | 'patient';
export type Permission = 'c' | 'r' | 'u' | 'd' | 's';

export interface ResourceScope {
  context: ScopeContext;
  /** A resource type or `*`. */
  resourceType: string;
  permissions: ReadonlySet<Permission>;
}

const ORDER: Permission[] = ['c', 'r', 'u', 'd', 's'];
const SCOPE_PATTERN = /^(system|user|patient)\/([A-Za-z]+|\*)\.([a-z*]+)$/;

/** Parses one resource scope; undefined for anything else (`openid`, `launch`, malformed text). */
export function parseScope(text: string): ResourceScope | undefined {
  const match = SCOPE_PATTERN.exec(text);
  if (!match) return undefined;
  const [, context, resourceType, rest] = match;
  const permissions = parsePermissions(rest);
  if (!permissions) return undefined;
  return { context: context as ScopeContext, resourceType, permissions };
}

function parsePermissions(text: string): Set<Permission> | undefined {
  if (text === 'read') return new Set(['r', 's']);
  if (text === 'write') return new Set(['c', 'u', 'd']);
  if (text === '*') return new Set(ORDER);
  // v2: letters in the order c, r, u, d, s, each at most once.
  let last = -1;
  const result = new Set<Permission>();
  for (const letter of text) {
    const index = ORDER.indexOf(letter as Permission);
    if (index <= last) return undefined;
    last = index;
    result.add(letter as Permission);
  }
  return result.size > 0 ? result : undefined;
}

/** Writes a resource scope in its v2 form. */
export function formatScope(scope: ResourceScope): string {
  return `${scope.context}/${scope.resourceType}.${ORDER.filter((p) => scope.permissions.has(p)).join('')}`;
}

/** Splits a space-separated scope string, dropping empty parts. */
export function splitScopes(text: string | undefined): string[] {
  return (text ?? '').split(/\s+/).filter((s) => s.length > 0);
}

/**
 * The scopes to grant: each requested scope narrowed to what the allowed scopes permit
 * (`system/*.cruds` allowed and `system/Patient.rs` requested grants `system/Patient.rs`;
 * `system/Patient.rs` allowed and `system/*.cruds` requested grants `system/Patient.rs`).
 * Without a request, everything allowed is granted. Non-resource scopes pass only if allowed verbatim.
 */
export function grantScopes(requested: readonly string[] | undefined, allowed: readonly string[]): string[] {
  if (!requested || requested.length === 0) return [...allowed];
  const granted = new Set<string>();
  for (const ask of requested) {
    const askScope = parseScope(ask);
    if (!askScope) {
      if (allowed.includes(ask)) granted.add(ask);
      continue;
    }
    for (const allow of allowed) {
      const allowScope = parseScope(allow);
      if (!allowScope || allowScope.context !== askScope.context) continue;
      const resourceType =
        askScope.resourceType === '*' ? allowScope.resourceType
        : allowScope.resourceType === '*' || allowScope.resourceType === askScope.resourceType ? askScope.resourceType
        : undefined;
      if (!resourceType) continue;
      const permissions = new Set([...askScope.permissions].filter((p) => allowScope.permissions.has(p)));
      if (permissions.size === 0) continue;
      granted.add(formatScope({ context: askScope.context, resourceType, permissions }));
    }
  }
  return [...granted];
}

/** True when the granted scopes allow `permission` on `resourceType` (in any context). */
export function permits(scopes: readonly string[], resourceType: string, permission: Permission): boolean {
  for (const text of scopes) {
    const scope = parseScope(text);
    if (!scope) continue;
    if ((scope.resourceType === '*' || scope.resourceType === resourceType) && scope.permissions.has(permission)) return true;
  }
  return false;
}

/** True when any granted scope is a system-level scope allowing `permission` on `resourceType` (bulk export needs these). */
export function permitsSystem(scopes: readonly string[], resourceType: string, permission: Permission): boolean {
  return scopes.some((text) => {
    const scope = parseScope(text);
    return !!scope && scope.context === 'system' && (scope.resourceType === '*' || scope.resourceType === resourceType) && scope.permissions.has(permission);
  });
}

/** Every scope this server understands, for the SMART configuration and the CapabilityStatement. */
export const SUPPORTED_SCOPE_EXAMPLES = ['system/*.cruds', 'system/*.rs', 'system/Patient.rs', 'system/Observation.cruds'];
