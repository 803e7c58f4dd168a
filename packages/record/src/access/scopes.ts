/**
 * SMART on FHIR scopes: the v2 form `context/Type.cruds` (letters in that order, each at most
 * once) and the v1 forms `.read`, `.write` and `.*` read as their v2 equivalents. The one parser
 * of the platform: the record's AccessPolicy decides with it, and the server uses it to issue
 * tokens (grantScopes) and to check what a client may be given.
 */

/** A FHIR interaction a scope can grant: c=create r=read u=update d=delete s=search. */
export type Interaction = 'c' | 'r' | 'u' | 'd' | 's';

export type ScopeContext = 'system' | 'user' | 'patient';

export interface ScopeGrant {
  context: ScopeContext;
  /** A resource type, or '*' for all. */
  resourceType: string;
  interactions: ReadonlySet<Interaction>;
}

/** The interactions in SMART v2 order, which is also the order they are written in. */
export const INTERACTIONS: readonly Interaction[] = ['c', 'r', 'u', 'd', 's'];

const SCOPE = /^(system|user|patient)\/([A-Za-z]+|\*)\.([a-z*]+)$/;

/**
 * Parses one scope, or returns undefined for scopes that grant no data access here (openid,
 * launch, fhirUser…), for malformed ones (`Patient.sr`, `Patient.rr`) and for v2 scopes with
 * query restrictions (`?category=…`), which are not enforced and so grant nothing rather than too much.
 */
export function parseScope(scope: string): ScopeGrant | undefined {
  const m = SCOPE.exec(scope);
  if (!m) return undefined;
  const [, context, resourceType, letters] = m;
  const interactions = parseInteractions(letters);
  if (!interactions) return undefined;
  return { context: context as ScopeContext, resourceType, interactions };
}

function parseInteractions(text: string): Set<Interaction> | undefined {
  if (text === 'read') return new Set(['r', 's']);
  if (text === 'write') return new Set(['c', 'u', 'd']);
  if (text === '*') return new Set(INTERACTIONS);
  let last = -1;
  const result = new Set<Interaction>();
  for (const letter of text) {
    const index = INTERACTIONS.indexOf(letter as Interaction);
    if (index <= last) return undefined;
    last = index;
    result.add(letter as Interaction);
  }
  return result.size > 0 ? result : undefined;
}

export function parseScopes(scopes: readonly string[]): ScopeGrant[] {
  return scopes.flatMap((s) => parseScope(s) ?? []);
}

/** Writes a grant in its v2 form (`system/Patient.rs`). */
export function formatScope(grant: ScopeGrant): string {
  return `${grant.context}/${grant.resourceType}.${INTERACTIONS.filter((i) => grant.interactions.has(i)).join('')}`;
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
    const asked = parseScope(ask);
    if (!asked) {
      if (allowed.includes(ask)) granted.add(ask);
      continue;
    }
    for (const allow of allowed) {
      const narrowed = intersect(asked, parseScope(allow));
      if (narrowed) granted.add(formatScope(narrowed));
    }
  }
  return [...granted];
}

/** What both grants allow, in the asked grant's context; undefined when that is nothing. */
function intersect(asked: ScopeGrant, allowed: ScopeGrant | undefined): ScopeGrant | undefined {
  if (!allowed || allowed.context !== asked.context) return undefined;
  const resourceType =
    asked.resourceType === '*' ? allowed.resourceType
    : allowed.resourceType === '*' || allowed.resourceType === asked.resourceType ? asked.resourceType
    : undefined;
  if (!resourceType) return undefined;
  const interactions = new Set([...asked.interactions].filter((i) => allowed.interactions.has(i)));
  return interactions.size > 0 ? { context: asked.context, resourceType, interactions } : undefined;
}

/** The resource types on which `interaction` is granted: '*' for all, else an explicit set (possibly empty). */
export function grantedTypes(grants: readonly ScopeGrant[], interaction: Interaction): '*' | ReadonlySet<string> {
  const types = new Set<string>();
  for (const g of grants) {
    if (!g.interactions.has(interaction)) continue;
    if (g.resourceType === '*') return '*';
    types.add(g.resourceType);
  }
  return types;
}

/** True when some grant (in any context) allows `interaction` on `resourceType`. */
export function allows(grants: readonly ScopeGrant[], interaction: Interaction, resourceType: string): boolean {
  const types = grantedTypes(grants, interaction);
  return types === '*' || types.has(resourceType);
}

