/**
 * What the trust model needs to show in a synthetic footprint: council social care episodes
 * (EpisodeOfCare typed `social-care`, managed by the person's council), which give the council a
 * care relationship with the person, and a few sensitive items (a diagnosis from the sensitive
 * codelists, recorded where it would be in life, and mental health contacts labelled restricted),
 * which only their recording organisation and the person may see. Drawn from a stream of its own,
 * so the rest of each person's record is the same as without it.
 */
import type { Condition, Encounter, EpisodeOfCare } from '@footprint/fhir';
import { codes } from './codes';
import type { GenerationContext } from './context';
import { isoDate, isoDateTime } from './dates';
import { organizationRef } from './organisation-resources';
import type { Organisation } from './organisations';
import { ageOn, diagnosed, has, nextId, type Emit, type Person } from './person';
import { hashString, Random } from './random';
import { ACT_CODE, CONDITION_CLINICAL, CONDITION_VERIFICATION, CONFIDENTIALITY, SOCIAL_CARE_EPISODE } from './systems';

const TRUST_STREAM = hashString('trust');

/** Chance of an open council social care episode: for every adult, and more with age and need. */
const SOCIAL_CARE_EPISODE_RATE = { adult: 0.05, age75: 0.15, frailty: 0.2, dementia: 0.25, learningDisability: 0.3 };
/** Chance an adult has a sensitive diagnosis on record. */
const SENSITIVE_DIAGNOSIS_RATE = 0.02;
/** Chance a mental health contact of someone with a severe mental illness is labelled restricted. */
const RESTRICTED_CONTACT_RATE = 0.3;

type Where = 'practice' | 'trust';
const SENSITIVE_DIAGNOSES: ReadonlyArray<{ list: string; where: Where; eligible: (p: Person, age: number) => boolean }> = [
  { list: 'snomed/sensitive-sexually-transmitted-infections', where: 'practice', eligible: (_p, age) => age >= 16 },
  { list: 'snomed/sensitive-hiv', where: 'trust', eligible: (_p, age) => age >= 16 },
  { list: 'snomed/sensitive-termination-of-pregnancy', where: 'trust', eligible: (p, age) => p.sex === 'female' && age >= 16 && age <= 50 },
  { list: 'snomed/sensitive-assisted-conception', where: 'trust', eligible: (p, age) => p.sex === 'female' && age >= 25 && age <= 45 },
  { list: 'snomed/sensitive-gender-reassignment', where: 'practice', eligible: (_p, age) => age >= 16 },
];

function socialCareEpisode(ctx: GenerationContext, person: Person, rng: Random, emit: Emit): void {
  const age = ageOn(person, person.toDay);
  if (age < 18 || person.deathDay !== undefined) return;
  const r = SOCIAL_CARE_EPISODE_RATE;
  const rate = r.adult + (age >= 75 ? r.age75 : 0) + (has(person, 'frailty') ? r.frailty : 0) + (diagnosed(person, 'dementia') ? r.dementia : 0) + (diagnosed(person, 'learning-disability') ? r.learningDisability : 0);
  if (!rng.chance(Math.min(rate, 0.9))) return;
  const council = ctx.directory.localAuthorities[person.placeIndex];
  const start = Math.max(person.fromDay, person.toDay - 30 - rng.int(700));
  const episode: EpisodeOfCare = {
    resourceType: 'EpisodeOfCare',
    id: nextId(person),
    status: 'active',
    type: [{ coding: [{ ...SOCIAL_CARE_EPISODE }] }],
    patient: { reference: `Patient/${person.id}` },
    managingOrganization: organizationRef(council.code),
    period: { start: isoDate(start) },
  };
  emit(council.code, episode);
}

function sensitiveDiagnosis(ctx: GenerationContext, person: Person, rng: Random, emit: Emit): void {
  const age = ageOn(person, person.toDay);
  if (age < 16 || !rng.chance(SENSITIVE_DIAGNOSIS_RATE)) return;
  const choices = SENSITIVE_DIAGNOSES.filter((d) => d.eligible(person, age));
  const choice = choices[rng.int(choices.length)];
  const day = Math.max(person.fromDay, person.toDay - rng.int(1500));
  const recorder: Organisation = choice.where === 'practice' ? person.practice : ctx.directory.trustFor(person.placeIndex, ageOn(person, day), rng);
  const condition: Condition = {
    resourceType: 'Condition',
    id: nextId(person),
    clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: 'active' }] },
    verificationStatus: { coding: [{ system: CONDITION_VERIFICATION, code: 'confirmed' }] },
    code: codes(choice.list).pick(rng),
    subject: { reference: `Patient/${person.id}` },
    recordedDate: isoDate(day),
  };
  emit(recorder.code, condition);
}

function restrictedContact(ctx: GenerationContext, person: Person, rng: Random, emit: Emit): void {
  if (!diagnosed(person, 'severe-mental-illness') || !rng.chance(RESTRICTED_CONTACT_RATE)) return;
  const provider = ctx.directory.mentalHealth;
  const day = Math.max(person.fromDay, person.toDay - rng.int(300));
  const minute = 540 + rng.int(420);
  const contact: Encounter = {
    resourceType: 'Encounter',
    id: nextId(person),
    meta: { security: [{ system: CONFIDENTIALITY, code: 'R', display: 'restricted' }] },
    status: 'finished',
    class: { system: ACT_CODE, code: 'AMB', display: 'ambulatory' },
    type: [codes('snomed/mental-health-contact').main],
    subject: { reference: `Patient/${person.id}` },
    period: { start: isoDateTime(day, minute), end: isoDateTime(day, minute + 50) },
    serviceProvider: organizationRef(provider.code),
  };
  emit(provider.code, contact);
}

export function emitTrustRecords(ctx: GenerationContext, person: Person, emit: Emit): void {
  if (person.toDay <= person.fromDay) return;
  const rng = new Random(ctx.options.seed, TRUST_STREAM, person.index);
  socialCareEpisode(ctx, person, rng, emit);
  sensitiveDiagnosis(ctx, person, rng, emit);
  restrictedContact(ctx, person, rng, emit);
}
