/**
 * Reading a footprint's ground-truth file back, for scoring case finding and registers against
 * who truly has which condition.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { GroundTruthRecord } from './generate';

/** The records of a ground-truth.ndjson file, one per person, in person order. */
export async function* readGroundTruth(path: string): AsyncGenerator<GroundTruthRecord> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line) as GroundTruthRecord;
    } catch {
      throw new Error(`${path} line ${n}: not a JSON ground-truth record`);
    }
  }
}

/** Patient ids with each condition, split into diagnosed and undiagnosed. */
export async function groundTruthByCondition(path: string): Promise<Map<string, { diagnosed: Set<string>; undiagnosed: Set<string> }>> {
  const out = new Map<string, { diagnosed: Set<string>; undiagnosed: Set<string> }>();
  for await (const record of readGroundTruth(path)) {
    for (const c of record.conditions) {
      let entry = out.get(c.condition);
      if (!entry) out.set(c.condition, (entry = { diagnosed: new Set(), undiagnosed: new Set() }));
      (c.diagnosed ? entry.diagnosed : entry.undiagnosed).add(record.patient);
    }
  }
  return out;
}
