import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { AccessContext, Repository } from '@footprint/record';
import type { ResourceChange } from './loader';

/** A batch of resources with the record watermark after it (absent for files). */
export interface SourceBatch {
  changes: ResourceChange[];
  watermark?: string;
}

/** Where resources come from: the record's change feed, or NDJSON files. */
export interface ResourceSource {
  /** The organisations and consents, read first. */
  referencePass(): AsyncIterable<SourceBatch>;
  /** Everything the views read (including the reference types again, for anything changed since). */
  mainPass(): AsyncIterable<SourceBatch>;
  /** Expected resources in the main pass, when cheaply known (for the progress ETA); asked again after every batch. */
  estimateTotal(): Promise<number | undefined>;
}

/** The record's change feed from `since` (a full build uses '0'). */
export function recordSource(record: Repository, ctx: AccessContext, types: string[], referenceTypes: string[], since = '0', batchSize = 5000): ResourceSource {
  const wanted = new Set(types);
  async function* pass(passTypes: string[] | undefined): AsyncIterable<SourceBatch> {
    for await (const batch of prefetch(record.changes(ctx, { since, types: passTypes, batchSize }))) {
      const changes = batch.items
        .filter((item) => wanted.has(item.resource.resourceType))
        .map((item) => ({ resource: item.resource as unknown as Record<string, unknown>, deleted: item.deleted }));
      yield { changes, watermark: batch.watermark };
    }
  }
  return {
    referencePass: () => pass(referenceTypes),
    // The main pass reads every type and keeps the viewed ones here: on PostgreSQL a type filter
    // turns each batch's `ORDER BY seq LIMIT` into a scan and sort of every row of those types.
    mainPass: () => pass(undefined),
    async estimateTotal() {
      if (since !== '0') return undefined;
      let total = 0;
      for (const type of types) {
        try {
          const result = await record.search(ctx, type, [['_summary', 'count']]);
          total += result.total ?? 0;
        } catch {
          return undefined;
        }
      }
      return total;
    },
  };
}

/**
 * Asks for the next batch before the current one is processed, so the database reads batch n+1
 * (in its own process, on the other core) while the warehouse flattens batch n.
 */
export async function* prefetch<T>(source: AsyncIterable<T>): AsyncIterable<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  try {
    for (;;) {
      const result = await next;
      if (result.done) return;
      next = iterator.next();
      // A rejection of the prefetched batch is re-thrown when it is awaited above.
      next.catch(() => {});
      yield result.value;
    }
  } finally {
    await iterator.return?.();
  }
}

/** The parts of the generator's manifest.json (docs/synth.md) the warehouse reads: files in load order. */
interface Manifest {
  files: Array<{ path: string; byType?: Record<string, number> }>;
}

/** Resource types that only describe organisations (the generator's directory file holds these). */
const directoryTypes = new Set(['Organization', 'Location', 'OrganizationAffiliation', 'PractitionerRole', 'Practitioner', 'HealthcareService', 'Endpoint']);

/**
 * NDJSON files in a folder. With the generator's `manifest.json`, its files in its load order
 * (`ground-truth.ndjson` is never read), the directory files first as the reference pass; without
 * one, bulk-data files (`Patient.ndjson`, `Observation.000.ndjson.gz`, ...), those named after a
 * reference type first. Lines are parsed as they stream, in batches, so memory stays flat however
 * big the files are.
 */
