import { OperationOutcomeError } from '@footprint/fhir';
import { describe, expect, it } from 'vitest';
import { checkBundle, parseEntry, processingOrder } from './entries';
import { errorForEntry, statusLine } from './errors';
import { collectReferences, rewriteReferences } from './references';
import { parseRequestUrl } from './request-url';

function outcomeOf(fn: () => unknown): { status: number; diagnostics: string; expression?: string } {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(OperationOutcomeError);
    const e = err as OperationOutcomeError;
    const issue = e.outcome.issue![0];
    return { status: e.status, diagnostics: issue.diagnostics ?? '', expression: issue.expression?.[0] };
  }
  throw new Error('expected an error');
}

describe('request URLs in Bundle entries', () => {
  it('parses types, instances, versions and searches, relative or absolute', () => {
    expect(parseRequestUrl('Patient', 'e')).toEqual({ kind: 'type', resourceType: 'Patient' });
    expect(parseRequestUrl('/Patient/123', 'e')).toEqual({ kind: 'instance', resourceType: 'Patient', id: '123' });
    expect(parseRequestUrl('https://r.example.nhs.uk/fhir/R4/Patient/1/_history/3', 'e')).toEqual({ kind: 'version', resourceType: 'Patient', id: '1', versionId: '3' });
    expect(parseRequestUrl('Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9990000018&active=true', 'e')).toEqual({
      kind: 'search',
      resourceType: 'Patient',
      query: 'identifier=https://fhir.nhs.uk/Id/nhs-number%7C9990000018&active=true',
      params: [['identifier', 'https://fhir.nhs.uk/Id/nhs-number|9990000018'], ['active', 'true']],
    });
  });

  it('rejects unknown types, bad ids and unsupported paths, naming the entry', () => {
    expect(outcomeOf(() => parseRequestUrl('Patinet/1', 'Bundle.entry[2]'))).toMatchObject({ status: 400, expression: 'Bundle.entry[2].request.url' });
    expect(outcomeOf(() => parseRequestUrl('Patient/a b', 'Bundle.entry[0]')).diagnostics).toMatch(/not a valid resource id/);
    expect(outcomeOf(() => parseRequestUrl('Patient/1/$everything', 'Bundle.entry[0]')).diagnostics).toMatch(/unsupported request URL/);
  });
});

describe('reference rewriting', () => {
  it('finds and rewrites references at any depth, including contained resources and extensions', () => {
    const resource = {
      resourceType: 'Observation',
      subject: { reference: 'urn:uuid:11111111-1111-4111-8111-111111111111' },
      performer: [{ reference: 'Practitioner/p1' }],
      component: [{ extension: [{ url: 'x', valueReference: { reference: 'urn:uuid:22222222-2222-4222-8222-222222222222' } }] }],
      contained: [{ resourceType: 'Provenance', target: [{ reference: 'urn:uuid:11111111-1111-4111-8111-111111111111' }] }],
    };
    expect(collectReferences(resource).sort()).toEqual([
      'Practitioner/p1',
      'urn:uuid:11111111-1111-4111-8111-111111111111',
      'urn:uuid:11111111-1111-4111-8111-111111111111',
      'urn:uuid:22222222-2222-4222-8222-222222222222',
    ]);
    const n = rewriteReferences(resource, new Map([
      ['urn:uuid:11111111-1111-4111-8111-111111111111', 'Patient/a'],
      ['urn:uuid:22222222-2222-4222-8222-222222222222', 'Encounter/b'],
    ]));
    expect(n).toBe(3);
    expect(resource.subject.reference).toBe('Patient/a');
    expect(resource.contained[0].target[0].reference).toBe('Patient/a');
    expect(resource.component[0].extension[0].valueReference.reference).toBe('Encounter/b');
    expect(resource.performer[0].reference).toBe('Practitioner/p1');
  });

  it('walks very deep resources without overflowing the stack', () => {
    let deep: Record<string, unknown> = { reference: 'urn:uuid:11111111-1111-4111-8111-111111111111' };
    for (let i = 0; i < 100_000; i++) deep = { extension: [deep] };
    expect(rewriteReferences(deep, new Map([['urn:uuid:11111111-1111-4111-8111-111111111111', 'Patient/a']]))).toBe(1);
  });
});

