import type { Bundle, Patient, Resource } from '@medplum/fhirtypes';
import type { AccessContext } from './access-context';
import type { MatchRequest, MergeRequest, MergeResult, PatientMatch, UnmergeResult } from './match';
import type {
  BreakGlassGrant,
  BreakGlassRequest,
  BreakGlassReview,
  BreakGlassReviewDecision,
  BreakGlassReviewStatus,
  BreakGlassReviewSummary,
} from './access/break-glass/types';

/**
 * The shared care record's storage contract. The FHIR HTTP layer (apps/server), the importer,
 * the warehouse and the CLI talk only to this interface; PostgreSQL (a server or embedded PGlite)
 * is the implementation. Every call takes the caller's AccessContext, is checked against its
 * scopes, and writes an AuditEvent in the same transaction when it touches patient data.
 * Errors are OperationOutcomeError (from @footprint/fhir) with the right HTTP status.
 */
export interface Repository {
  create<T extends Resource>(ctx: AccessContext, resource: T, options?: CreateOptions): Promise<WriteResult<T>>;
  read<T extends Resource = Resource>(ctx: AccessContext, resourceType: string, id: string): Promise<T>;
  vread<T extends Resource = Resource>(ctx: AccessContext, resourceType: string, id: string, versionId: string): Promise<T>;
  update<T extends Resource>(ctx: AccessContext, resource: T, options?: UpdateOptions): Promise<WriteResult<T>>;
  delete(ctx: AccessContext, resourceType: string, id: string): Promise<void>;

  /**
   * Type search. `params` are the raw query pairs (names may carry modifiers/chains, e.g. `subject:Patient.name`).
   * For the next page, repeat the search with `['_cursor', result.next]` added.
   */
  search(ctx: AccessContext, resourceType: string, params: SearchParams, options?: SearchOptions): Promise<SearchResult>;
  /** Instance, type or system history, newest first, paged by an opaque cursor. */
  history(ctx: AccessContext, request: HistoryRequest): Promise<HistoryResult>;
  /** Patient/$everything: the patient and every resource in their compartment, paged. 404 for an unknown patient. */
  everything(ctx: AccessContext, patientId: string, request: EverythingRequest): Promise<SearchResult>;

  /**
   * Re-identification for a practice's worklist: which of the warehouse's pseudonyms (`keys`)
   * belong to patients registered at `practice`, and who they are. One audited operation,
   * allowed only to that practice acting for direct care (see AccessPolicy.requireReidentification).
   */
  reidentify(ctx: AccessContext, request: ReidentifyRequest): Promise<ReidentifiedPatient[]>;

  /**
   * Patient/$match: candidates for the Patient, NHS number first, then demographics, scored and
   * graded (certain, probable, possible), best first, among the Patients the context may search.
   */
  match(ctx: AccessContext, request: MatchRequest): Promise<PatientMatch[]>;
  /**
   * Merges the source Patient into the target (Patient.link replaced-by / replaces, every
   * reference moved to the target), all or nothing; for administrators and privileged systems.
   */
  merge(ctx: AccessContext, request: MergeRequest): Promise<MergeResult>;
  /** Undoes a merge exactly: both records and every moved reference as they were. */
  unmerge(ctx: AccessContext, request: MergeRequest): Promise<UnmergeResult>;
  /**
   * Break-glass (`Patient/$break-glass`): a clinician without access gets time-limited access to
   * one person's record and a review opens for their organisation's privacy officers. Audited
   * with purpose ETREAT, as is every access under the grant. See access/break-glass/.
   */
  breakGlass(ctx: AccessContext, request: BreakGlassRequest): Promise<BreakGlassGrant>;
  /** The context's unexpired grant for this person, if any (for the care record's banner). */
  activeBreakGlass(ctx: AccessContext, patientId: string): Promise<BreakGlassGrant | undefined>;
  /** The privacy officer's queue of their organisation's break-glass, without whose record. */
  breakGlassReviews(ctx: AccessContext, filter?: { status?: BreakGlassReviewStatus }): Promise<BreakGlassReviewSummary[]>;
  /** Opens one review, disclosing the person's NHS number to the privacy officer (audited). */
  openBreakGlassReview(ctx: AccessContext, id: string): Promise<BreakGlassReview>;
  /** open → reviewed, with the finding and a note. */
  reviewBreakGlass(ctx: AccessContext, id: string, decision: BreakGlassReviewDecision): Promise<BreakGlassReview>;
  /** reviewed → closed. */
  closeBreakGlassReview(ctx: AccessContext, id: string): Promise<BreakGlassReview>;

