import { forbidden, notFound, resourceTypes, type OperationOutcomeError, type Resource } from '@footprint/fhir';
import type { AccessContext } from '../access-context';
import type { SqlClient } from '../db/sql-client';
import { SqlParams } from '../db/sql-params';
import { patientCompartmentTypes } from '../store/compartment';
import { isAnswerByOwner, isCorrectionRequest, requireOwnCorrectionRequest } from './correction-requests';
import { allows, grantScopes, grantedTypes, parseScopes, type Interaction, type ScopeContext, type ScopeGrant } from './scopes';
import { encounterMonths } from './relationships/codes';
import { isStaffRole, staffAccess, VOLUNTARY_ADDRESSED_TYPES, type StaffAccess } from './staff-policy';
import { requireStaffContent } from './staff-content';
import { evaluateTerm } from './term-evaluate';
import { breakGlassGrant } from './break-glass/terms';
import { BREAK_GLASS_ROLES } from './break-glass/roles';
import { notOptedOut, sharingChoicePermits, voluntarySharing } from './consent/terms';
import { compileTerm } from './term-sql';
import { addressedTo, and, ALL, compartment, needsDatabase, NONE, not, or, recordedBy, relationship, sensitive, types, unattached, type AccessRow, type AccessTerm } from './terms';
import { auditReadTerm, readsAudit, AUDIT_TYPE } from './audit-readers';
import { isSecondaryUse, SECONDARY_USE_REFUSAL } from './purpose';
import { isPlatform, writerTerm } from './stewardship';
import { isWorkflowTask, requireTaskChange, requireTaskStart, taskParties } from './task-workflow';

/**
 * The one access decision of the platform. Every Repository call builds one from its
 * AccessContext; the HTTP layer only maps requests to calls and never decides.
 *
 * It folds together (1) the SMART scopes of the context, (2) for staff, the staff policy of
 * their role and organisation (scopes ∩ what the role may have, for the purposes it may act
 * under), and (3) the patient compartment for patient principals. What a context may see is a
 * tree of typed terms (terms.ts), compiled to SQL and ANDed into every query over resource rows
 * (so paging is never short and nothing leaks through _include, _revinclude, history or
 * $everything) and evaluated in memory for rows already fetched. For staff acting for direct
 * care it adds (4) care relationships: a person's rows only where the user's organisation has a
 * care relationship with them (care_relationship, joined in the same SQL), and (5) sensitivity:
 * sensitive rows only where the user's organisation recorded them. Consent, the national data
 * opt-out and break-glass join here as more term kinds.
 */
export class AccessPolicy {
  private readonly grants: ScopeGrant[];
  /** For staff whose role may only count (administrators): searches must be `_summary=count`. */
  readonly countOnly: boolean;
  /** The staff policy of a user principal's role (undefined for other principals and unknown roles). */
  private readonly staff: StaffAccess | undefined;
  /** When access is decided: the encounter window and the end of episodes are measured from here. */
  private readonly now: Date;

  constructor(readonly ctx: AccessContext, now: Date = new Date()) {
    const { principal } = ctx;
    this.now = now;
    if (principal.kind === 'user') {
      const staff = isStaffRole(principal.role) ? staffAccess(principal.role, ctx.organisation) : undefined;
      const permitted = staff && staff.purposes.includes(ctx.purpose) && ctx.scopes.length > 0;
      this.grants = permitted ? parseScopes(grantScopes(ctx.scopes, staff.scopes)) : [];
      this.countOnly = staff?.countOnly ?? true;
      this.staff = staff;
    } else {
      // Scope context binds to the principal: system/ scopes for systems, patient/ scopes only
      // for a patient (within their compartment); user/ scopes are a staff user's (above).
      const context: ScopeContext | undefined = principal.kind === 'patient' ? 'patient' : principal.kind === 'client' ? 'system' : undefined;
      this.grants = parseScopes(ctx.scopes).filter((g) => context === undefined || g.context === context);
      this.countOnly = false;
      this.staff = undefined;
    }
  }

