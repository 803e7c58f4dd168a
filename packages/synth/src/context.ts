/**
 * Everything a run needs that does not change from person to person: the footprint, population
 * frame, organisations, health model, parameters and code choices. Built once per run.
 */
import { codes, type CodeChoice } from './codes';
import { dayOf, YEAR_DAYS } from './dates';
import { resolveFootprint, type Footprint } from './footprint';
import { HealthModel } from './health';
import { NhsNumbers, nhsNumberCapacity } from './nhs-numbers';
import { OrganisationDirectory } from './organisations';
import { careFile, conditionsFile, namesFile, populationFile, treatmentRules, type CareFile, type NamesFile, type PopulationFile } from './parameters';
import { PopulationFrame } from './population';
import { hashString } from './random';

export interface GenerateOptions {
  /** Bundled footprint id, STP ONS code, `england`, or a footprint JSON file path. */
  footprint: string;
  people: number;
  seed: number;
  /** Last day of the history (YYYY-MM-DD); default 2026-03-31. */
  referenceDate?: string;
  /** Years of history before the reference date; default 5. */
  years?: number;
  /** Register a few people a second time with another partner (duplicates.ts), for record matching; default false. */
  duplicates?: boolean;
}

export const DEFAULT_REFERENCE_DATE = '2026-03-31';
export const DEFAULT_YEARS = 5;

export interface Treatment {
  condition: string;
  choice: CodeChoice;
  share: number;
}

export interface GenerationContext {
  options: Required<GenerateOptions>;
  footprint: Footprint;
  frame: PopulationFrame;
  directory: OrganisationDirectory;
  model: HealthModel;
  nhsNumbers: NhsNumbers;
  care: CareFile;
  population: PopulationFile;
  names: NamesFile;
  treatments: Treatment[];
  /** Prefix of every person-level resource id: distinct per footprint and seed. */
  idPrefix: string;
  referenceDay: number;
  startDay: number;
}

/** Checks options and builds the run's context; throws an Error naming the bad option. */
export function createContext(input: GenerateOptions): GenerationContext {
  const options: Required<GenerateOptions> = {
    footprint: input.footprint,
    people: input.people,
    seed: input.seed,
    referenceDate: input.referenceDate ?? DEFAULT_REFERENCE_DATE,
    years: input.years ?? DEFAULT_YEARS,
    duplicates: input.duplicates ?? false,
  };
  if (!Number.isInteger(options.people) || options.people < 1) throw new Error(`people must be a whole number of at least 1 (got ${input.people})`);
  const capacity = nhsNumberCapacity();
  if (options.people > capacity) {
    throw new Error(`people must be at most ${capacity}: the NHS number test range 999 000 0000–999 999 9999 holds only that many valid numbers`);
  }
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0xffffffff) {
    throw new Error(`seed must be a whole number from 0 to 4294967295 (got ${input.seed})`);
  }
  if (!(options.years > 0 && options.years <= 30)) throw new Error(`years must be more than 0 and at most 30 (got ${input.years})`);
  const referenceDay = dayOf(options.referenceDate);
  const footprint = resolveFootprint(options.footprint);
  const frame = new PopulationFrame(footprint, options.people);
  const known = new Set(conditionsFile().conditions.map((c) => c.id));
  const treatments = treatmentRules().map((r) => {
    if (!known.has(r.condition)) throw new Error(`treatments.json names unknown condition ${r.condition}`);
    return { condition: r.condition, choice: codes(r.codelist), share: r.share };
  });
  return {
    options,
    footprint,
    frame,
    directory: new OrganisationDirectory(footprint, frame, options.seed),
    model: new HealthModel(),
    nhsNumbers: new NhsNumbers(options.seed),
    care: careFile(),
    population: populationFile(),
    names: namesFile(),
    treatments,
    idPrefix: `s${hashString(`${footprint.id}|${options.seed}`).toString(36)}`,
    referenceDay,
    startDay: referenceDay - Math.round(options.years * YEAR_DAYS),
  };
}