describe('Bundle and entry checks', () => {
  it('accepts only batch and transaction Bundles', () => {
    expect(outcomeOf(() => checkBundle({ resourceType: 'Patient' }, 10))).toMatchObject({ status: 400, expression: 'Bundle.resourceType' });
    expect(outcomeOf(() => checkBundle({ resourceType: 'Bundle', type: 'collection' }, 10)).diagnostics).toMatch(/type is "collection"/);
    expect(outcomeOf(() => checkBundle({ resourceType: 'Bundle', type: 'batch', entry: {} }, 10)).expression).toBe('Bundle.entry');
    expect(outcomeOf(() => checkBundle({ resourceType: 'Bundle', type: 'batch', entry: [{}, {}, {}] }, 2)).status).toBe(413);
    expect(() => checkBundle({ resourceType: 'Bundle', type: 'transaction' }, 10)).not.toThrow();
  });

  it('requires a request with method and url, and a matching resource for writes', () => {
    expect(outcomeOf(() => parseEntry({ resource: { resourceType: 'Patient' } }, 3))).toMatchObject({ status: 400, expression: 'Bundle.entry[3].request' });
    expect(outcomeOf(() => parseEntry({ request: { method: 'FETCH', url: 'Patient' } }, 0)).expression).toBe('Bundle.entry[0].request.method');
    expect(outcomeOf(() => parseEntry({ request: { method: 'POST', url: 'Patient' } }, 1)).diagnostics).toBe('Bundle.entry[1]: a POST entry needs a resource');
    expect(outcomeOf(() => parseEntry({ request: { method: 'POST', url: 'Patient' }, resource: { resourceType: 'Observation' } }, 1)).diagnostics).toMatch(/is a Observation but the request URL is for Patient/);
    expect(outcomeOf(() => parseEntry({ request: { method: 'PUT', url: 'Patient/1' }, resource: { resourceType: 'Patient', id: '2' } }, 1)).expression).toBe('Bundle.entry[1].resource.id');
    expect(outcomeOf(() => parseEntry({ request: { method: 'PATCH', url: 'Patient/1' } }, 0)).status).toBe(405);
    expect(outcomeOf(() => parseEntry({ fullUrl: 'urn:uuid:nope', request: { method: 'POST', url: 'Patient' }, resource: { resourceType: 'Patient' } }, 0)).expression).toBe('Bundle.entry[0].fullUrl');
  });

  it('copies resources so the caller’s Bundle is not changed', () => {
    const resource = { resourceType: 'Patient', id: 'p' };
    const parsed = parseEntry({ request: { method: 'PUT', url: 'Patient/p' }, resource }, 0);
    parsed.resource!.id = 'q';
    expect(resource.id).toBe('p');
  });

  it('orders DELETE, POST, PUT, GET and keeps entry order within each', () => {
    const e = (method: string, url: string, i: number) => parseEntry({ request: { method, url }, ...(method === 'POST' || method === 'PUT' ? { resource: { resourceType: 'Patient' } } : {}) }, i);
    const order = processingOrder([e('GET', 'Patient/1', 0), e('PUT', 'Patient/2', 1), e('POST', 'Patient', 2), e('DELETE', 'Patient/3', 3), e('POST', 'Patient', 4)]);
    expect(order.map((x) => x.index)).toEqual([3, 2, 4, 1, 0]);
  });
});

describe('entry errors', () => {
  it('name the entry and move element paths inside it', () => {
    const err = errorForEntry(new OperationOutcomeError(400, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'value', diagnostics: 'bad date', expression: ['Patient.birthDate'] }] }), 'Bundle.entry[3]', 'Patient') as OperationOutcomeError;
    expect(err.status).toBe(400);
    expect(err.outcome.issue![0]).toMatchObject({ diagnostics: 'Bundle.entry[3]: bad date', expression: ['Bundle.entry[3].resource.birthDate'] });
    expect(statusLine(201)).toBe('201 Created');
    const bug = new TypeError('x');
    expect(errorForEntry(bug, 'Bundle.entry[0]')).toBe(bug);
  });
});
