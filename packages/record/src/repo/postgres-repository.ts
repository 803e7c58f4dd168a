import type { Bundle, Resource } from '@footprint/fhir';
import type { AccessContext } from '../access-context';
import { activeBreakGlass, breakGlass } from '../access/break-glass/grant';
import { closeBreakGlassReview, listBreakGlassReviews, openBreakGlassReview, reviewBreakGlass } from '../access/break-glass/reviews';
import type {
  BreakGlassGrant,
  BreakGlassRequest,
  BreakGlassReview,
  BreakGlassReviewDecision,
  BreakGlassReviewStatus,
  BreakGlassReviewSummary,
} from '../access/break-glass/types';
import { processBundle } from '../bundle';
import type { SqlClient } from '../db/sql-client';
import type {
  ChangeBatch,
  ChangesRequest,
  CreateOptions,
  EverythingRequest,
  HistoryRequest,
  HistoryResult,
  ImportBatchResult,
  ReidentifiedPatient,
  ReidentifyRequest,
  Repository,
  SearchOptions,
  SearchParams,
  SearchResult,
  UpdateOptions,
  WriteResult,
} from '../repository';
import { holdsPatient, matchPatients, mergePatients, screenPatients, unmergePatients, type MatchRequest, type MergeRequest, type MergeResult, type PatientMatch, type UnmergeResult } from '../match';
import { changesSince } from './changes';
import { importBatch } from './import-batch';
import { reidentify } from './reidentify';
import { patientEverything, readResource, resourceHistory, searchResources, vreadResource } from './read-ops';
import { createResource, deleteResource, updateResource } from './write-ops';

/**
 * The Repository on PostgreSQL (a server through `pg`, or embedded PGlite): one SQL dialect,
 * no engine branches. Each method checks scopes, does its work in one transaction and appends
 * its AuditEvent in that same transaction. Inside `transaction()`, a repository bound to the
 * open transaction is handed out, so nested work commits or rolls back together.
 */
export class PostgresRepository implements Repository {
  constructor(
    private readonly sql: SqlClient,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {}

  /** A new Patient is screened for duplicates in the same transaction (match/screen.ts); the create proceeds whatever is found. */
  create<T extends Resource>(ctx: AccessContext, resource: T, options?: CreateOptions): Promise<WriteResult<T>> {
    if (resource?.resourceType !== 'Patient') return createResource(this.sql, ctx, resource, options);
    return this.sql.transaction(async (tx) => {
      const written = await createResource(tx, ctx, resource, options);
      if (written.outcome === 'created') await screenPatients(tx, ctx, [written.resource], 'create');
      return written;
    });
  }

  read<T extends Resource = Resource>(ctx: AccessContext, resourceType: string, id: string): Promise<T> {
    return readResource<T>(this.sql, ctx, resourceType, id);
  }

  vread<T extends Resource = Resource>(ctx: AccessContext, resourceType: string, id: string, versionId: string): Promise<T> {
    return vreadResource<T>(this.sql, ctx, resourceType, id, versionId);
  }

  update<T extends Resource>(ctx: AccessContext, resource: T, options?: UpdateOptions): Promise<WriteResult<T>> {
    return updateResource(this.sql, ctx, resource, options);
  }

  delete(ctx: AccessContext, resourceType: string, id: string): Promise<void> {
    return deleteResource(this.sql, ctx, resourceType, id);
  }

  search(ctx: AccessContext, resourceType: string, params: SearchParams, options?: SearchOptions): Promise<SearchResult> {
    return searchResources(this.sql, ctx, resourceType, params, options);
  }

  history(ctx: AccessContext, request: HistoryRequest): Promise<HistoryResult> {
    return resourceHistory(this.sql, ctx, request);
  }

  everything(ctx: AccessContext, patientId: string, request: EverythingRequest): Promise<SearchResult> {
    return patientEverything(this.sql, ctx, patientId, request);
  }

  reidentify(ctx: AccessContext, request: ReidentifyRequest): Promise<ReidentifiedPatient[]> {
    return reidentify(this.sql, ctx, request);
  }

  breakGlass(ctx: AccessContext, request: BreakGlassRequest): Promise<BreakGlassGrant> {
    return breakGlass(this.sql, ctx, request);
  }

  activeBreakGlass(ctx: AccessContext, patientId: string): Promise<BreakGlassGrant | undefined> {
    return activeBreakGlass(this.sql, ctx, patientId);
  }

  breakGlassReviews(ctx: AccessContext, filter?: { status?: BreakGlassReviewStatus }): Promise<BreakGlassReviewSummary[]> {
    return listBreakGlassReviews(this.sql, ctx, filter);
  }

  openBreakGlassReview(ctx: AccessContext, id: string): Promise<BreakGlassReview> {
    return openBreakGlassReview(this.sql, ctx, id);
  }

  reviewBreakGlass(ctx: AccessContext, id: string, decision: BreakGlassReviewDecision): Promise<BreakGlassReview> {
    return reviewBreakGlass(this.sql, ctx, id, decision);
  }

  closeBreakGlassReview(ctx: AccessContext, id: string): Promise<BreakGlassReview> {
    return closeBreakGlassReview(this.sql, ctx, id);
  }

  processBundle(ctx: AccessContext, bundle: Bundle): Promise<Bundle> {
    return processBundle(this, ctx, bundle);
  }

  transaction<T>(_ctx: AccessContext, fn: (repo: Repository) => Promise<T>): Promise<T> {
    return this.sql.transaction((tx) => fn(new PostgresRepository(tx)));
  }

  changes(ctx: AccessContext, request: ChangesRequest): AsyncIterable<ChangeBatch> {
    return changesSince(this.sql, ctx, request);
  }

  match(ctx: AccessContext, request: MatchRequest): Promise<PatientMatch[]> {
    return matchPatients(this.sql, ctx, request);
  }

  merge(ctx: AccessContext, request: MergeRequest): Promise<MergeResult> {
    return mergePatients(this.sql, ctx, request);
  }

  unmerge(ctx: AccessContext, request: MergeRequest): Promise<UnmergeResult> {
    return unmergePatients(this.sql, ctx, request);
  }

  /** Imported Patients are screened for duplicates in the batch's transaction (match/screen.ts). */
  importBatch(ctx: AccessContext, resources: Resource[]): Promise<ImportBatchResult> {
    if (!holdsPatient(resources)) return importBatch(this.sql, ctx, resources);
    return this.sql.transaction(async (tx) => {
      const result = await importBatch(tx, ctx, resources);
      await screenPatients(tx, ctx, resources, 'import');
      return result;
    });
  }

  close(): Promise<void> {
    return this.onClose();
  }
}
