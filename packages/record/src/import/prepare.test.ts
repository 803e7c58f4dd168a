import { describe, expect, it } from 'vitest';
import { odsCodeFromFileName, organisationOf } from './prepare';

describe('contributing organisation of imported resources', () => {
  it('reads an ODS code from the file name', () => {
    expect(odsCodeFromFileName('/data/RBQ.ndjson')).toBe('RBQ');
    expect(odsCodeFromFileName('Z10001.ndjson.gz')).toBe('Z10001');
    expect(odsCodeFromFileName('A81001_Patient.ndjson')).toBe('A81001');
    expect(odsCodeFromFileName('ground-truth.ndjson')).toBeUndefined();
    expect(odsCodeFromFileName('Patient.ndjson')).toBeUndefined();
    expect(odsCodeFromFileName('E54000008.ndjson')).toBeUndefined();
  });

  it('prefers the named organisation, then the resource’s ODS tag, then the file name, then meta.source', () => {
    const tagged = { resourceType: 'Patient', meta: { tag: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', code: 'A81001' }], source: 'urn:x' } };
    const sourced = { resourceType: 'Patient', meta: { source: 'https://gp.example/fhir' } };
    expect(organisationOf(tagged, { named: 'RBQ', fromFileName: 'RJR' })).toBe('RBQ');
    expect(organisationOf(tagged, { fromFileName: 'RJR' })).toBe('A81001');
    expect(organisationOf(sourced, { fromFileName: 'RJR' })).toBe('RJR');
    expect(organisationOf(sourced)).toBe('https://gp.example/fhir');
    expect(organisationOf({ resourceType: 'Patient' })).toBe('unknown');
  });
});
