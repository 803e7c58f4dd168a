import { forbidden, resourceTypes } from '@footprint/fhir';
import type { AccessContext } from '../access-context';
import type { SqlClient } from '../db/sql-client';
import { SqlParams } from '../db/sql-params';
import { patientCompartmentTypes } from '../store/compartment';
import { allows, grantScopes, grantedTypes, parseScopes, type Interaction, type ScopeContext, type ScopeGrant } from './scopes';
import { isStaffRole, staffAccess } from './staff-policy';
import { evaluateTerm } from './term-evaluate';
import { trustRowTerm } from './consent/row-term';
import { compileTerm } from './term-sql';
import { and, ALL, compartment, needsDatabase, not, or, types, unattached, type AccessRow, type AccessTerm } from './terms';

/**
 * The one access decision of the platform. Every Repository call builds one from its
 * AccessContext; the HTTP layer only maps requests to calls and never decides.
 *
 * It folds together (1) the SMART scopes of the context, (2) for staff, the staff policy of
 * their role and organisation (scopes ∩ what the role may have, for the purposes it may act
 * under), and (3) the patient compartment for patient principals. What a context may see is a
 * tree of typed terms (terms.ts), compiled to SQL and ANDed into every query over resource rows
 * (so paging is never short and nothing leaks through _include, _revinclude, history or
 * $everything) and evaluated in memory for rows already fetched. The trust issue adds care
 * relationships, consent and the national data opt-out, sensitivity and break-glass here, as
 * more term kinds.
 */
export class AccessPolicy {
  private readonly grants: ScopeGrant[];
  /** For staff whose role may only count (administrators): searches must be `_summary=count`. */
  readonly countOnly: boolean;

  constructor(readonly ctx: AccessContext) {
    const { principal } = ctx;
    if (principal.kind === 'user') {
      const staff = isStaffRole(principal.role) ? staffAccess(principal.role, ctx.organisation) : undefined;
      const permitted = staff && staff.purposes.includes(ctx.purpose) && ctx.scopes.length > 0;
      this.grants = permitted ? parseScopes(grantScopes(ctx.scopes, staff.scopes)) : [];
      this.countOnly = staff?.countOnly ?? true;
    } else {
      this.grants = parseScopes(ctx.scopes);
      this.countOnly = false;
    }
  }

