import type { Patient } from '@footprint/fhir';
import { describe, expect, it } from 'vitest';
import { demographicsOf } from '../../src/match/demographics';
import { scoreMatch } from '../../src/match/score';

const NHS = 'https://fhir.nhs.uk/Id/nhs-number';

function person(over: { family?: string; given?: string; birthDate?: string; gender?: Patient['gender']; postcode?: string; line?: string; nhs?: string } = {}): Patient {
  const p = { family: 'Bronte', given: 'Emily', birthDate: '1984-07-30', gender: 'female' as const, postcode: 'BD22 8DR', line: '12 Church Street', ...over };
  return {
    resourceType: 'Patient',
    ...(p.nhs ? { identifier: [{ system: NHS, value: p.nhs }] } : {}),
    name: [{ family: p.family, given: [p.given] }],
    birthDate: p.birthDate,
    gender: p.gender,
    address: [{ line: [p.line], postalCode: p.postcode }],
  };
}

const score = (a: Patient, b: Patient) => scoreMatch(demographicsOf(a), demographicsOf(b));

describe('scoring and grading a pair of records', () => {
  it('grades the same valid NHS number with the same date of birth and name as certain', () => {
    const s = score(person({ nhs: '9434765919' }), person({ nhs: '9434765919', postcode: 'LS1 4AB', line: '1 Other Road' }));
    expect(s.grade).toBe('certain');
    expect(s.score).toBeGreaterThanOrEqual(0.9);
    expect(s.reasons).toContain('nhs-number:same');
  });

  it('grades two different valid NHS numbers as certainly not the same person, whatever else agrees', () => {
    expect(score(person({ nhs: '9434765919' }), person({ nhs: '9434765870' })).grade).toBe('certainly-not');
  });

  it('ignores an NHS number that fails Modulus 11 and matches on demographics instead', () => {
    const s = score(person({ nhs: '9434765918' }), person({ nhs: '9434765870' }));
    expect(s.grade).toBe('probable');
    expect(s.reasons).not.toContain('nhs-number:same');
  });

  it('grades the same NHS number with a different date of birth as only probable', () => {
    expect(score(person({ nhs: '9434765919' }), person({ nhs: '9434765919', birthDate: '1948-12-19' })).grade).toBe('probable');
  });

  it('tolerates a typo in the surname (one edit) and a surname that sounds alike', () => {
    const typo = score(person(), person({ family: 'Brointe' }));
    expect(typo.grade).toBe('probable');
    expect(typo.reasons).toContain('family:close');
    expect(score(person({ family: 'Smith' }), person({ family: 'Smyth' })).grade).toBe('probable');
    expect(score(person(), person({ family: 'Bronte' })).score).toBeGreaterThan(typo.score);
  });

  it('finds a changed surname with the same given name, date of birth and address as probable', () => {
    const s = score(person(), person({ family: 'Heathcliff' }));
    expect(s.grade).toBe('probable');
    expect(s.reasons).toContain('rule:changed-surname');
    expect(score(person(), person({ family: 'Heathcliff', postcode: 'M1 1AA', line: '3 Mill Lane' })).grade).toBe('possible');
  });

  it('keeps twins (same surname, birth date and address, different first names) at possible', () => {
    const s = score(person({ given: 'Emily' }), person({ given: 'Anne' }));
    expect(s.grade).toBe('possible');
    expect(s.reasons).toContain('rule:capped-at-possible');
  });

  it('gives partial credit for a date of birth with day and month swapped, and none for another person', () => {
    expect(score(person(), person({ birthDate: '1984-07-03' })).reasons).toContain('birth-date:partial');
    expect(score(person({ birthDate: '1984-03-07' }), person({ birthDate: '1984-07-03' })).reasons).toContain('birth-date:partial');
    expect(score(person(), person({ family: 'Austen', given: 'Jane', birthDate: '1975-12-16', postcode: 'GU34 1SD', line: 'Chawton' })).grade).toBe('none');
  });

  it('caps a pair of different sexes at possible', () => {
    expect(score(person(), person({ gender: 'male' })).grade).toBe('possible');
  });
});
