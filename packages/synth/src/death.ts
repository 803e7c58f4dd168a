/**
 * Deaths during the history: a Gompertz annual risk by age, raised by sex, deprivation and the
 * person's conditions (care.json), and an ICD-10 underlying cause chosen from their conditions.
 */
import type { Observation } from '@footprint/fhir';
import { codes } from './codes';
import type { GenerationContext } from './context';
import { isoDate, YEAR_DAYS } from './dates';
import { deprivationFactor } from './parameters';
import type { Person } from './person';
import { organizationRef } from './organisation-resources';
import { ICD10 } from './systems';

/** The day the person dies within the history, or undefined when they live to the reference date. */
export function deathDay(ctx: GenerationContext, person: Person): number | undefined {
  const m = ctx.care.mortality;
  let factor = (person.sex === 'male' ? m.maleRatio : 1) * deprivationFactor(m.deprivationRatio, person.decile);
  for (const c of person.conditions) factor *= m.conditionRatios[c.condition.params.id] ?? 1;
  const { rng } = person;
  for (let day = person.fromDay; day < ctx.referenceDay; day += 365) {
    const age = (day - person.birthDay) / YEAR_DAYS;
    const q = Math.min(0.6, Math.exp(m.gompertz.intercept + m.gompertz.slope * age) * factor);
    const span = Math.min(365, ctx.referenceDay - day);
    if (rng.next() < q * (span / 365)) return day + rng.int(span);
  }
  return undefined;
}

/** The ICD-10 underlying cause: one of the person's fatal conditions when they have any, else a general cause. */
export function causeOfDeath(ctx: GenerationContext, person: Person): { code: string; display: string } {
  const { deathCauses } = ctx.care;
  const candidates = person.conditions.filter((c) => deathCauses[c.condition.params.id]);
  const other = codes(ctx.care.deathCausesOther);
  if (candidates.length && person.rng.chance(0.75)) {
    const code = deathCauses[person.rng.pick(candidates).condition.params.id];
    const known = other.codings.find((c) => c.code === code);
    return { code, display: known?.display ?? code };
  }
  const coding = other.codings[person.rng.int(other.codings.length)];
  return { code: coding.code!, display: coding.display! };
}

/** The cause-of-death Observation (SNOMED cause-of-death observable, ICD-10 value), held by the practice. */
export function causeOfDeathObservation(ctx: GenerationContext, person: Person, id: string): Observation {
  const cause = causeOfDeath(ctx, person);
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: codes('snomed/cause-of-death').main,
    subject: { reference: `Patient/${person.id}` },
    effectiveDateTime: isoDate(person.deathDay!),
    performer: [organizationRef(person.practice.code)],
    valueCodeableConcept: { coding: [{ system: ICD10, code: cause.code, display: cause.display }] },
  };
}
