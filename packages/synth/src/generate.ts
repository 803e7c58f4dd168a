/**
 * Generates a footprint into a sink: first the partnership's directory of organisations, then
 * people in chunks. Each person depends only on (seed, person index), so output is identical for a
 * seed and memory stays bounded by one chunk whatever the size.
 */
import type { Resource } from '@footprint/fhir';
import { emitCare } from './care';
import { conditionDates, emitConditions, emitMedications, emitObservations } from './clinical';
import { createContext, type GenerateOptions, type GenerationContext } from './context';
import { isoDate } from './dates';
import { causeOfDeathObservation } from './death';
import { duplicateRecord } from './duplicates';
import { directoryResources } from './organisation-resources';
import { createPerson, nextId, patientResource, type Person } from './person';
import { emitSocialCare } from './social-care';
import { emitTrustRecords } from './trust';

/** What the ground-truth file says about one person: every true condition, diagnosed or not. */
export interface GroundTruthRecord {
  patient: string;
  practice: string;
  lsoa: string;
  imdDecile: number;
  sex: 'female' | 'male';
  age: number;
  died?: string;
  conditions: { condition: string; diagnosed: boolean; since: string; signal: string | null }[];
  /** Ids of the constructed second records of this person (duplicates.ts), when there are any. */
  duplicates?: string[];
}

export interface FootprintSink {
  /**
   * One resource for the file of the organisation with this ODS code. Resources share their
   * unchanging parts (codes, categories) with each other: copy one before changing it.
   */
  resource(organisation: string, resource: Resource): void;
  groundTruth(record: GroundTruthRecord): void;
  /** Called after the directory and after each chunk of people: write out, apply backpressure. */
  flush?(): Promise<void>;
}

export interface GenerateRunOptions {
  /** People per chunk (default 2,000). */
  chunkSize?: number;
  /** Called after each chunk with people done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** Writes one person's whole record into the sink and returns their ground truth. */
export function emitPerson(ctx: GenerationContext, person: Person, sink: FootprintSink): GroundTruthRecord {
  const emit = (org: string, resource: Resource) => sink.resource(org, resource);
  const patient = patientResource(ctx, person);
  emit(person.practice.code, patient);
  const duplicate = duplicateRecord(ctx, person, patient);
  if (duplicate) emit(duplicate.organisation, duplicate.patient);
  const dates = conditionDates(person);
  emitConditions(person, dates, emit);
  emitObservations(ctx, person, dates, emit);
  emitMedications(ctx, person, dates, emit);
  emitCare(ctx, person, emit);
  emitSocialCare(ctx, person, emit);
  if (person.deathDay !== undefined) emit(person.practice.code, causeOfDeathObservation(ctx, person, nextId(person)));
  emitTrustRecords(ctx, person, emit);
  const record: GroundTruthRecord = {
    patient: person.id,
    practice: person.practice.code,
    lsoa: person.lsoa.code,
    imdDecile: person.decile,
    sex: person.sex,
    age: person.age,
    conditions: person.conditions.map((c) => ({
      condition: c.condition.params.id,
      diagnosed: c.diagnosed,
      since: isoDate(dates.get(c.condition.params.id)!),
      signal: c.diagnosed ? null : c.condition.params.undiagnosedSignal,
    })),
  };
  if (person.deathDay !== undefined) record.died = isoDate(person.deathDay);
  if (duplicate) record.duplicates = [duplicate.patient.id!];
  return record;
}

/** Generates the whole footprint into the sink and returns the run's context. */
export async function generateFootprint(options: GenerateOptions, sink: FootprintSink, run: GenerateRunOptions = {}): Promise<GenerationContext> {
  const ctx = createContext(options);
  await generateInto(ctx, sink, run);
  return ctx;
}

/** Generates into the sink from an already-built context (options checked). */
export async function generateInto(ctx: GenerationContext, sink: FootprintSink, run: GenerateRunOptions = {}): Promise<void> {
  const chunk = run.chunkSize ?? 2000;
  for (const r of directoryResources(ctx.directory)) sink.resource(ctx.directory.partnership.code, r);
  await sink.flush?.();
  const total = ctx.options.people;
  for (let start = 0; start < total; start += chunk) {
    const end = Math.min(total, start + chunk);
    for (let i = start; i < end; i++) sink.groundTruth(emitPerson(ctx, createPerson(ctx, i), sink));
    await sink.flush?.();
    run.onProgress?.(end, total);
  }
}

