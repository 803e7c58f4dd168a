import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { OperationOutcomeError, parseJsonResource } from '@footprint/fhir';
import type { Bundle, BundleEntry } from '@medplum/fhirtypes';
import { readLines } from './lines';
import type { SourceFile } from './sources';

/** One thing to import from a file: a parsed object, or the reason it could not be parsed. */
export interface SourceRecord {
  /** 1-based: the NDJSON line, or the Bundle entry number (entry[0] is 1). */
  position: number;
  /** Where it is, for messages: `line 12` or `entry[11]`. */
  where: string;
  /** Byte offset to resume after this record (plain NDJSON only). */
  end?: number;
  value?: Record<string, unknown>;
  /** The Bundle entry's fullUrl and request, when the record came from a Bundle. */
  fullUrl?: string;
  request?: BundleEntry['request'];
  error?: { message: string; path?: string };
  /** Set when a conditional create (ifNoneExist) matched an existing resource: nothing to write. */
  existing?: string;
}

/** Settles ids and references across all the records of one Bundle before any is imported. */
export type PrepareBundle = (records: SourceRecord[]) => Promise<void>;

export interface RecordSource {
  records: AsyncIterable<SourceRecord>;
  bytesRead(): number;
}

const bundleTypes = new Set(['collection', 'transaction', 'batch', 'searchset', 'document', 'message', 'history', 'transaction-response', 'batch-response']);

function message(err: unknown): string {
  if (err instanceof OperationOutcomeError) return err.outcome.issue?.map((i) => i.diagnostics ?? i.code).join('; ') ?? err.message;
  throw err;
}

/** NDJSON: one resource per line; blank lines are skipped. */
function ndjsonRecords(file: SourceFile, resume: { position: number; byteOffset: number }): RecordSource {
  const source = readLines(file.path, { gzip: file.gzip, startByte: resume.byteOffset, startLine: resume.position });
  async function* iterate(): AsyncIterable<SourceRecord> {
    for await (const line of source.lines) {
      if (line.text.trim() === '') continue;
      const base = { position: line.number, where: `line ${line.number}`, ...(file.gzip ? {} : { end: line.end }) };
      try {
        yield { ...base, value: parseJsonResource(line.text) };
      } catch (err) {
        yield { ...base, error: { message: message(err) } };
      }
    }
  }
  return { records: iterate(), bytesRead: source.bytesRead };
}

/**
 * A JSON file holding a Bundle (any type: its entries' resources are imported) or one resource.
 * Bundles are parsed whole; prefer NDJSON for very large exports.
 */
function jsonRecords(file: SourceFile, resume: { position: number }, prepare: PrepareBundle): RecordSource {
  let bytes = 0;
  async function* iterate(): AsyncIterable<SourceRecord> {
    const raw = await readFile(file.path);
    bytes = raw.length;
    const data = file.gzip ? await promisify(gunzip)(raw) : raw;
    let doc: Record<string, unknown>;
    try {
      doc = parseJsonResource(data.toString('utf8').replace(/^\uFEFF/, ''), { maxDepth: 40 });
    } catch (err) {
      yield { position: 1, where: 'the file', error: { message: message(err) } };
      return;
    }
    if (doc.resourceType !== 'Bundle') {
      if (resume.position < 1) yield { position: 1, where: 'the file', value: doc };
      return;
    }
    const bundle = doc as unknown as Bundle;
    if (typeof bundle.type !== 'string' || !bundleTypes.has(bundle.type)) {
      yield { position: 1, where: 'Bundle.type', error: { message: 'not a valid Bundle type', path: 'Bundle.type' } };
      return;
    }
    const entries: unknown[] = Array.isArray(bundle.entry) ? bundle.entry : [];
    const records: SourceRecord[] = [];
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as BundleEntry | undefined;
      const where = `entry[${i}]`;
      const base = { position: i + 1, where, ...(typeof entry?.fullUrl === 'string' ? { fullUrl: entry.fullUrl } : {}), ...(entry?.request ? { request: entry.request } : {}) };
      const resource = entry?.resource as unknown;
      const method = entry?.request?.method;
      if (method && method !== 'POST' && method !== 'PUT') {
        records.push({ ...base, error: { message: `${method} entries are not imported (only resources to create or update)`, path: `Bundle.${where}.request.method` } });
      } else if (typeof resource !== 'object' || resource === null || Array.isArray(resource)) {
        records.push({ ...base, error: { message: 'the entry has no resource', path: `Bundle.${where}.resource` } });
      } else if (entry?.search?.mode !== 'outcome') {
        // A searchset's OperationOutcome is about the search, not data to import.
        records.push({ ...base, value: resource as Record<string, unknown> });
      }
    }
    // Ids and references are settled for the whole Bundle (also on resume, deterministically).
    await prepare(records);
    for (const r of records) if (r.position > resume.position) yield r;
  }
  return { records: iterate(), bytesRead: () => bytes };
}

/** The records of a source file, starting after `resume.position` (and `resume.byteOffset` for plain NDJSON). */
export function readRecords(file: SourceFile, resume: { position: number; byteOffset: number }, prepare: PrepareBundle): RecordSource {
  return file.format === 'ndjson' ? ndjsonRecords(file, resume) : jsonRecords(file, resume, prepare);
}
