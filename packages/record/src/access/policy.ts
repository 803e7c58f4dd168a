import { forbidden } from '@footprint/fhir';
import type { AccessContext } from '../access-context';
import type { SqlParams } from '../db/sql-params';
import { inPatientCompartment, patientCompartmentTypes } from '../store/compartment';
import { allows, grantedTypes, parseScopes, type Interaction, type ScopeGrant } from './scopes';

/**
 * What an access context may see, compiled to SQL. Every query over resource rows ANDs in
 * `predicate(alias, interaction)`, so paging is never short and nothing leaks through
 * _include, _revinclude, history or $everything.
 *
 * Today it combines (1) the resource types the SMART scopes grant and (2) the patient
 * compartment for patient principals. This is the one place later issues add care
 * relationships (registered practice, encounters, referrals, care teams), consent and the
 * national data opt-out, and break-glass (purpose ETREAT with a recorded reason): each is
 * one more conjunct over the row's `patient_id`, `organisation` and `resource_type`.
 */
export class AccessPolicy {
  private readonly grants: ScopeGrant[];

  constructor(readonly ctx: AccessContext) {
    this.grants = parseScopes(ctx.scopes);
  }

  /** Throws 403 unless the scopes grant `interaction` on `resourceType`. */
  require(interaction: Interaction, resourceType: string): void {
    if (!allows(this.grants, interaction, resourceType)) {
      throw forbidden(`The access token's scopes do not allow ${describe(interaction)} on ${resourceType}`);
    }
  }

  allows(interaction: Interaction, resourceType: string): boolean {
    return allows(this.grants, interaction, resourceType);
  }

  /** Types granted for `interaction`: '*' or an explicit list. */
  types(interaction: Interaction): '*' | string[] {
    const t = grantedTypes(this.grants, interaction);
    return t === '*' ? '*' : [...t];
  }

  /** The patient whose compartment bounds this context (patient principals), if any. */
  get patientId(): string | undefined {
    return this.ctx.principal.kind === 'patient' ? this.ctx.principal.id : undefined;
  }

  /**
   * SQL predicate restricting rows of `alias` (a resource-shaped table: resource_type,
   * patient_id, organisation) to what this context may see for `interaction`.
   */
  predicate(alias: string, interaction: Interaction, params: SqlParams): string {
    const parts: string[] = [];
    const types = this.types(interaction);
    if (types !== '*') parts.push(types.length === 0 ? 'FALSE' : `${alias}.resource_type = ANY(${params.add(types)}::text[])`);
    const patient = this.patientId;
    if (patient !== undefined) {
      // Their own compartment, plus shared reference data (practitioners, organisations…) that
      // belongs to no patient; never a compartment type whose patient is unknown.
      parts.push(
        `(${alias}.patient_id = ${params.add(patient)} OR (${alias}.patient_id IS NULL AND NOT ${alias}.resource_type = ANY(${params.add(patientCompartmentTypes())}::text[])))`,
      );
    }
    return parts.length === 0 ? 'TRUE' : parts.join(' AND ');
  }

  /** Row-level check for one already-fetched row (reads), matching `predicate`. */
  permitsRow(row: { patient_id: string | null }, resourceType: string): boolean {
    const patient = this.patientId;
    if (patient === undefined) return true;
    return row.patient_id === patient || (row.patient_id === null && !inPatientCompartment(resourceType));
  }
}

function describe(i: Interaction): string {
  return { c: 'create', r: 'read', u: 'update', d: 'delete', s: 'search' }[i];
}
