import type { OperationOutcomeIssue } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { condition, encounter, observation, patient } from '../../test/examples';
import { OperationOutcomeError } from '../errors';
import { validateResource } from './validate';

/** The issues a validation failure reports, as [expression, diagnostics] pairs. */
function issuesOf(resource: unknown, options?: { resourceType?: string }): Array<[string | undefined, string]> {
  try {
    validateResource(resource, options);
  } catch (err) {
    expect(err).toBeInstanceOf(OperationOutcomeError);
    const e = err as OperationOutcomeError;
    expect(e.status).toBe(400);
    return (e.outcome.issue ?? []).map((i: OperationOutcomeIssue) => [i.expression?.[0], i.diagnostics ?? '']);
  }
  return [];
}

const paths = (resource: unknown) => issuesOf(resource).map(([p]) => p);

describe('validateResource', () => {
  it('accepts good resources of many types', () => {
    const good: unknown[] = [
      patient, observation, condition, encounter,
      { resourceType: 'Organization', identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'RBQ' }], name: 'Liverpool Heart and Chest' },
      { resourceType: 'Practitioner', name: [{ family: 'Okafor', given: ['Ada'] }] },
      { resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: { reference: 'Patient/p1' },
        medicationCodeableConcept: { coding: [{ system: 'https://dmd.nhs.uk', code: '39732311000001104' }] }, authoredOn: '2024-01-05' },
      { resourceType: 'AllergyIntolerance', clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] }, patient: { reference: 'Patient/p1' }, code: { text: 'Penicillin' } },
      { resourceType: 'Immunization', status: 'completed', vaccineCode: { text: 'Influenza' }, patient: { reference: 'Patient/p1' }, occurrenceDateTime: '2023-10-01' },
      { resourceType: 'Consent', status: 'active', scope: { text: 'sharing' }, category: [{ text: 'sharing' }], policyRule: { text: 'opt-in' }, patient: { reference: 'urn:uuid:3f2504e0-4f89-11d3-9a0c-0305e82c3301' } },
      { resourceType: 'Patient', contained: [{ resourceType: 'Organization', id: 'o1', name: 'A' }], managingOrganization: { reference: '#o1' } },
      { resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: 'Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9990000018' } },
    ];
    for (const r of good) expect(issuesOf(r), JSON.stringify(r).slice(0, 60)).toEqual([]);
  });

  it('rejects a body that is not a resource, with a clear message', () => {
    expect(issuesOf([])[0][1]).toMatch(/JSON object/);
    expect(issuesOf(null)[0][1]).toMatch(/JSON object/);
    expect(issuesOf({ id: 'x' })).toEqual([['resourceType', 'The resource has no resourceType']]);
  });

  it('rejects an unknown resourceType and suggests the right one', () => {
    expect(issuesOf({ resourceType: 'Patinet' })).toEqual([['resourceType', '"Patinet" is not a FHIR R4 resource type (did you mean "Patient"?)']]);
    expect(issuesOf({ resourceType: 'patient' })[0][1]).toMatch(/did you mean "Patient"/);
    expect(issuesOf({ resourceType: 'Spaceship' })[0][1]).toBe('"Spaceship" is not a FHIR R4 resource type');
  });

  it('rejects a type other than the one expected', () => {
    expect(issuesOf(observation, { resourceType: 'Patient' })[0]).toEqual(['resourceType', 'Expected a Patient resource but the body is a Observation']);
  });

  it('reports structure, datatype and cardinality problems with their paths', () => {
    expect(paths({ resourceType: 'Patient', favouriteColour: 'blue' })).toEqual(['Patient.favouriteColour']);
    expect(paths({ resourceType: 'Patient', active: 'yes' })).toEqual(['Patient.active']);
    expect(paths({ resourceType: 'Patient', birthDate: 19840301 })).toEqual(['Patient.birthDate']);
    expect(paths({ resourceType: 'Observation', code: { text: 'x' } })).toEqual(['Observation.status']);
    expect(paths({ resourceType: 'Patient', gender: ['female', 'male'] })).toContain('Patient.gender');
    expect(paths({ resourceType: 'Patient', name: [{ given: 'Ann' }] })).toEqual(['Patient.name[0].given']);
  });

  it('rejects dates that do not exist or lack a time zone', () => {
    expect(issuesOf({ ...patient, birthDate: '2021-02-30' })).toEqual([
      ['Patient.birthDate', '"2021-02-30" is not a valid date: no such date or time on the calendar'],
    ]);
    expect(paths({ ...patient, birthDate: '2021-13-01' })).toEqual(['Patient.birthDate']);
    expect(paths({ ...condition, onsetDateTime: '2019-11-31' })).toEqual(['Condition.onsetDateTime']);
    expect(paths({ ...encounter, period: { start: '2024-04-30T10:00:00' } })).toEqual(['Encounter.period.start']);
    expect(paths({ ...patient, _birthDate: { extension: [{ url: 'http://example.org/x', valueDate: '2019-02-29' }] } })).toEqual([
      'Patient._birthDate.extension[0].valueDate',
    ]);
  });

  it('rejects bad NHS numbers and ODS codes, naming the identifier', () => {
    const nhs = (value: string) => ({ ...patient, identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value }] });
    expect(issuesOf(nhs('9990000019'))).toEqual([['Patient.identifier[0].value', 'Invalid NHS number: the NHS number fails the Modulus 11 check digit']]);
    expect(paths(nhs('999000001'))).toEqual(['Patient.identifier[0].value']);
    expect(paths(nhs('999 000 0018'))).toEqual(['Patient.identifier[0].value']);
    const ods = (value: string) => ({ resourceType: 'Organization', name: 'x', identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value }] });
    expect(paths(ods('E54000008'))).toEqual(['Organization.identifier[0].value']);
    expect(paths(ods('rbq'))).toEqual(['Organization.identifier[0].value']);
    // Identifiers nested in references and contained resources are checked too.
    expect(paths({ ...observation, performer: [{ identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'toolongcode' } }] })).toEqual([
      'Observation.performer[0].identifier.value',
    ]);
  });

  it('rejects malformed references and references to the wrong type', () => {
    expect(issuesOf({ ...observation, subject: { reference: 'Foo/1' } })[0][0]).toBe('Observation.subject.reference');
    expect(issuesOf({ ...observation, encounter: { reference: 'Patient/1' } })).toEqual([
      ['Observation.encounter.reference', 'a reference here must point to Encounter, not Patient'],
    ]);
    expect(paths({ ...observation, subject: { reference: 'Patient/has space' } })).toEqual(['Observation.subject.reference']);
    expect(paths({ ...observation, subject: { reference: 'urn:uuid:not-a-uuid' } })).toEqual(['Observation.subject.reference']);
  });

  it('rejects codes outside a required value set', () => {
    expect(issuesOf({ ...patient, gender: 'F' })).toEqual([
      ['Patient.gender', '"F" is not a code in http://hl7.org/fhir/ValueSet/administrative-gender (allowed: male, female, other, unknown)'],
    ]);
    expect(paths({ ...observation, status: 'done' })).toEqual(['Observation.status']);
  });

  it('rejects bad resource ids, including contained ones', () => {
    expect(paths({ ...patient, id: 'has space' })).toEqual(['Patient.id']);
    expect(paths({ resourceType: 'Patient', contained: [{ resourceType: 'Organization', id: 'x'.repeat(65), name: 'A' }], managingOrganization: { reference: '#' + 'x'.repeat(65) } })).toContain(
      'Patient.contained[0].id',
    );
  });

  it('lists every problem at once', () => {
    const bad = { ...patient, gender: 'F', birthDate: '2021-02-30', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '1234567890' }] };
    expect(paths(bad).sort()).toEqual(['Patient.birthDate', 'Patient.gender', 'Patient.identifier[0].value']);
  });
});
