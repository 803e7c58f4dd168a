import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Group, Resource } from '@footprint/fhir';
import { AccessPolicy, type AccessContext, type Repository, type SqlClient } from '@footprint/record';
import { inPatientCompartment, patientCompartmentTypes } from './compartment';
import { NdjsonFiles, type ExportFile } from './ndjson-files';

const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type ExportLevel = 'system' | 'patient' | 'group';
export type ExportStatus = 'accepted' | 'in-progress' | 'completed' | 'failed' | 'cancelled';

export interface ExportRequest {
  level: ExportLevel;
  groupId?: string;
  /** Resource types to export; undefined for every type the scopes allow. */
  types?: string[];
  /** Only resources last updated at or after this instant. */
  since?: string;
  requestUrl: string;
}

export interface ExportJob {
  id: string;
  clientId: string;
  status: ExportStatus;
  requestUrl: string;
  transactionTime: string;
  /** When the job last changed state (for a completed job: when it finished). */
  finishedAt: string;
  progress?: string;
  output?: ExportFile[];
  error?: string;
}

interface JobRow extends Record<string, unknown> {
  id: string;
  client_id: string;
  status: ExportStatus;
  request_url: string;
  level: ExportLevel;
  group_id: string | null;
  types: string[] | null;
  since: string | null;
  access_context: AccessContext;
  transaction_time: string;
  progress: string | null;
  output: ExportFile[] | null;
  error: string | null;
  updated: string;
}

const PAGE = 500;

/** How long finished export files are kept (and promised in the status response's Expires header). */
export const EXPORT_RETENTION_HOURS = 24;

/**
 * Bulk Data export jobs: persisted in `bulk_export_job`, run asynchronously in this process,
 * writing NDJSON under `<dataDir>/exports/<job>`. Jobs interrupted by a restart run again from
 * the start when the server comes back (their files are rewritten, never appended to).
 */
export class ExportJobs {
  private readonly running = new Map<string, { abort: AbortController; done: Promise<void> }>();
  private cleanup: NodeJS.Timeout | undefined;

  constructor(
    private readonly sql: SqlClient,
    private readonly record: Repository,
    private readonly dataDir: string,
    private readonly log: FastifyBaseLogger,
  ) {}

  directory(id: string): string {
    return join(this.dataDir, 'exports', id);
  }

  /**
   * Records and launches a job once the record's access policy has decided what it may contain
   * (a system-level read scope per type: AccessPolicy.exportTypes) and a Group export's Group
   * has been read as the caller. Refusals are 403s before anything is recorded.
   */
  async start(ctx: AccessContext, asked: ExportRequest): Promise<string> {
    const types = new AccessPolicy(ctx).exportTypes(asked.types);
    if (asked.level === 'group') await this.record.read(ctx, 'Group', asked.groupId ?? '');
    const request: ExportRequest = { ...asked };
    if (types) request.types = types;
    else delete request.types;
    const id = randomUUID();
    const stored: AccessContext = { ...ctx, request: { ...ctx.request } };
    await this.sql.query(
      `INSERT INTO bulk_export_job (id, client_id, status, request_url, level, group_id, types, since, access_context, transaction_time)
       VALUES ($1, $2, 'accepted', $3, $4, $5, $6, $7, $8, $9)`,
      [id, ctx.principal.id, request.requestUrl, request.level, request.groupId ?? null, request.types ?? null, request.since ?? null, JSON.stringify(stored), new Date().toISOString()],
    );
    this.launch(id);
    return id;
  }

  /** Restarts jobs a previous process left unfinished, and starts the hourly clean-up of old exports. */
  async resumeUnfinished(): Promise<void> {
    const { rows } = await this.sql.query<{ id: string }>(`SELECT id FROM bulk_export_job WHERE status IN ('accepted', 'in-progress')`);
    for (const { id } of rows) this.launch(id);
    await this.removeExpired();
    this.cleanup = setInterval(() => void this.removeExpired().catch((error: unknown) => this.log.error({ err: error }, 'export clean-up failed')), 3600_000);
    this.cleanup.unref();
  }

  /**
   * Deletes the files of exports finished more than EXPORT_RETENTION_HOURS ago (the manifest's
   * Expires header promises them for that long); their status answers 404 from then on.
   */
  async removeExpired(): Promise<number> {
    const { rows } = await this.sql.query<{ id: string }>(
      `SELECT id FROM bulk_export_job WHERE status IN ('completed', 'failed') AND updated_at < now() - make_interval(hours => $1)`,
      [EXPORT_RETENTION_HOURS],
    );
    for (const { id } of rows) {
      await rm(this.directory(id), { recursive: true, force: true });
      await this.setStatus(id, 'cancelled', { progress: 'expired' });
    }
    return rows.length;
  }