  /** A batch or transaction Bundle. A transaction is all-or-nothing; urn:uuid and conditional references are resolved. */
  processBundle(ctx: AccessContext, bundle: Bundle): Promise<Bundle>;
  /** Runs `fn` in one database transaction; everything written through `repo` commits or rolls back together. */
  transaction<T>(ctx: AccessContext, fn: (repo: Repository) => Promise<T>): Promise<T>;

  /**
   * Streams current versions of resources changed after `since` (a change-sequence watermark,
   * '0' for everything), in change order, for the warehouse and bulk export. Deleted resources
   * come with `deleted: true`. Audited once per call, not per resource.
   */
  changes(ctx: AccessContext, request: ChangesRequest): AsyncIterable<ChangeBatch>;

  /**
   * Bulk write for imports: validates, indexes and stores many resources in one transaction with
   * set-based SQL, keeping their ids. A resource whose content equals the current version is left
   * unchanged (so re-importing a file creates no duplicates). One AuditEvent per batch.
   */
  importBatch(ctx: AccessContext, resources: Resource[]): Promise<ImportBatchResult>;

  close(): Promise<void>;
}

export interface ReidentifyRequest {
  /** The practice (`Organization/…`) whose registered patients may be re-identified. */
  practice: string;
  /** The pseudonyms to look for. */
  keys: readonly string[];
  /** The warehouse's one-way pseudonym of a record id, computed by the caller who holds the key. */
  pseudonymOf: (patientId: string) => string;
}

export interface ReidentifiedPatient {
  key: string;
  patient: Patient;
}

export interface ImportBatchResult {
  created: number;
  updated: number;
  unchanged: number;
}

export type SearchParams = ReadonlyArray<readonly [name: string, value: string]>;

export interface CreateOptions {
  /** Conditional create: the search (query string without '?') that must match nothing. */
  ifNoneExist?: string;
  /** Keep the resource's given id (imports); otherwise the server assigns one. */
  keepId?: boolean;
}

export interface UpdateOptions {
  /** Optimistic locking: the expected versionId (the ETag's value, `W/"3"` or `3`). 412 on mismatch. */
  ifMatch?: string;
}

export interface WriteResult<T extends Resource> {
  resource: T;
  /** 'created' for a new resource, 'updated' for a new version, 'unchanged' when a conditional create matched. */
  outcome: 'created' | 'updated' | 'unchanged';
}

export interface SearchOptions {
  /** `Prefer: handling=strict` makes unknown parameters a 400; lenient (default) ignores them with a warning. */
  handling?: 'strict' | 'lenient';
}

export interface SearchResult {
  /** Resources that matched (search mode 'match'). */
  matches: Resource[];
  /** Resources pulled in by _include/_revinclude (search mode 'include'). */
  includes: Resource[];
  /** Present only when `_total=accurate|estimate` or `_summary=count` was asked for. */
  total?: number;
  /** Opaque cursor for the next page, stable while others write; absent on the last page. Pass it back as `_cursor`. */
  next?: string;
  /** The search parameters actually applied, as query pairs (for the Bundle's self link). */
  applied: SearchParams;
  /** Warnings, e.g. parameters ignored under lenient handling. */
  warnings: string[];
}

export interface HistoryRequest {
  resourceType?: string;
  id?: string;
  /**
   * FHIR system history (`GET /_history`), which promises every type: the policy then refuses a
   * context without a wildcard search scope rather than leaving types out. Without it, a history
   * with no type holds the types the context may search.
   */
  complete?: boolean;
  /** Only versions changed after this instant (`_since`). */
  since?: string;
  count?: number;
  cursor?: string;
}

export interface HistoryEntry {
  resource?: Resource;
  resourceType: string;
  id: string;
  versionId: string;
  lastUpdated: string;
  method: 'POST' | 'PUT' | 'DELETE';
}

export interface HistoryResult {
  entries: HistoryEntry[];
  total?: number;
  next?: string;
}

export interface EverythingRequest {
  count?: number;
  cursor?: string;
  since?: string;
  types?: string[];
}

export interface ChangesRequest {
  since: string;
  types?: string[];
  batchSize?: number;
  /** Stop at this watermark (inclusive), so a refresh sees a consistent cut. */
  until?: string;
}

export interface ChangeBatch {
  items: Array<{ resource: Resource; deleted: boolean; seq: string }>;
  /** The watermark after this batch. */
  watermark: string;
}