export function ndjsonSource(
  folder: string,
  referenceTypes: string[],
  batchSize = 5000,
): ResourceSource & { files(): Promise<string[]>; mainPassChunks(): AsyncIterable<NdjsonChunk> } {
  let manifest: Manifest | null | undefined;
  async function readManifest(): Promise<Manifest | null> {
    if (manifest !== undefined) return manifest;
    try {
      manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as Manifest;
      if (!Array.isArray(manifest.files)) throw new Error(`${join(folder, 'manifest.json')} has no "files" list`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      manifest = null;
    }
    return manifest;
  }
  const referenceNames = new Set<string>();
  const isReference = (file: string) => referenceNames.has(file) || referenceTypes.some((type) => file.startsWith(`${type}.`));
  /** Bytes and lines read in the main pass, to estimate the total from the files' sizes. */
  const read_ = { bytes: 0, lines: 0, totalBytes: 0 };
  async function files(): Promise<string[]> {
    const entries = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
      throw new Error(error.code === 'ENOENT' ? `No folder ${folder}` : `Cannot read ${folder}: ${error.message}`);
    });
    const listed = await readManifest();
    if (listed) {
      for (const file of listed.files) {
        const types = Object.keys(file.byType ?? {});
        if (types.length > 0 && types.every((type) => directoryTypes.has(type) || referenceTypes.includes(type))) referenceNames.add(file.path);
      }
      const present = new Set(entries);
      const missing = listed.files.filter((file) => !present.has(file.path)).map((file) => file.path);
      if (missing.length) throw new Error(`${folder}: manifest.json lists files that are not there: ${missing.slice(0, 5).join(', ')}`);
      return listed.files.map((file) => file.path);
    }
    const names = entries.filter((name) => (name.endsWith('.ndjson') || name.endsWith('.ndjson.gz')) && !name.startsWith('ground-truth.')).sort();
    if (names.length === 0) throw new Error(`No .ndjson files in ${folder}`);
    return names;
  }
  async function* read(names: string[], counter?: typeof read_): AsyncIterable<SourceBatch> {
    for (const name of names) yield* readNdjson(join(folder, name), batchSize, counter);
  }
  return {
    files,
    async *referencePass() {
      const names = await files();
      yield* read(names.filter(isReference));
    },
    async *mainPass() {
      const names = (await files()).filter((name) => !isReference(name));
      read_.totalBytes = await ndjsonBytes(folder, names);
      yield* read(names, read_);
    },
    async *mainPassChunks() {
      const names = (await files()).filter((name) => !isReference(name));
      read_.totalBytes = await ndjsonBytes(folder, names);
      yield* readNdjsonChunks(names.map((name) => join(folder, name)), 1 << 20, read_);
    },
    async estimateTotal() {
      if (read_.lines === 0 || read_.bytes === 0) return undefined;
      return Math.round((read_.totalBytes * read_.lines) / read_.bytes);
    },
  };
}

/** A run of whole lines from one NDJSON file, for a worker thread to parse. */
export interface NdjsonChunk {
  path: string;
  firstLine: number;
  text: string;
}

/** Reads files as chunks of about `chunkBytes` of whole lines, counting bytes for the estimate. */
export async function* readNdjsonChunks(paths: string[], chunkBytes = 1 << 20, counter?: { bytes: number; lines: number }): AsyncIterable<NdjsonChunk> {
  for (const path of paths) {
    const stream = createReadStream(path, { highWaterMark: chunkBytes });
    const input = path.endsWith('.gz') ? stream.pipe(createGunzip()) : stream;
    if (counter && path.endsWith('.gz')) stream.on('data', (chunk: string | Buffer) => {
      counter.bytes += chunk.length;
    });
    let carry = '';
    let nextLine = 1;
    for await (const chunk of input as AsyncIterable<Buffer>) {
      if (counter && !path.endsWith('.gz')) counter.bytes += chunk.length;
      const text = carry + chunk.toString('utf8');
      const cut = text.lastIndexOf('\n');
      if (cut === -1) {
        carry = text;
        continue;
      }
      const whole = text.slice(0, cut);
      carry = text.slice(cut + 1);
      const lines = countLines(whole) + 1;
      if (counter) counter.lines += lines;
      yield { path, firstLine: nextLine, text: whole };
      nextLine += lines;
    }
    if (carry.trim() !== '') {
      if (counter) counter.lines++;
      yield { path, firstLine: nextLine, text: carry };
    }
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Total bytes of the NDJSON files, for progress by volume. */
export async function ndjsonBytes(folder: string, names: string[]): Promise<number> {
  let total = 0;
  for (const name of names) total += (await stat(join(folder, name))).size;
  return total;
}

async function* readNdjson(path: string, batchSize: number, counter?: { bytes: number; lines: number }): AsyncIterable<SourceBatch> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  const input = path.endsWith('.gz') ? stream.pipe(createGunzip()) : stream;
  let carry = '';
  let batch: ResourceChange[] = [];
  let lineNumber = 0;
  if (counter && path.endsWith('.gz')) stream.on('data', (chunk: string | Buffer) => {
      counter.bytes += chunk.length;
    });
  for await (const chunk of input as AsyncIterable<Buffer>) {
    if (counter && !path.endsWith('.gz')) counter.bytes += chunk.length;
    const text = carry + chunk.toString('utf8');
    let start = 0;
    for (let end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
      lineNumber++;
      const line = text.slice(start, end);
      start = end + 1;
      if (line.trim() === '') continue;
      if (counter) counter.lines++;
      batch.push({ resource: parseNdjsonLine(line, path, lineNumber) });
      if (batch.length >= batchSize) {
        yield { changes: batch };
        batch = [];
      }
    }
    carry = text.slice(start);
  }
  if (carry.trim() !== '') batch.push({ resource: parseNdjsonLine(carry, path, ++lineNumber) });
  if (batch.length) yield { changes: batch };
}

export function parseNdjsonLine(line: string, path: string, lineNumber: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new Error(`${path}:${lineNumber}: not valid JSON (${(error as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || typeof (value as { resourceType?: unknown }).resourceType !== 'string') {
    throw new Error(`${path}:${lineNumber}: not a FHIR resource (no resourceType)`);
  }
  return value as Record<string, unknown>;
}
