import type { SqlParams } from '../db/sql-params';
import { breakGlassSql } from './break-glass/terms';
import { notOptedOutSql, sharingChoiceSql, voluntaryShareSql } from './consent/terms';
import { foldTerm, type AccessTerm, type TermHandlers } from './terms';

/**
 * Whether a term's SQL can be NULL (it reads a nullable column). SQL's unknown behaves as false
 * under AND, OR and WHERE, which is what the evaluator does; only NOT turns unknown into
 * unknown, so a NOT over a nullable term is wrapped in COALESCE(…, FALSE).
 */
const NULLABLE: TermHandlers<boolean> = {
  all: () => false,
  none: () => false,
  types: () => false,
  compartment: () => true,
  unattached: () => false,
  relationship: () => false,
  sensitive: () => false,
  recordedBy: () => true,
  breakGlass: () => false,
  sharingChoice: () => false,
  voluntaryShare: () => false,
  addressedTo: () => false,
  notOptedOut: () => false,
  and: (t) => t.terms.some(nullable),
  or: (t) => t.terms.some(nullable),
  not: (t) => nullable(t.term),
};

function nullable(term: AccessTerm): boolean {
  return foldTerm(NULLABLE, term);
}

const COMPILE: TermHandlers<string, [string, SqlParams]> = {
  all: () => 'TRUE',
  none: () => 'FALSE',
  types: (t, alias, params) => `${alias}.resource_type = ANY(${params.add(t.types)}::text[])`,
  compartment: (t, alias, params) => `${alias}.patient_id = ${params.add(t.patientId)}`,
  unattached: (_t, alias) => `${alias}.patient_id IS NULL`,
  // One indexed semi-join (organisation, patient_id, basis, effective) in the query itself: no extra round trip.
  relationship: (t, alias, params) =>
    `EXISTS (SELECT 1 FROM care_relationship access_cr WHERE access_cr.organisation = ${params.add(t.organisation)} AND access_cr.patient_id = ${alias}.patient_id` +
    `${t.bases ? ` AND access_cr.basis = ANY(${params.add(t.bases)}::text[])` : ''}` +
    ` AND (access_cr.basis <> 'encounter' OR access_cr.effective >= ${params.add(t.encounterSince)}::timestamptz)` +
    ` AND (access_cr.ends IS NULL OR access_cr.ends > ${params.add(t.now)}::timestamptz))`,
  sensitive: (_t, alias) => `${alias}.sensitive`,
  recordedBy: (t, alias, params) => `${alias}.organisation = ${params.add(t.organisation)}`,
  breakGlass: breakGlassSql,
  sharingChoice: (t, alias, params) => sharingChoiceSql(t, alias, params, (term, on) => compileTerm(term, on, params)),
  voluntaryShare: voluntaryShareSql,
  // The reference index of the row's own resource: Task.owner and ServiceRequest.performer.
  addressedTo: (t, alias, params) =>
    `EXISTS (SELECT 1 FROM search_reference access_sr WHERE access_sr.rid = ${alias}.rid AND access_sr.code = ANY(ARRAY['owner', 'performer']) AND access_sr.target_type = 'Organization' AND access_sr.target_id = ${params.add(t.organisation.replace(/^Organization\//, ''))})`,
  notOptedOut: notOptedOutSql,
  and: (t, alias, params) => `(${t.terms.map((part) => compileTerm(part, alias, params)).join(' AND ')})`,
  or: (t, alias, params) => `(${t.terms.map((part) => compileTerm(part, alias, params)).join(' OR ')})`,
  not: (t, alias, params) => {
    const inner = compileTerm(t.term, alias, params);
    return nullable(t.term) ? `NOT COALESCE(${inner}, FALSE)` : `NOT ${inner}`;
  },
};

/**
 * The term as a SQL predicate over the resource-shaped table aliased `alias` (columns
 * resource_type, patient_id, organisation and sensitive), every value a parameter in `params`.
 */
export function compileTerm(term: AccessTerm, alias: string, params: SqlParams): string {
  return foldTerm(COMPILE, term, alias, params);
}
