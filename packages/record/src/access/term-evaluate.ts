import { foldTerm, type AccessRow, type AccessTerm, type TermHandlers } from './terms';

/**
 * Three-valued: true, false, or undefined when the row does not carry what the term reads (its
 * sensitivity, its recording organisation, its patient's care relationships). Unknown behaves as
 * SQL's NULL (AND and OR absorb it when they can, NOT keeps it), and evaluateTerm allows a row
 * only when the answer is known to be true, so a check that cannot be made denies.
 */
type Known = boolean | undefined;

const andAll = (values: Known[]): Known => (values.includes(false) ? false : values.includes(undefined) ? undefined : true);
const orAny = (values: Known[]): Known => (values.includes(true) ? true : values.includes(undefined) ? undefined : false);

const EVALUATE: TermHandlers<Known, [AccessRow]> = {
  all: () => true,
  none: () => false,
  types: (t, row) => t.types.includes(row.resource_type),
  compartment: (t, row) => row.patient_id === t.patientId,
  unattached: (_t, row) => row.patient_id === null,
  relationship: (t, row) => {
    if (row.patient_id === null) return false;
    if (!row.relationships) return undefined;
    return row.relationships.some(
      (r) =>
        r.organisation === t.organisation &&
        (!t.bases || t.bases.some((b) => b === r.basis)) &&
        (r.basis !== 'encounter' || (r.effective !== null && Date.parse(r.effective) >= Date.parse(t.encounterSince))) &&
        (r.ends === null || Date.parse(r.ends) > Date.parse(t.now)),
    );
  },
  sensitive: (_t, row) => row.sensitive,
  // Kinds that join to other tables are unknown in memory, so they deny; AccessPolicy.permits decides them in SQL.
  breakGlass: () => undefined,
  sharingChoice: () => undefined,
  voluntaryShare: () => undefined,
  addressedTo: () => undefined,
  notOptedOut: () => undefined,
  recordedBy: (t, row) => (row.organisation === undefined ? undefined : row.organisation === null ? undefined : row.organisation === t.organisation),
  and: (t, row) => andAll(t.terms.map((part) => evaluate(part, row))),
  or: (t, row) => orAny(t.terms.map((part) => evaluate(part, row))),
  not: (t, row) => {
    const inner = evaluate(t.term, row);
    return inner === undefined ? undefined : !inner;
  },
};

function evaluate(term: AccessTerm, row: AccessRow): Known {
  return foldTerm(EVALUATE, term, row);
}

/**
 * True when the term allows this row: the in-memory twin of compileTerm, for rows already
 * fetched and for tests. Anything it cannot decide from the row is refused.
 */
export function evaluateTerm(term: AccessTerm, row: AccessRow): boolean {
  return evaluate(term, row) === true;
}
