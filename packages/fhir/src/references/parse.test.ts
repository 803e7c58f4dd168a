import { describe, expect, it } from 'vitest';
import { parseReference } from './parse';

describe('parseReference', () => {
  it('reads relative, versioned and absolute references', () => {
    expect(parseReference('Patient/123')).toEqual({ kind: 'resource', resourceType: 'Patient', id: '123', absolute: false });
    expect(parseReference('Patient/123/_history/4')).toMatchObject({ resourceType: 'Patient', id: '123', versionId: '4' });
    expect(parseReference('https://x.nhs.uk/fhir/R4/Organization/a.b-c')).toEqual({
      kind: 'resource', resourceType: 'Organization', id: 'a.b-c', absolute: true,
    });
  });

  it('recognises contained, urn and conditional references', () => {
    expect(parseReference('#p1')).toEqual({ kind: 'contained', id: 'p1' });
    expect(parseReference('urn:uuid:3f2504e0-4f89-11d3-9a0c-0305e82c3301')).toEqual({ kind: 'urn', value: 'urn:uuid:3f2504e0-4f89-11d3-9a0c-0305e82c3301' });
    expect(parseReference('Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9990000018')).toEqual({
      kind: 'conditional', resourceType: 'Patient', query: 'identifier=https://fhir.nhs.uk/Id/nhs-number|9990000018',
    });
    expect(parseReference('https://example.org/some/thing')).toEqual({ kind: 'external', url: 'https://example.org/some/thing' });
  });

  it('rejects unknown types, bad ids and malformed urns', () => {
    for (const r of ['Foo/1', 'patient/1', 'Patient/', 'Patient/a b', 'Patient/' + 'x'.repeat(65), 'urn:uuid:nope', 'Foo?x=1', 'Patient?', '123', '#a b', 'Patient/1/2']) {
      expect(parseReference(r), r).toBeUndefined();
    }
  });
});