  async get(id: string, clientId: string): Promise<ExportJob | undefined> {
    const row = await this.row(id);
    if (!row || row.client_id !== clientId) return undefined;
    return {
      id: row.id,
      clientId: row.client_id,
      status: row.status,
      requestUrl: row.request_url,
      transactionTime: row.transaction_time,
      finishedAt: row.updated,
      ...(row.progress ? { progress: row.progress } : {}),
      ...(row.output ? { output: row.output } : {}),
      ...(row.error ? { error: row.error } : {}),
    };
  }

  /** Cancels a running job or deletes a finished one's files; false when the client has no such job. */
  async cancel(id: string, clientId: string): Promise<boolean> {
    const row = await this.row(id);
    if (!row || row.client_id !== clientId || row.status === 'cancelled') return false;
    const run = this.running.get(id);
    if (run) {
      run.abort.abort();
      await run.done;
    }
    await this.setStatus(id, 'cancelled', {});
    await rm(this.directory(id), { recursive: true, force: true });
    return true;
  }

  /** Stops every running job (server shutdown); they resume on the next start. */
  async close(): Promise<void> {
    if (this.cleanup) clearInterval(this.cleanup);
    for (const run of this.running.values()) run.abort.abort();
    await Promise.all([...this.running.values()].map((r) => r.done));
  }

  private async row(id: string): Promise<JobRow | undefined> {
    // Job ids are UUIDs; anything else (a NUL, a path) names no job and never reaches the database.
    if (!JOB_ID.test(id)) return undefined;
    const { rows } = await this.sql.query<JobRow>(
      `SELECT *, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated FROM bulk_export_job WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  private async setStatus(id: string, status: ExportStatus, fields: { progress?: string; output?: ExportFile[]; error?: string }) {
    await this.sql.query(
      `UPDATE bulk_export_job SET status = $2, progress = $3, output = $4, error = $5, updated_at = now() WHERE id = $1`,
      [id, status, fields.progress ?? null, fields.output ? JSON.stringify(fields.output) : null, fields.error ?? null],
    );
  }

  private launch(id: string): void {
    const abort = new AbortController();
    const done = this.run(id, abort.signal)
      .catch(async (error: unknown) => {
        if (abort.signal.aborted) return;
        this.log.error({ err: error, job: id }, 'bulk export failed');
        const message = error instanceof Error ? error.message : 'export failed';
        await this.setStatus(id, 'failed', { error: message }).catch(() => undefined);
      })
      .finally(() => this.running.delete(id));
    this.running.set(id, { abort, done });
  }

  private async run(id: string, signal: AbortSignal): Promise<void> {
    // Let the request that started the job answer first.
    await new Promise((resolve) => setImmediate(resolve));
    const row = await this.row(id);
    if (!row || (row.status !== 'accepted' && row.status !== 'in-progress')) return;
    await this.setStatus(id, 'in-progress', { progress: 'starting' });
    const dir = this.directory(id);
    await rm(dir, { recursive: true, force: true });
    const files = new NdjsonFiles(dir);
    await files.open();
    const ctx = row.access_context;
    const types = row.types ?? undefined;
    const since = row.since ? Date.parse(row.since) : undefined;
    const fresh = (r: Resource) => since === undefined || (r.meta?.lastUpdated !== undefined && Date.parse(r.meta.lastUpdated) >= since);
    let lastReport = Date.now();
    const report = async () => {
      if (Date.now() - lastReport < 1000) return;
      lastReport = Date.now();
      await this.setStatus(id, 'in-progress', { progress: `${files.total} resources written` });
    };

    if (row.level === 'system') {
      for await (const batch of this.record.changes(ctx, { since: '0', ...(types ? { types } : {}), batchSize: PAGE })) {
        if (signal.aborted) break;
        for (const item of batch.items) if (!item.deleted && fresh(item.resource)) await files.write(item.resource);
        await report();
      }
    } else {
      // Patient and Group level: one pass over the compartment types, keeping what lies in a
      // patient's compartment (for a Group, in its members' compartments).
      const members = row.level === 'group' ? new Set(await this.groupMembers(ctx, row.group_id ?? '')) : undefined;
      const compartmentTypes = patientCompartmentTypes().filter((t) => !types || types.includes(t));
      if (compartmentTypes.length > 0 && (!members || members.size > 0)) {
        for await (const batch of this.record.changes(ctx, { since: '0', types: compartmentTypes, batchSize: PAGE })) {
          if (signal.aborted) break;
          for (const item of batch.items) {
            if (!item.deleted && fresh(item.resource) && inPatientCompartment(item.resource, members)) await files.write(item.resource);
          }
          await report();
        }
      }
    }
    const output = await files.close();
    if (signal.aborted) return;
    await this.setStatus(id, 'completed', { output, progress: `${output.reduce((n, f) => n + f.count, 0)} resources written` });
  }

  private async groupMembers(ctx: AccessContext, groupId: string): Promise<string[]> {
    const group = await this.record.read<Group>(ctx, 'Group', groupId);
    return (group.member ?? [])
      .map((m) => m.entity?.reference ?? '')
      .filter((ref) => ref.startsWith('Patient/'))
      .map((ref) => ref.slice('Patient/'.length));
  }
}