  /** Throws 403 unless the grants allow `interaction` on `resourceType`. */
  require(interaction: Interaction, resourceType: string): void {
    if (!this.allows(interaction, resourceType)) {
      throw forbidden(`${this.refusal()} ${INTERACTION_WORDS[interaction]} on ${resourceType} (needs e.g. ${this.scopeContext()}/${resourceType}.${interaction})`);
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

  /** Throws 403 for a search that would return resources when the context may only count. */
  requireDisclosure(resourceType: string, summaryCount: boolean): void {
    if (this.countOnly && !summaryCount) {
      throw forbidden(`Your role may count ${resourceType} resources (_summary=count) but not read them`);
    }
  }

  /**
   * FHIR system history promises every type, so it needs a wildcard search scope; a narrower
   * context asks for type history instead of silently receiving part of the record.
   */
  requireSystemHistory(): void {
    if (this.types('s') !== '*') throw forbidden('System history needs a wildcard search scope such as system/*.rs');
  }

  /**
   * The types a Bulk Data export may contain: each asked type needs a system-level read scope
   * (bulk export is for backend systems, not users or patients); without `_type`, every type
   * the system scopes allow (undefined for all types). Throws 403 when nothing may be exported.
   */
  exportTypes(requested: readonly string[] | undefined): string[] | undefined {
    const system = this.grants.filter((g) => g.context === 'system');
    if (requested) {
      for (const type of requested) {
        if (!allows(system, 'r', type)) throw forbidden(`Bulk export of ${type} needs a system scope such as system/${type}.rs`);
      }
      return [...new Set(requested)];
    }
    const granted = grantedTypes(system, 'r');
    if (granted === '*') return undefined;
    const allowed = resourceTypes().filter((t) => granted.has(t));
    if (allowed.length === 0) throw forbidden('Bulk export needs system-level read scopes, e.g. system/*.rs');
    return allowed;
  }

  /**
   * Re-identifying warehouse pseudonyms into people is for the organisation that holds their
   * care (a practice for its own registered patients), for direct care, with Patient search and
   * read: anyone else is refused, whatever their scopes.
   */
  requireReidentification(organisation: string): void {
    this.require('s', 'Patient');
    this.require('r', 'Patient');
    const acting = this.ctx.principal.kind === 'system' || this.ctx.organisation?.reference === organisation;
    if (!acting || (this.ctx.purpose !== 'TREAT' && this.ctx.principal.kind !== 'system')) {
      throw forbidden(`Only ${organisation}, for direct care, may re-identify its patients`);
    }
  }

  /** The patient whose compartment bounds this context (patient principals), if any. */
  get patientId(): string | undefined {
    return this.ctx.principal.kind === 'patient' ? this.ctx.principal.id : undefined;
  }

  /** What this context may see for `interaction`, as a term: the granted types AND the row's place. */
  term(interaction: Interaction): AccessTerm {
    const granted = this.types(interaction);
    return and(granted === '*' ? ALL : types(granted), this.rowTerm());
  }

  /**
   * Which rows, whatever their type: for patients, their own compartment plus shared reference
   * data (practitioners, organisations…) that belongs to no patient, never a compartment type
   * whose patient is unknown.
   */
  private rowTerm(): AccessTerm {
    const patient = this.patientId;
    if (patient === undefined) return trustRowTerm(this.ctx);
    return or(compartment(patient), and(unattached(), not(types(patientCompartmentTypes()))));
  }

  /** SQL predicate restricting rows of `alias` (a resource-shaped table) to what this context may see for `interaction`. */
  predicate(alias: string, interaction: Interaction, params: SqlParams): string {
    return compileTerm(this.term(interaction), alias, params);
  }

  /** Row-level check for one already-fetched row, the same decision as `predicate`, for terms decidable in memory. */
  permitsRow(row: { patient_id: string | null; organisation?: string | null }, resourceType: string, interaction: Interaction): boolean {
    const accessRow: AccessRow = { resource_type: resourceType, patient_id: row.patient_id, organisation: row.organisation ?? null };
    return evaluateTerm(this.term(interaction), accessRow);
  }

  /**
   * Row-level check for one already-fetched row: in memory when the term allows, otherwise one
   * query deciding the same predicate over the row's columns (grants, consent), so the answer is
   * always the SQL's.
   */
  async permits(sql: SqlClient, row: { patient_id: string | null; organisation?: string | null }, resourceType: string, interaction: Interaction): Promise<boolean> {
    const term = this.term(interaction);
    if (!needsDatabase(term)) return this.permitsRow(row, resourceType, interaction);
    const params = new SqlParams();
    const x = `(SELECT ${params.add(resourceType)}::text AS resource_type, ${params.add(row.patient_id)}::text AS patient_id, ${params.add(row.organisation ?? null)}::text AS organisation)`;
    const { rows } = await sql.query<{ ok: boolean }>(`SELECT (${compileTerm(term, 'x', params)}) AS ok FROM ${x} x`, params.values);
    return rows[0]?.ok === true;
  }

  private refusal(): string {
    return this.ctx.principal.kind === 'user' ? "Your role's staff policy does not allow" : "The access token's scopes do not allow";
  }

  private scopeContext(): ScopeContext {
    const kind = this.ctx.principal.kind;
    return kind === 'user' || kind === 'patient' ? kind : 'system';
  }
}

const INTERACTION_WORDS: Record<Interaction, string> = { c: 'create', r: 'read', u: 'update', d: 'delete', s: 'search' };
