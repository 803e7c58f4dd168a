/**
 * Writes a generated footprint to a directory: one NDJSON file per organisation (`<ODS code>.ndjson`,
 * the partnership's file holding the directory of organisations), `ground-truth.ndjson` and
 * `manifest.json` (counts, seed, version and each file's SHA-256). Files are written under a
 * `.partial` name and renamed only when the run succeeds, so a failed run leaves no half-written
 * footprint behind.
 */
import { createHash, type Hash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Resource } from '@footprint/fhir';
import { createContext, type GenerateOptions, type GenerationContext } from './context';
import { serialiseChunk, type SerialisedChunk } from './chunk';
import type { FootprintSink, GroundTruthRecord } from './generate';
import { directoryResources } from './organisation-resources';
import { generateOnWorkers } from './parallel';
import type { OrganisationKind } from './organisations';

export const GROUND_TRUTH_FILE = 'ground-truth.ndjson';
export const MANIFEST_FILE = 'manifest.json';

export interface ManifestFile {
  path: string;
  organisation: { code: string; name: string; kind: OrganisationKind | 'ground-truth' };
  resources: number;
  bytes: number;
  sha256: string;
  byType: Record<string, number>;
}

export interface Manifest {
  generator: string;
  version: string;
  footprint: { id: string; name: string; onsCode?: string; places: { name: string; ladCode: string; deliverySystem?: string }[] };
  seed: number;
  people: number;
  referenceDate: string;
  years: number;
  idPrefix: string;
  deaths: number;
  counts: Record<string, number>;
  resources: number;
  /** Organisation files in the order to load them (the directory first). */
  files: ManifestFile[];
  groundTruth: ManifestFile;
  organisations: { code: string; name: string; kind: OrganisationKind; placeCode?: string; parentCode?: string }[];
}

class OutputFile {
  readonly parts: string[] = [];
  readonly hash: Hash = createHash('sha256');
  readonly byType: Record<string, number> = {};
  private stream?: WriteStream;
  count = 0;
  bytes = 0;

  constructor(readonly path: string) {}

  private open(): WriteStream {
    return (this.stream ??= createWriteStream(this.path + '.partial'));
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const stream = this.open();
    const data = this.parts.join('\n') + '\n';
    this.parts.length = 0;
    this.hash.update(data);
    this.bytes += Buffer.byteLength(data);
    if (!stream.write(data)) await once(stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    const stream = this.open();
    await new Promise<void>((resolve, reject) => {
      stream.once('error', reject);
      stream.end(resolve);
    });
  }

  /** Stops writing and deletes the partial file. */
  async discard(): Promise<void> {
    const stream = this.stream;
    if (stream && !stream.closed) {
      await new Promise<void>((resolve) => {
        stream.once('close', () => resolve());
        stream.destroy();
      });
    }
    rmSync(this.path + '.partial', { force: true });
  }
}

/** A sink that writes NDJSON files into a directory. */
export class NdjsonDirectorySink implements FootprintSink {
  private readonly files = new Map<string, OutputFile>();
  readonly truth: OutputFile;
  readonly counts: Record<string, number> = {};
  deaths = 0;

  constructor(readonly outDir: string) {
    mkdirSync(outDir, { recursive: true });
    this.truth = new OutputFile(join(outDir, GROUND_TRUTH_FILE));
  }

  resource(organisation: string, resource: Resource): void {
    let file = this.files.get(organisation);
    if (!file) {
      file = new OutputFile(join(this.outDir, `${organisation}.ndjson`));
      this.files.set(organisation, file);
    }
    file.parts.push(JSON.stringify(resource));
    file.count++;
    file.byType[resource.resourceType] = (file.byType[resource.resourceType] ?? 0) + 1;
    this.counts[resource.resourceType] = (this.counts[resource.resourceType] ?? 0) + 1;
  }

  groundTruth(record: GroundTruthRecord): void {
    this.truth.parts.push(JSON.stringify(record));
    this.truth.count++;
    if (record.died) this.deaths++;
  }

