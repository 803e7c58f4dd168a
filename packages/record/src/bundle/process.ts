import { randomUUID } from 'node:crypto';
import { OperationOutcomeError, badRequest, parseReference, preconditionFailed } from '@footprint/fhir';
import type { Bundle, BundleEntry, BundleEntryResponse, Resource } from '@medplum/fhirtypes';
import type { AccessContext } from '../access-context';
import { AccessPolicy } from '../access/policy';
import type { Repository } from '../repository';
import { requireEntryAccess } from './access';
import { checkBundle, parseEntry, processingOrder, type ParsedEntry } from './entries';
import { errorForEntry, statusLine } from './errors';
import { forEachReference } from './references';
import { findMatches, resolveConditionalReference } from './resolve';

export interface ProcessBundleOptions {
  /** Most entries accepted in one Bundle (413 beyond); bulk loads belong to `footprint import`. */
  maxEntries?: number;
}

export const DEFAULT_MAX_BUNDLE_ENTRIES = 10_000;

/**
 * Processes a batch or transaction Bundle against any Repository (FHIR R4 3.1.0.11 / 3.2.0.13).
 *
 * A transaction runs in one repository transaction: entries are processed in FHIR order (DELETE,
 * POST, PUT, GET), `urn:uuid` and other fullUrls are mapped to the ids the server assigns and
 * every reference to them is rewritten, conditional references (`Patient?identifier=…`) and
 * conditional creates/updates/deletes are resolved by search, and any failure rolls the whole
 * Bundle back and is thrown as an OperationOutcomeError naming the entry (`Bundle.entry[3]`).
 *
 * A batch runs each entry on its own (each in its own transaction); an entry's failure becomes
 * that entry's response with an OperationOutcome. Batch entries may not reference each other.
 *
 * The access policy decides each entry: a transaction with any entry the context may not
 * perform is refused whole (403 naming the entry) before anything is written; in a batch that
 * entry alone gets the 403 as its response.
 */
export async function processBundle(repo: Repository, ctx: AccessContext, bundle: Bundle, options: ProcessBundleOptions = {}): Promise<Bundle> {
  checkBundle(bundle, options.maxEntries ?? DEFAULT_MAX_BUNDLE_ENTRIES);
  const raw: unknown[] = bundle.entry ?? [];
  return bundle.type === 'transaction' ? processTransaction(repo, ctx, raw) : processBatch(repo, ctx, raw);
}

async function processTransaction(repo: Repository, ctx: AccessContext, raw: unknown[]): Promise<Bundle> {
  const entries = raw.map((e, i) => parseEntry(e, i));
  checkFullUrls(entries);
  const policy = new AccessPolicy(ctx);
  for (const entry of entries) requireEntryAccess(policy, entry);
  const responses = await repo.transaction(ctx, async (tx) => {
    const plan = await planIdentities(tx, ctx, entries);
    await rewriteAll(tx, ctx, entries, plan, 'transaction');
    const out: BundleEntry[] = new Array(entries.length);
    for (const entry of processingOrder(entries)) {
      try {
        out[entry.index] = await execute(tx, ctx, entry, plan);
      } catch (err) {
        throw errorForEntry(err, entry.where, entry.resource?.resourceType);
      }
    }
    return out;
  });
  return { resourceType: 'Bundle', type: 'transaction-response', entry: responses };
}

async function processBatch(repo: Repository, ctx: AccessContext, raw: unknown[]): Promise<Bundle> {
  const out: BundleEntry[] = new Array(raw.length);
  const parsed: ParsedEntry[] = [];
  raw.forEach((e, i) => {
    try {
      parsed.push(parseEntry(e, i));
    } catch (err) {
      out[i] = failure(err);
    }
  });
  const policy = new AccessPolicy(ctx);
  for (const entry of processingOrder(parsed)) {
    try {
      requireEntryAccess(policy, entry);
      out[entry.index] = await repo.transaction(ctx, async (tx) => {
        const plan = await planIdentities(tx, ctx, [entry]);
        await rewriteAll(tx, ctx, [entry], plan, 'batch');
        return execute(tx, ctx, entry, plan);
      });
    } catch (err) {
      out[entry.index] = failure(errorForEntry(err, entry.where, entry.resource?.resourceType));
    }
  }
  return { resourceType: 'Bundle', type: 'batch-response', entry: out };
}

/** A batch entry's failure as its response; anything but an OperationOutcomeError is a bug and is rethrown. */
function failure(err: unknown): BundleEntry {
  if (!(err instanceof OperationOutcomeError)) throw err;
  return { response: { status: statusLine(err.status), outcome: err.outcome } };
}

