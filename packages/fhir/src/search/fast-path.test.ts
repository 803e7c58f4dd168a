import type { Resource } from '@medplum/fhirtypes';
import { afterAll, describe, expect, it } from 'vitest';
import { condition, observation, patient } from '../../test/examples';
import { validResources } from '../../test/resources';
import { extractSearchValues, setFastPath } from './extract';
import { compileFastPath } from './fast-path';

/** Variants beyond the shared valid resources, to exercise choice types and booleans. */
const variants = [
  { ...observation, valueQuantity: { value: 7.2, unit: '%' }, component: undefined, effectivePeriod: { start: '2024-01-01' }, effectiveDateTime: undefined },
  { ...observation, valueCodeableConcept: { text: 'Positive', coding: [{ code: 'pos' }] }, component: undefined },
  { ...observation, valueString: 'see notes', component: undefined },
  { ...condition, onsetDateTime: undefined, onsetString: 'childhood', abatementAge: { value: 30, unit: 'a' } },
  { ...patient, deceasedBoolean: true },
  { ...patient, deceasedBoolean: false },
  { ...patient, deceasedDateTime: '2021-06-01' },
] as unknown as Resource[];

/** Parameters where the FHIRPath engine types a dateTime as a string for `as(string)`; FHIR does not. */
const knownLooseness = new Set(['onset-info', 'abatement-string']);

function values(resource: Resource, fast: boolean): string[] {
  setFastPath(fast);
  return extractSearchValues(resource).filter((v) => !knownLooseness.has(v.code)).map((v) => JSON.stringify(v)).sort();
}

describe('the fast path for search-parameter expressions', () => {
  afterAll(() => setFastPath(true));

  it('gives exactly the values the FHIRPath engine gives, for many resource types', () => {
    for (const resource of [...validResources.filter((r) => r.resourceType !== 'Bundle'), ...variants]) {
      expect(values(resource, true), resource.resourceType).toEqual(values(resource, false));
    }
  });

  it('types a dateTime as a dateTime, so as(string) does not pick it up', () => {
    setFastPath(true);
    expect(extractSearchValues(condition).filter((v) => v.code === 'onset-info')).toEqual([]);
  });

  it('handles the common expression shapes and leaves the rest to FHIRPath', () => {
    expect(compileFastPath('Patient', 'Patient.name.given')).toBeTypeOf('function');
    expect(compileFastPath('Observation', "(Observation.value as Quantity) | (Observation.component.value as Quantity)")).toBeTypeOf('function');
    expect(compileFastPath('Patient', "Patient.telecom.where((system = 'email'))")).toBeTypeOf('function');
    expect(compileFastPath('Observation', 'Observation.subject.where((resolve() is Patient))')).toBeTypeOf('function');
    expect(compileFastPath('Patient', "Patient.name.where(given.exists())")).toBeUndefined();
    const deceased = compileFastPath('Patient', '(Patient.deceased.exists() and (Patient.deceased != false))')!;
    expect(deceased(patient)).toEqual([{ type: 'boolean', value: false }]);
    expect(deceased({ ...patient, deceasedBoolean: false })).toEqual([{ type: 'boolean', value: false }]);
    expect(deceased({ ...patient, deceasedBoolean: true })).toEqual([{ type: 'boolean', value: true }]);
    expect(deceased({ ...patient, deceasedDateTime: '2020-01-01' })).toEqual([{ type: 'boolean', value: true }]);
    const email = compileFastPath('Patient', "Patient.telecom.where((system = 'email'))")!;
    expect(email(patient)).toEqual([{ type: 'ContactPoint', value: { system: 'email', value: 'zoe@example.org' } }]);
  });
});
