import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { condition, encounter, observation, patient } from '../../test/examples';
import { extractSearchValues } from './extract';
import type { ExtractedValue } from './types';

const of = (resource: Resource, code: string): ExtractedValue[] => extractSearchValues(resource).filter((v) => v.code === code);

describe('extractSearchValues', () => {
  it('indexes every part of a name and address as normalised strings', () => {
    expect(of(patient, 'family')).toEqual([{ code: 'family', type: 'string', value: 'Brontë', normalized: 'bronte' }]);
    expect(of(patient, 'name').map((v) => v.type === 'string' && v.normalized)).toEqual(['bronte', 'zoe', 'anne', 'ms']);
    expect(of(patient, 'address').map((v) => v.type === 'string' && v.normalized)).toEqual(['1 market street', 'haworth', 'bd22 8dr', 'gb']);
    expect(of(patient, 'address-postalcode')).toEqual([{ code: 'address-postalcode', type: 'string', value: 'BD22 8DR', normalized: 'bd22 8dr' }]);
  });

  it('indexes tokens from identifiers, codes, booleans, contact points and codings', () => {
    expect(of(patient, 'identifier')).toEqual([{ code: 'identifier', type: 'token', system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9990000018' }]);
    expect(of(patient, 'gender')).toEqual([{ code: 'gender', type: 'token', value: 'female' }]);
    expect(of(patient, 'active')).toEqual([{ code: 'active', type: 'token', value: 'true' }]);
    expect(of(patient, 'email')).toEqual([{ code: 'email', type: 'token', system: 'email', value: 'zoe@example.org' }]);
    expect(of(patient, 'telecom')).toHaveLength(2);
    expect(of(observation, 'code')).toEqual([
      { code: 'code', type: 'token', system: 'http://snomed.info/sct', value: '75367002', text: 'Blood pressure' },
      { code: 'code', type: 'token', text: 'Blood pressure' },
    ]);
    expect(of(encounter, 'class')).toEqual([
      { code: 'class', type: 'token', system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', value: 'AMB', text: 'ambulatory' },
    ]);
    expect(of(observation, 'component-code').map((v) => v.type === 'token' && v.value)).toEqual(['271649006', '271650006']);
  });

  it('indexes references with their target type and id, also from absolute URLs', () => {
    expect(of(observation, 'subject')).toEqual([{ code: 'subject', type: 'reference', reference: 'Patient/pat-1', targetType: 'Patient', targetId: 'pat-1' }]);
    expect(of(observation, 'patient')).toHaveLength(1);
    expect(of(patient, 'organization')).toEqual([
      { code: 'organization', type: 'reference', reference: 'https://record.example.nhs.uk/fhir/R4/Organization/org-b86001', targetType: 'Organization', targetId: 'org-b86001' },
    ]);
    // `patient` is only subjects that are Patients.
    expect(of({ ...observation, subject: { reference: 'Group/g1' } } as Resource, 'patient')).toEqual([]);
    expect(of({ ...observation, subject: { reference: '#c1' } } as Resource, 'subject')).toEqual([{ code: 'subject', type: 'reference', reference: '#c1' }]);
  });

  it('indexes dates as ranges by precision, periods and instants', () => {
    expect(of(patient, 'birthdate')).toEqual([{ code: 'birthdate', type: 'date', start: '1984-03-01T00:00:00.000Z', end: '1984-04-01T00:00:00.000Z' }]);
    expect(of(observation, 'date')).toEqual([{ code: 'date', type: 'date', start: '2024-04-30T09:15:00.000Z', end: '2024-04-30T09:15:01.000Z' }]);
    expect(of(encounter, 'date')).toEqual([{ code: 'date', type: 'date', start: '2024-04-30T09:00:00.000Z', end: '2024-04-30T09:20:01.000Z' }]);
    expect(of({ ...encounter, period: { start: '2024-04-30' } } as Resource, 'date')).toEqual([
      { code: 'date', type: 'date', start: '2024-04-30T00:00:00.000Z', end: '9999-12-31T23:59:59.999Z' },
    ]);
    expect(of(condition, 'onset-date')).toEqual([{ code: 'onset-date', type: 'date', start: '2019-11-02T00:00:00.000Z', end: '2019-11-03T00:00:00.000Z' }]);
    expect(of(patient, '_lastUpdated')).toEqual([{ code: '_lastUpdated', type: 'date', start: '2024-05-01T09:30:00.000Z', end: '2024-05-01T09:30:00.001Z' }]);
  });

  it('indexes quantities and numbers', () => {
    expect(of(observation, 'component-value-quantity')).toEqual([
      { code: 'component-value-quantity', type: 'quantity', value: 142, system: 'http://unitsofmeasure.org', unit: 'mmHg', qcode: 'mm[Hg]' },
      { code: 'component-value-quantity', type: 'quantity', value: 91, system: 'http://unitsofmeasure.org', unit: 'mmHg', qcode: 'mm[Hg]' },
    ]);
    const risk = { resourceType: 'RiskAssessment', status: 'final', subject: { reference: 'Patient/p' }, prediction: [{ probabilityDecimal: 0.12 }] } as Resource;
    expect(of(risk, 'probability')).toEqual([{ code: 'probability', type: 'number', value: 0.12 }]);
    const length = { resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, length: { value: 20, unit: 'min', system: 'http://unitsofmeasure.org', code: 'min' } } as Resource;
    expect(of(length, 'length')).toEqual([{ code: 'length', type: 'quantity', value: 20, unit: 'min', system: 'http://unitsofmeasure.org', qcode: 'min' }]);
  });

  it('indexes uris', () => {
    const profiled = { ...patient, meta: { profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient'] } } as Resource;
    expect(of(profiled, '_profile')).toEqual([{ code: '_profile', type: 'uri', value: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient' }]);
  });

  it('drops duplicate values of one parameter and skips composite parameters', () => {
    const twice = { ...condition, code: { coding: [condition.code!.coding![0], condition.code!.coding![0]] } } as Resource;
    expect(of(twice, 'code')).toHaveLength(1);
    expect(extractSearchValues(observation).some((v) => v.code === 'code-value-quantity')).toBe(false);
  });

  it('returns nothing for an unknown resource type', () => {
    expect(extractSearchValues({ resourceType: 'Spaceship' } as unknown as Resource)).toEqual([]);
  });
});
