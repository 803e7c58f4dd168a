import { OperationOutcomeError as MedplumOutcomeError, validateResource as medplumValidate } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { observation, patient } from '../../test/examples';
import { validResources } from '../../test/resources';
import { ensureDefinitions } from '../definitions/load';
import { structureIssues } from './structure';

/** Structural issues as `path: message`, array indexes removed so both validators' paths compare. */
const normalise = (issues: Array<{ expression?: string[]; diagnostics?: string; details?: { text?: string } }>) =>
  issues.map((i) => `${(i.expression?.[0] ?? '').replace(/\[\d+\]/g, '')}: ${i.details?.text ?? i.diagnostics}`).sort();

function medplum(resource: Resource): string[] {
  try {
    return normalise(medplumValidate(resource).filter((i) => i.severity === 'error'));
  } catch (err) {
    if (!(err instanceof MedplumOutcomeError)) throw err;
    return normalise((err.outcome.issue ?? []).filter((i) => i.severity === 'error'));
  }
}

/** Ours, without the rules @medplum/core does not have (codes other than structure/invariant). */
function ours(resource: Resource): string[] {
  return normalise(structureIssues(resource).filter((i) => i.code === 'structure' || i.code === 'invariant'));
}

/** Problems both validators report identically. */
const agreed: Array<[string, unknown]> = [
  ['unknown property', { ...patient, favouriteColour: 'blue' }],
  ['wrong JSON type', { ...patient, active: 'yes' }],
  ['number for a date', { ...patient, birthDate: 19840301 }],
  ['array for a single', { ...patient, gender: ['female'] }],
  ['missing required', { resourceType: 'Observation', code: { text: 'x' } }],
  ['whitespace string', { ...observation, code: { text: '   ' } }],
  ['bad date format', { ...patient, birthDate: '01/03/1984' }],
  ['bad instant', { ...patient, meta: { lastUpdated: '2024-01-01' } }],
  ['bad uri', { ...patient, identifier: [{ system: 'has space', value: '1' }] }],
  ['null value', { ...patient, gender: null }],
  ['invariant', { resourceType: 'AllergyIntolerance', patient: { reference: 'Patient/p1' } }],
  ['contained resource problem', { ...patient, contained: [{ resourceType: 'Organization', id: 'o', nickname: 'x' }] }],
  ['code with two spaces', { ...patient, gender: 'fe  male' }],
  ['contained inside contained (dom-2)', { ...patient, managingOrganization: { reference: '#o' }, contained: [{ resourceType: 'Organization', id: 'o', name: 'x', contained: [{ resourceType: 'Organization', id: 'p', name: 'y' }] }] }],
  ['version on a contained resource (dom-4)', { ...patient, managingOrganization: { reference: '#o' }, contained: [{ resourceType: 'Organization', id: 'o', name: 'x', meta: { versionId: '2' } }] }],
];

/**
 * Where we deliberately differ: @medplum/core treats empty values as absent (so `gender: ""`
 * passes), names choice elements `multipleBirth[x]` rather than the JSON property, reports
 * primitive extensions under the primitive's name, and reports each character of a string given
 * for an array as an unknown property. We report the JSON path as written.
 */
const differing: Array<[string, unknown, string[]]> = [
  ['empty string', { ...patient, gender: '' }, ['Patient.gender: Invalid empty value']],
  ['empty object', { ...observation, code: {} }, ['Observation.code: Invalid empty value']],
  ['empty array', { ...patient, name: [] }, ['Patient.name: Invalid empty value']],
  ['decimal for integer', { resourceType: 'Patient', multipleBirthInteger: 1.5 }, ['Patient.multipleBirthInteger: Expected number to be an integer']],
  ['bad primitive extension', { ...patient, _birthDate: { extension: [{ url: 'http://x', valueBoolean: 'no' }] } }, ['Patient._birthDate.extension.valueBoolean: Invalid JSON type: expected boolean, but got string']],
  ['string for an array', { ...patient, contact: [{ relationship: 'mum' }] }, [
    "Patient.contact: Constraint pat-1 not met: SHALL at least contain a contact's details or a reference to an organization",
    'Patient.contact.relationship: Expected array of values for property',
  ]],
  ['empty value inside, and the invariant', { ...observation, referenceRange: [{ text: '' }] }, [
    'Observation.referenceRange.text: Invalid empty value',
    'Observation.referenceRange: Constraint obs-3 not met: Must have at least a low or a high or text',
  ]],
];

describe('structural validation', () => {
  ensureDefinitions();

  it('finds nothing wrong with valid resources of many types, like @medplum/core', () => {
    for (const r of validResources) {
      expect(ours(r), r.resourceType).toEqual([]);
      expect(medplum(r), r.resourceType).toEqual([]);
    }
  });

  it('reports the same structural problems as @medplum/core’s validator', () => {
    for (const [name, resource] of agreed) {
      const expected = medplum(resource as Resource);
      expect(expected.length, name).toBeGreaterThan(0);
      expect(ours(resource as Resource), name).toEqual(expected);
    }
  });

  it('reports the JSON path as written, and empty values, where @medplum/core differs', () => {
    for (const [name, resource, expected] of differing) expect(ours(resource as Resource), name).toEqual(expected.sort());
  });

  it('keeps array indexes in paths', () => {
    const issues = structureIssues({ ...patient, name: [{ family: 'A' }, { given: 'B' }] } as Resource);
    expect(issues.map((i) => i.expression?.[0])).toEqual(['Patient.name[1].given']);
  });

  it('rejects two types for one choice element', () => {
    const issues = structureIssues({ ...observation, valueString: 'x', valueBoolean: true } as Resource);
    expect(issues.map((i) => i.diagnostics)).toEqual(['Only one type of value[x] is allowed, but found "valueString" and "valueBoolean"']);
  });

  it('accepts base64Binary with line breaks and spaces, as the R4 regex allows, and still refuses what is not base64', () => {
    const binary = (data: string) => structureIssues({ resourceType: 'Binary', contentType: 'application/pdf', data } as Resource).map((i) => i.diagnostics);
    // As in the official Binary example (fhir-test-cases r4/examples/binary-example.json): a space every 76 characters.
    expect(binary('JVBERi0xLjUNJeLjz9MNCjEwIDAgb2JqDTw8L0xpbmVhcml6ZWQgMS9MIDEzMDA2OC9PIDEyL0Ug MTI1NzM1L04gMS9UIDEyOTc2NC9IIFsgNTQ2IDIwNF0+Pg1lbmRvYmoNICAgICAgICAgICAgICAg DQo=')).toEqual([]);
    expect(binary('SGVs\r\nbG8g\n V29y bGQ=\n')).toEqual([]);
    expect(binary('SGVsbG8=')).toEqual([]);
    expect(binary('SGVsbG8')).toEqual(['Invalid base64Binary format']);
    expect(binary('SGV*bG8=')).toEqual(['Invalid base64Binary format']);
    expect(binary('SG=sbG8=')).toEqual(['Invalid base64Binary format']);
  });
});
