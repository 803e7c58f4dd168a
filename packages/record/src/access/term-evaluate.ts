import { foldTerm, type AccessRow, type AccessTerm, type TermHandlers } from './terms';

/**
 * Terms that join to the access tables cannot be decided in memory. Reaching one here is a
 * programming error (AccessPolicy.permits sends such terms to SQL); it throws rather than guess.
 */
function decidedInSql(term: AccessTerm): never {
  throw new Error(`The ${term.kind} access term is decided in SQL (AccessPolicy.permits), not in memory`);
}

const EVALUATE: TermHandlers<boolean, [AccessRow]> = {
  all: () => true,
  none: () => false,
  types: (t, row) => t.types.includes(row.resource_type),
  compartment: (t, row) => row.patient_id === t.patientId,
  unattached: (_t, row) => row.patient_id === null,
  breakGlass: decidedInSql,
  sharingChoice: decidedInSql,
  voluntaryShare: decidedInSql,
  notOptedOut: decidedInSql,
  and: (t, row) => t.terms.every((part) => evaluateTerm(part, row)),
  or: (t, row) => t.terms.some((part) => evaluateTerm(part, row)),
  not: (t, row) => !evaluateTerm(t.term, row),
};

/** True when the term allows this row: the in-memory twin of compileTerm, for rows already fetched and for tests. */
export function evaluateTerm(term: AccessTerm, row: AccessRow): boolean {
  return foldTerm(EVALUATE, term, row);
}
