/**
 * A chunk of people serialised to NDJSON text per organisation: what a worker thread sends back to
 * the writer, and what the single-threaded path produces the same way, so output is identical.
 */
import type { Resource } from '@footprint/fhir';
import type { GenerationContext } from './context';
import { emitPerson, type FootprintSink, type GroundTruthRecord } from './generate';
import { createPerson } from './person';

export interface SerialisedChunk {
  start: number;
  end: number;
  /** [organisation code, NDJSON lines joined by "\n" (no trailing newline), count, counts by type]. */
  files: [string, string, number, Record<string, number>][];
  truth: string;
  deaths: number;
}

class ChunkCollector implements FootprintSink {
  readonly files = new Map<string, { lines: string[]; byType: Record<string, number> }>();
  readonly truth: string[] = [];
  deaths = 0;

  resource(organisation: string, resource: Resource): void {
    let f = this.files.get(organisation);
    if (!f) this.files.set(organisation, (f = { lines: [], byType: {} }));
    f.lines.push(JSON.stringify(resource));
    f.byType[resource.resourceType] = (f.byType[resource.resourceType] ?? 0) + 1;
  }

  groundTruth(record: GroundTruthRecord): void {
    this.truth.push(JSON.stringify(record));
    if (record.died) this.deaths++;
  }
}

/** Generates people start..end-1 and serialises them. */
export function serialiseChunk(ctx: GenerationContext, start: number, end: number): SerialisedChunk {
  const collector = new ChunkCollector();
  for (let i = start; i < end; i++) collector.groundTruth(emitPerson(ctx, createPerson(ctx, i), collector));
  return {
    start,
    end,
    files: [...collector.files].map(([org, f]) => [org, f.lines.join('\n'), f.lines.length, f.byType]),
    truth: collector.truth.join('\n'),
    deaths: collector.deaths,
  };
}
