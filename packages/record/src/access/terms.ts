import type { RelationshipBasis } from './trust-codes';

/**
 * What an access policy allows, as a small tree of typed terms over a resource row. The policy
 * compiles to one term per interaction; `term-sql.ts` turns it into a parameterised SQL
 * predicate and `term-evaluate.ts` decides it for one row in memory, both through a handler per
 * kind, so a new kind (the trust issue's care relationship, consent, sensitivity, break-glass)
 * fails to compile until both know it.
 */
export type AccessTerm =
  /** Every row. */
  | { kind: 'all' }
  /** No row. */
  | { kind: 'none' }
  /** Rows of these resource types. */
  | { kind: 'types'; types: readonly string[] }
  /** Rows in this patient's compartment (the row's patient is this one). */
  | { kind: 'compartment'; patientId: string }
  /** Rows that belong to no patient (practitioners, organisations, and the like). */
  | { kind: 'unattached' }
  /**
   * Rows of a person the organisation has a care relationship with (care_relationship): any
   * basis, or only `bases`; an encounter counts when it ended on or after `encounterSince`, and
   * an episode or care team until its `ends` passes `now`.
   */
  | { kind: 'relationship'; organisation: string; bases?: readonly RelationshipBasis[]; encounterSince: string; now: string }
  /** Rows flagged sensitive when written (sensitive codes, or meta.security R or V). */
  | { kind: 'sensitive' }
  /** Rows recorded by this organisation (resource.organisation, the writer's organisation). */
  | { kind: 'recordedBy'; organisation: string }
  /** Rows of people this user (acting for this organisation) holds an unexpired break-glass grant for (break-glass/terms.ts). */
  | { kind: 'breakGlass'; userId: string; organisation: string }
  /** Rows the person's sharing choice in force lets this organisation see (consent/terms.ts). */
  | { kind: 'sharingChoice'; organisation: string; encounterSince: string; now: string }
  /** Rows of people who agreed to share with this voluntary organisation (consent/terms.ts). */
  | { kind: 'voluntaryShare'; organisation: string }
  /**
   * Rows addressed to this organisation: a Task it owns (`Task.owner`) or a ServiceRequest it is
   * to perform (`ServiceRequest.performer`), read from the search index of the row's resource.
   */
  | { kind: 'addressedTo'; organisation: string }
  /** Rows not withheld by a national data opt-out or, for the practice's own rows, a Type 1 opt-out (consent/terms.ts). */
  | { kind: 'notOptedOut' }
  | { kind: 'and'; terms: readonly AccessTerm[] }
  | { kind: 'or'; terms: readonly AccessTerm[] }
  | { kind: 'not'; term: AccessTerm };

export type AccessTermKind = AccessTerm['kind'];

/** One handler per kind: leaving a kind out is a type error (the Kysely-style exhaustive table). */
export type TermHandlers<R, A extends unknown[] = []> = { [K in AccessTermKind]: (term: Extract<AccessTerm, { kind: K }>, ...args: A) => R };

/** Applies the handler for the term's kind. */
export function foldTerm<R, A extends unknown[]>(handlers: TermHandlers<R, A>, term: AccessTerm, ...args: A): R {
  const handler = handlers[term.kind] as (t: AccessTerm, ...rest: A) => R;
  return handler(term, ...args);
}

/**
 * The columns of a resource-shaped row (resource, resource_history, audit_event) that terms read.
 * A column left out is unknown to the evaluator, which then never allows what it would decide;
 * `relationships`, the care relationships of the row's patient, is known only when given.
 */
export interface AccessRow {
  resource_type: string;
  /** The row's resource (for `addressedTo`, which reads its search index); unknown when absent. */
  rid?: string | null;
  patient_id: string | null;
  organisation?: string | null;
  sensitive?: boolean;
  relationships?: ReadonlyArray<{ organisation: string; basis: string; effective: string | null; ends: string | null }>;
}

/**
 * Kinds decided by joining to tables other than the row's own (care relationships, break-glass
 * grants, the person's choices): only SQL can decide them, so a row already fetched is checked in
 * SQL when its term holds one (AccessPolicy.permits).
 */
export const DATABASE_KINDS: readonly AccessTermKind[] = ['relationship', 'breakGlass', 'sharingChoice', 'voluntaryShare', 'addressedTo', 'notOptedOut'];

/** True when the term reads other tables, so a row must be checked in SQL rather than in memory. */
export function needsDatabase(term: AccessTerm): boolean {
  if (DATABASE_KINDS.includes(term.kind)) return true;
  if (term.kind === 'and' || term.kind === 'or') return term.terms.some(needsDatabase);
  return term.kind === 'not' ? needsDatabase(term.term) : false;
}

export const ALL: AccessTerm = { kind: 'all' };
export const NONE: AccessTerm = { kind: 'none' };

export const types = (list: readonly string[]): AccessTerm => (list.length === 0 ? NONE : { kind: 'types', types: [...list] });
export const compartment = (patientId: string): AccessTerm => ({ kind: 'compartment', patientId });
export const unattached = (): AccessTerm => ({ kind: 'unattached' });
export const relationship = (organisation: string, window: { encounterSince: string; now: string }, bases?: readonly RelationshipBasis[]): AccessTerm =>
  bases?.length === 0 ? NONE : { kind: 'relationship', organisation, encounterSince: window.encounterSince, now: window.now, ...(bases ? { bases: [...bases] } : {}) };
export const sensitive = (): AccessTerm => ({ kind: 'sensitive' });
export const recordedBy = (organisation: string): AccessTerm => ({ kind: 'recordedBy', organisation });
export const addressedTo = (organisation: string): AccessTerm => ({ kind: 'addressedTo', organisation });

/** Conjunction, dropping `all` and collapsing to `none` when any part is `none`. */
export function and(...terms: AccessTerm[]): AccessTerm {
  const kept = terms.filter((t) => t.kind !== 'all');
  if (kept.some((t) => t.kind === 'none')) return NONE;
  if (kept.length === 0) return ALL;
  return kept.length === 1 ? kept[0] : { kind: 'and', terms: kept };
}

/** Disjunction, dropping `none` and collapsing to `all` when any part is `all`. */
export function or(...terms: AccessTerm[]): AccessTerm {
  const kept = terms.filter((t) => t.kind !== 'none');
  if (kept.some((t) => t.kind === 'all')) return ALL;
  if (kept.length === 0) return NONE;
  return kept.length === 1 ? kept[0] : { kind: 'or', terms: kept };
}

export function not(term: AccessTerm): AccessTerm {
  if (term.kind === 'all') return NONE;
  if (term.kind === 'none') return ALL;
  return term.kind === 'not' ? term.term : { kind: 'not', term };
}