  /**
   * The error for a row this context may not see, the same whether or not it exists: for staff
   * asking for a person, a 403 saying there is no care relationship and that break-glass is
   * possible; for anything else a 404, as if it did not exist.
   */
  notVisible(resourceType: string, reference: string): OperationOutcomeError {
    if (this.ctx.principal.kind === 'user' && resourceType === 'Patient') {
      return forbidden(
        `Your organisation has no care relationship with this person, so their record is not shown. ` +
          `If you need it for their care now, you can break glass (POST Patient/[id]/$break-glass with a reason); that access is recorded and reviewed.`,
      );
    }
    return notFound(`${reference} is not known`);
  }

  /** Throws 403 unless the grants allow `interaction` on `resourceType`. */
  require(interaction: Interaction, resourceType: string): void {
    if ((interaction === 'r' || interaction === 's') && this.secondaryUse && patientCompartmentTypes().includes(resourceType)) {
      throw forbidden(SECONDARY_USE_REFUSAL(this.ctx.purpose));
    }
    if (resourceType === AUDIT_TYPE && (interaction === 'r' || interaction === 's') && !readsAudit(this.ctx)) {
      throw forbidden('Reading the audit trail is for privacy officers (their organisation\'s accesses) and each person (who looked at their own record); it needs no scope a system can be given');
    }
    if (!this.allows(interaction, resourceType)) {
      throw forbidden(`${this.refusal()} ${INTERACTION_WORDS[interaction]} on ${resourceType} (needs e.g. ${this.scopeContext()}/${resourceType}.${interaction})`);
    }
  }

  allows(interaction: Interaction, resourceType: string): boolean {
    if (resourceType === AUDIT_TYPE && (interaction === 'r' || interaction === 's') && !readsAudit(this.ctx)) return false;
    return allows(this.grants, interaction, resourceType);
  }

  /**
   * True when a partner system or a person acts for operations, planning or research (HOPERAT,
   * PUBHLTH, HRESCH): those purposes are served by the pseudonymised warehouse, never by
   * identifiable records (purpose.ts). Staff are governed by their role's purposes instead, and
   * the platform's own jobs (warehouse builds, matching) by what they do.
   */
  private get secondaryUse(): boolean {
    const kind = this.ctx.principal.kind;
    return (kind === 'client' || kind === 'patient') && isSecondaryUse(this.ctx.purpose);
  }

  /** Types granted for `interaction`: '*' or an explicit list. */
  types(interaction: Interaction): '*' | string[] {
    const t = grantedTypes(this.grants, interaction);
    return t === '*' ? '*' : [...t];
  }

  /**
   * Checks what a create would write, beyond its type (called once the resource is valid): a
   * person may create, of Tasks, only a request to correct their own record (correction-requests.ts);
   * anyone else's new Task between partners starts as requested and names its owner (task-workflow.ts).
   */
  requireCreateContent(resource: Resource): void {
    if (this.ctx.principal.kind === 'patient') requireOwnCorrectionRequest(this.ctx.principal.id, resource);
    else if (isWorkflowTask(resource)) requireTaskStart(resource, this.platform ? undefined : this.ctx.organisation?.reference);
    this.requireStaffContent(resource);
  }

  /**
   * What staff may write of the types whose content, not only whose type, decides (staff-content.ts):
   * a directory entry only for their own organisation, and of Consents only a person's agreement
   * to share with a voluntary organisation. Called for creates and updates.
   */
  requireStaffContent(resource: Resource): void {
    if (this.ctx.principal.kind === 'user') requireStaffContent(resource, this.ctx.organisation?.reference);
  }

  /**
   * For an update of a Task between partners (task-workflow.ts): the change of `existing`
   * into `next` must be legal and this context's to make, as the
   * Task's owner or its requester (the platform is both). Throws 403 when this context is neither,
   * 409 or 422 for a change the rules refuse. The caller has checked the Task is visible.
   */
  requireTaskUpdate(existing: Resource, next: Resource): void {
    if (!isWorkflowTask(existing) || !isWorkflowTask(next)) return;
    const parties = this.platform ? (['owner', 'requester'] as const) : taskParties(existing, this.ctx.organisation?.reference);
    if (parties.length === 0) throw forbidden(`Task/${existing.id} is between other organisations: only the organisation it is addressed to (its owner) or the one that asked for it may change it`);
    requireTaskChange(existing, next, parties);
  }

