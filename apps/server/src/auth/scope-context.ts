import type { ScopeContext } from '@footprint/record';
import { InvalidTokenError, type AccessTokenClaims } from './tokens';

/** The one scope context each kind of principal may hold: a client `system/`, staff `user/`, a person `patient/`. */
export function scopeContextOf(claims: Pick<AccessTokenClaims, 'kind' | 'patient'>): ScopeContext {
  if (claims.kind === 'user') return 'user';
  if (claims.kind === 'patient' || claims.patient !== undefined) return 'patient';
  return 'system';
}

const CONTEXT_PREFIX = /^(system|user|patient)\//;

/** Removes the scopes of any other context than `context` (a client-credentials grant never carries patient/ or user/ scopes). */
export function scopesInContext(scopes: readonly string[], context: ScopeContext): string[] {
  return scopes.filter((scope) => CONTEXT_PREFIX.exec(scope)?.[1] === context);
}

/**
 * Refuses a token whose scopes are of another context than its principal's: `patient/` scopes
 * bind to a person, `user/` scopes to a member of staff, `system/` scopes to a partner system.
 * A client-credentials token with `patient/*.rs` would otherwise reach every patient.
 */
export function checkScopeContext(claims: AccessTokenClaims): void {
  const context = scopeContextOf(claims);
  for (const scope of claims.scope.split(/\s+/).filter(Boolean)) {
    const match = CONTEXT_PREFIX.exec(scope);
    if (match && match[1] !== context) {
      throw new InvalidTokenError(`The access token carries ${match[1]}/ scopes, which a ${context === 'system' ? 'partner system' : context === 'user' ? 'member of staff' : 'person'} cannot hold`);
    }
  }
}
