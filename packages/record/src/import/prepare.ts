import { OperationOutcomeError, ODS_SYSTEM, isStorable, isValidOdsCode, parseReference, validateResource, type Resource } from '@footprint/fhir';
import { forEachReference } from '../bundle/references';
import { contentId } from './identity';
import type { SourceRecord } from './records';

/** A record ready to write, or why it cannot be written. */
export type Prepared =
  | { ok: true; resource: Resource; existing?: string; organisation: string }
  | { ok: false; message: string; path?: string; organisation?: string; resourceType?: string };

/** Resolves a conditional reference (`Patient?identifier=…`) to `Type/id`, or throws an OperationOutcomeError. */
export type ResolveConditional = (reference: string) => Promise<string>;

/** Who a file's resources came from: the organisation named for the import, or the ODS code the file is named after (`RBQ.ndjson`). */
export interface FileOrigin {
  named?: string;
  fromFileName?: string;
}

/**
 * The contributing organisation a resource is counted under on the Data Feeds page: the one named
 * for the whole import, else an ODS code in `meta.tag`, else the ODS code the file is named after,
 * else `meta.source`, else `unknown`.
 */
export function organisationOf(resource: Record<string, unknown>, origin: FileOrigin = {}): string {
  if (origin.named) return origin.named;
  const meta = resource.meta as { tag?: Array<{ system?: string; code?: string }>; source?: string } | undefined;
  const tag = Array.isArray(meta?.tag) ? meta.tag.find((t) => t?.system === ODS_SYSTEM && typeof t.code === 'string') : undefined;
  if (tag?.code) return tag.code;
  if (origin.fromFileName) return origin.fromFileName;
  if (typeof meta?.source === 'string' && meta.source) return meta.source;
  return 'unknown';
}

/** The ODS code a file is named after (`RBQ.ndjson`, `A81001.json.gz`, `RBQ_Patient.ndjson`), if any. */
export function odsCodeFromFileName(file: string): string | undefined {
  const base = file.split(/[\\/]/).pop() ?? '';
  const stem = base.split(/[._-]/)[0];
  return isValidOdsCode(stem) ? stem : undefined;
}

function describe(err: unknown): { message: string; path?: string } {
  if (!(err instanceof OperationOutcomeError)) throw err;
  const issues = err.outcome.issue ?? [];
  const path = issues.find((i) => i.expression?.length)?.expression?.[0];
  return { message: issues.map((i) => i.diagnostics ?? i.details?.text ?? i.code).join('; ') || err.message, ...(path ? { path } : {}) };
}

/**
 * Turns a parsed record into a resource to import: gives it an id if it has none (derived from
 * its content), resolves conditional references, refuses unresolvable `urn:` references and
 * entries that are not creates or updates, and validates it (structure and UK Core rules).
 */
export async function prepareRecord(record: SourceRecord, origin: FileOrigin, resolve: ResolveConditional): Promise<Prepared> {
  if (record.error) return { ok: false, ...record.error, ...(origin.named ?? origin.fromFileName ? { organisation: origin.named ?? origin.fromFileName } : {}) };
  const value = record.value!;
  const org = organisationOf(value, origin);
  const resourceType = typeof value.resourceType === 'string' ? value.resourceType : undefined;
  const fail = (message: string, path?: string): Prepared => ({ ok: false, message, organisation: org, ...(path ? { path } : {}), ...(resourceType ? { resourceType } : {}) });

  const method = record.request?.method;
  if (method && method !== 'POST' && method !== 'PUT') return fail(`${method} entries are not imported (only resources to create or update)`, `Bundle.${record.where}.request.method`);
  if (record.existing) return { ok: true, resource: value as unknown as Resource, existing: record.existing, organisation: org };

  try {
    if (resourceType && value.id === undefined) value.id = contentId(value as { resourceType: string });
    const pending: Array<{ reference: string }> = [];
    let urn: string | undefined;
    forEachReference(value, (holder) => {
      const parsed = parseReference(holder.reference);
      if (parsed?.kind === 'conditional') pending.push(holder);
      else if (parsed?.kind === 'urn') urn ??= holder.reference;
    });
    if (urn) return fail(`the reference "${urn}" does not match any entry's fullUrl (urn: references only resolve within one Bundle)`);
    for (const holder of pending) holder.reference = await resolve(holder.reference);
    if (resourceType === 'AuditEvent') return fail('AuditEvents are written by the record itself and cannot be imported', 'AuditEvent');
    if (resourceType && !isStorable(resourceType)) return fail(`${resourceType} is not a persisted resource in FHIR R4 and cannot be imported`, resourceType);
    validateResource(value);
    return { ok: true, resource: value as unknown as Resource, organisation: org };
  } catch (err) {
    const d = describe(err);
    return fail(d.message, d.path);
  }
}