function checkFullUrls(entries: ParsedEntry[]): void {
  const seen = new Map<string, number>();
  for (const e of entries) {
    if (!e.fullUrl) continue;
    const first = seen.get(e.fullUrl);
    if (first !== undefined) throw badRequest(`${e.where}.fullUrl repeats the fullUrl of Bundle.entry[${first}]`, `${e.where}.fullUrl`);
    seen.set(e.fullUrl, e.index);
  }
}

/** What each write entry will do, decided before anything is written. */
interface Plan {
  /** fullUrl → `Type/id` of the resource the entry creates, updates or matches. */
  identities: Map<string, string>;
  /** Per entry index: the id to write, or the existing resource a conditional create matched. */
  writes: Map<number, { id: string; existing?: Resource; create: boolean }>;
}

/**
 * Decides the identity of every POST and PUT entry: a new id for a create, the matched resource
 * for a conditional create (`ifNoneExist`) or conditional update, the URL's id for a PUT.
 */
async function planIdentities(repo: Repository, ctx: AccessContext, entries: ParsedEntry[]): Promise<Plan> {
  const plan: Plan = { identities: new Map(), writes: new Map() };
  for (const e of entries) {
    try {
      await planEntry(repo, ctx, e, plan);
    } catch (err) {
      throw errorForEntry(err, e.where, e.resource?.resourceType);
    }
  }
  return plan;
}

async function planEntry(repo: Repository, ctx: AccessContext, e: ParsedEntry, plan: Plan): Promise<void> {
  const type = e.target.resourceType;
  let decided: { id: string; existing?: Resource; create: boolean } | undefined;
  if (e.method === 'POST') {
    if (e.ifNoneExist) {
      const matches = await findMatches(repo, ctx, type, e.ifNoneExist);
      if (matches.length > 1) throw preconditionFailed(`ifNoneExist (${e.ifNoneExist}) matches more than one ${type}`);
      if (matches.length === 1) decided = { id: matches[0].id!, existing: matches[0], create: false };
    }
    decided ??= { id: randomUUID(), create: true };
  } else if (e.method === 'PUT') {
    if (e.target.kind === 'instance') {
      decided = { id: e.target.id, create: false };
    } else if (e.target.kind === 'search') {
      const matches = await findMatches(repo, ctx, type, e.target.query);
      if (matches.length > 1) throw preconditionFailed(`the conditional update ${type}?${e.target.query} matches more than one resource`);
      const given = e.resource?.id;
      if (matches.length === 1) {
        if (given !== undefined && given !== matches[0].id) {
          throw badRequest(`the resource id "${given}" differs from the id of the ${type} the condition matched`, `${type}.id`);
        }
        decided = { id: matches[0].id!, create: false };
      } else {
        decided = { id: given ?? randomUUID(), create: true };
      }
    }
  }
  if (!decided) return;
  plan.writes.set(e.index, decided);
  if (e.fullUrl) plan.identities.set(e.fullUrl, `${type}/${decided.id}`);
}

/**
 * Rewrites every reference in every written resource: fullUrls of other entries to their planned
 * `Type/id`, conditional references to the one resource they match. In a batch, references to
 * other entries are refused (FHIR: batch entries must be independent).
 */
async function rewriteAll(repo: Repository, ctx: AccessContext, entries: ParsedEntry[], plan: Plan, mode: 'batch' | 'transaction'): Promise<void> {
  const conditional = new Map<string, string>();
  for (const e of entries) {
    // Search URLs may name other entries too (`Observation?subject=urn:uuid:…`).
    if (mode === 'transaction' && e.target.kind === 'search' && e.method !== 'PUT') {
      const params = e.target.params.map(([k, v]) => [k, plan.identities.get(v) ?? v] as const);
      e.target = { ...e.target, params, query: new URLSearchParams(params.map(([k, v]) => [k, v])).toString() };
    }
    if (!e.resource) continue;
    const pending: Array<{ holder: { reference: string } }> = [];
    let problem: OperationOutcomeError | undefined;
    forEachReference(e.resource, (holder) => {
      if (problem) return;
      const ref = holder.reference;
      const mapped = mode === 'transaction' ? plan.identities.get(ref) : undefined;
      if (mapped) {
        holder.reference = mapped;
        return;
      }
      const parsed = parseReference(ref);
      if (parsed?.kind === 'urn') {
        problem = badRequest(
          mode === 'transaction'
            ? `the reference "${ref}" does not match the fullUrl of any entry in this transaction`
            : `the reference "${ref}" points at another entry, but batch entries must be independent (use a transaction)`,
        );
      } else if (parsed?.kind === 'conditional') {
        pending.push({ holder });
      }
    });
    if (problem) throw errorForEntry(problem, e.where);
    for (const { holder } of pending) {
      let resolved = conditional.get(holder.reference);
      if (!resolved) {
        try {
          resolved = await resolveConditionalReference(repo, ctx, holder.reference, `${e.where}.resource`);
        } catch (err) {
          throw errorForEntry(err, e.where, e.resource.resourceType);
        }
        conditional.set(holder.reference, resolved);
      }
      holder.reference = resolved;
    }
    // A resource's own id is the planned one (POST ignores any id it was sent with, as FHIR says).
    const write = plan.writes.get(e.index);
    if (write) e.resource.id = write.id;
  }
}

