/**
 * Council social care and voluntary sector support. A practice refers (ServiceRequest) to the
 * council, which assesses (Encounter at the local authority) and may put in a package of care
 * (CarePlan authored by the local authority). Practices also refer people to voluntary
 * organisations (ServiceRequest performed by the voluntary organisation). docs/synth.md lists the
 * exact resource types and codes the warehouse maps to social_care.
 */
import type { CarePlan, ServiceRequest } from '@footprint/fhir';
import { codes } from './codes';
import type { GenerationContext } from './context';
import { eventDays } from './clinical';
import { isoDate, isoDateTime } from './dates';
import { organizationRef } from './organisation-resources';
import { deprivationFactor } from './parameters';
import { ageOn, has, nextId, type Emit, type Person } from './person';
import { ACT_CODE } from './systems';

function referral(person: Person, code: string, performer: string, day: number, status: ServiceRequest['status']): ServiceRequest {
  return {
    resourceType: 'ServiceRequest',
    id: nextId(person),
    status,
    intent: 'order',
    code: codes(code).pick(person.rng),
    subject: { reference: `Patient/${person.id}` },
    authoredOn: isoDate(day),
    requester: organizationRef(person.practice.code),
    performer: [organizationRef(performer)],
  };
}

export function emitSocialCare(ctx: GenerationContext, person: Person, emit: Emit): void {
  const { care, directory } = ctx;
  const { rng } = person;
  const sc = care.socialCare;
  const council = directory.localAuthorities[person.placeIndex];
  const from = person.fromDay;
  const to = person.toDay;
  let assessmentRate = 0;
  for (const [id, r] of Object.entries(sc.assessmentRate)) {
    if (id === 'age75') {
      if (ageOn(person, to) >= 75) assessmentRate += r;
    } else if (has(person, id)) assessmentRate += r;
  }
  for (const day of eventDays(person, assessmentRate, from + 60, to)) {
    const referred = day - 7 - rng.int(42);
    emit(council.code, referral(person, 'snomed/social-care-referral', council.code, referred, 'completed'));
    emit(council.code, {
      resourceType: 'Encounter',
      id: nextId(person),
      status: 'finished',
      class: { system: ACT_CODE, code: 'HH', display: 'home health' },
      type: [codes('snomed/social-care-assessment').main],
      subject: { reference: `Patient/${person.id}` },
      period: { start: isoDateTime(day, 540 + rng.int(420)) },
      serviceProvider: organizationRef(council.code),
    });
    if (rng.chance(sc.packageAfterAssessment)) {
      const start = day + 7 + rng.int(21);
      if (start > to) continue;
      const months = sc.packageMonths[0] + rng.int(sc.packageMonths[1] - sc.packageMonths[0] + 1);
      const end = start + Math.round(months * 30.4);
      const ongoing = end > to && person.deathDay === undefined;
      const plan: CarePlan = {
        resourceType: 'CarePlan',
        id: nextId(person),
        status: ongoing ? 'active' : 'completed',
        intent: 'plan',
        category: [codes('snomed/social-care-package').main],
        title: 'Package of care',
        subject: { reference: `Patient/${person.id}` },
        period: ongoing ? { start: isoDate(start) } : { start: isoDate(start), end: isoDate(Math.min(end, to)) },
        author: organizationRef(council.code),
        activity: [{ detail: { status: ongoing ? 'in-progress' : 'completed', code: codes('snomed/social-care-package').main, performer: [organizationRef(council.code)] } }],
      };
      emit(council.code, plan);
    }
  }

  const vr = care.voluntaryReferral;
  let voluntaryRate = ageOn(person, to) >= 16 ? vr.baseRate : 0;
  for (const [id, r] of Object.entries(vr.conditionRates)) if (has(person, id)) voluntaryRate += r;
  voluntaryRate *= deprivationFactor(vr.deprivationRatio, person.decile);
  const choices = directory.voluntaryByPlace[person.placeIndex];
  for (const day of eventDays(person, voluntaryRate, from, to)) {
    const org = rng.pick(choices);
    emit(org.code, referral(person, 'snomed/voluntary-referral', org.code, day, day + 90 < to ? 'completed' : 'active'));
  }
}
