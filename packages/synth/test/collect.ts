/** A test sink that keeps ground truth and per-patient counts instead of writing files. */
import type { Resource } from '@footprint/fhir';
import { generateFootprint, type FootprintSink, type GroundTruthRecord } from '../src/generate';
import type { GenerateOptions, GenerationContext } from '../src/context';

export interface Collected {
  ctx: GenerationContext;
  truth: GroundTruthRecord[];
  /** Every resource of the first `keepPeople` people (and the directory). */
  kept: { organisation: string; resource: Resource }[];
  /** Emergency admissions per patient id. */
  admissions: Map<string, number>;
  counts: Record<string, number>;
}

export async function collect(options: GenerateOptions, keepPeople = 0, inspect?: (organisation: string, resource: Resource) => void): Promise<Collected> {
  const truth: GroundTruthRecord[] = [];
  const kept: Collected['kept'] = [];
  const admissions = new Map<string, number>();
  const counts: Record<string, number> = {};
  let people = 0;
  const sink: FootprintSink = {
    resource(organisation, resource) {
      counts[resource.resourceType] = (counts[resource.resourceType] ?? 0) + 1;
      if (resource.resourceType === 'Patient') people++;
      if (people <= keepPeople) kept.push({ organisation, resource });
      inspect?.(organisation, resource);
      if (resource.resourceType === 'Encounter' && resource.class.code === 'IMP') {
        const id = resource.subject!.reference!.slice('Patient/'.length);
        admissions.set(id, (admissions.get(id) ?? 0) + 1);
      }
    },
    groundTruth(record) {
      truth.push(record);
    },
  };
  const ctx = await generateFootprint(options, sink);
  return { ctx, truth, kept, admissions, counts };
}
