import { describe, expect, it } from 'vitest';
import { compileView, runView } from '../src';

/** Which expressions the fast compiler takes, and that it agrees with fhirpath.js where it does. */
describe('fast FHIRPath compilation', () => {
  const view = {
    resource: 'Observation',
    select: [
      {
        column: [
          { name: 'id', path: 'getResourceKey()' },
          { name: 'value', path: 'value.ofType(Quantity).value' },
          { name: 'codes', path: 'code.coding.count()' },
          { name: 'subject', path: 'subject.getReferenceKey(Patient)' },
        ],
      },
      { forEach: 'component', column: [{ name: 'component_code', path: "code.coding.where(system = 'http://snomed.info/sct').code.first()" }] },
    ],
  };
  const observation = {
    resourceType: 'Observation',
    id: 'o1',
    subject: { reference: 'https://example.org/fhir/Patient/p1/_history/2' },
    code: { coding: [{ system: 'http://snomed.info/sct', code: '75367002' }, { system: 'http://loinc.org', code: '85354-9' }] },
    valueQuantity: { value: 5.5 },
    component: [{ code: { coding: [{ system: 'http://snomed.info/sct', code: '72313002' }] } }, { code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] } }],
  };

  it('reports the expressions left to fhirpath.js', () => {
    expect(compileView(view).interpretedPaths).toEqual(['view.select[0].column[2].path']);
    expect(compileView(view, { fastPaths: false }).interpretedPaths).toHaveLength(6);
  });

  it('gives the same rows either way', () => {
    const expected = [
      { id: 'o1', value: 5.5, codes: 2, subject: 'p1', component_code: '72313002' },
      { id: 'o1', value: 5.5, codes: 2, subject: 'p1', component_code: null },
    ];
    expect(runView(view, [observation])).toEqual(expected);
    expect(runView(view, [observation], { fastPaths: false })).toEqual(expected);
  });
});