  /**
   * A member of staff writes into a person's record only where they may read it: a new resource
   * in the compartment of `patientId` needs the care relationship, sharing choice or break-glass
   * grant that reading the person's Patient would (care coordination's creates, docs/trust.md §1).
   * Throws the same 403 a read would; nothing is written. Other principals are decided by their scopes.
   */
  async requireCompartmentWrite(sql: SqlClient, patientId: string | undefined): Promise<void> {
    if (this.ctx.principal.kind !== 'user' || !this.staff?.relationship || patientId === undefined) return;
    const row = { patient_id: patientId, organisation: null, sensitive: false };
    if (!(await this.permits(sql, row, 'Patient', 'r'))) throw this.notVisible('Patient', `Patient/${patientId}`);
  }

  /**
   * True when an update of `resourceType` may be staff answering a correction request: a member
   * of staff who may read Tasks answers the requests addressed to their organisation (decided per
   * row by `permitsAnswer`), whether or not their role may also update Tasks (care coordination's
   * referral Tasks, which follow the ordinary write rules).
   */
  answersCorrections(resourceType: string): boolean {
    return resourceType === 'Task' && this.ctx.principal.kind === 'user' && this.allows('r', 'Task');
  }

  /**
   * For `answersCorrections`: true when the update of `existing` into `next` must go through the
   * answer rules: `existing` is a correction request (staff change one only by answering it), or
   * the role may not update Tasks at all. Throws 403 for an ordinary Task turned into a
   * correction request, which only the person may ask.
   */
  answerPathFor(existing: Resource | undefined, next: Resource): boolean {
    if (isCorrectionRequest(existing)) return true;
    if (isCorrectionRequest(next)) throw forbidden('Only the person may ask for a correction; a Task cannot be turned into a correction request');
    return !this.allows('u', 'Task');
  }

