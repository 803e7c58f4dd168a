/**
 * SMART on FHIR scopes (v2 `context/Type.cruds`, and v1 `.read`/`.write`/`.*`) parsed into
 * grants. c=create r=read u=update d=delete s=search.
 */
export type Interaction = 'c' | 'r' | 'u' | 'd' | 's';

export interface ScopeGrant {
  context: 'system' | 'user' | 'patient';
  /** A resource type, or '*' for all. */
  resourceType: string;
  interactions: ReadonlySet<Interaction>;
}

const SCOPE = /^(system|user|patient)\/([A-Za-z]+|\*)\.([a-z*]+)$/;
const V2 = /^c?r?u?d?s?$/;

/**
 * Parses one scope, or returns undefined for scopes that grant no data access here (openid,
 * launch, fhirUser…) and for v2 scopes with query restrictions (`?category=…`), which are
 * not yet enforced and so grant nothing rather than too much.
 */
export function parseScope(scope: string): ScopeGrant | undefined {
  const m = SCOPE.exec(scope);
  if (!m) return undefined;
  const [, context, resourceType, perms] = m;
  let interactions: Interaction[];
  if (perms === 'read') interactions = ['r', 's'];
  else if (perms === 'write') interactions = ['c', 'u', 'd'];
  else if (perms === '*') interactions = ['c', 'r', 'u', 'd', 's'];
  else if (V2.test(perms) && perms.length > 0) interactions = [...perms] as Interaction[];
  else return undefined;
  return { context: context as ScopeGrant['context'], resourceType, interactions: new Set(interactions) };
}

export function parseScopes(scopes: readonly string[]): ScopeGrant[] {
  return scopes.flatMap((s) => parseScope(s) ?? []);
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

export function allows(grants: readonly ScopeGrant[], interaction: Interaction, resourceType: string): boolean {
  const types = grantedTypes(grants, interaction);
  return types === '*' || types.has(resourceType);
}
