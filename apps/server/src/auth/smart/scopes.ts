import { grantScopes, INTERACTIONS, parseScope, parseScopes, splitScopes, type Interaction } from '@footprint/record';

/**
 * What a person may let an app do: read and search their own record (`patient/*.rs`), have
 * the patient in context (`launch/patient`) and keep access between visits (`offline_access`,
 * `online_access`). Writing on the person's behalf is not offered to apps.
 */
export const PATIENT_APP_CEILING: readonly string[] = ['patient/*.rs', 'launch/patient', 'offline_access', 'online_access'];

/** The non-resource scopes Footprint understands in a SMART request. */
const CONTEXT_SCOPES = new Set(['launch/patient', 'offline_access', 'online_access']);

/** Throws when an app is registered with a scope it could never be granted. */
export function checkAppScopes(scopes: readonly string[]): void {
  if (scopes.length === 0) throw new Error('Give the app at least one scope, e.g. patient/*.rs');
  for (const scope of scopes) {
    if (CONTEXT_SCOPES.has(scope)) continue;
    const grant = parseScope(scope);
    if (!grant || grant.context !== 'patient') throw new Error(`A SMART app may only have patient scopes (patient/Type.rs), launch/patient, offline_access or online_access, not ${scope}`);
    if ([...grant.interactions].some((i) => i !== 'r' && i !== 's')) throw new Error(`Apps may only read and search a person's record: ${scope} asks for more`);
  }
}

/**
 * The scopes to grant an app for a request: what it asks for, narrowed to what it is registered
 * for and to what a person may give an app (the record's one scope narrowing, grantScopes).
 */
export function narrowAppScopes(requested: string | undefined, appScopes: readonly string[]): string[] {
  const asked = splitScopes(requested);
  const allowed = grantScopes(appScopes, PATIENT_APP_CEILING);
  return asked.length === 0 ? [] : grantScopes(asked, allowed);
}

/** True when the scopes give access to some data (not only context scopes). */
export function grantsData(scopes: readonly string[]): boolean {
  return parseScopes(scopes).length > 0;
}

const VERBS: Record<Interaction, string> = { c: 'add to', r: 'read', u: 'change', d: 'delete from', s: 'search' };

/** Plain words for one scope, for the consent screen. */
export function describeScope(scope: string): string {
  if (scope === 'launch/patient') return 'Know which person’s record it is connected to (yours)';
  if (scope === 'offline_access') return 'Keep access when you are not using it, until you disconnect it';
  if (scope === 'online_access') return 'Keep access while you are using it';
  const grant = parseScope(scope);
  if (!grant) return scope;
  const verbs = INTERACTIONS.filter((i) => grant.interactions.has(i)).map((i) => VERBS[i]);
  const what = grant.resourceType === '*' ? 'everything in your record' : `${grant.resourceType} entries in your record`;
  return `${verbs.join(' and ').replace(/^./, (c) => c.toUpperCase())} ${what}`;
}