  /** For `answersCorrections`: true when `next` answers `existing`, a correction request addressed to this user's organisation. */
  permitsAnswer(existing: Resource, next: Resource): boolean {
    return isAnswerByOwner(existing, next, this.ctx.organisation?.reference);
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

  /**
   * What this context may see for `interaction`, as a term: the granted types AND the row's
   * place; for updates and deletes, also only what this context's organisation contributed or
   * stewards (stewardship.ts); and AuditEvent rows only for those who may read the audit.
   */
  term(interaction: Interaction): AccessTerm {
    const granted = this.types(interaction);
    const writes = interaction === 'u' || interaction === 'd' ? writerTerm(this.ctx, this.relationshipWindow()) : ALL;
    return and(granted === '*' ? ALL : types(granted), this.auditGate(granted), this.rowTerm(), writes);
  }

  /**
   * Audit rows are readable only as audit-readers.ts says; other types are untouched. Nothing
   * is added when the grants cannot reach AuditEvent or the context reads the whole audit.
   */
  private auditGate(granted: '*' | string[]): AccessTerm {
    if (granted !== '*' && !granted.includes(AUDIT_TYPE)) return ALL;
    const audit = auditReadTerm(this.ctx);
    if (audit.kind === 'all') return ALL;
    return or(not(types([AUDIT_TYPE])), and(types([AUDIT_TYPE]), audit));
  }

  /**
   * True when this context may update or delete the row it can see, i.e. the refusal is
   * because someone else contributed it (a 403 naming the rule rather than a 404).
   */
  writeRefusal(reference: string): OperationOutcomeError {
    return forbidden(
      `${reference} was contributed by another organisation: only the organisation that contributed a resource (or its steward, e.g. the registered GP practice for a Patient's demographics) may update or delete it`,
    );
  }

  /** True when this is the platform itself (system principal or the administrator client). */
  get platform(): boolean {
    return isPlatform(this.ctx);
  }

  /**
   * Which rows, whatever their type: for patients, their own compartment plus shared reference
   * data (practitioners, organisations…) that belongs to no patient, never a compartment type
   * whose patient is unknown.
   */
  private rowTerm(): AccessTerm {
    const { principal, organisation } = this.ctx;
    const patient = this.patientId;
    const referenceData = and(unattached(), not(types(patientCompartmentTypes())));
    if (patient !== undefined) return this.secondaryUse ? referenceData : or(compartment(patient), referenceData);
    // Partner systems acting for operations, planning or research read no identifiable record.
    if (this.secondaryUse) return referenceData;
    // Planning and research (the warehouse build): nobody with a national data opt-out, and not
    // what a practice recorded for someone with a Type 1 opt-out there; direct care is unaffected.
    const secondaryUse = this.ctx.purpose === 'PUBHLTH' || this.ctx.purpose === 'HRESCH' ? notOptedOut() : ALL;
    const org = organisation?.reference;
    // Sensitive rows only for the organisation that recorded them.
    const readable = org ? or(not(sensitive()), recordedBy(org)) : not(sensitive());
    if (principal.kind === 'user') {
      if (!this.staff) return NONE;
      if (!this.staff.relationship) return secondaryUse;
      if (!org) return NONE;
      // Voluntary organisations see only people who agreed to share with them.
      // Of their referrals and tasks, only those addressed to the organisation itself.
      if (principal.role === 'voluntary_worker') return and(readable, or(referenceData, and(voluntarySharing(org), or(not(types(VOLUNTARY_ADDRESSED_TYPES)), addressedTo(org)))));
      // A care relationship the person's sharing choice allows, or a break-glass grant still running.
      const window = this.relationshipWindow();
      const related = and(relationship(org, window), sharingChoicePermits(org, window));
      const glass = (BREAK_GLASS_ROLES as readonly string[]).includes(principal.role) ? breakGlassGrant(principal.id, org) : NONE;
      return and(secondaryUse, readable, or(referenceData, related, glass));
    }
    return and(secondaryUse, principal.kind === 'system' ? ALL : readable);
  }

  /** Encounters count for FOOTPRINT_RELATIONSHIP_ENCOUNTER_MONTHS (default 12) before now. */
  private relationshipWindow(): { encounterSince: string; now: string } {
    const since = new Date(this.now);
    since.setUTCMonth(since.getUTCMonth() - encounterMonths());
    return { encounterSince: since.toISOString(), now: this.now.toISOString() };
  }

  /** SQL predicate restricting rows of `alias` (a resource-shaped table) to what this context may see for `interaction`. */
  predicate(alias: string, interaction: Interaction, params: SqlParams): string {
    return compileTerm(this.term(interaction), alias, params);
  }

  /** The same predicate as a column that is never NULL, for reads that fetch a row and its visibility in one query. */
  visibility(alias: string, interaction: Interaction, params: SqlParams): string {
    return `COALESCE(${this.predicate(alias, interaction, params)}, FALSE)`;
  }

  /**
   * Row-level check for one already-fetched row, the same decision as `predicate` where the row
   * carries what it needs; what it cannot know (a care relationship not fetched, a sensitivity
   * not read) denies. Reads decide in SQL instead (`visibility`).
   */
  permitsRow(row: Omit<AccessRow, 'resource_type'>, resourceType: string, interaction: Interaction): boolean {
    const accessRow: AccessRow = { ...row, resource_type: resourceType };
    return evaluateTerm(this.term(interaction), accessRow);
  }

  /**
   * Row-level check for one already-fetched row: in memory when the term allows, otherwise one
   * query deciding the same predicate over the row's columns (grants, consent), so the answer is
   * always the SQL's.
   */
  async permits(sql: SqlClient, row: { rid?: string | null; patient_id: string | null; organisation?: string | null; sensitive?: boolean }, resourceType: string, interaction: Interaction): Promise<boolean> {
    const term = this.term(interaction);
    if (!needsDatabase(term)) return this.permitsRow(row, resourceType, interaction);
    const params = new SqlParams();
    const x =
      `(SELECT ${params.add(row.rid ?? null)}::bigint AS rid, ${params.add(resourceType)}::text AS resource_type, ${params.add(row.patient_id)}::text AS patient_id, ` +
      `${params.add(row.organisation ?? null)}::text AS organisation, ${params.add(row.sensitive ?? null)}::boolean AS sensitive)`;
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
