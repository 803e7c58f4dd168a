import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { stringifyFhirJson, type Resource } from '@footprint/fhir';

/** One output file of an export job. */
export interface ExportFile {
  type: string;
  file: string;
  count: number;
}

/**
 * Writes exported resources as NDJSON, one file per resource type (`Patient.ndjson`, ...),
 * honouring stream back-pressure so a large export never buffers in memory.
 */
export class NdjsonFiles {
  private readonly streams = new Map<string, { stream: WriteStream; count: number }>();

  constructor(private readonly dir: string) {}

  async open(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
  }

  async write(resource: Resource): Promise<void> {
    let entry = this.streams.get(resource.resourceType);
    if (!entry) {
      entry = { stream: createWriteStream(join(this.dir, `${resource.resourceType}.ndjson`), { mode: 0o600 }), count: 0 };
      this.streams.set(resource.resourceType, entry);
    }
    entry.count++;
    if (!entry.stream.write(stringifyFhirJson(resource) + '\n')) await once(entry.stream, 'drain');
  }

  /** Flushes and closes every file; returns what was written, in type order. */
  async close(): Promise<ExportFile[]> {
    const files: ExportFile[] = [];
    for (const [type, { stream, count }] of this.streams) {
      await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
      files.push({ type, file: `${type}.ndjson`, count });
    }
    this.streams.clear();
    return files.sort((a, b) => a.type.localeCompare(b.type));
  }

  get total(): number {
    let n = 0;
    for (const { count } of this.streams.values()) n += count;
    return n;
  }
}