async function execute(repo: Repository, ctx: AccessContext, e: ParsedEntry, plan: Plan): Promise<BundleEntry> {
  const t = e.target;
  switch (e.method) {
    case 'POST': {
      const write = plan.writes.get(e.index)!;
      if (write.existing) return written(write.existing, 200, e.fullUrl);
      const result = await repo.create(ctx, e.resource!, { keepId: true, ...(e.ifNoneExist ? { ifNoneExist: e.ifNoneExist } : {}) });
      if (result.resource.id !== write.id) {
        // Someone else created a match between our search and our create.
        throw preconditionFailed(`ifNoneExist (${e.ifNoneExist}) matched a resource created concurrently; retry the Bundle`);
      }
      return written(result.resource, result.outcome === 'created' ? 201 : 200, e.fullUrl);
    }
    case 'PUT': {
      const result = await repo.update(ctx, e.resource!, e.ifMatch ? { ifMatch: e.ifMatch } : {});
      return written(result.resource, result.outcome === 'created' ? 201 : 200, e.fullUrl);
    }
    case 'DELETE': {
      if (t.kind === 'instance') {
        await repo.delete(ctx, t.resourceType, t.id);
      } else if (t.kind === 'search') {
        const matches = await findMatches(repo, ctx, t.resourceType, t.query);
        if (matches.length > 1) throw preconditionFailed(`the conditional delete ${t.resourceType}?${t.query} matches more than one resource`);
        if (matches.length === 1) await repo.delete(ctx, t.resourceType, matches[0].id!);
      }
      return { response: { status: statusLine(204) } };
    }
    case 'GET':
    case 'HEAD': {
      const resource = await readTarget(repo, ctx, e);
      const entry = written(resource, 200, undefined);
      if (e.method === 'HEAD') delete entry.resource;
      return entry;
    }
  }
}

async function readTarget(repo: Repository, ctx: AccessContext, e: ParsedEntry): Promise<Resource> {
  const t = e.target;
  switch (t.kind) {
    case 'instance':
      return repo.read(ctx, t.resourceType, t.id);
    case 'version':
      return repo.vread(ctx, t.resourceType, t.id, t.versionId);
    case 'type':
    case 'search': {
      const params = t.kind === 'search' ? t.params : [];
      const result = await repo.search(ctx, t.resourceType, params);
      const searchset: Bundle = {
        resourceType: 'Bundle',
        type: 'searchset',
        ...(result.total !== undefined ? { total: result.total } : {}),
        entry: [
          ...result.matches.map((r) => ({ fullUrl: `${r.resourceType}/${r.id}`, resource: r, search: { mode: 'match' as const } })),
          ...result.includes.map((r) => ({ fullUrl: `${r.resourceType}/${r.id}`, resource: r, search: { mode: 'include' as const } })),
        ],
      };
      if (result.warnings.length) {
        searchset.entry!.push({ resource: { resourceType: 'OperationOutcome', issue: result.warnings.map((w) => ({ severity: 'warning', code: 'not-supported', diagnostics: w })) }, search: { mode: 'outcome' } });
      }
      return searchset;
    }
  }
}

/** A successful entry response with location, ETag and last-modified from the resource's meta. */
function written(resource: Resource, status: number, fullUrl: string | undefined): BundleEntry {
  const response: BundleEntryResponse = { status: statusLine(status) };
  const version = resource.meta?.versionId;
  if (resource.id && resource.resourceType !== 'Bundle') {
    response.location = version ? `${resource.resourceType}/${resource.id}/_history/${version}` : `${resource.resourceType}/${resource.id}`;
  }
  if (version) response.etag = `W/"${version}"`;
  if (resource.meta?.lastUpdated) response.lastModified = resource.meta.lastUpdated;
  return {
    ...(fullUrl ? { fullUrl } : resource.id && resource.resourceType !== 'Bundle' ? { fullUrl: `${resource.resourceType}/${resource.id}` } : {}),
    resource,
    response,
  };
}
