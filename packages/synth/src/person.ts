/**
 * One synthetic person: where they live, their age, sex, ethnicity, name and practice, their true
 * conditions, and (when they die during the history) their date of death. The Patient resource is
 * built here; their care is added by clinical.ts, care.ts and social-care.ts.
 */
import type { Extension, Patient, Resource } from '@footprint/fhir';
import type { GenerationContext } from './context';
import type { Lsoa } from './data';
import { isoDate, YEAR_DAYS } from './dates';
import type { ConditionState } from './health';
import { organizationRef } from './organisation-resources';
import type { Organisation } from './organisations';
import type { Sex } from './population';
import { Random, cumulative, hashString } from './random';
import { LSOA_EXTENSION, NHS_NUMBER_SYSTEM, ONS_GEOGRAPHY, PLACE_EXTENSION, UKCORE_ETHNIC_CATEGORY_EXTENSION } from './systems';
import { deathDay } from './death';

/** Receives each generated resource with the key (ODS code) of the organisation whose file holds it. */
export type Emit = (organisation: string, resource: Resource) => void;

const PERSON_STREAM = hashString('person');

export interface Person {
  index: number;
  id: string;
  rng: Random;
  lsoa: Lsoa;
  placeIndex: number;
  decile: number;
  /** Age at the reference date (or the age they would have been). */
  age: number;
  sex: Sex;
  birthDay: number;
  ethnicity: string;
  practice: Organisation;
  /** Shared latent risk (standard normal) behind multimorbidity. */
  latent: number;
  conditions: ConditionState[];
  deathDay?: number;
  /** First and last day of this person's history (born or window start; death or reference date). */
  fromDay: number;
  toDay: number;
  /** Counter for resource ids. */
  serial: number;
}

export function has(person: Person, id: string): boolean {
  return person.conditions.some((c) => c.condition.params.id === id);
}

export function diagnosed(person: Person, id: string): boolean {
  return person.conditions.some((c) => c.diagnosed && c.condition.params.id === id);
}

export function nextId(person: Person): string {
  return `${person.id}-${(person.serial++).toString(36)}`;
}

/** Age in whole years on a day. */
export function ageOn(person: Person, day: number): number {
  return Math.floor((day - person.birthDay) / YEAR_DAYS);
}

const ethnicityCaches = new WeakMap<GenerationContext, Map<string, { codes: string[]; cumulative: Float64Array }>>();

function ethnicityFor(ctx: GenerationContext, rng: Random, placeIndex: number, decile: number): string {
  const e = ctx.population.ethnicity;
  if (rng.chance(e.notStated.share)) return e.notStated.code;
  let ethnicityCache = ethnicityCaches.get(ctx);
  if (!ethnicityCache) ethnicityCaches.set(ctx, (ethnicityCache = new Map()));
  const key = `${placeIndex}|${decile}`;
  let table = ethnicityCache.get(key);
  if (!table) {
    const factors = e.placeFactors[ctx.footprint.places[placeIndex].ladCode] ?? {};
    const codes = Object.keys(e.shares);
    const weights = codes.map((c) => (c === e.whiteBritish ? e.shares[c] : e.shares[c] * e.deprivationFactor[decile - 1] * (factors[c] ?? 1)));
    table = { codes, cumulative: cumulative(weights) };
    ethnicityCache.set(key, table);
  }
  return table.codes[rng.weighted(table.cumulative)];
}

/** Draws the person (demographics, practice, conditions, death) without writing anything. */
export function createPerson(ctx: GenerationContext, index: number): Person {
  const rng = new Random(ctx.options.seed, PERSON_STREAM, index);
  const { frame, directory } = ctx;
  const lsoaIndex = frame.lsoaIndexOf(index);
  const lsoa = frame.lsoas[lsoaIndex];
  const placeIndex = frame.placeOfLsoa[lsoaIndex];
  const age = frame.age(rng, lsoa);
  const sex = frame.sex(rng, age);
  const birthDay = ctx.referenceDay - Math.floor((age + rng.next()) * YEAR_DAYS) - 1;
  const ethnicity = ethnicityFor(ctx, rng, placeIndex, lsoa.imdDecile);
  const catchment = directory.catchmentPractice(placeIndex, index);
  const practice = rng.chance(0.07) ? directory.neighbourPractice(placeIndex, catchment.index, rng) : catchment.practice;
  const latent = rng.normal();
  const conditions = ctx.model.assign(rng, age, sex, lsoa.imdDecile, latent);
  const person: Person = {
    index,
    id: `${ctx.idPrefix}-${index.toString(36)}`,
    rng,
    lsoa,
    placeIndex,
    decile: lsoa.imdDecile,
    age,
    sex,
    birthDay,
    ethnicity,
    practice,
    latent,
    conditions,
    fromDay: Math.max(ctx.startDay, birthDay),
    toDay: ctx.referenceDay,
    serial: 0,
  };
  const died = deathDay(ctx, person);
  if (died !== undefined) {
    person.deathDay = died;
    person.toDay = died;
  }
  return person;
}

function nameOf(ctx: GenerationContext, person: Person): { given: string; family: string } {
  const { names } = ctx;
  const traditions = names.byEthnicity[person.ethnicity] ?? ['british'];
  const givenFrom = names.traditions[person.rng.pick(traditions)];
  const familyFrom = names.traditions[person.rng.pick(traditions)];
  return { given: person.rng.pick(person.sex === 'male' ? givenFrom.male : givenFrom.female), family: person.rng.pick(familyFrom.family) };
}

/** The Patient resource, held by the registered practice. */
export function patientResource(ctx: GenerationContext, person: Person): Patient {
  const { rng } = person;
  const place = ctx.footprint.places[person.placeIndex];
  const name = nameOf(ctx, person);
  const street = `${1 + rng.int(180)} ${rng.pick(ctx.names.streets)} ${rng.pick(ctx.names.streetKinds)}`;
  const town = person.lsoa.name.replace(/ \d+[A-Z]$/, '');
  const extension: Extension[] = [
    {
      url: UKCORE_ETHNIC_CATEGORY_EXTENSION,
      valueCodeableConcept: { coding: [{ system: ctx.population.ethnicity.system, code: person.ethnicity }] },
    },
  ];
  const patient: Patient = {
    resourceType: 'Patient',
    id: person.id,
    extension,
    identifier: [{ system: NHS_NUMBER_SYSTEM, value: ctx.nhsNumbers.forIndex(person.index) }],
    active: true,
    name: [{ use: 'official', family: name.family, given: [name.given] }],
    gender: person.sex,
    birthDate: isoDate(person.birthDay),
    address: [
      {
        use: 'home',
        line: [street],
        city: town,
        district: place.name,
        country: 'GB',
        extension: [
          { url: LSOA_EXTENSION, valueCoding: { system: ONS_GEOGRAPHY, code: person.lsoa.code, display: person.lsoa.name } },
          { url: PLACE_EXTENSION, valueCoding: { system: ONS_GEOGRAPHY, code: place.ladCode, display: place.name } },
        ],
      },
    ],
    generalPractitioner: [organizationRef(person.practice.code)],
    managingOrganization: organizationRef(person.practice.code),
  };
  if (person.deathDay !== undefined) patient.deceasedDateTime = isoDate(person.deathDay);
  return patient;
}