  /** Appends a serialised chunk of people (from a worker or serialiseChunk). */
  appendChunk(chunk: SerialisedChunk): void {
    for (const [organisation, text, count, byType] of chunk.files) {
      let file = this.files.get(organisation);
      if (!file) {
        file = new OutputFile(join(this.outDir, `${organisation}.ndjson`));
        this.files.set(organisation, file);
      }
      file.parts.push(text);
      file.count += count;
      for (const [type, n] of Object.entries(byType)) {
        file.byType[type] = (file.byType[type] ?? 0) + n;
        this.counts[type] = (this.counts[type] ?? 0) + n;
      }
    }
    if (chunk.truth) this.truth.parts.push(chunk.truth);
    this.truth.count += chunk.end - chunk.start;
    this.deaths += chunk.deaths;
  }

  async flush(): Promise<void> {
    await Promise.all([...this.files.values(), this.truth].map((f) => f.flush()));
  }

  /** Closes every file and renames it into place; returns the files keyed by organisation code. */
  async finish(): Promise<Map<string, OutputFile>> {
    await Promise.all([...this.files.values(), this.truth].map((f) => f.close()));
    for (const f of [...this.files.values(), this.truth]) renameSync(f.path + '.partial', f.path);
    return this.files;
  }

  /** Closes and deletes every partial file (after a failure). */
  async abandon(): Promise<void> {
    await Promise.all([...this.files.values(), this.truth].map((f) => f.discard()));
  }
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function describe(path: string, file: OutputFile, organisation: ManifestFile['organisation']): ManifestFile {
  return { path, organisation, resources: file.count, bytes: file.bytes, sha256: file.hash.digest('hex'), byType: file.byType };
}

export interface WriteFootprintOptions extends GenerateOptions {
  outDir: string;
  /** People per chunk (default 1,000). */
  chunkSize?: number;
  /** Worker threads generating chunks (default 1: generate on this thread). Output is the same for any number. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Generates a footprint into `outDir` and returns its manifest (also written as manifest.json). */
export async function writeFootprint(options: WriteFootprintOptions): Promise<Manifest> {
  const ctx: GenerationContext = createContext(options);
  const sink = new NdjsonDirectorySink(options.outDir);
  const chunkSize = options.chunkSize ?? 1000;
  try {
    for (const r of directoryResources(ctx.directory)) sink.resource(ctx.directory.partnership.code, r);
    await sink.flush();
    if ((options.workers ?? 1) > 1) {
      await generateOnWorkers(ctx, sink, { workers: options.workers!, chunkSize, onProgress: options.onProgress });
    } else {
      for (let start = 0; start < ctx.options.people; start += chunkSize) {
        const end = Math.min(ctx.options.people, start + chunkSize);
        sink.appendChunk(serialiseChunk(ctx, start, end));
        await sink.flush();
        options.onProgress?.(end, ctx.options.people);
      }
    }
  } catch (err) {
    await sink.abandon();
    throw err;
  }
  const files = await sink.finish();
  const orgs = ctx.directory.all();
  const manifest: Manifest = {
    generator: '@footprint/synth',
    version: packageVersion(),
    footprint: { id: ctx.footprint.id, name: ctx.footprint.name, onsCode: ctx.footprint.onsCode, places: ctx.footprint.places },
    seed: ctx.options.seed,
    people: ctx.options.people,
    referenceDate: ctx.options.referenceDate,
    years: ctx.options.years,
    idPrefix: ctx.idPrefix,
    deaths: sink.deaths,
    counts: sink.counts,
    resources: Object.values(sink.counts).reduce((a, b) => a + b, 0),
    files: orgs
      .filter((o) => files.has(o.code))
      .map((o) => describe(`${o.code}.ndjson`, files.get(o.code)!, { code: o.code, name: o.name, kind: o.kind })),
    groundTruth: describe(GROUND_TRUTH_FILE, sink.truth, { code: '', name: 'Ground truth', kind: 'ground-truth' }),
    organisations: orgs.map((o) => ({
      code: o.code,
      name: o.name,
      kind: o.kind,
      ...(o.placeIndex !== undefined ? { placeCode: ctx.footprint.places[o.placeIndex].ladCode } : {}),
      ...(o.parentCode ? { parentCode: o.parentCode } : {}),
    })),
  };
  writeFileSync(join(options.outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
